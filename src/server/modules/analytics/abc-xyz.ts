import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../../db/create-db.js';
import { addDays, type Filters } from './filters.js';
import { businessDate } from '../../platform/clock.js';
import { nextMonth } from '../../platform/business-months.js';
import { ensurePrefix, prefixSpecs } from '../../platform/rollup-prefixes.js';
import { namesOf, round2 } from './lookups.js';
import { pairKey, salesPairs, type PairMeasures } from './sales-pairs.js';
import { splitMonths } from './sales-source.js';

// ABC by revenue and XYZ by demand variability per product (docs/metrics.md "ABC and XYZ"), both
// from the monthly product rollup, summed by the database, and the months at the range's ends.

export type AbcXyzLimits = { aPercent: number; bPercent: number; xMax: number; yMax: number };

/** ABC class from the share of revenue of the products ranked before this one (so the product that crosses a limit stays in the upper class). */
export function abcClass(cumulativeBefore: number, revenue: number, l: AbcXyzLimits): 'A' | 'B' | 'C' {
  if (revenue <= 0) return 'C';
  if (cumulativeBefore < l.aPercent) return 'A';
  if (cumulativeBefore < l.aPercent + l.bPercent) return 'B';
  return 'C';
}

/** Coefficient of variation (population standard deviation ÷ mean) of a series; null when the mean is 0. */
export function variation(xs: number[]): number | null {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  if (!(mean > 0)) return null;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
  return sd / mean;
}

export const xyzClass = (cv: number | null, l: AbcXyzLimits): 'X' | 'Y' | 'Z' => (cv === null ? 'Z' : cv < l.xMax ? 'X' : cv < l.yMax ? 'Y' : 'Z');

/** The calendar months a range touches (YYYY-MM). */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = `${from.slice(0, 7)}-01`; d.slice(0, 7) <= to.slice(0, 7); d = addDays(d, 32).slice(0, 8) + '01') out.push(d.slice(0, 7));
  return out;
}

/** What rows to return: the first `limit` by revenue, of one cell when `abc`/`xyz` are given. The matrix always covers every product. */
export type AbcXyzRows = { limit: number; abc?: 'A' | 'B' | 'C'; xyz?: 'X' | 'Y' | 'Z' };

/** Per product over the range: revenue, and units summed and squared-summed over its months (for the variation). */
type Series = { revenue: number; units: number; squares: number };

/**
 * Coefficient of variation from a series' sums over n months: sd / mean = √(n·Σq² − (Σq)²) / Σq,
 * the same as variation() over the months (zero months included), with integers under the root.
 */
export function variationOfSums(n: number, units: number, squares: number): number | null {
  if (!(units > 0)) return null;
  return Math.sqrt(Math.max(0, n * squares - units * units)) / units;
}

/**
 * Revenue and the monthly units' sums per product. The months wholly inside the range are summed by
 * the database from the monthly rollup (one row per product comes back); the month at each end,
 * partly in the range, comes per product from salesPairs (rollup less or plus the facts of its days).
 */
async function seriesOf(db: DbOrTx, f: Filters): Promise<Map<string, Series>> {
  const out = new Map<string, Series>();
  const add = (productId: string, revenue: number, units: number, squares: number) => {
    const s = out.get(productId) ?? out.set(productId, { revenue: 0, units: 0, squares: 0 }).get(productId)!;
    s.revenue += revenue; s.units += units; s.squares += squares;
  };
  const byFacts = f.customerId || f.productId;
  const { months, edges } = byFacts ? { months: null, edges: [{ from: f.from, to: f.to }] } : splitMonths(f.from, f.to);
  if (months) {
    const table = f.warehouseId || f.categoryIds ? 'sales_monthly_products' : 'sales_monthly_product_totals';
    const where: RawBuilder<unknown>[] = [sql`month >= ${months.from.slice(0, 7)} and month <= ${months.to.slice(0, 7)}`];
    if (f.warehouseId) where.push(sql`warehouse_id = ${f.warehouseId}`);
    if (f.categoryIds) where.push(sql`category_id in (${sql.join(f.categoryIds)})`);
    // The per-product table has one row per month × product already: one level of grouping (and no
    // hash of 50,000 month × product groups, which spills to disk on PostgreSQL's default work_mem).
    const first = months.from.slice(0, 7);
    const last = months.to.slice(0, 7);
    // Three months or more before this one, per product only: two running totals (with Σ units²) stand for the months between.
    const current = businessDate().slice(0, 7);
    const end = last < current ? nextMonth(last) : current;
    const prefixed = table === 'sales_monthly_product_totals' && end > nextMonth(nextMonth(first))
      && await ensurePrefix(db, prefixSpecs.salesProducts, first) && await ensurePrefix(db, prefixSpecs.salesProducts, end);
    const monthly = prefixed
      ? sql`select product_id, net - returned_net as revenue, quantity as units, quantity * quantity as squares, lines from sales_monthly_product_totals where month >= ${end} and month <= ${last}
          union all select product_id, net - returned_net, quantity, squares, lines from sales_product_prefixes where month = ${end}
          union all select product_id, returned_net - net, -quantity, -squares, -lines from sales_product_prefixes where month = ${first}`
      : table === 'sales_monthly_product_totals'
        ? sql`select product_id, net - returned_net as revenue, quantity as units, quantity * quantity as squares, lines from sales_monthly_product_totals where ${sql.join(where, sql` and `)}`
        : sql`select month, product_id, sum(net) - sum(returned_net) as revenue, sum(quantity) as units, sum(quantity) * sum(quantity) as squares, sum(lines) as lines
            from ${sql.table(table)} where ${sql.join(where, sql` and `)} group by month, product_id`;
    // Products with no line in these months (a prefix difference of nothing) are not in the range.
    const { rows } = await sql<{ productId: string; revenue: unknown; units: unknown; squares: unknown }>`
      select product_id as "productId", sum(revenue) as revenue, sum(units) as units, sum(squares) as squares from (${monthly}) m group by product_id having sum(lines) <> 0`.execute(db);
    for (const r of rows) add(r.productId, Number(r.revenue ?? 0), Number(r.units ?? 0), Number(r.squares ?? 0));
  }
  // The months at the ends (or, by customer or product, every month from the facts).
  for (const e of edges) {
    for (const [k, m] of await salesPairs(db, { ...f, from: e.from, to: e.to }, 'product', 'month')) add(k.split('\u0000')[0], m.net - m.returnedNet, m.quantity, m.quantity * m.quantity);
  }
  return out;
}

/** Every product sold in the range with its ABC and XYZ class (the rows asked for), and the 9-cell matrix over all of them. */
export async function abcXyz(db: DbOrTx, f: Filters, l: AbcXyzLimits, want: AbcXyzRows = { limit: 100_000 }) {
  const months = monthsOf(f.from, f.to);
  const series = await seriesOf(db, f);
  const sold = [...series.entries()].map(([productId, s]) => ({ productId, ...s }))
    .sort((a, b) => b.revenue - a.revenue || a.productId.localeCompare(b.productId));
  const total = sold.reduce((s, p) => s + Math.max(p.revenue, 0), 0);
  let before = 0;
  const classed = sold.map((p, i) => {
    const cumulativeBefore = total > 0 ? (100 * before) / total : 100;
    before += Math.max(p.revenue, 0);
    const cv = variationOfSums(months.length, p.units, p.squares);
    return {
      rank: i + 1, productId: p.productId, revenue: p.revenue,
      sharePercent: total > 0 ? round2((100 * Math.max(p.revenue, 0)) / total) : null, cumulativePercent: total > 0 ? round2((100 * before) / total) : null,
      abc: abcClass(cumulativeBefore, p.revenue, l), cv: cv === null ? null : round2(cv), xyz: xyzClass(cv, l),
    };
  });
  const matrix = (['A', 'B', 'C'] as const).flatMap((abc) => (['X', 'Y', 'Z'] as const).map((xyz) => {
    const cell = classed.filter((r) => r.abc === abc && r.xyz === xyz);
    return { abc, xyz, products: cell.length, revenue: cell.reduce((s, r) => s + r.revenue, 0) };
  }));
  // Names and the monthly units only for the rows returned.
  const chosen = classed.filter((r) => (!want.abc || r.abc === want.abc) && (!want.xyz || r.xyz === want.xyz));
  const shown = chosen.slice(0, want.limit);
  const ids = shown.map((r) => r.productId);
  const [names, monthly] = await Promise.all([namesOf(db, 'product', ids), shown.length ? salesPairs(db, f, 'product', 'month', ids) : new Map<string, PairMeasures>()]);
  const rows = shown.map(({ rank, productId, ...r }) => ({
    rank, productId, sku: names.get(productId)?.code ?? null, name: names.get(productId)?.name ?? null, ...r,
    monthlyUnits: months.map((m) => monthly.get(pairKey(productId, m))?.quantity ?? 0),
  }));
  return { from: f.from, to: f.to, months, limits: l, totalRevenue: total, products: classed.length, matching: chosen.length, matrix, rows };
}
