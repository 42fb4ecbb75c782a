import { sql } from 'kysely';
import type { Tx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { DomainError } from '../../platform/errors.js';
import { enqueue } from '../../platform/outbox.js';
import { orderShipping } from '../sales/index.js';
import type { LevelPair } from './reorder-check.js';

// Backorders (欠货) served by a receipt: open sales orders with lines waiting for stock of the
// received product × warehouse are claimed BEFORE the receipt's stock moves (documents first, then
// stock balances, as sales and shipping do, so a receipt and a shipment never lock in opposite
// order), and allocated after it in priority order, in the receipt's transaction.

type Head = orderShipping.OrderHead;
export type WaitingOrder = Head & { priority: string; orderDate: string };

/** Priorities in allocation order; unknown values sort with normal. */
const rank: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/** Sorts waiting orders: priority, then requested date (none last), then order date, then number. */
export function byAllocationOrder(a: Omit<WaitingOrder, 'status' | 'customerId' | 'customerName' | 'id'>, b: typeof a): number {
  return (rank[a.priority] ?? 2) - (rank[b.priority] ?? 2)
    || (a.requestedDate ?? '9999-12-31').localeCompare(b.requestedDate ?? '9999-12-31')
    || a.orderDate.localeCompare(b.orderDate)
    || a.number.localeCompare(b.number);
}

/**
 * Finds open orders with backordered lines of these pairs and claims each (in id order, so two
 * receipts claim in the same sequence); orders that stopped being open meanwhile are skipped.
 * Returns them in allocation order.
 */
export async function claimWaitingOrders(trx: Tx, pairs: LevelPair[]): Promise<WaitingOrder[]> {
  if (pairs.length === 0) return [];
  const wanted = new Set(pairs.map((p) => `${p.productId}\u0000${p.warehouseId}`));
  const rows = await trx.selectFrom('salesOrderLines as l').innerJoin('salesOrders as o', 'o.id', 'l.orderId')
    .select(['o.id', 'l.productId', 'l.warehouseId', 'o.priority', sql<string>`coalesce(o.order_date, substr(o.created_at, 1, 10))`.as('orderDate')])
    .where('o.status', 'in', ['confirmed', 'partially_shipped'])
    .where('l.productId', 'in', [...new Set(pairs.map((p) => p.productId))])
    .where('l.warehouseId', 'in', [...new Set(pairs.map((p) => p.warehouseId))])
    .where(sql<boolean>`l.base_quantity - l.reserved - l.shipped > 0`)
    .execute();
  const ids = new Map<string, { priority: string; orderDate: string }>();
  for (const r of rows) if (wanted.has(`${r.productId}\u0000${r.warehouseId}`)) ids.set(r.id, { priority: r.priority ?? 'normal', orderDate: r.orderDate });
  const claimed: WaitingOrder[] = [];
  for (const [id, extra] of [...ids.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    try {
      claimed.push({ ...(await orderShipping.claimForShipping(trx, id)), ...extra });
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'ORDER_STATE')) throw err;
    }
  }
  return claimed.sort(byAllocationOrder);
}

/**
 * Reserves what is available for each claimed order's backordered lines, highest priority first
 * (each order takes what it can before the next), and writes one `backorder.allocated` event per
 * order that gained anything. Returns the pairs whose reservations changed.
 */
export async function allocateWaitingOrders(trx: Tx, actor: Actor, orders: WaitingOrder[], cause: { type: string; id: string; number: string }): Promise<LevelPair[]> {
  if (orders.length === 0) return [];
  const lines = new Map((await orderShipping.fulfilmentLines(trx, orders.map((o) => o.id))).map((l) => [l.id, l]));
  const touched: LevelPair[] = [];
  for (const order of orders) {
    const granted = (await orderShipping.allocateBackorders(trx, actor, order)).filter((g) => g.granted > 0);
    if (granted.length === 0) continue;
    const detail = granted.map((g) => {
      const l = lines.get(g.lineId);
      if (l) touched.push({ productId: l.productId, warehouseId: l.warehouseId });
      return { lineId: g.lineId, productId: l?.productId, sku: l?.sku, name: l?.productName, warehouseId: l?.warehouseId, granted: g.granted, stillBackordered: l ? orderShipping.backorderedOf(l) - g.granted : null };
    });
    await enqueue(trx, 'backorder.allocated', {
      orderId: order.id, number: order.number, customerId: order.customerId, customerName: order.customerName, priority: order.priority,
      cause, lines: detail,
    }, `backorder.allocated:${order.id}:${cause.id}`);
  }
  return touched;
}
