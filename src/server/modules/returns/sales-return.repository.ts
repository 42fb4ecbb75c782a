import { sql } from 'kysely';
import type { DbOrTx } from '../../db/create-db.js';
import type { SalesReturnHistoryTable } from '../../db/schema-returns.js';
import { nowIso } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';

const int = (n: number) => sql<number>`cast(${n} as bigint)`;

export type OrderLineInfo = {
  id: string; orderId: string; productId: string; sku: string; productName: string; baseUnit: string; categoryId: string | null;
  warehouseId: string; unitName: string; factor: number; baseQuantity: number; shipped: number; total: number;
};

/** The order's head (number, customer, status). */
export async function orderHead(db: DbOrTx, orderId: string) {
  return db.selectFrom('salesOrders').select(['id', 'number', 'customerId', 'status']).where('id', '=', orderId).executeTakeFirst();
}

/** The order lines named, with product and what shipped. */
export async function orderLines(db: DbOrTx, ids: string[]): Promise<OrderLineInfo[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('salesOrderLines as l').innerJoin('products as p', 'p.id', 'l.productId')
    .select(['l.id', 'l.orderId', 'l.productId', 'p.sku', 'p.name as productName', 'p.baseUnit', 'p.categoryId', 'l.warehouseId', 'l.unitName', 'l.factor', 'l.baseQuantity', 'l.shipped', 'l.total'])
    .where('l.id', 'in', ids).execute();
  return rows.map((r) => ({ ...r, factor: Number(r.factor), baseQuantity: Number(r.baseQuantity), shipped: Number(r.shipped), total: Number(r.total) }));
}

/** Factor of a product's unit by name (1 for the base unit); undefined when it has no such unit. */
export async function unitFactor(db: DbOrTx, productId: string, baseUnit: string, unit: string): Promise<number | undefined> {
  if (unit === baseUnit) return 1;
  const u = await db.selectFrom('productUnits').select('factor').where('productId', '=', productId).where('name', '=', unit).executeTakeFirst();
  return u ? Number(u.factor) : undefined;
}

/** Per order line: the last day its goods reached the customer (delivered, else shipped), as an ISO time. */
export async function lastHandedOver(db: DbOrTx, lineIds: string[]): Promise<Map<string, string>> {
  if (!lineIds.length) return new Map();
  const rows = await db.selectFrom('shipmentLines as sl').innerJoin('shipments as s', 's.id', 'sl.shipmentId')
    .select(['sl.orderLineId', sql<string>`max(coalesce(s.delivered_at, s.shipped_at))`.as('at')])
    .where('sl.orderLineId', 'in', lineIds).groupBy('sl.orderLineId').execute();
  return new Map(rows.map((r) => [r.orderLineId, r.at]));
}

/** Return window days per category overriding the default. */
export async function categoryWindows(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db.selectFrom('returnCategoryWindows').selectAll().execute();
  return new Map(rows.map((r) => [r.categoryId, Number(r.windowDays)]));
}

/** The return policy row (made by the migration). */
export async function settingsRow(db: DbOrTx) {
  return db.selectFrom('returnSettings').selectAll().where('id', '=', 'default').executeTakeFirstOrThrow();
}

/** What each order line has had asked back on returns neither rejected nor cancelled. */
export async function requestedSoFar(db: DbOrTx, lineIds: string[]): Promise<Map<string, number>> {
  if (!lineIds.length) return new Map();
  const rows = await db.selectFrom('salesReturnQuantities').selectAll().where('orderLineId', 'in', lineIds).execute();
  return new Map(rows.map((r) => [r.orderLineId, Number(r.requested)]));
}

/**
 * Adds to what an order line has had asked back unless that would pass `limit` (what shipped): a
 * conditional upsert, so concurrent requests cannot both take the last units. False when refused.
 */
export async function bookRequested(db: DbOrTx, orderLineId: string, quantity: number, limit: number): Promise<boolean> {
  if (quantity > limit) return false;
  const res = await db.insertInto('salesReturnQuantities').values({ orderLineId, requested: quantity })
    .onConflict((oc) => oc.column('orderLineId')
      .doUpdateSet({ requested: sql<number>`sales_return_quantities.requested + ${int(quantity)}` })
      .where(sql<boolean>`sales_return_quantities.requested + ${int(quantity)} <= ${int(limit)}`))
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Gives back what a rejected or cancelled return had asked for. */
export async function releaseRequested(db: DbOrTx, orderLineId: string, quantity: number): Promise<void> {
  await db.updateTable('salesReturnQuantities').set({ requested: sql<number>`requested - ${int(quantity)}` }).where('orderLineId', '=', orderLineId).execute();
}

/** Moves a return from one status to another if it is still in it; false when someone else moved it first. */
export async function moveStatus(db: DbOrTx, id: string, fromStatuses: readonly string[], to: string, set: Record<string, unknown> = {}): Promise<boolean> {
  const res = await db.updateTable('salesReturns').set({ ...set, status: to, updatedAt: nowIso() }).where('id', '=', id).where('status', 'in', [...fromStatuses]).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Appends a step to a return's history. */
export async function addHistory(db: DbOrTx, h: Omit<SalesReturnHistoryTable, 'id' | 'at'>): Promise<void> {
  await db.insertInto('salesReturnHistory').values({ id: newId(), at: nowIso(), ...h }).execute();
}

/** The original cost of goods per order line: its sale_out movements' cost over their quantity. */
export async function saleCosts(db: DbOrTx, orderId: string, lineIds: string[]): Promise<Map<string, { quantity: number; cost: number }>> {
  if (!lineIds.length) return new Map();
  const rows = await db.selectFrom('stockMovements')
    .select(['sourceLineId', sql<number>`sum(-quantity)`.as('quantity'), sql<number>`sum(-cost_amount)`.as('cost')])
    .where('sourceType', '=', 'sales_order').where('sourceId', '=', orderId).where('kind', '=', 'sale_out').where('sourceLineId', 'in', lineIds)
    .groupBy('sourceLineId').execute();
  return new Map(rows.map((r) => [r.sourceLineId as string, { quantity: Number(r.quantity), cost: Number(r.cost) }]));
}

/** What a scanned code is: a barcode (its pack unit's factor counts) or a SKU; undefined when unknown. */
export async function scannedProduct(db: DbOrTx, code: string): Promise<{ productId: string; sku: string; productName: string; factor: number } | undefined> {
  const bc = await db.selectFrom('productBarcodes as b').innerJoin('products as p', 'p.id', 'b.productId').leftJoin('productUnits as u', 'u.id', 'b.unitId')
    .select(['p.id', 'p.sku', 'p.name', 'u.factor']).where('b.barcode', '=', code).executeTakeFirst();
  if (bc) return { productId: bc.id, sku: bc.sku, productName: bc.name, factor: Number(bc.factor ?? 1) };
  const p = await db.selectFrom('products').select(['id', 'sku', 'name']).where('sku', '=', code).executeTakeFirst();
  return p ? { productId: p.id, sku: p.sku, productName: p.name, factor: 1 } : undefined;
}

/** Adds to a return line's received unless that passes what it asked back; false when refused. */
export async function addReceived(db: DbOrTx, lineId: string, quantity: number): Promise<boolean> {
  const res = await db.updateTable('salesReturnLines').set({ received: sql<number>`received + ${int(quantity)}` })
    .where('id', '=', lineId).where(sql<boolean>`received + ${int(quantity)} <= base_quantity`).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
