import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../../db/create-db.js';
import type { StockCountLineTable } from '../../db/schema-stock-documents.js';
import { inChunks } from '../../platform/batch.js';
import type { CountScope } from './count.js';

// Queries of stock counts: the scope as SQL, the snapshot, scanned codes, and set-based line writes.

const ROWS = 1000;

/**
 * Whether the product in column `col` is within a count's scope in `warehouseId` (raw SQL, snake_case):
 * listed products, a category, and bins (a zone or bin ids) where it is assigned or its stock came in.
 */
export function inScope(col: string, warehouseId: string, scope: CountScope): RawBuilder<boolean> {
  const c = sql.raw(col);
  const parts: RawBuilder<unknown>[] = [sql`1 = 1`];
  if (scope.productIds?.length) parts.push(sql`${c} in (${sql.join(scope.productIds)})`);
  if (scope.categoryId) parts.push(sql`${c} in (select id from products where category_id = ${scope.categoryId})`);
  const bins: RawBuilder<unknown>[] = [];
  if (scope.zone) bins.push(sql`b.zone = ${scope.zone}`);
  if (scope.binIds?.length) bins.push(sql`b.id in (${sql.join(scope.binIds)})`);
  if (bins.length) {
    const where = sql.join(bins, sql` or `);
    parts.push(sql`(${c} in (select pb.product_id from product_bins pb join bins b on b.id = pb.bin_id where pb.warehouse_id = ${warehouseId} and (${where}))
      or ${c} in (select m.product_id from stock_movements m join bins b on b.id = m.bin_id where m.warehouse_id = ${warehouseId} and (${where})))`);
  }
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/** Freezes the book quantities: one line per product on hand in the warehouse and scope, in one statement. */
export async function insertSnapshot(db: DbOrTx, countId: string, warehouseId: string, scope: CountScope): Promise<number> {
  await db.insertInto('stockCountLines').columns(['countId', 'productId', 'snapshot'])
    .expression(db.selectFrom('stockLevels as s').select([sql<string>`cast(${countId} as text)`.as('countId'), 's.productId', 's.onHand'])
      .where('s.warehouseId', '=', warehouseId).where('s.onHand', '>', 0).where(inScope('s.product_id', warehouseId, scope)))
    .execute();
  const made = await db.selectFrom('stockCountLines').select((eb) => eb.fn.countAll<number>().as('n')).where('countId', '=', countId).executeTakeFirstOrThrow();
  return Number(made.n);
}

export type ScannedCode = { productId: string; factor: number };

/** Scanned codes: a product barcode (a pack's counts its factor) or a SKU; absent from the map when unknown. */
export async function lookUpCodes(db: DbOrTx, codes: string[]): Promise<Map<string, ScannedCode>> {
  const wanted = [...new Set(codes)];
  const out = new Map<string, ScannedCode>();
  const barcodes = await inChunks(wanted, (chunk) => db.selectFrom('productBarcodes as b').leftJoin('productUnits as u', 'u.id', 'b.unitId')
    .select(['b.barcode', 'b.productId', 'u.factor']).where('b.barcode', 'in', chunk).execute());
  for (const b of barcodes) out.set(b.barcode, { productId: b.productId, factor: Number(b.factor ?? 1) });
  const rest = wanted.filter((c) => !out.has(c));
  const skus = await inChunks(rest, (chunk) => db.selectFrom('products').select(['sku', 'id']).where('sku', 'in', chunk).execute());
  for (const p of skus) out.set(p.sku, { productId: p.id, factor: 1 });
  return out;
}

/** Products of `ids` that exist. */
export async function existingProducts(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  return new Set((await inChunks([...new Set(ids)], (chunk) => db.selectFrom('products').select('id').where('id', 'in', chunk).execute())).map((p) => p.id));
}

/** Of `productIds`, those already on the count. */
export async function linesOf(db: DbOrTx, countId: string, productIds: string[]): Promise<Set<string>> {
  return new Set((await inChunks(productIds, (chunk) => db.selectFrom('stockCountLines').select('productId').where('countId', '=', countId).where('productId', 'in', chunk).execute())).map((l) => l.productId));
}

/** Of `productIds`, those within the count's scope. */
export async function withinScope(db: DbOrTx, warehouseId: string, scope: CountScope, productIds: string[]): Promise<Set<string>> {
  return new Set((await inChunks(productIds, (chunk) => db.selectFrom('products as p').select('p.id').where('p.id', 'in', chunk).where(inScope('p.id', warehouseId, scope)).execute())).map((p) => p.id));
}

/**
 * Books counted quantities, 1,000 lines per statement: `add` adds to what was counted, `set`
 * replaces it. A product not on the count gets a line with snapshot 0 (it had none on hand then).
 */
export async function bookCounted(db: DbOrTx, countId: string, counted: Map<string, number>, mode: 'add' | 'set', now: string) {
  const rows = [...counted.entries()].map(([productId, q]): StockCountLineTable => ({
    countId, productId, snapshot: 0, counted: q, countedAt: now, expected: null, variance: null, unitCost: null, costAmount: null,
  }));
  const counting = mode === 'add' ? sql<number>`coalesce(stock_count_lines.counted, 0) + excluded.counted` : sql<number>`excluded.counted`;
  for (let i = 0; i < rows.length; i += ROWS) {
    await db.insertInto('stockCountLines').values(rows.slice(i, i + ROWS))
      .onConflict((oc) => oc.columns(['countId', 'productId']).doUpdateSet({ counted: counting, countedAt: sql`excluded.counted_at` }))
      .execute();
  }
}

/** Writes what approval found on each line (expected, variance, cost), 1,000 lines per statement. */
export async function bookResults(db: DbOrTx, rows: StockCountLineTable[]) {
  for (let i = 0; i < rows.length; i += ROWS) {
    await db.insertInto('stockCountLines').values(rows.slice(i, i + ROWS))
      .onConflict((oc) => oc.columns(['countId', 'productId']).doUpdateSet({
        expected: sql`excluded.expected`, variance: sql`excluded.variance`, unitCost: sql`excluded.unit_cost`, costAmount: sql`excluded.cost_amount`,
      }))
      .execute();
  }
}

// Moving-average cost per base unit, rounded half up; the product's cost price when nothing is costed.
const avgCost = sql<number>`case when c.quantity > 0 then (2 * c.value + c.quantity) / (2 * c.quantity) else coalesce(p.cost_price, 0) end`;

/** Every line of a count with the product, the balance now and the moving-average cost, by SKU. */
export function countLines(db: DbOrTx, countId: string, warehouseId: string) {
  return db.selectFrom('stockCountLines as l').innerJoin('products as p', 'p.id', 'l.productId')
    .leftJoin('stockLevels as s', (j) => j.onRef('s.productId', '=', 'l.productId').on('s.warehouseId', '=', warehouseId))
    .leftJoin('productCosts as c', 'c.productId', 'l.productId')
    .select(['l.productId', 'p.sku', 'p.name as productName', 'p.baseUnit', 'l.snapshot', 'l.counted', 'l.countedAt', 'l.expected', 'l.variance', 'l.unitCost', 'l.costAmount'])
    .select([sql<number>`coalesce(s.on_hand, 0)`.as('onHand'), avgCost.as('avgCost')])
    .where('l.countId', '=', countId).orderBy('p.sku')
    .execute();
}
