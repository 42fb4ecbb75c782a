import { z } from 'zod';

export type Locale = 'zh-CN' | 'en';

/** Picks zh-CN or en from an Accept-Language header (highest q wins; zh-CN when unsure). */
export function pickLocale(header: string | undefined): Locale {
  if (!header) return 'zh-CN';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

const entities: Record<string, [string, string]> = {
  product: ['商品', 'Product'],
  category: ['商品类别', 'Category'],
  customer: ['客户', 'Customer'],
  supplier: ['供应商', 'Supplier'],
  warehouse: ['仓库', 'Warehouse'],
  bin: ['库位', 'Bin'],
  user: ['用户', 'User'],
  apiKey: ['API 密钥', 'API key'],
  supplierProduct: ['供货商品', 'Supplier product'],
  unit: ['单位', 'Unit'],
  barcode: ['条码', 'Barcode'],
  salesOrder: ['销售订单', 'Sales order'],
  approvalRule: ['审核规则', 'Approval rule'],
  stockSubscription: ['到货通知', 'Back-in-stock notice'],
  stockAdjustment: ['库存调整单', 'Stock adjustment'],
  pickList: ['拣货单', 'Pick list'],
  pickListLine: ['拣货明细', 'Pick list line'],
  package: ['包裹', 'Package'],
  shipment: ['发货单', 'Shipment'],
  carrier: ['快递公司', 'Carrier'],
  orderLine: ['订单明细', 'Order line'],
  trackingToken: ['物流查询链接', 'Tracking link'],
  purchaseOrder: ['采购订单', 'Purchase order'],
  purchaseOrderLine: ['采购订单明细', 'Purchase order line'],
  purchaseReceipt: ['采购入库单', 'Purchase receipt'],
  purchaseReturn: ['采购退货单', 'Purchase return'],
  reorderRule: ['补货规则', 'Reorder rule'],
  stockTransfer: ['调拨单', 'Transfer'],
  stockTransferLine: ['调拨明细', 'Transfer line'],
  stockCount: ['盘点单', 'Stock count'],
  messageTemplate: ['消息模板', 'Message template'],
  notifyChannel: ['通知渠道', 'Notification channel'],
  salesReturn: ['退货单', 'Sales return'],
  customerInvoice: ['应收单', 'Customer invoice'],
  customerPayment: ['收款单', 'Payment received'],
  supplierPayment: ['付款单', 'Payment made'],
  supplierPayable: ['应付单', 'Payable'],
  allocation: ['核销记录', 'Allocation'],
  complaint: ['投诉', 'Complaint'],
  feedback: ['评价链接', 'Feedback link'],
  salesReturnLine: ['退货明细', 'Return line'],
  returnSettings: ['退货设置', 'Return settings'],
  outboxMessage: ['消息', 'Message'],
  notifySettings: ['通知设置', 'Notification settings'],
  webhookSubscription: ['Webhook 订阅', 'Webhook subscription'],
  webhookDelivery: ['推送记录', 'Webhook delivery'],
};

/** Localized name of an entity kind, for messages. */
export function entityName(entity: string, locale: Locale): string {
  const e = entities[entity];
  return e ? e[locale === 'en' ? 1 : 0] : entity;
}

const messages: Record<string, [string, string]> = {
  VALIDATION_FAILED: ['提交的数据有误：{summary}', 'Invalid input: {summary}'],
  NOT_FOUND: ['{entity}不存在', '{entity} not found'],
  ROUTE_NOT_FOUND: ['接口不存在：{method} {url}', 'No such endpoint: {method} {url}'],
  DUPLICATE: ['{entity}的{field}「{value}」已存在', '{entity} with {field} "{value}" already exists'],
  IN_USE: ['{entity}已被{refs}使用，不能删除，请改为停用', '{entity} is used by {refs} and cannot be deleted; deactivate it instead'],
  CONFLICT: ['数据已被他人修改，请刷新后重试', 'The record was changed by someone else; reload and try again'],
  UNAUTHENTICATED: ['请先登录', 'Please sign in'],
  INVALID_CREDENTIALS: ['邮箱或密码错误', 'Wrong email or password'],
  FORBIDDEN: ['当前角色（{role}）无权执行此操作', 'Your role ({role}) is not allowed to do this'],
  CSRF_INVALID: ['安全校验失败，请刷新页面后重试', 'Security check failed; reload the page and try again'],
  RATE_LIMITED: ['尝试次数过多，请 {retryAfter} 秒后再试', 'Too many attempts; try again in {retryAfter} s'],
  SETUP_DONE: ['系统已初始化，请直接登录', 'Setup is already done; please sign in'],
  SETUP_REQUIRED: ['系统尚未初始化，请先创建管理员', 'Create the first administrator first'],
  LAST_ADMIN: ['不能停用或降级最后一个管理员', 'The last active administrator cannot be disabled or demoted'],
  CATEGORY_CYCLE: ['上级类别不能是自己或自己的下级', 'A category cannot be placed under itself or its own subcategory'],
  FILE_REQUIRED: ['请上传文件', 'Please upload a file'],
  FILE_TOO_LARGE: ['文件过大，最大 {limit}', 'File too large; the limit is {limit}'],
  INVALID_FILE: ['无法读取文件：{reason}', 'Cannot read the file: {reason}'],
  IMPORT_HAS_ERRORS: ['导入文件有 {count} 处错误，未导入任何数据', 'The file has {count} errors; nothing was imported'],
  UNSUPPORTED_MEDIA_TYPE: ['不支持的内容类型：{type}', 'Unsupported content type: {type}'],
  BARCODE_INVALID: ['无法生成条码：{reason}', 'Cannot render the barcode: {reason}'],
  INSUFFICIENT_STOCK: ['{product} 在「{warehouse}」库存不足：可用 {available}，需要 {requested}', 'Not enough stock of {product} in {warehouse}: {available} available, {requested} needed'],
  OPENING_EXISTS: ['{product} 在「{warehouse}」已有库存流水，不能再录期初', '{product} already has stock movements in {warehouse}; opening balances come first'],
  IDEMPOTENCY_MISMATCH: ['Idempotency-Key「{key}」已用于另一份不同的请求', 'Idempotency-Key "{key}" was already used for a different request'],
  ORDER_STATE: ['订单 {number} 当前为「{status}」，不能执行「{action}」', 'Order {number} is {status}; cannot {action} it'],
  INACTIVE: ['{entity}「{name}」已停用', '{entity} "{name}" is deactivated'],
  INTERNAL: ['服务器内部错误，请稍后重试', 'Internal server error; please try again later'],
  PICK_NOTHING: ['所选订单没有待拣货的数量（已预留且未拣货）', 'Nothing to pick on these orders (reserved and not yet picked)'],
  PICK_TOO_MANY: ['{product} 拣货数量超出：拣货单要求 {quantity}，提交 {picked}', 'Too many of {product} picked: the list asks for {quantity}, got {picked}'],
  PICK_WRONG_ITEM: ['{product} 不在拣货单 {number} 上{where}', '{product} is not on pick list {number}{where}'],
  PICK_LIST_STATE: ['拣货单 {number} 的这一行已确认，不能再修改', 'This line of pick list {number} is already confirmed'],
  BARCODE_UNKNOWN: ['没有条码或编码为「{barcode}」的商品', 'No product with barcode or SKU "{barcode}"'],
  PACK_WRONG_ITEM: ['装错商品：{product} 不在订单 {number} 的待打包商品中', 'Wrong item: {product} is not among what order {number} has to pack'],
  PACK_TOO_MANY: ['多装了：{product} 已拣 {picked}，已装 {packed}，本次 {quantity}', 'One too many: {product} picked {picked}, packed {packed}, this scan {quantity}'],
  PACKAGE_STATE: ['包裹已发出，不能修改', 'The package has shipped and cannot be changed'],
  SHIP_TOO_MANY: ['{product} 发货数量超出：可发 {available}（已预留且不在未完成拣货单上），本次 {quantity}', 'Too many of {product} to ship: {available} can ship (reserved and not on an open pick list), asked {quantity}'],
  SHIP_NOTHING: ['订单 {number} 在该仓库没有可发货的数量', 'Order {number} has nothing to ship from this warehouse'],
  CARRIER_NO_ADAPTER: ['快递公司「{carrier}」未接入电子面单，请录入或扫描运单号', 'Carrier "{carrier}" cannot issue waybills here; type or scan the tracking number'],
  CARRIER_SIGNATURE_INVALID: ['回调签名无效', 'Invalid callback signature'],
  WAYBILL_NOT_FOUND: ['运单号「{trackingNumber}」不存在', 'No shipment with tracking number "{trackingNumber}"'],
  PURCHASE_ORDER_STATE: ['采购订单 {number} 当前为「{status}」，不能执行「{action}」', 'Purchase order {number} is {status}; cannot {action} it'],
  OVER_RECEIPT: ['{product} 入库数量超出：订购 {ordered}，已入库 {received}，允许超收 {tolerance}%，最多还可入库 {allowed}，本次 {quantity}', 'Too many of {product} received: ordered {ordered}, received {received}, over-receipt tolerance {tolerance}%, at most {allowed} more, this receipt {quantity}'],
  NOT_ON_ORDER: ['{product} 不在采购订单 {number} 上{where}', '{product} is not on purchase order {number}{where}'],
  OVER_RETURN: ['{product} 退货数量超出：{basis}，已退 {returned}，最多还可退 {allowed}，本次 {quantity}', 'Too many of {product} returned: {basis}, returned {returned}, at most {allowed} more, this return {quantity}'],
  NOT_ON_RECEIPT: ['退货明细不在采购入库单 {number} 上', 'A return line is not on purchase receipt {number}'],
  RETURN_SUPPLIER_MISMATCH: ['采购入库单 {number} 不是供应商「{supplier}」的（是「{receiptSupplier}」的），不能退给该供应商', 'Purchase receipt {number} is not from "{supplier}" (it is from "{receiptSupplier}"); it cannot be returned to them'],
  NOTHING_TO_ORDER: ['所选补货行没有需要订购的数量', 'The selected rows have nothing to order'],
  TRANSFER_STATE: ['调拨单 {number} 当前为「{status}」，不能执行「{action}」', 'Transfer {number} is {status}; cannot {action} it'],
  TRANSFER_TOO_MANY: ['{product} 收货数量超出：在途 {inTransit}，本次 {quantity}', 'Too many of {product} received: {inTransit} in transit, this receipt {quantity}'],
  COUNT_STATE: ['盘点单 {number} 当前为「{status}」，不能执行「{action}」', 'Stock count {number} is {status}; cannot {action} it'],
  NOTIFY_CHANNEL_FAILED: ['通知渠道「{channel}」发送失败：{reason}', 'Sending through channel "{channel}" failed: {reason}'],
  COUNT_NOT_IN_SCOPE: ['{product} 不在盘点单 {number} 的盘点范围内', '{product} is not within the scope of stock count {number}'],
  RETURN_STATE: ['退货单 {number} 当前为「{status}」，不能{action}', 'Sales return {number} is {status}; cannot {action} it'],
  RETURN_WINDOW_CLOSED: ['{product} 已过退货期限（最后退货日 {lastDay}）', 'The return window for {product} closed on {lastDay}'],
  RETURN_NOT_YOUR_ORDER: ['订单 {number} 不是该客户的订单，不能申请退货', 'Order {number} is not this customer’s order'],
  RETURN_WRONG_ITEM: ['{product} 不在退货单 {number} 上', '{product} is not on sales return {number}'],
  RETURN_TOO_MANY: ['{product} 收货数量超出：退货数量 {quantity}，已收 {received}，本次 {scanned}', 'Too many of {product} received: {quantity} to return, {received} received, this scan {scanned}'],
  OVER_REFUND: ['退款金额超出可退金额：最多可退 {allowed} 元，本次 {amount} 元', 'The refund is more than can be refunded: at most ¥{allowed}, this refund ¥{amount}'],
  RETURN_NOT_ON_ORDER: ['退货明细不在销售订单 {number} 上', 'A return line is not on sales order {number}'],
  SMTP_FAILED: ['邮件发送失败：{reason}', 'Sending the email failed: {reason}'],
  SMTP_NOT_CONFIGURED: ['尚未设置邮件服务器（SMTP），请先在通知设置中填写', 'No SMTP server is set up; fill in the notification settings first'],
  FEEDBACK_USED: ['您已经评价过这笔订单了，感谢您的反馈', 'This order has already been rated; thank you for your feedback'],
  COMPLAINT_STATE: ['投诉当前为「{status}」，不能{action}', 'The complaint is {status}; cannot {action} it'],
  OVER_ALLOCATION: ['核销金额超出 {number} 的未结金额：未结 {open} 元，本次 {amount} 元', 'The allocation is more than {number} has open: ¥{open} open, this allocation ¥{amount}'],
  PAYMENT_OVER_ALLOCATED: ['核销合计超出 {number} 的未核销金额：未核销 {unallocated} 元，本次合计 {amount} 元', 'The allocations add up to more than {number} has unallocated: ¥{unallocated} unallocated, these ¥{amount}'],
  ALLOCATION_MISMATCH: ['{number} 不属于「{party}」或不能核销', '{number} is not an open item of "{party}" that can be allocated to'],
  API_KEY_SCOPE: ['API 密钥「{name}」没有此操作所需的权限范围 {scope}', 'API key "{name}" lacks the scope {scope} this needs'],
  WEBHOOK_REPLAY_TOO_LARGE: ['重放范围过大：{reason}', 'The replay range is too large: {reason}'],
  WEBHOOK_DELIVERY_STATE: ['这条推送正在等待发送，不能重新推送', 'This delivery is already waiting to be sent'],
  OUTBOX_STATE: ['消息当前为「{status}」，只有发送失败或已放弃的消息可以重发', 'The message is {status}; only failed or dead messages can be resent'],
};

/** Localized message for an error code with {param} placeholders filled in. */
export function translate(code: string, locale: Locale, params: Record<string, string | number | { zh: string; en: string }> = {}): string {
  const pair = messages[code] ?? messages.INTERNAL;
  const template = pair[locale === 'en' ? 1 : 0];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (k === 'entity' && typeof v === 'string') return entityName(v, locale);
    if (v && typeof v === 'object') return locale === 'en' ? v.en : v.zh;
    return v === undefined ? '' : String(v);
  });
}

/** Localized text for a field-level message pair. */
export function pick(locale: Locale, zh: string, en: string): string {
  return locale === 'en' ? en : zh;
}

const zodLocales = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() };

/** Renders a zod issue (as raw fields) in the given language, using zod's own locale bundles. */
export function zodIssueMessage(issue: Record<string, unknown>, locale: Locale, fallback: string): string {
  // Custom messages written in our schemas are [zh|en] pairs separated by " | ".
  if (typeof issue.message === 'string' && issue.message.includes(' | ')) {
    const [zh, en] = issue.message.split(' | ');
    return locale === 'en' ? en : zh;
  }
  if (issue.code === 'custom' && typeof issue.message === 'string') return issue.message;
  try {
    const fn = zodLocales[locale].localeError as unknown as (i: unknown) => string | { message: string } | undefined;
    const out = fn(issue);
    if (typeof out === 'string') return out;
    if (out && typeof out.message === 'string') return out.message;
  } catch {
    /* fall through to zod's default English message */
  }
  return fallback;
}
