import type { DbOrTx } from '../../db/create-db.js';
import { orderTimeline } from '../sales/index.js';
import { categoryNames, type ComplaintCategory } from './complaint.js';
import type { TimelineEntry } from './feedback.schemas.js';

// Everything that happened to one sales order, from every module that records something about it,
// merged oldest first: the order's own history (audit log), shipments and their tracking events,
// returns, complaints, feedback, and every outbox message about the order with its delivery log.

const orderActions: Record<string, [string, string]> = {
  create: ['创建订单', 'Order created'], confirm: ['确认订单', 'Order confirmed'], approve: ['审核通过', 'Approved'], reject: ['审核驳回', 'Approval rejected'],
  cancel: ['作废订单', 'Order cancelled'], edit: ['修改订单', 'Order edited'], update: ['订单更新', 'Order updated'],
};
const trackingNames: Record<string, [string, string]> = {
  picked_up: ['快递已揽收', 'Picked up'], in_transit: ['运输中', 'In transit'], out_for_delivery: ['派送中', 'Out for delivery'], delivered: ['已签收', 'Delivered'], exception: ['物流异常', 'Delivery exception'],
};
const complaintActions: Record<string, [string, string]> = {
  create: ['客户投诉', 'Complaint filed'], start: ['投诉处理中', 'Complaint in progress'], resolve: ['投诉已解决', 'Complaint resolved'], close: ['投诉已关闭', 'Complaint closed'],
  reopen: ['投诉重新打开', 'Complaint reopened'], assign: ['投诉转交处理人', 'Complaint assigned'], update: ['投诉已更新', 'Complaint updated'], comment: ['投诉跟进备注', 'Complaint note'],
};
const returnSteps: Record<string, [string, string]> = {
  requested: ['申请退货', 'requested'], approved: ['已审核', 'approved'], rejected: ['已驳回', 'rejected'], partially_received: ['部分收货', 'partly received'],
  received: ['已收货', 'received'], inspected: ['已质检', 'inspected'], refunded: ['已退款', 'refunded'], closed: ['已关闭', 'closed'], cancelled: ['已作废', 'cancelled'],
  exchanged: ['已换货', 'exchanged'],
};
const t = (pair: [string, string] | undefined, fallback: string) => ({ zh: pair?.[0] ?? fallback, en: pair?.[1] ?? fallback });

async function orderEntries(db: DbOrTx, orderId: string): Promise<TimelineEntry[]> {
  return (await orderTimeline(db, orderId)).map((h) => ({
    at: h.at, kind: 'order', title: t(orderActions[h.action], h.action), detail: h.comment ?? h.summary, actorName: h.actorName,
  }));
}

async function shippingEntries(db: DbOrTx, orderId: string): Promise<TimelineEntry[]> {
  const shipments = await db.selectFrom('shipments as s').leftJoin('carriers as k', 'k.id', 's.carrierId')
    .select(['s.id', 's.number', 's.shippedAt', 's.trackingNumber', 'k.name as carrierName']).where('s.orderId', '=', orderId).execute();
  const events = await db.selectFrom('trackingEvents').select(['id', 'shipmentId', 'status', 'at', 'location', 'description']).where('orderId', '=', orderId).execute();
  return [
    ...shipments.map((s): TimelineEntry => ({
      at: s.shippedAt, kind: 'shipment', refId: s.id, title: { zh: `发货 ${s.number}`, en: `Shipped ${s.number}` },
      detail: [s.carrierName, s.trackingNumber].filter(Boolean).join(' ') || null,
    })),
    ...events.map((e): TimelineEntry => ({
      at: e.at, kind: 'tracking', refId: e.shipmentId, title: t(trackingNames[e.status], e.status), detail: [e.location, e.description].filter(Boolean).join(' ') || null,
    })),
  ];
}

async function afterSalesEntries(db: DbOrTx, orderId: string): Promise<TimelineEntry[]> {
  const returns = await db.selectFrom('salesReturnHistory as h').innerJoin('salesReturns as r', 'r.id', 'h.returnId')
    .select(['r.id', 'r.number', 'h.at', 'h.action', 'h.toStatus', 'h.comment', 'h.actorName']).where('r.orderId', '=', orderId).execute();
  const complaints = await db.selectFrom('complaintHistory as h').innerJoin('complaints as k', 'k.id', 'h.complaintId')
    .select(['k.id', 'k.category', 'h.at', 'h.action', 'h.comment', 'h.actorName']).where('k.orderId', '=', orderId).execute();
  const feedback = await db.selectFrom('feedbackRequests').select(['id', 'createdAt', 'answeredAt', 'rating', 'comment']).where('orderId', '=', orderId).executeTakeFirst();
  const out: TimelineEntry[] = [
    ...returns.map((r): TimelineEntry => {
      const step = t(returnSteps[r.action] ?? returnSteps[r.toStatus], r.action);
      return { at: r.at, kind: 'return', refId: r.id, title: { zh: `退货单 ${r.number} ${step.zh}`, en: `Return ${r.number} ${step.en}` }, detail: r.comment, actorName: r.actorName, status: r.toStatus };
    }),
    ...complaints.map((c): TimelineEntry => {
      const cat = categoryNames[c.category as ComplaintCategory];
      const title = t(complaintActions[c.action], c.action);
      return { at: c.at, kind: 'complaint', refId: c.id, title: { zh: `${title.zh}（${cat?.zh ?? c.category}）`, en: `${title.en} (${cat?.en ?? c.category})` }, detail: c.comment, actorName: c.actorName };
    }),
  ];
  if (feedback) {
    out.push({ at: feedback.createdAt, kind: 'feedback', refId: feedback.id, title: { zh: '已发送评价邀请', en: 'Feedback requested' }, detail: null });
    if (feedback.answeredAt) {
      out.push({ at: feedback.answeredAt, kind: 'feedback', refId: feedback.id, title: { zh: `客户评价 ${Number(feedback.rating)} 星`, en: `Rated ${Number(feedback.rating)} of 5` }, detail: feedback.comment });
    }
  }
  return out;
}

/** Outbox messages about the order: one entry per channel and recipient (its last attempt), or one for the message itself when nothing was attempted. */
async function messageEntries(db: DbOrTx, orderId: string): Promise<TimelineEntry[]> {
  // enqueue keeps the sales order a message is about in order_id (indexed, migration 0017).
  const messages = await db.selectFrom('outbox').select(['id', 'topic', 'status', 'attempts', 'lastError', 'createdAt', 'sentAt'])
    .where('orderId', '=', orderId).orderBy('createdAt').execute();
  if (messages.length === 0) return [];
  const deliveries = await db.selectFrom('messageDeliveries').select(['outboxId', 'channel', 'recipient', 'attempt', 'status', 'error', 'at'])
    .where('outboxId', 'in', messages.map((m) => m.id)).orderBy('at').orderBy('attempt').execute();
  const out: TimelineEntry[] = [];
  for (const m of messages) {
    const title = { zh: `消息 ${m.topic}`, en: `Message ${m.topic}` };
    const last = new Map<string, (typeof deliveries)[number] & { attempts: number }>();
    for (const d of deliveries.filter((x) => x.outboxId === m.id)) {
      const key = `${d.channel}\u0000${d.recipient}`;
      last.set(key, { ...d, attempts: (last.get(key)?.attempts ?? 0) + 1 });
    }
    if (last.size === 0) {
      out.push({ at: m.sentAt ?? m.createdAt, kind: 'message', refId: m.id, title, detail: null, channel: null, recipient: null, status: m.status, attempts: Number(m.attempts), error: m.lastError });
    }
    for (const d of last.values()) {
      // A failed attempt of a message the dispatcher gave up on is final: dead (resend it from 消息记录), not a failure still being retried.
      const status = d.status === 'failed' && m.status === 'dead' ? 'dead' : d.status;
      out.push({ at: d.at, kind: 'message', refId: m.id, title, detail: null, channel: d.channel, recipient: d.recipient, status, attempts: d.attempts, error: d.error });
    }
  }
  return out;
}

/** Every event of one order, oldest first (404 for an unknown order). */
export async function fullOrderTimeline(db: DbOrTx, orderId: string): Promise<TimelineEntry[]> {
  const parts = [await orderEntries(db, orderId), await shippingEntries(db, orderId), await afterSalesEntries(db, orderId), await messageEntries(db, orderId)];
  return parts.flat().sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
