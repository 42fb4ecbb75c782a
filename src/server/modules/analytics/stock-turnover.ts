import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../../db/create-db.js';
import { businessDate } from '../../platform/clock.js';
import { addDays, type Filters } from './filters.js';
import { stockValues, stockValuesByProduct } from './inventory-figures.js';
import { nextMonth } from '../../platform/business-months.js';
import { dayStart, movementsByTime, namesOf, round2 } from './lookups.js';
import { salesBy } from './sales-source.js';
import { ensurePrefix, prefixSpecs } from '../../platform/rollup-prefixes.js';

// Turnover and days of supply (docs/metrics.md "Stock turnover and days of supply"): cost of goods
// sold over the range ÷ the average of the inventory value at its start and end; the value at a past
// moment is today's value less the value the ledger moved since: whole months from the ledger's
// monthly rollup (stock_value_months) or its running totals, the days before them from the
// movements (stock_movements_at_idx).

export type TurnoverBy = 'product' | 'category' | 'warehouse';
type Key = { productId: string; warehouseId: string; categoryId: string };
const keyFor = (by: TurnoverBy, r: Key) => (by === 'product' ? r.productId : by === 'warehouse' ? r.warehouseId : r.categoryId);

/**
 * Cost value the ledger moved per product × warehouse from the start of business day `day` on:
 * whole months from the monthly rollup (stock_value_months), the days before the first whole month
 * from the movements themselves.
 */
async function movedFrom(db: DbOrTx, f: Filters, day: string, per: MovedPer) {
  const month = day.slice(0, 7);
  const firstWhole = day.endsWith('-01') ? month : nextMonth(month);
  const filters = (p: string): RawBuilder<unknown>[] => [
    ...(f.warehouseId ? [sql`${sql.raw(p)}warehouse_id = ${f.warehouseId}`] : []),
    ...(f.productId ? [sql`${sql.raw(p)}product_id = ${f.productId}`] : []),
    ...(f.categoryIds ? [sql`${sql.raw(p)}product_id in (select id from products where category_id in (${sql.join(f.categoryIds)}))`] : []),
  ];
  const and = (list: RawBuilder<unknown>[]) => (list.length ? sql` and ${sql.join(list, sql` and `)}` : sql``);
  const edge = day.endsWith('-01') ? sql`` : sql`
    union all
    select m.product_id, m.warehouse_id, m.cost_amount as value from ${movementsByTime(db)}
    where m.at >= ${dayStart(day)} and m.at < ${dayStart(`${firstWhole}-01`)}${and(filters('m.'))}`;
  const col = (e: string, as: string) => sql`${sql.raw(e)} as ${sql.ref(as)}`;
  const keys = sql.join(per === 'pair' ? [col('x.product_id', 'productId'), col('x.warehouse_id', 'warehouseId'), col("''", 'categoryId')]
    : [col('x.product_id', 'productId'), col("''", 'warehouseId'), col("''", 'categoryId')]);
  // Two or more whole months before this one: the running totals to the first whole month and to
  // this month (platform/rollup-prefixes.ts) stand for every month between.
  const current = businessDate().slice(0, 7);
  const prefixed = firstWhole < current && nextMonth(firstWhole) < current
    && await ensurePrefix(db, prefixSpecs.stockValue, firstWhole) && await ensurePrefix(db, prefixSpecs.stockValue, current);
  const whole = prefixed ? sql`
      select r.product_id, r.warehouse_id, r.value from stock_value_months r where r.month >= ${current}${and(filters('r.'))}
      union all
      select p.product_id, p.warehouse_id, p.value from stock_value_prefixes p where p.month = ${current}${and(filters('p.'))}
      union all
      select p.product_id, p.warehouse_id, -p.value from stock_value_prefixes p where p.month = ${firstWhole}${and(filters('p.'))}`
    : sql`select r.product_id, r.warehouse_id, r.value from stock_value_months r where r.month >= ${firstWhole}${and(filters('r.'))}`;
  const { rows } = await sql<{ productId: string; warehouseId: string; categoryId: string; value: unknown }>`
    select ${keys}, sum(x.value) as value from (${whole}${edge}) x group by 1, 2, 3`.execute(db);
  return rows;
}

/** How movedSince groups: per product × warehouse, per product, or per category (the product's category now; summed from the products). */
export type MovedPer = 'pair' | 'product' | 'category';

/** Movement value from the start of a business day on, and from a later one on, grouped `per` (the other keys '') . */
export async function movedSince(db: DbOrTx, f: Filters, from: string, later: string, per: MovedPer = 'pair') {
  const [all, after] = await Promise.all([movedFrom(db, f, from, per), movedFrom(db, f, later, per)]);
  const out = new Map<string, { productId: string; warehouseId: string; categoryId: string; value: number; laterValue: number }>();
  const row = (r: { productId: string; warehouseId: string; categoryId: string }) => {
    const k = `${r.productId}\u0000${r.warehouseId}\u0000${r.categoryId}`;
    return out.get(k) ?? out.set(k, { productId: r.productId, warehouseId: r.warehouseId, categoryId: r.categoryId, value: 0, laterValue: 0 }).get(k)!;
  };
  for (const r of all) row(r).value += Number(r.value ?? 0);
  for (const r of after) row(r).laterValue += Number(r.value ?? 0);
  if (per !== 'category') return [...out.values()];
  // Per category: the products' sums under the category each is in now (one pass over products, cheaper than a join per rollup row).
  const categories = new Map((await db.selectFrom('products').select(['id', 'categoryId']).execute()).map((p) => [p.id, p.categoryId ?? '']));
  const byCategory = new Map<string, { productId: string; warehouseId: string; categoryId: string; value: number; laterValue: number }>();
  for (const r of out.values()) {
    const c = categories.get(r.productId) ?? '';
    const g = byCategory.get(c) ?? byCategory.set(c, { productId: '', warehouseId: '', categoryId: c, value: 0, laterValue: 0 }).get(c)!;
    g.value += r.value; g.laterValue += r.laterValue;
  }
  return [...byCategory.values()];
}

/** Turnover, average inventory value and days of supply by product, category or warehouse. */
export async function stockTurnover(db: DbOrTx, f: Filters, by: TurnoverBy, limit = 100_000) {
  const today = businessDate();
  const [now, moved, sold] = await Promise.all([
    by === 'warehouse' || f.warehouseId ? stockValues(db, f) : stockValuesByProduct(db, f),
    movedSince(db, f, f.from, addDays(f.to, 1), by === 'warehouse' ? 'pair' : by),
    salesBy(db, { ...f, customerId: undefined }, by),
  ]);
  type Row = { opening: number; closing: number; onHand: number; value: number };
  const rows = new Map<string, Row>();
  const row = (k: string) => rows.get(k) ?? rows.set(k, { opening: 0, closing: 0, onHand: 0, value: 0 }).get(k)!;
  for (const r of now) {
    const g = row(keyFor(by, r));
    g.opening += r.value; g.closing += r.value; g.onHand += r.onHand; g.value += r.value;
  }
  for (const m of moved) {
    const g = row(keyFor(by, m));
    g.opening -= m.value; g.closing -= m.laterValue;
  }
  for (const k of sold.keys()) row(k);
  let names = new Map<string, { code: string | null; name: string | null }>();
  const figure = (k: string | null, g: Row, cogs: number, units: number) => {
    const average = (g.opening + g.closing) / 2;
    const daily = units / f.days;
    return {
      id: k, code: k ? names.get(k)?.code ?? null : null, name: k ? names.get(k)?.name ?? null : null,
      cogs, unitsSold: units, openingValue: g.opening, closingValue: g.closing, averageValue: Math.round(average),
      turnover: average > 0 ? round2(cogs / average) : null,
      daysOfInventory: cogs > 0 ? round2((average * f.days) / cogs) : null,
      onHand: g.onHand, value: g.value, dailyUnits: round2(daily), daysOfSupply: daily > 0 ? round2(g.onHand / daily) : null,
    };
  };
  const list = [...rows.entries()].map(([k, g]) => {
    const s = sold.get(k);
    return figure(k === '' ? null : k, g, s?.cost ?? 0, s ? s.quantity - s.returnedQuantity : 0);
  }).sort((a, b) => b.cogs - a.cogs || b.value - a.value || String(a.id).localeCompare(String(b.id)));
  // Names only for the rows returned.
  const shown = list.slice(0, limit);
  names = await namesOf(db, by, shown.flatMap((r) => (r.id ? [r.id] : [])));
  for (const r of shown) if (r.id) Object.assign(r, { code: names.get(r.id)?.code ?? null, name: names.get(r.id)?.name ?? null });
  const total = [...rows.values()].reduce((t, g) => ({ opening: t.opening + g.opening, closing: t.closing + g.closing, onHand: t.onHand + g.onHand, value: t.value + g.value }), { opening: 0, closing: 0, onHand: 0, value: 0 });
  const soldTotal = [...sold.values()].reduce((t, s) => ({ cost: t.cost + s.cost, units: t.units + s.quantity - s.returnedQuantity }), { cost: 0, units: 0 });
  return {
    by, from: f.from, to: f.to, days: f.days, asOf: today,
    ignoredFilters: f.customerId ? ['customerId'] : [],
    total: figure(null, total, soldTotal.cost, soldTotal.units),
    count: list.length,
    rows: shown,
  };
}
