import { sql } from 'kysely';
import type { DbOrTx } from '../../db/create-db.js';
import { businessDate } from '../../platform/clock.js';

// Incoming (在途): what open purchase orders still expect, per product and warehouse. Inventory's
// stock list and sales' restock date read this file directly, not through the module's index, so
// that neither pulls in purchasing's routes (which themselves use inventory and sales).

const openOrderStatuses = ['ordered', 'partially_received'];
const openQty = sql<number>`case when l.base_quantity > l.received then l.base_quantity - l.received else 0 end`;

/** Open lines of open orders, optionally of one product and/or warehouse, earliest expected first. */
export async function openOrderLines(db: DbOrTx, f: { productId?: string; warehouseId?: string }) {
  let q = db
    .selectFrom('purchaseOrderLines as l')
    .innerJoin('purchaseOrders as o', 'o.id', 'l.orderId')
    .innerJoin('suppliers as s', 's.id', 'o.supplierId')
    .select(['l.id as lineId', 'l.productId', 'l.warehouseId', 'o.id as orderId', 'o.number', 'o.supplierId', 's.name as supplierName'])
    .select([openQty.as('open'), sql<string | null>`coalesce(l.expected_date, o.expected_date)`.as('expectedDate')])
    .where('o.status', 'in', openOrderStatuses)
    .where(sql<boolean>`l.base_quantity > l.received`);
  if (f.productId) q = q.where('l.productId', '=', f.productId);
  if (f.warehouseId) q = q.where('l.warehouseId', '=', f.warehouseId);
  const rows = await q.execute();
  const rank = (d: string | null) => d ?? '9999-12-31';
  return rows
    .map((r) => ({ ...r, open: Number(r.open) }))
    .sort((a, b) => rank(a.expectedDate).localeCompare(rank(b.expectedDate)) || a.number.localeCompare(b.number));
}

/** Σ open base units per `productId warehouseId` key (a NUL between), for the given products. */
export async function incomingByLevel(db: DbOrTx, productIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (productIds.length === 0) return out;
  const rows = await db
    .selectFrom('purchaseOrderLines as l')
    .innerJoin('purchaseOrders as o', 'o.id', 'l.orderId')
    .select(['l.productId', 'l.warehouseId', (eb) => eb.fn.sum<number>(openQty).as('incoming')])
    .where('o.status', 'in', openOrderStatuses)
    .where('l.productId', 'in', productIds)
    .groupBy(['l.productId', 'l.warehouseId'])
    .execute();
  for (const r of rows) out.set(`${r.productId}\u0000${r.warehouseId}`, Number(r.incoming));
  return out;
}

/**
 * When `need` more base units of a product may be in a warehouse from open purchase orders: the
 * expected date of the order line that makes the open quantities, earliest first, add up to the
 * need; today when that date has passed (the goods are late, not back yet). Null when open orders
 * with dates do not cover it.
 */
export async function restockFromOrders(db: DbOrTx, productId: string, warehouseId: string, need: number): Promise<{ date: string; basis: string; number: string } | null> {
  let sum = 0;
  const today = businessDate();
  for (const l of await openOrderLines(db, { productId, warehouseId })) {
    if (!l.expectedDate) continue;
    sum += l.open;
    if (sum < need) continue;
    const late = l.expectedDate < today;
    return { date: late ? today : l.expectedDate, basis: `purchase order ${l.number} expected ${l.expectedDate}${late ? ' (overdue)' : ''}`, number: l.number };
  }
  return null;
}
