import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/create-db.js';
import { enqueue } from '../../platform/outbox.js';
import type { SalesOrderView } from './sales-order.schemas.js';
// Directly, not through purchasing's index: purchasing prices its orders with this module.
import { restockFromOrders } from '../purchasing/incoming.repository.js';

// The customer's backorder notice (缺货通知): when a confirmation leaves lines short, one
// `order.backordered` message for the whole order, with what is short and when open purchase
// orders should bring it. Backorder allocation later (a receipt) does not come back here.

type ShortLine = { lineNo: number; productId: string; sku: string; name: string; warehouseId: string; quantity: number; unit: string; restockDate: string | null; purchaseOrder: string | null };

/** Base units still waiting for stock of a product in a warehouse on other open orders. */
async function waitingElsewhere(trx: DbOrTx, orderId: string, productId: string, warehouseId: string): Promise<number> {
  const row = await trx.selectFrom('salesOrderLines as l').innerJoin('salesOrders as o', 'o.id', 'l.orderId')
    .select(sql<number>`coalesce(sum(l.base_quantity - l.reserved - l.shipped), 0)`.as('n'))
    .where('o.status', 'in', ['confirmed', 'partially_shipped']).where('o.id', '!=', orderId)
    .where('l.productId', '=', productId).where('l.warehouseId', '=', warehouseId)
    .where(sql<boolean>`l.base_quantity - l.reserved - l.shipped > 0`)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The short lines of an order just confirmed (`granted` = what each line holds), each with the
 * date open purchase orders cover it by. Orders already waiting for the product count first, so
 * the date is not earlier than stock can reach this one; with no dated purchase order it is null
 * (a supplier's lead time is a guess, not something to promise a customer).
 */
export async function shortLines(trx: DbOrTx, order: SalesOrderView, granted: number[]): Promise<ShortLine[]> {
  const short = order.lines.map((l, i) => ({ l, q: l.baseQuantity - granted[i] })).filter((x) => x.q > 0);
  const mine = new Map<string, number>();
  for (const { l, q } of short) mine.set(`${l.productId}\u0000${l.warehouseId}`, (mine.get(`${l.productId}\u0000${l.warehouseId}`) ?? 0) + q);
  const dates = new Map<string, { date: string; number: string } | null>();
  for (const [key, q] of mine) {
    const [productId, warehouseId] = key.split('\u0000');
    dates.set(key, await restockFromOrders(trx, productId, warehouseId, q + (await waitingElsewhere(trx, order.id, productId, warehouseId))));
  }
  return short.map(({ l, q }) => {
    const r = dates.get(`${l.productId}\u0000${l.warehouseId}`) ?? null;
    return { lineNo: l.lineNo, productId: l.productId, sku: l.sku, name: l.productName, warehouseId: l.warehouseId, quantity: q, unit: l.baseUnit, restockDate: r?.date ?? null, purchaseOrder: r?.number ?? null };
  });
}

/** Writes the order's one `order.backordered` message for this confirmation when any line is short. */
export async function announceBackorder(trx: Tx, order: SalesOrderView, granted: number[]): Promise<void> {
  const lines = await shortLines(trx, order, granted);
  if (lines.length === 0) return;
  // Everything is back by the latest line's date, known only when every line has one.
  const restockDate = lines.every((l) => l.restockDate) ? lines.map((l) => l.restockDate!).sort().at(-1)! : null;
  await enqueue(trx, 'order.backordered', {
    orderId: order.id, number: order.number, customerId: order.customerId, customerName: order.customerName, lines, restockDate,
  }, `order.backordered:${order.id}:${order.confirmedAt}`);
}
