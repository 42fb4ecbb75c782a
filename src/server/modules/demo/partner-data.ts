// Word lists for the demo's customers, suppliers and warehouses. All names are made up.

export type Region = { province: string; city: string; areaCode: string; postalCode: string; districts: string[] };

/** Where the demo business's customers are: Zhejiang first, then the neighbours. */
export const regions: Region[] = [
  { province: '浙江省', city: '杭州市', areaCode: '0571', postalCode: '310000', districts: ['西湖区', '拱墅区', '上城区', '滨江区', '余杭区', '萧山区'] },
  { province: '浙江省', city: '宁波市', areaCode: '0574', postalCode: '315000', districts: ['海曙区', '鄞州区', '江北区'] },
  { province: '浙江省', city: '温州市', areaCode: '0577', postalCode: '325000', districts: ['鹿城区', '瓯海区', '龙湾区'] },
  { province: '浙江省', city: '绍兴市', areaCode: '0575', postalCode: '312000', districts: ['越城区', '柯桥区'] },
  { province: '浙江省', city: '嘉兴市', areaCode: '0573', postalCode: '314000', districts: ['南湖区', '秀洲区'] },
  { province: '江苏省', city: '苏州市', areaCode: '0512', postalCode: '215000', districts: ['姑苏区', '吴中区', '虎丘区'] },
  { province: '江苏省', city: '南京市', areaCode: '025', postalCode: '210000', districts: ['玄武区', '秦淮区', '鼓楼区'] },
  { province: '上海市', city: '上海市', areaCode: '021', postalCode: '200000', districts: ['浦东新区', '闵行区', '徐汇区', '静安区'] },
  { province: '安徽省', city: '合肥市', areaCode: '0551', postalCode: '230000', districts: ['蜀山区', '包河区'] },
];

export const streets = ['中山路', '解放路', '人民路', '建设路', '文一路', '学院路', '新华路', '延安路', '凤起路', '长江路', '和平路', '振兴路', '工业路', '湖滨路', '天目山路', '江南大道'];

export const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹'];
export const givenNames = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '文博', '子涵', '雨桐', '志强', '海燕', '晓东', '丹丹', '国庆', '春梅'];

/** Shop-name words: 万家福超市, 鑫源便利店… */
export const tradeWords = ['万家福', '好又多', '鑫源', '惠民', '百家乐', '家家乐', '佳佳', '便民', '和顺', '兴隆', '福源', '金泰', '恒发', '顺心', '嘉禾', '阳光', '新世纪', '优品', '乐购', '华润达', '永盛', '同心', '瑞丰', '合家欢', '汇通', '鼎盛'];

export type CustomerKind = { suffix: string; tags: string[]; tiers: Array<'retail' | 'wholesale' | 'vip'>; weight: number };

export const customerKinds: CustomerKind[] = [
  { suffix: '超市', tags: ['超市'], tiers: ['wholesale', 'wholesale', 'vip'], weight: 12 },
  { suffix: '便利店', tags: ['便利店'], tiers: ['retail', 'wholesale'], weight: 12 },
  { suffix: '商贸有限公司', tags: ['批发商'], tiers: ['wholesale', 'vip'], weight: 8 },
  { suffix: '餐饮管理有限公司', tags: ['餐饮'], tiers: ['retail', 'wholesale'], weight: 5 },
  { suffix: '文具店', tags: ['文具店'], tiers: ['retail', 'wholesale'], weight: 5 },
  { suffix: '科技有限公司', tags: ['企业采购'], tiers: ['retail'], weight: 4 },
  { suffix: '物业服务有限公司', tags: ['企业采购'], tiers: ['retail', 'wholesale'], weight: 4 },
];

export const contactTitles = ['老板', '店长', '采购', '采购经理', '财务', '行政主管'];
export const customerNotes = ['每周二、五送货', '送货前请电话联系', '开具增值税专用发票', '周末不收货', '货到付款', '门店后门卸货'];

export type SupplierDef = { name: string; address: string; areaCode: string; brands: string[]; tags: string[]; leadTimeDays: number; moq: number };

/** Nine brand distributors, plus one general wholesaler that supplies a mix (see suppliers.ts). */
export const supplierDefs: SupplierDef[] = [
  { name: '杭州清泉湾饮品有限公司', address: '浙江省杭州市余杭区仁和街道云城路18号', areaCode: '0571', brands: ['清泉湾', '山溪源', '冰爽'], tags: ['饮料', '厂家直供'], leadTimeDays: 2, moq: 240 },
  { name: '上海茶语轩饮品有限公司', address: '上海市松江区九亭镇九新公路339号', areaCode: '021', brands: ['果然鲜', '茶语轩'], tags: ['饮料'], leadTimeDays: 3, moq: 150 },
  { name: '呼和浩特牧野乳业有限公司', address: '内蒙古自治区呼和浩特市赛罕区金桥开发区宝力尔街6号', areaCode: '0471', brands: ['牧野', '草原牧歌'], tags: ['乳品', '厂家直供'], leadTimeDays: 6, moq: 480 },
  { name: '嘉兴乐滋食品有限公司', address: '浙江省嘉兴市秀洲区洪合镇工业园区12号', areaCode: '0573', brands: ['乐滋滋', '脆香坊', '金谷丰', '面面香', '早点到'], tags: ['休闲食品', '方便食品'], leadTimeDays: 3, moq: 100 },
  { name: '五常金穗粮油贸易有限公司', address: '黑龙江省哈尔滨市五常市五常镇长山路66号', areaCode: '0451', brands: ['金穗', '福满仓', '禾田', '鲜味坊'], tags: ['粮油', '调味品'], leadTimeDays: 7, moq: 50 },
  { name: '苏州白云朵纸业有限公司', address: '江苏省苏州市吴中区甪直镇淞南路99号', areaCode: '0512', brands: ['白云朵', '柔心', '巧厨'], tags: ['纸品', '日用品'], leadTimeDays: 4, moq: 120 },
  { name: '广州清漾日化有限公司', address: '广东省广州市白云区太和镇永兴村工业区A栋', areaCode: '020', brands: ['清漾', '丝悦', '洁齿灵'], tags: ['日化'], leadTimeDays: 5, moq: 96 },
  { name: '义乌文思文具有限公司', address: '浙江省金华市义乌市稠江街道杨村路288号', areaCode: '0579', brands: ['文思', '墨点', '书香阁', '办公宝', '立信达'], tags: ['文具', '办公用品'], leadTimeDays: 3, moq: 200 },
  { name: '绍兴净朗日化有限公司', address: '浙江省绍兴市上虞区曹娥街道江扬路77号', areaCode: '0575', brands: ['净朗', '洁立方', '家美净', '勤快手', '绿环'], tags: ['清洁用品', '日化'], leadTimeDays: 3, moq: 60 },
  { name: '义乌通达日用品批发有限公司', address: '浙江省金华市义乌市福田街道国际商贸城二区H2-15号', areaCode: '0579', brands: [], tags: ['批发市场', '日用品'], leadTimeDays: 2, moq: 0 },
];

export const supplierTitles = ['销售经理', '业务员', '区域经理', '财务', '客服'];
