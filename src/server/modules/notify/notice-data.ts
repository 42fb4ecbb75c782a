import type { DbOrTx } from '../../db/create-db.js';
import { trackingPath } from '../shipping/index.js';
import type { Audience } from './notification-events.js';

// From an outbox message to the notices it gives: which template events, for whom, with what data.
// Payloads carry ids and what the emitting module had at hand; the rest (customer, carrier, the
// tracking link) is read here, so templates get everything their placeholders promise.

export type Notice = { event: string; audience: Audience; customerId: string | null; orderId: string | null; data: Record<string, unknown> };
export type NoticeOptions = { shopName?: string; /** Public base URL of jxc (https://shop.example.com) for tracking links. */ publicUrl?: string };

type Payload = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const link = (path: string | null, opts: NoticeOptions) => (path ? `${(opts.publicUrl ?? '').replace(/\/+$/, '')}${path}` : null);

async function orderOf(db: DbOrTx, orderId: string | null) {
  if (!orderId) return undefined;
  return db.selectFrom('salesOrders as o').innerJoin('customers as c', 'c.id', 'o.customerId').leftJoin('orderTracking as t', 't.orderId', 'o.id')
    .select(['o.id', 'o.number', 'o.total', 'o.customerId', 'c.name as customerName', 't.token']).where('o.id', '=', orderId).executeTakeFirst();
}

async function shipmentOf(db: DbOrTx, shipmentId: string | null) {
  if (!shipmentId) return undefined;
  return db.selectFrom('shipments as s').innerJoin('carriers as k', 'k.id', 's.carrierId')
    .select(['s.orderId', 's.trackingNumber', 's.expectedDate', 'k.name as carrierName']).where('s.id', '=', shipmentId).executeTakeFirst();
}

const roleNames: Record<string, { zh: string; en: string }> = {
  admin: { zh: '管理员', en: 'admin' }, sales: { zh: '销售', en: 'sales' }, warehouse: { zh: '仓库', en: 'warehouse' },
  purchasing: { zh: '采购', en: 'purchasing' }, finance: { zh: '财务', en: 'finance' }, viewer: { zh: '只读', en: 'viewer' },
};

const dateUnknown = { zh: '到货日期待定', en: 'date not yet known' };

const trackingEvents: Record<string, string[]> = { out_for_delivery: ['shipment.out_for_delivery'], delivered: ['shipment.delivered'], exception: ['shipment.exception', 'shipment.exception.staff'] };

/** The notices an outbox message gives (none for topics that are not for people). */
export async function noticesFor(db: DbOrTx, topic: string, payload: Payload, opts: NoticeOptions = {}): Promise<Notice[]> {
  const base = { shopName: opts.shopName ?? 'jxc' };
  const orderId = str(payload.orderId);
  switch (topic) {
    case 'order.confirmed':
      return [{ event: topic, audience: 'customer', customerId: str(payload.customerId), orderId, data: { ...base, ...payload, expectedDate: payload.requestedDate ?? null } }];
    case 'order.approval_needed': {
      const o = await orderOf(db, orderId);
      return [{ event: topic, audience: 'staff', customerId: null, orderId, data: { ...base, ...payload, role: roleNames[String(payload.role)] ?? payload.role ?? null, customerName: o?.customerName ?? null, total: o ? Number(o.total) : null } }];
    }
    case 'order.backordered': {
      // Sales' payload: the short lines (base units) with their restock dates, and the order's (null unless every line has one).
      const lines = Array.isArray(payload.lines) ? (payload.lines as Payload[]).map((l) => ({ ...l, dateUnknown: l.restockDate ? null : dateUnknown })) : [];
      const data = { ...base, ...payload, lines, dateUnknown: lines.some((l) => l.dateUnknown) ? dateUnknown : null };
      return [{ event: topic, audience: 'customer', customerId: str(payload.customerId), orderId, data }];
    }
    case 'stock.low':
      // The reorder check's payload: product, warehouse, available, incoming and the reorder point.
      return [{ event: topic, audience: 'staff', customerId: null, orderId: null, data: { ...base, ...payload } }];
    case 'stock.back_in_stock': {
      const c = await db.selectFrom('customers').select('name').where('id', '=', String(payload.customerId)).executeTakeFirst();
      // Nothing available (the stock went to the subscriber's own order): no "N available, order soon".
      const available = Number(payload.available) > 0 ? Number(payload.available) : null;
      return [{ event: topic, audience: 'customer', customerId: str(payload.customerId), orderId, data: { ...base, ...payload, available, customerName: c?.name ?? null } }];
    }
    case 'shipment.shipped':
      return [{ event: topic, audience: 'customer', customerId: str(payload.customerId), orderId, data: { ...base, ...payload, trackingLink: link(str(payload.trackingPath), opts) } }];
    case 'shipment.tracking': {
      const events = trackingEvents[String(payload.status)] ?? [];
      if (events.length === 0) return [];
      const [s, o] = await Promise.all([shipmentOf(db, str(payload.shipmentId)), orderOf(db, orderId)]);
      const data = {
        ...base, ...payload, orderNumber: payload.orderNumber ?? o?.number ?? null, customerName: o?.customerName ?? null, carrierName: s?.carrierName ?? payload.carrierCode ?? null,
        trackingNumber: s?.trackingNumber ?? null, expectedDate: s?.expectedDate ?? null, trackingLink: link(o?.token ? trackingPath(o.token) : null, opts),
        feedbackUrl: link(str(payload.feedbackPath), opts),
      };
      return events.map((event) => ({ event, audience: event.endsWith('.staff') ? 'staff' : 'customer', customerId: o?.customerId ?? null, orderId, data }) as Notice);
    }
    case 'return.approved':
    case 'return.received':
    case 'return.refunded': {
      // The return's own payload (see returns' announce): number, lines in base units, amounts in fen.
      const amounts = (payload.amounts ?? {}) as Record<string, unknown>;
      const lines = Array.isArray(payload.lines) ? (payload.lines as Record<string, unknown>[]).map((l) => ({ sku: l.sku, name: l.productName, quantity: l.quantity, unit: l.unit })) : [];
      const data = {
        ...base, ...payload, returnNumber: payload.number ?? null, lines, returnAddress: payload.returnAddress ?? null,
        refundAmount: amounts.refundAmount ?? null, restockingFee: amounts.restockingFee ?? 0,
      };
      return [{ event: topic, audience: 'customer', customerId: str(payload.customerId), orderId, data }];
    }
    case 'complaint.created':
      // The complaint's own payload: order number, customer, category (zh name), summary, dueAt.
      return [{ event: topic, audience: 'staff', customerId: null, orderId, data: { ...base, ...payload } }];
    case 'complaint.resolved':
      return [{ event: topic, audience: 'customer', customerId: str(payload.customerId), orderId, data: { ...base, ...payload } }];
    default:
      return [];
  }
}
