import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../../db/create-db.js';
import { businessDate } from '../../platform/clock.js';
import { addDays, daysBetween, type Filters } from './filters.js';
import { splitValue, stockValues } from './inventory-figures.js';
import { dayStart, movementsByTime, namesOf } from './lookups.js';
import { pairKey } from './sales-pairs.js';

// Slow-moving stock and the age of stock on hand (docs/metrics.md "Slow-moving and ageing stock").

/** The age buckets, by the most days old a unit in them is; null = older than the last. */
export const ageBuckets = [{ key: '0-30', upTo: 30 }, { key: '31-60', upTo: 60 }, { key: '61-90', upTo: 90 }, { key: '91-180', upTo: 180 }, { key: '>180', upTo: null }] as const;

type Scope = Pick<Filters, 'warehouseId' | 'categoryIds' | 'productId'>;

/** Stock on hand (product × warehouse) with no sale in the `days` days up to today, with its last sale. */
export async function slowMoving(db: DbOrTx, f: Filters, days: number, limit = 100_000) {
  const today = businessDate();
  const since = addDays(today, -(days - 1));
  // Sold in the window = its last sale (product_last_sales, kept with the facts; none is dated after today) is on or after its first day.
  const [stock, recent] = await Promise.all([stockValues(db, f), soldSince(db, f, since)]);
  const slow = stock.filter((r) => !recent.has(pairKey(r.productId, r.warehouseId)));
  const sorted = [...slow].sort((a, b) => b.value - a.value || a.productId.localeCompare(b.productId) || a.warehouseId.localeCompare(b.warehouseId));
  // Last sales and names only for the rows returned.
  const shown = sorted.slice(0, limit);
  const last = await lastSales(db, shown.map((r) => r.productId), since);
  const [products, warehouses] = await Promise.all([namesOf(db, 'product', shown.map((r) => r.productId)), namesOf(db, 'warehouse', shown.map((r) => r.warehouseId))]);
  const rows = shown.map((r) => {
    const lastSale = last.get(pairKey(r.productId, r.warehouseId)) ?? null;
    return {
      productId: r.productId, sku: products.get(r.productId)?.code ?? null, name: products.get(r.productId)?.name ?? null, categoryId: r.categoryId || null,
      warehouseId: r.warehouseId, warehouseName: warehouses.get(r.warehouseId)?.name ?? null,
      lastSaleDay: lastSale, daysSinceSale: lastSale ? daysBetween(lastSale, today) : null, onHand: r.onHand, value: r.value,
    };
  });
  return {
    days, asOf: today, ignoredFilters: [...(f.given.from || f.given.to ? ['from', 'to'] : []), ...(f.customerId ? ['customerId'] : [])],
    products: new Set(slow.map((r) => r.productId)).size, units: slow.reduce((s, r) => s + r.onHand, 0), value: slow.reduce((s, r) => s + r.value, 0), count: slow.length, rows,
  };
}

/** Product × warehouse pairs with a sale on or after `since`. */
async function soldSince(db: DbOrTx, f: Scope, since: string) {
  let q = db.selectFrom('productLastSales').select(['productId', 'warehouseId']).where('lastDay', '>=', since);
  if (f.warehouseId) q = q.where('warehouseId', '=', f.warehouseId);
  if (f.productId) q = q.where('productId', '=', f.productId);
  return new Set((await q.execute()).map((r) => pairKey(r.productId, r.warehouseId)));
}

/**
 * The last day each product sold from each warehouse (product_last_sales, kept with the facts). Called
 * for stock with no sale since `before`, so its last sale is before that day.
 */
async function lastSales(db: DbOrTx, productIds: string[], before: string) {
  const out = new Map<string, string>();
  const ids = [...new Set(productIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('productLastSales').select(['productId', 'warehouseId', 'lastDay']).where('productId', 'in', ids.slice(i, i + 500)).where('lastDay', '<', before).execute();
    for (const r of rows) out.set(pairKey(r.productId, r.warehouseId), r.lastDay);
  }
  return out;
}

/**
 * Units moved in (positive movements) per product × warehouse and age bucket, over the last 180 days:
 * a unit's age is today − the business date of its move, so a bucket is a range of move times.
 */
async function recentInMoves(db: DbOrTx, f: Scope, today: string) {
  const starts = ageBuckets.slice(0, -1).map((b) => dayStart(addDays(today, -(b.upTo as number))));
  const where: RawBuilder<unknown>[] = [sql`m.at >= ${starts[starts.length - 1]}`, sql`m.quantity > 0`];
  if (f.warehouseId) where.push(sql`m.warehouse_id = ${f.warehouseId}`);
  if (f.productId) where.push(sql`m.product_id = ${f.productId}`);
  if (f.categoryIds) where.push(sql`m.product_id in (select id from products where category_id in (${sql.join(f.categoryIds)}))`);
  const sums = starts.map((start, i) => (i === 0
    ? sql`sum(case when m.at >= ${start} then m.quantity else 0 end) as ${sql.ref(`q${i}`)}`
    : sql`sum(case when m.at >= ${start} and m.at < ${starts[i - 1]} then m.quantity else 0 end) as ${sql.ref(`q${i}`)}`));
  const { rows } = await sql<Record<string, unknown>>`
    select m.product_id as "productId", m.warehouse_id as "warehouseId", ${sql.join(sums)}
    from ${movementsByTime(db)} where ${sql.join(where, sql` and `)} group by m.product_id, m.warehouse_id`.execute(db);
  return new Map(rows.map((r) => [pairKey(String(r.productId), String(r.warehouseId)), starts.map((_, i) => Number(r[`q${i}`] ?? 0))]));
}

/** Units on hand by age bucket, taking them to be the latest in-moves (FIFO out), valued at the product's average cost. */
export async function stockAgeing(db: DbOrTx, f: Filters, limit: number) {
  const today = businessDate();
  const [stock, moves] = await Promise.all([stockValues(db, f), recentInMoves(db, f, today)]);
  const totals = ageBuckets.map((b) => ({ bucket: b.key, units: 0, value: 0 }));
  const rows = stock.map((r) => {
    // The units on hand are the latest that came in: fill the youngest bucket first.
    const came = moves.get(pairKey(r.productId, r.warehouseId));
    let left = r.onHand;
    const units = ageBuckets.map((_, i) => {
      const take = i < ageBuckets.length - 1 ? Math.min(left, came?.[i] ?? 0) : left;
      left -= take;
      return take;
    });
    const values = splitValue(r.value, units);
    units.forEach((u, i) => { totals[i].units += u; totals[i].value += values[i]; });
    const oldest = units.reduce((o, u, i) => (u > 0 ? i : o), -1);
    return { productId: r.productId, warehouseId: r.warehouseId, categoryId: r.categoryId || null, onHand: r.onHand, value: r.value, oldestBucket: oldest < 0 ? null : ageBuckets[oldest].key, units, values };
  });
  const shown = rows.sort((a, b) => b.values[4] - a.values[4] || b.values[3] - a.values[3] || b.value - a.value || a.productId.localeCompare(b.productId)).slice(0, limit);
  const [products, warehouses] = await Promise.all([namesOf(db, 'product', shown.map((r) => r.productId)), namesOf(db, 'warehouse', shown.map((r) => r.warehouseId))]);
  return {
    asOf: today, buckets: ageBuckets.map((b) => b.key), ignoredFilters: [...(f.given.from || f.given.to ? ['from', 'to'] : []), ...(f.customerId ? ['customerId'] : [])],
    totals, units: rows.reduce((s, r) => s + r.onHand, 0), value: rows.reduce((s, r) => s + r.value, 0), count: rows.length,
    rows: shown.map((r) => ({ ...r, sku: products.get(r.productId)?.code ?? null, name: products.get(r.productId)?.name ?? null, warehouseName: warehouses.get(r.warehouseId)?.name ?? null })),
  };
}
