import type { Lang, Placeholder, PlaceholderType, TemplateText } from './template-engine.js';

// The events jxc tells people about: who hears of each, what its templates may use, and the
// built-in texts (an admin may replace them per language). Where an outbox topic already exists the
// event has its name; `source` says which topic (and tracking status) it comes from.

export type Audience = 'customer' | 'staff';
export type NotificationEvent = {
  event: string;
  audience: Audience;
  zh: string;
  en: string;
  /** The outbox topic the event comes from (and the condition), or `planned` when nothing emits it yet. */
  source: string;
  placeholders: Placeholder[];
  defaults: Record<Lang, TemplateText>;
};

const ph = (name: string, type: PlaceholderType, zh: string, en: string, example: unknown, fields?: Placeholder[]): Placeholder => ({ name, type, zh, en, example, ...(fields ? { fields } : {}) });

const shopName = ph('shopName', 'text', '店铺名称', 'Shop name', '鑫源商贸');
const customerName = ph('customerName', 'text', '客户名称', 'Customer name', '杭州明辉五金有限公司');
const number = ph('number', 'text', '订单号', 'Order number', 'SO-20261128-0001');
const orderNumber = ph('orderNumber', 'text', '订单号', 'Order number', 'SO-20261128-0001');
const lineFields = [
  ph('sku', 'text', '商品编码', 'SKU', 'A-1001'),
  ph('name', 'text', '商品名称', 'Product name', '不锈钢合页 4 寸'),
  ph('quantity', 'number', '数量', 'Quantity', 12),
  ph('unit', 'text', '单位', 'Unit', '个'),
];
const orderLines = ph('lines', 'list', '订单明细', 'Order lines', [
  { sku: 'A-1001', name: '不锈钢合页 4 寸', quantity: 12, unit: '个', unitPrice: 850, total: 10200 },
  { sku: 'B-2040', name: '十字螺丝 M4×20（盒）', quantity: 3, unit: '盒', unitPrice: 2600, total: 7800 },
], [...lineFields, ph('unitPrice', 'money', '单价', 'Unit price', 850), ph('total', 'money', '金额', 'Line amount', 10200)]);
const shipmentFields = [orderNumber, ph('carrierName', 'text', '快递公司', 'Carrier', '顺丰速运'), ph('trackingNumber', 'text', '运单号', 'Tracking number', 'SF1234567890123'),
  ph('trackingLink', 'url', '物流查询链接', 'Tracking link', 'https://shop.example.com/t/8KQ2ZP4M')];
const returnFields = [ph('returnNumber', 'text', '退货单号', 'Return number', 'TH-20261205-0003'), orderNumber];

const zh = (subject: string, body: string[]): TemplateText => ({ subject, body: body.join('\n') });
const en = zh;

const customerEvents: NotificationEvent[] = [
  {
    event: 'order.confirmed', audience: 'customer', zh: '订单已确认', en: 'Order confirmed', source: 'order.confirmed',
    placeholders: [shopName, customerName, number, orderLines, ph('total', 'money', '订单合计（含税）', 'Order total (incl. tax)', 18000), ph('tax', 'money', '其中税额', 'Of which tax', 2071),
      ph('expectedDate', 'date', '预计交货日期', 'Expected delivery date', '2026-12-03')],
    defaults: {
      'zh-CN': zh('【{{shopName}}】您的订单 {{number}} 已确认', ['{{customerName}}，您好：', '', '您的订单 {{number}} 已确认，我们会尽快为您备货发货。', '', '{{#each lines}}· {{name}} × {{quantity}}{{unit}}，{{total}}', '{{/each}}', '合计 {{total}}（含税 {{tax}}）', '{{#if expectedDate}}预计交货日期：{{expectedDate}}{{/if}}', '', '感谢您的惠顾！']),
      en: en('[{{shopName}}] Your order {{number}} is confirmed', ['Dear {{customerName}},', '', 'Thank you for your order {{number}}. It is confirmed and we are getting it ready.', '', '{{#each lines}}- {{quantity}} {{unit}} {{name}}: {{total}}', '{{/each}}', 'Total {{total}} (including tax {{tax}})', '{{#if expectedDate}}Expected delivery: {{expectedDate}}{{/if}}', '', 'Kind regards,', '{{shopName}}']),
    },
  },
  {
    event: 'order.backordered', audience: 'customer', zh: '缺货通知', en: 'Backorder notice', source: 'order.backordered (confirming an order with lines short)',
    placeholders: [shopName, customerName, number,
      ph('lines', 'list', '缺货明细', 'Lines waiting for stock', [
        { sku: 'A-1001', name: '不锈钢合页 4 寸', quantity: 5, unit: '个', restockDate: '2026-12-10', dateUnknown: null },
        { sku: 'B-2040', name: '十字螺丝 M4×20', quantity: 200, unit: '个', restockDate: null, dateUnknown: { zh: '到货日期待定', en: 'date not yet known' } },
      ], [...lineFields, ph('restockDate', 'date', '该商品预计到货日期', 'When this line is expected', '2026-12-10'),
        ph('dateUnknown', 'text', '无到货日期时为“到货日期待定”', '“date not yet known” when the line has no date', { zh: '到货日期待定', en: 'date not yet known' })]),
      // The example has a line without a date, so the order has no date for everything either.
      ph('restockDate', 'date', '预计全部到货日期（每行都有日期时）', 'When everything is expected (when every line has a date)', null),
      ph('dateUnknown', 'text', '有商品未定到货日期时为“到货日期待定”', '“date not yet known” when some line has no date', { zh: '到货日期待定', en: 'date not yet known' })],
    defaults: {
      'zh-CN': zh('【{{shopName}}】订单 {{number}} 部分商品暂时缺货', ['{{customerName}}，您好：', '', '非常抱歉，您订单 {{number}} 中的以下商品暂时缺货：', '',
        '{{#each lines}}· {{name}}，缺 {{quantity}}{{unit}}，{{#if restockDate}}预计 {{restockDate}} 到货{{/if}}{{dateUnknown}}', '{{/each}}',
        '{{#if restockDate}}以上商品预计 {{restockDate}} 前全部到货，到货后我们会第一时间为您发出。{{/if}}{{#if dateUnknown}}到货日期待定的商品我们正在加紧补货，到货后会第一时间为您发出。{{/if}}',
        '其余商品照常发货。如需调整订单，请联系我们。']),
      en: en('[{{shopName}}] Some items of order {{number}} are on backorder', ['Dear {{customerName}},', '', 'We are sorry: these items of your order {{number}} are temporarily out of stock:', '',
        '{{#each lines}}- {{quantity}} {{unit}} {{name}}: {{#if restockDate}}expected {{restockDate}}{{/if}}{{dateUnknown}}', '{{/each}}',
        '{{#if restockDate}}We expect all of them by {{restockDate}} and will send them as soon as they arrive.{{/if}}{{#if dateUnknown}}We are restocking the items without a date and will send them as soon as they arrive.{{/if}}',
        'The rest of your order ships as usual. Contact us if you would like to change the order.']),
    },
  },
  {
    event: 'stock.back_in_stock', audience: 'customer', zh: '到货通知', en: 'Back in stock', source: 'stock.back_in_stock',
    placeholders: [shopName, customerName, ph('sku', 'text', '商品编码', 'SKU', 'A-1001'), ph('name', 'text', '商品名称', 'Product name', '不锈钢合页 4 寸'),
      ph('available', 'number', '可用数量（无可用时为空）', 'Quantity available (empty when none)', 120),
      ph('orderNumber', 'text', '已为其预留到货的订单号（订阅关联订单时）', 'The order the stock is set aside for (a subscription for an order)', 'SO-20261128-0001')],
    defaults: {
      'zh-CN': zh('【{{shopName}}】您关注的 {{name}} 已到货', ['{{customerName}}，您好：', '', '您关注的商品 {{name}}（{{sku}}）已经到货{{#if orderNumber}}，订单 {{orderNumber}} 所需的数量已为您预留，我们会尽快为您发货{{/if}}。',
        '{{#if available}}现有库存 {{available}}，库存有限，欢迎尽快下单。{{/if}}']),
      en: en('[{{shopName}}] {{name}} is back in stock', ['Dear {{customerName}},', '',
        '{{name}} ({{sku}}), which you asked about, is back in stock{{#if orderNumber}}, and what your order {{orderNumber}} needs is set aside for you: we will ship it soon{{/if}}.',
        '{{#if available}}{{available}} available. Order soon, stock is limited.{{/if}}']),
    },
  },
  {
    event: 'shipment.shipped', audience: 'customer', zh: '已发货', en: 'Shipped', source: 'shipment.shipped',
    placeholders: [shopName, customerName, ...shipmentFields, ph('expectedDate', 'date', '预计送达日期', 'Expected delivery date', '2026-12-02'),
      ph('lines', 'list', '本次发货明细', 'Lines in this shipment', [{ sku: 'A-1001', name: '不锈钢合页 4 寸', quantity: 12, unit: '个' }], lineFields)],
    defaults: {
      'zh-CN': zh('【{{shopName}}】订单 {{orderNumber}} 已发货，{{carrierName}} {{trackingNumber}}', ['{{customerName}}，您好：', '', '您的订单 {{orderNumber}} 已交由{{carrierName}}发出，运单号 {{trackingNumber}}。', '{{#each lines}}· {{name}} × {{quantity}}{{unit}}', '{{/each}}', '{{#if expectedDate}}预计 {{expectedDate}} 送达。{{/if}}', '查看物流：{{trackingLink}}']),
      en: en('[{{shopName}}] Order {{orderNumber}} has shipped: {{carrierName}} {{trackingNumber}}', ['Dear {{customerName}},', '', 'Your order {{orderNumber}} is on its way with {{carrierName}}, tracking number {{trackingNumber}}.', '{{#each lines}}- {{quantity}} {{unit}} {{name}}', '{{/each}}', '{{#if expectedDate}}Expected delivery: {{expectedDate}}.{{/if}}', 'Track it here: {{trackingLink}}']),
    },
  },
  {
    event: 'shipment.out_for_delivery', audience: 'customer', zh: '派送中', en: 'Out for delivery', source: 'shipment.tracking (status out_for_delivery)',
    placeholders: [shopName, customerName, ...shipmentFields],
    defaults: {
      'zh-CN': zh('【{{shopName}}】订单 {{orderNumber}} 正在派送', ['{{customerName}}，您好：', '', '您的包裹（{{carrierName}} {{trackingNumber}}）今天正在派送，请保持电话畅通。', '查看物流：{{trackingLink}}']),
      en: en('[{{shopName}}] Order {{orderNumber}} is out for delivery', ['Dear {{customerName}},', '', 'Your parcel ({{carrierName}} {{trackingNumber}}) is out for delivery today.', 'Track it here: {{trackingLink}}']),
    },
  },
  {
    event: 'shipment.delivered', audience: 'customer', zh: '已签收', en: 'Delivered', source: 'shipment.tracking (status delivered)',
    placeholders: [shopName, customerName, ...shipmentFields, ph('at', 'datetime', '签收时间', 'Delivered at', '2026-12-02T06:30:00.000Z'),
      ph('feedbackUrl', 'url', '评价链接', 'Feedback link', 'https://shop.example.com/feedback/Q3vX9kLm2PzR7tYw')],
    defaults: {
      'zh-CN': zh('【{{shopName}}】订单 {{orderNumber}} 已签收', ['{{customerName}}，您好：', '', '您的包裹（{{carrierName}} {{trackingNumber}}）已于 {{at}} 签收。', '如商品有任何问题，请在收货后及时联系我们。感谢您的支持！', '{{#if feedbackUrl}}', '欢迎为本次购物打分评价：{{feedbackUrl}}{{/if}}']),
      en: en('[{{shopName}}] Order {{orderNumber}} was delivered', ['Dear {{customerName}},', '', 'Your parcel ({{carrierName}} {{trackingNumber}}) was delivered on {{at}}.', 'If anything is wrong with it, please let us know. Thank you for your order!', '{{#if feedbackUrl}}', 'How did we do? Rate your order: {{feedbackUrl}}{{/if}}']),
    },
  },
  {
    event: 'shipment.exception', audience: 'customer', zh: '物流异常', en: 'Delivery exception', source: 'shipment.tracking (status exception)',
    placeholders: [shopName, customerName, ...shipmentFields, ph('description', 'text', '异常说明', 'What happened', '收件地址无法联系'), ph('location', 'text', '所在地', 'Location', '杭州转运中心')],
    defaults: {
      'zh-CN': zh('【{{shopName}}】订单 {{orderNumber}} 配送遇到问题', ['{{customerName}}，您好：', '', '您的包裹（{{carrierName}} {{trackingNumber}}）配送出现异常{{#if description}}：{{description}}{{/if}}{{#if location}}（{{location}}）{{/if}}。', '我们已在跟进处理，如需更新收货信息请尽快联系我们。', '查看物流：{{trackingLink}}']),
      en: en('[{{shopName}}] A problem with the delivery of order {{orderNumber}}', ['Dear {{customerName}},', '', 'The delivery of your parcel ({{carrierName}} {{trackingNumber}}) ran into a problem{{#if description}}: {{description}}{{/if}}{{#if location}} ({{location}}){{/if}}.', 'We are on it. If your delivery details have changed, please contact us.', 'Track it here: {{trackingLink}}']),
    },
  },
  {
    event: 'return.approved', audience: 'customer', zh: '退货申请已通过', en: 'Return approved', source: 'planned (returns)',
    placeholders: [shopName, customerName, ...returnFields, ph('returnAddress', 'text', '退货地址', 'Return address', '浙江省杭州市余杭区文一西路 998 号 鑫源仓库 收'),
      ph('lines', 'list', '退货明细', 'Lines to return', [{ sku: 'A-1001', name: '不锈钢合页 4 寸', quantity: 2, unit: '个' }], lineFields)],
    defaults: {
      'zh-CN': zh('【{{shopName}}】退货申请 {{returnNumber}} 已通过', ['{{customerName}}，您好：', '', '您对订单 {{orderNumber}} 的退货申请（{{returnNumber}}）已审核通过：', '{{#each lines}}· {{name}} × {{quantity}}{{unit}}', '{{/each}}', '请将商品寄回：{{returnAddress}}，并在包裹内注明退货单号。']),
      en: en('[{{shopName}}] Return {{returnNumber}} approved', ['Dear {{customerName}},', '', 'Your return {{returnNumber}} for order {{orderNumber}} is approved:', '{{#each lines}}- {{quantity}} {{unit}} {{name}}', '{{/each}}', 'Please send the items to: {{returnAddress}}, with the return number in the parcel.']),
    },
  },
  {
    event: 'return.received', audience: 'customer', zh: '退货已收到', en: 'Return received', source: 'planned (returns)',
    placeholders: [shopName, customerName, ...returnFields],
    defaults: {
      'zh-CN': zh('【{{shopName}}】已收到退货 {{returnNumber}}', ['{{customerName}}，您好：', '', '我们已收到您寄回的商品（退货单 {{returnNumber}}，订单 {{orderNumber}}），验货完成后将为您办理退款。']),
      en: en('[{{shopName}}] We received your return {{returnNumber}}', ['Dear {{customerName}},', '', 'We have received the items of return {{returnNumber}} (order {{orderNumber}}). Once they are inspected we will refund you.']),
    },
  },
  {
    event: 'return.refunded', audience: 'customer', zh: '退款已办理', en: 'Refunded', source: 'planned (returns)',
    placeholders: [shopName, customerName, ...returnFields, ph('refundAmount', 'money', '退款金额', 'Amount refunded', 10200), ph('restockingFee', 'money', '扣除的手续费', 'Restocking fee deducted', 0)],
    defaults: {
      'zh-CN': zh('【{{shopName}}】退货 {{returnNumber}} 已退款 {{refundAmount}}', ['{{customerName}}，您好：', '', '退货单 {{returnNumber}}（订单 {{orderNumber}}）已为您退款 {{refundAmount}}{{#if restockingFee}}，已扣除手续费 {{restockingFee}}{{/if}}。', '款项将按原支付方式退回，到账时间以银行为准。']),
      en: en('[{{shopName}}] Return {{returnNumber}}: {{refundAmount}} refunded', ['Dear {{customerName}},', '', 'We have refunded {{refundAmount}} for return {{returnNumber}} (order {{orderNumber}}){{#if restockingFee}}, less a restocking fee of {{restockingFee}}{{/if}}.', 'It goes back the way you paid; how long it takes depends on your bank.']),
    },
  },
  {
    event: 'complaint.resolved', audience: 'customer', zh: '投诉已处理', en: 'Complaint resolved', source: 'complaint.resolved',
    placeholders: [shopName, customerName, orderNumber, ph('category', 'text', '投诉类别', 'Category', '质量'), ph('comment', 'text', '处理结果', 'What we did', '已为您补发两个合页')],
    defaults: {
      'zh-CN': zh('【{{shopName}}】您对订单 {{orderNumber}} 的投诉已处理', ['{{customerName}}，您好：', '', '您就订单 {{orderNumber}} 反映的{{category}}问题，我们已处理完毕。', '{{#if comment}}处理结果：{{comment}}{{/if}}', '如仍有疑问，欢迎随时联系我们。给您带来不便，敬请谅解！']),
      en: en('[{{shopName}}] Your complaint about order {{orderNumber}} is resolved', ['Dear {{customerName}},', '', 'We have dealt with the {{category}} issue you raised about order {{orderNumber}}.', '{{#if comment}}What we did: {{comment}}{{/if}}', 'If anything is still wrong, please contact us. We are sorry for the trouble.']),
    },
  },
];

const staffEvents: NotificationEvent[] = [
  {
    event: 'order.approval_needed', audience: 'staff', zh: '订单待审核', en: 'Approval needed', source: 'order.approval_needed',
    placeholders: [shopName, number, customerName, ph('total', 'money', '订单合计', 'Order total', 1280000), ph('reasons', 'text', '触发的审核规则', 'Rules tripped', '超出信用额度'), ph('role', 'text', '审核角色', 'Approver role', 'finance')],
    defaults: {
      'zh-CN': zh('待审核：订单 {{number}}', ['订单 {{number}}（{{customerName}}，{{total}}）需要审核。', '原因：{{reasons}}', '请{{role}}角色尽快处理。']),
      en: en('Approval needed: order {{number}}', ['Order {{number}} ({{customerName}}, {{total}}) waits for approval.', 'Why: {{reasons}}', 'Approver role: {{role}}.']),
    },
  },
  {
    event: 'stock.low', audience: 'staff', zh: '库存预警', en: 'Low stock', source: 'stock.low (the reorder check, once per crossing of the reorder point)',
    placeholders: [shopName, ph('sku', 'text', '商品编码', 'SKU', 'A-1001'), ph('name', 'text', '商品名称', 'Product name', '不锈钢合页 4 寸'), ph('warehouseName', 'text', '仓库', 'Warehouse', '杭州总仓'),
      ph('available', 'number', '可用量', 'Available', 18), ph('incoming', 'number', '在途', 'Incoming', 0), ph('reorderPoint', 'number', '再订货点', 'Reorder point', 20)],
    defaults: {
      'zh-CN': zh('库存预警：{{name}}（{{warehouseName}}）', ['{{name}}（{{sku}}）在{{warehouseName}}的可用量 {{available}}，在途 {{incoming}}，已低于再订货点 {{reorderPoint}}。', '请及时补货。']),
      en: en('Low stock: {{name}} ({{warehouseName}})', ['{{name}} ({{sku}}) in {{warehouseName}}: {{available}} available and {{incoming}} incoming, at or below its reorder point of {{reorderPoint}}.', 'Time to reorder.']),
    },
  },
  {
    event: 'shipment.exception.staff', audience: 'staff', zh: '物流异常（内部）', en: 'Delivery exception (staff)', source: 'shipment.tracking (status exception)',
    placeholders: [shopName, customerName, ...shipmentFields, ph('description', 'text', '异常说明', 'What happened', '收件地址无法联系'), ph('location', 'text', '所在地', 'Location', '杭州转运中心')],
    defaults: {
      'zh-CN': zh('物流异常：{{orderNumber}} {{carrierName}} {{trackingNumber}}', ['客户 {{customerName}} 的订单 {{orderNumber}} 配送异常：{{description}}{{#if location}}（{{location}}）{{/if}}。', '请联系快递公司和客户跟进：{{trackingLink}}']),
      en: en('Delivery exception: {{orderNumber}} {{carrierName}} {{trackingNumber}}', ['Order {{orderNumber}} of {{customerName}} has a delivery exception: {{description}}{{#if location}} ({{location}}){{/if}}.', 'Follow up with the carrier and the customer: {{trackingLink}}']),
    },
  },
  {
    event: 'complaint.created', audience: 'staff', zh: '新投诉', en: 'New complaint', source: 'complaint.created',
    placeholders: [shopName, customerName, orderNumber, ph('category', 'text', '投诉类别', 'Category', '商品质量'), ph('summary', 'text', '投诉内容', 'What the customer says', '合页有两个生锈'),
      ph('dueAt', 'datetime', '处理时限', 'Due by', '2026-12-03T10:00:00.000Z')],
    defaults: {
      'zh-CN': zh('新投诉：{{customerName}}（{{category}}）', ['客户 {{customerName}} 就订单 {{orderNumber}} 提交了投诉（{{category}}）：', '{{summary}}', '请在 {{dueAt}} 前处理。']),
      en: en('New complaint: {{customerName}} ({{category}})', ['{{customerName}} complained about order {{orderNumber}} ({{category}}):', '{{summary}}', 'Please handle it by {{dueAt}}.']),
    },
  },
];

/** Every event with a message template, customers' first. */
export const notificationEvents: readonly NotificationEvent[] = [...customerEvents, ...staffEvents];

/** The event definition, or undefined for a name jxc does not know. */
export const findEvent = (event: string) => notificationEvents.find((e) => e.event === event);

/** Each event's example values, the data a preview uses when given none. */
export const exampleData = (e: NotificationEvent): Record<string, unknown> => Object.fromEntries(e.placeholders.map((p) => [p.name, p.example]));
