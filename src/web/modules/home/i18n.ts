export const zh = {
  home: {
    role: '当前角色：{{role}}',
    shortcuts: '常用功能',
    desc: {
      products: '商品编码、规格、单位换算、条码与价格',
      categories: '按层级整理商品类别',
      customers: '客户资料、价格等级、信用额度与收货地址',
      suppliers: '供应商资料与供货商品、采购价',
      warehouses: '仓库与库位',
      imports: '用 Excel 批量导入商品、客户、供应商',
      users: '添加用户、分配角色、停用账号',
      apiKeys: '供其他系统调用接口的密钥',
      auditLog: '谁在什么时候改了什么',
      salesOrders: '开单、审核、预留库存、打印',
      approvalRules: '哪些订单需要审核、由谁审核',
      stockLevels: '各仓库的现存量、占用与可用量',
      stockAdjustments: '报损、报溢与库存调整单',
      stockOpening: '录入期初库存与成本',
    },
  },
};

export const en: typeof zh = {
  home: {
    role: 'Role: {{role}}',
    shortcuts: 'Shortcuts',
    desc: {
      products: 'SKUs, specs, pack units, barcodes and prices',
      categories: 'Organise products into a category tree',
      customers: 'Customers, price tiers, credit limits and addresses',
      suppliers: 'Suppliers and the products they supply, with prices',
      warehouses: 'Warehouses and their bins',
      imports: 'Bulk-import products, customers and suppliers from Excel',
      users: 'Add users, assign roles, disable accounts',
      apiKeys: 'Keys that let other systems call the API',
      auditLog: 'Who changed what, and when',
      salesOrders: 'Enter, approve, reserve stock and print',
      approvalRules: 'Which orders need approval, and by whom',
      stockLevels: 'On hand, reserved and available per warehouse',
      stockAdjustments: 'Damage, overage and other stock adjustments',
      stockOpening: 'Enter opening stock and its cost',
    },
  },
};
