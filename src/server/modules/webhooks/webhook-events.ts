// The event types a webhook can subscribe to: the outbox topics jxc writes (docs/api.md, Webhooks).
// `*` subscribes to every type, including ones added later.

export const webhookEvents: Record<string, { zh: string; en: string }> = {
  'order.confirmed': { zh: '销售订单已确认', en: 'Sales order confirmed' },
  'order.approval_needed': { zh: '销售订单待审核', en: 'Sales order needs approval' },
  'order.backordered': { zh: '销售订单欠货', en: 'Sales order backordered' },
  'order.delivered': { zh: '销售订单已签收', en: 'Sales order delivered' },
  'backorder.allocated': { zh: '欠货已补足预留', en: 'Backorder allocated' },
  'shipment.shipped': { zh: '已发货', en: 'Shipment shipped' },
  'shipment.tracking': { zh: '物流轨迹更新', en: 'Shipment tracking update' },
  'stock.low': { zh: '库存预警', en: 'Stock below reorder point' },
  'stock.back_in_stock': { zh: '到货通知', en: 'Back in stock' },
  'stock_transfer.shipped': { zh: '调拨单已出库', en: 'Transfer shipped' },
  'stock_count.approved': { zh: '盘点单已审核', en: 'Stock count approved' },
  'purchase_order.ordered': { zh: '采购订单已下单', en: 'Purchase order placed' },
  'purchase_receipt.posted': { zh: '采购入库', en: 'Purchase receipt posted' },
  'purchase_return.posted': { zh: '采购退货', en: 'Purchase return posted' },
  'return.requested': { zh: '退货申请', en: 'Sales return requested' },
  'return.approval_needed': { zh: '退货待审核', en: 'Sales return needs approval' },
  'return.approved': { zh: '退货已批准', en: 'Sales return approved' },
  'return.rejected': { zh: '退货已拒绝', en: 'Sales return rejected' },
  'return.received': { zh: '退货已收货', en: 'Sales return received' },
  'return.refunded': { zh: '退货已退款', en: 'Sales return refunded' },
  'complaint.created': { zh: '新投诉', en: 'Complaint created' },
  'complaint.resolved': { zh: '投诉已解决', en: 'Complaint resolved' },
};

export const webhookEventTypes = Object.keys(webhookEvents);

/** Whether a subscription to `events` (["*"] for all) gets an event of `type`. */
export function subscribedTo(events: readonly string[], type: string): boolean {
  return events.includes('*') || events.includes(type);
}
