import type { DbOrTx } from '../../db/create-db.js';
import { addDays, type Filters } from './filters.js';
import { namesOf, round2 } from './lookups.js';
import { salesPairs } from './sales-pairs.js';

// ABC by revenue and XYZ by demand variability per product (docs/metrics.md "ABC and XYZ"), both
// from the monthly product rollup for whole months and the facts for the days at the range's ends.

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

/** Every product sold in the range with its ABC and XYZ class, and the 9-cell matrix. */
export async function abcXyz(db: DbOrTx, f: Filters, l: AbcXyzLimits) {
  // One read of the monthly rollup gives both the revenue and the monthly units.
  const monthly = await salesPairs(db, f, 'product', 'month');
  const months = monthsOf(f.from, f.to);
  const byProduct = new Map<string, number>();
  for (const [k, m] of monthly) {
    const productId = k.split('\u0000')[0];
    byProduct.set(productId, (byProduct.get(productId) ?? 0) + m.net - m.returnedNet);
  }
  const sold = [...byProduct.entries()].map(([productId, revenue]) => ({ productId, revenue }))
    .sort((a, b) => b.revenue - a.revenue || a.productId.localeCompare(b.productId));
  const total = sold.reduce((s, p) => s + Math.max(p.revenue, 0), 0);
  const names = await namesOf(db, 'product', sold.map((p) => p.productId));
  let before = 0;
  const rows = sold.map((p, i) => {
    const cumulativeBefore = total > 0 ? (100 * before) / total : 100;
    before += Math.max(p.revenue, 0);
    const units = months.map((m) => monthly.get(`${p.productId}\u0000${m}`)?.quantity ?? 0);
    const cv = variation(units);
    return {
      rank: i + 1, productId: p.productId, sku: names.get(p.productId)?.code ?? null, name: names.get(p.productId)?.name ?? null,
      revenue: p.revenue, sharePercent: total > 0 ? round2((100 * Math.max(p.revenue, 0)) / total) : null, cumulativePercent: total > 0 ? round2((100 * before) / total) : null,
      abc: abcClass(cumulativeBefore, p.revenue, l), monthlyUnits: units, cv: cv === null ? null : round2(cv), xyz: xyzClass(cv, l),
    };
  });
  const matrix = (['A', 'B', 'C'] as const).flatMap((abc) => (['X', 'Y', 'Z'] as const).map((xyz) => {
    const cell = rows.filter((r) => r.abc === abc && r.xyz === xyz);
    return { abc, xyz, products: cell.length, revenue: cell.reduce((s, r) => s + r.revenue, 0) };
  }));
  return { from: f.from, to: f.to, months, limits: l, totalRevenue: total, matrix, rows };
}
