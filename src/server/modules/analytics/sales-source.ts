import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../../db/create-db.js';
import type { RollupMeasures } from '../../db/schema-analytics.js';
import { businessDate } from '../../platform/clock.js';
import { addDays, daysBetween, type Filters } from './filters.js';
import { nextMonth } from '../../platform/business-months.js';
import { ensurePrefix, prefixSpecs } from '../../platform/rollup-prefixes.js';

// Where a sales figure is summed from (docs/metrics.md "How figures are kept exact and fast"):
// - by customer or product filter: the facts themselves (their indexes lead with customer, product);
// - by day, month, category, warehouse or in total: the daily rollup;
// - by product or customer: the monthly rollups for the months of the range (per customer
//   without the category unless a category is asked for), and for the month at each end either the
//   facts of its days in the range added or the facts of its days outside subtracted, whichever
//   reads fewer facts (planMonths).
// Every path sums the same facts, so the answer is the same whichever is used.

export type Measures = RollupMeasures;
export type Group = 'none' | 'day' | 'month' | 'product' | 'customer' | 'category' | 'warehouse';

export const zero = (): Measures => ({ quantity: 0, net: 0, cost: 0, costedNet: 0, returnedQuantity: 0, returnedNet: 0, lines: 0 });
const keys = Object.keys(zero()) as Array<keyof Measures>;
export const addMeasures = (a: Measures, b: Measures) => { for (const k of keys) a[k] += b[k]; return a; };

const rollupSums = sql.raw(keys.map((k) => `sum(${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}) as "${k}"`).join(', '));
const factSums = sql.raw([
  `sum(case when kind = 'sale' then quantity else 0 end) as "quantity"`,
  `sum(case when kind = 'sale' then net else 0 end) as "net"`,
  `sum(cost) as "cost"`,
  `sum(case when costed = 1 then net else 0 end) as "costedNet"`,
  `sum(case when kind = 'return' then -quantity else 0 end) as "returnedQuantity"`,
  `sum(case when kind = 'return' then -net else 0 end) as "returnedNet"`,
  `count(*) as "lines"`,
].join(', '));

type Source = 'facts' | 'daily' | 'products' | 'customers' | 'customerTotals' | 'productTotals';
const tables: Record<Source, string> = {
  facts: 'sales_facts', daily: 'sales_daily', products: 'sales_monthly_products', customers: 'sales_monthly_customers', customerTotals: 'sales_monthly_customer_totals', productTotals: 'sales_monthly_product_totals',
};

function keyOf(source: Source, group: Group): RawBuilder<string> {
  const dateCol = source === 'facts' || source === 'daily' ? 'day' : 'month';
  switch (group) {
    case 'none': return sql<string>`''`;
    case 'day': return sql<string>`${sql.ref(dateCol)}`;
    case 'month': return sql<string>`substr(${sql.ref(dateCol)}, 1, 7)`;
    // coalesce(): an expression, so SQLite does not walk a product or customer index for the
    // grouping's order (a skip-scan of every product) instead of reading the day range.
    case 'product': return sql<string>`coalesce(product_id, '')`;
    case 'customer': return sql<string>`coalesce(customer_id, '')`;
    case 'category': return sql<string>`category_id`;
    case 'warehouse': return sql<string>`warehouse_id`;
  }
}

/** Grouped rows (`key` and the measures) as measures by key, leaving out groups of no line. */
function measuresByKey(rows: Record<string, unknown>[]): Map<string, Measures> {
  const out = new Map<string, Measures>();
  for (const r of rows) {
    if (Number(r.lines) === 0 || r.lines === null) continue;
    const m = zero();
    for (const k of keys) m[k] = Number(r[k] ?? 0);
    out.set(String(r.key), m);
  }
  return out;
}

/** One SELECT over a source and date range, grouped; the rows' measures are numbers. */
async function sumOver(db: DbOrTx, source: Source, f: Filters, range: { from: string; to: string }, group: Group): Promise<Map<string, Measures>> {
  const where: RawBuilder<unknown>[] = [];
  if (source === 'facts' || source === 'daily') where.push(sql`day >= ${range.from} and day <= ${range.to}`);
  else where.push(sql`month >= ${range.from.slice(0, 7)} and month <= ${range.to.slice(0, 7)}`);
  if (f.warehouseId) where.push(sql`warehouse_id = ${f.warehouseId}`);
  if (f.categoryIds) where.push(sql`category_id in (${sql.join(f.categoryIds)})`);
  if (f.customerId) where.push(sql`customer_id = ${f.customerId}`);
  if (f.productId) where.push(sql`product_id = ${f.productId}`);
  const key = keyOf(source, group);
  const sums = source === 'facts' ? factSums : rollupSums;
  const q = sql<Record<string, unknown>>`select ${key} as "key", ${sums} from ${sql.table(tables[source])} where ${sql.join(where, sql` and `)} group by 1`;
  return measuresByKey((await q.execute(db)).rows);
}

const prefixOf = { productTotals: prefixSpecs.salesProducts, customerTotals: prefixSpecs.salesCustomers } as const;

/**
 * Whole months of a per-product or per-customer total rollup by its running totals
 * (platform/rollup-prefixes.ts): the months [A, B] are the prefix after B less the prefix of A, with
 * the months from this one to B (not yet closed) read from the rollup. Null when fewer than three
 * months lie between or the prefixes cannot be made here.
 */
async function sumByPrefixes(db: DbOrTx, source: 'productTotals' | 'customerTotals', f: Filters, range: Range, group: Group): Promise<Map<string, Measures> | null> {
  const first = range.from.slice(0, 7);
  const last = range.to.slice(0, 7);
  const current = businessDate().slice(0, 7);
  const end = last < current ? nextMonth(last) : current;
  if (end <= nextMonth(nextMonth(first))) return null;
  const spec = prefixOf[source];
  if (!(await ensurePrefix(db, spec, first)) || !(await ensurePrefix(db, spec, end))) return null;
  const where = f.warehouseId ? sql` and warehouse_id = ${f.warehouseId}` : sql``;
  const key = keyOf(source, group);
  const cols = sql.raw(spec.measures.join(', '));
  const negative = sql.raw(spec.measures.map((c) => `-${c} as ${c}`).join(', '));
  const keyCol = sql.raw(source === 'productTotals' ? 'product_id' : 'customer_id');
  const { rows } = await sql<Record<string, unknown>>`select ${key} as "key", ${rollupSums} from (
      select ${keyCol}, ${cols} from ${sql.table(tables[source])} where month >= ${end} and month <= ${last}${where}
      union all select ${keyCol}, ${cols} from ${sql.table(spec.prefix)} where month = ${end}${where}
      union all select ${keyCol}, ${negative} from ${sql.table(spec.prefix)} where month = ${first}${where}
    ) x group by 1`.execute(db);
  return measuresByKey(rows);
}

function merge(into: Map<string, Measures>, more: Map<string, Measures>) {
  for (const [k, m] of more) {
    const have = into.get(k);
    if (have) addMeasures(have, m);
    else into.set(k, m);
  }
  return into;
}

const firstOfMonth = (d: string) => `${d.slice(0, 7)}-01`;
const lastOfMonth = (d: string) => addDays(firstOfMonth(addDays(firstOfMonth(d), 32)), -1);

/** The whole months inside a range, and the days left at each end. */
export function splitMonths(from: string, to: string): { months: { from: string; to: string } | null; edges: Array<{ from: string; to: string }> } {
  const start = from === firstOfMonth(from) ? from : addDays(lastOfMonth(from), 1);
  const end = to === lastOfMonth(to) ? to : addDays(firstOfMonth(to), -1);
  if (start > end) return { months: null, edges: [{ from, to }] };
  const edges = [];
  if (from < start) edges.push({ from, to: addDays(start, -1) });
  if (end < to) edges.push({ from: addDays(end, 1), to });
  return { months: { from: start, to: end }, edges };
}

type Range = { from: string; to: string };
/** Days of a range that can hold facts (none are dated after today). */
const factDays = (r: Range, today: string) => (r.from > r.to || r.from > today ? 0 : daysBetween(r.from, r.to < today ? r.to : today) + 1);

/**
 * How to sum a range from the monthly rollups and the facts reading the fewest facts: each month at
 * an end of the range is either left out with its days in the range added from the facts, or taken
 * whole from the rollup with its days outside the range subtracted (the facts of "last 30 days" up
 * to today are the current month's rollup less nothing, as no fact is dated after today).
 */
export function planMonths(from: string, to: string, today: string): { months: Range | null; add: Range[]; subtract: Range[] } {
  const split = splitMonths(from, to);
  const { months } = split;
  // A range over two months with none whole inside comes back as one edge: one per month here.
  const edges = split.edges.flatMap((e) => (e.from.slice(0, 7) === e.to.slice(0, 7) ? [e] : [{ from: e.from, to: lastOfMonth(e.from) }, { from: firstOfMonth(e.to), to: e.to }]));
  let first = months?.from ?? null;
  let last = months?.to ?? null;
  const add: Range[] = [];
  const subtract: Range[] = [];
  for (const e of edges) {
    const outside: Range[] = [
      ...(e.from > firstOfMonth(e.from) ? [{ from: firstOfMonth(e.from), to: addDays(e.from, -1) }] : []),
      ...(e.to < lastOfMonth(e.to) ? [{ from: addDays(e.to, 1), to: lastOfMonth(e.to) }] : []),
    ];
    if (outside.reduce((n, r) => n + factDays(r, today), 0) < factDays(e, today)) {
      subtract.push(...outside);
      const m = { from: firstOfMonth(e.from), to: lastOfMonth(e.to) };
      first = first === null || m.from < first ? m.from : first;
      last = last === null || m.to > last ? m.to : last;
    } else add.push(e);
  }
  return { months: first && last ? { from: first, to: last } : null, add, subtract };
}

/** Sales measures over the filters' range, grouped. */
export async function salesBy(db: DbOrTx, f: Filters, group: Group): Promise<Map<string, Measures>> {
  const range = { from: f.from, to: f.to };
  if (f.customerId || f.productId) return sumOver(db, 'facts', f, range, group);
  if (group !== 'product' && group !== 'customer') return sumOver(db, 'daily', f, range, group);
  const { months, add, subtract } = planMonths(f.from, f.to, businessDate());
  const monthly: Source = group === 'product' ? (f.categoryIds || f.warehouseId ? 'products' : 'productTotals') : f.categoryIds ? 'customers' : 'customerTotals';
  const out = !months ? new Map<string, Measures>()
    : (monthly === 'productTotals' || monthly === 'customerTotals' ? await sumByPrefixes(db, monthly, f, months, group) : null) ?? await sumOver(db, monthly, f, months, group);
  for (const e of add) merge(out, await sumOver(db, 'facts', f, e, group));
  for (const e of subtract) {
    for (const [k, m] of await sumOver(db, 'facts', f, e, group)) {
      const have = out.get(k);
      if (!have) throw new Error(`facts of ${k} outside the range are not in the monthly rollup`);
      for (const key of keys) have[key] -= m[key];
      if (have.lines === 0) out.delete(k);
    }
  }
  return out;
}

/** Sales measures straight from the facts, whatever the filters (the check the rollups are tested against). */
export async function salesFromFacts(db: DbOrTx, f: Filters, group: Group): Promise<Map<string, Measures>> {
  return sumOver(db, 'facts', f, { from: f.from, to: f.to }, group);
}

/** The figures users read off measures: revenue net of returns, gross profit over the revenue whose cost is known. */
export function derived(m: Measures) {
  const revenue = m.net - m.returnedNet;
  const grossProfit = m.costedNet - m.cost;
  return {
    ...m, revenue, grossProfit,
    marginPercent: m.costedNet !== 0 ? Math.round((grossProfit / m.costedNet) * 10_000) / 100 : null,
    costCoverage: revenue !== 0 ? Math.round((m.costedNet / revenue) * 10_000) / 100 : null,
    returnRate: m.quantity !== 0 ? Math.round((m.returnedQuantity / m.quantity) * 10_000) / 100 : null,
  };
}
export type Derived = ReturnType<typeof derived>;
