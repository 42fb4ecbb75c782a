import type { Db, DbOrTx } from '../../db/create-db.js';
import { businessDate, nowIso } from '../../platform/clock.js';
import { addDays } from './filters.js';
import { bucketWeekly, forecastProduct, overallWape, weekStart, type ProductForecast } from './forecast/index.js';

// Demand forecasts per product × warehouse (docs/forecast.md): weekly units shipped (sales facts,
// returns not subtracted) over the last 156 complete weeks, a method chosen per series, backtested
// on held-back weeks. A run stores each result (demand_forecasts); the dashboard and replenishment
// read the stored results, and one product's forecast can be computed on demand.

export const HISTORY_WEEKS = 156;
export const HORIZON_WEEKS = 26;

/** The last complete week's Sunday and the first day of the history window. */
export function historyWindow(today = businessDate()) {
  const to = addDays(weekStart(today), -1);
  const from = addDays(weekStart(to), -7 * (HISTORY_WEEKS - 1));
  return { from, to, firstForecastWeek: weekStart(today) };
}

type Scope = { productId?: string; warehouseId?: string };

/** Units shipped per product × warehouse × day in the window. */
async function shippedByDay(db: DbOrTx, scope: Scope, w: { from: string; to: string }) {
  let q = db.selectFrom('salesFacts').select(['productId', 'warehouseId', 'day', (eb) => eb.fn.sum<number>('quantity').as('q')])
    .where('kind', '=', 'sale').where('day', '>=', w.from).where('day', '<=', w.to);
  if (scope.productId) q = q.where('productId', '=', scope.productId);
  if (scope.warehouseId) q = q.where('warehouseId', '=', scope.warehouseId);
  const rows = await q.groupBy(['productId', 'warehouseId', 'day']).execute();
  const byPair = new Map<string, { productId: string; warehouseId: string; rows: Array<{ date: string; quantity: number }> }>();
  for (const r of rows) {
    const k = `${r.productId}\u0000${r.warehouseId}`;
    const g = byPair.get(k) ?? { productId: r.productId, warehouseId: r.warehouseId, rows: [] };
    g.rows.push({ date: r.day, quantity: Number(r.q) });
    byPair.set(k, g);
  }
  return [...byPair.values()];
}

export type ForecastResult = {
  productId: string; warehouseId: string; method: string; demandClass: string; params: Record<string, unknown>; historyWeeks: number;
  firstWeek: string; weekly: number[]; holdout: number; absError: number; actualSum: number; wape: number | null; computedAt: string;
  history?: { weeks: string[]; quantities: number[] };
};

function resultOf(productId: string, warehouseId: string, series: number[], firstWeek: string, computedAt: string): ForecastResult {
  const f: ProductForecast = forecastProduct(series, { horizon: HORIZON_WEEKS });
  const firstSale = series.findIndex((q) => q > 0);
  return {
    productId, warehouseId, method: f.method, demandClass: f.class, params: f.params as Record<string, unknown>, historyWeeks: firstSale < 0 ? 0 : series.length - firstSale,
    firstWeek, weekly: f.forecast.map((x) => Math.round(x * 100) / 100), holdout: f.backtest.holdout, absError: f.backtest.absError, actualSum: f.backtest.actualSum,
    wape: f.backtest.wape, computedAt,
  };
}

/** Forecasts every product × warehouse with sales in the window (or the scope) and stores the results. */
export async function runForecasts(db: Db, scope: Scope = {}) {
  const w = historyWindow();
  const computedAt = nowIso();
  const pairs = await shippedByDay(db, scope, w);
  const results = pairs.map((p) => resultOf(p.productId, p.warehouseId, bucketWeekly(p.rows, w).quantities, w.firstForecastWeek, computedAt));
  await db.transaction().execute(async (trx) => {
    let del = trx.deleteFrom('demandForecasts');
    if (scope.productId) del = del.where('productId', '=', scope.productId);
    if (scope.warehouseId) del = del.where('warehouseId', '=', scope.warehouseId);
    await del.execute();
    for (let i = 0; i < results.length; i += 200) {
      await trx.insertInto('demandForecasts').values(results.slice(i, i + 200).map((r) => ({
        productId: r.productId, warehouseId: r.warehouseId, method: r.method, demandClass: r.demandClass, params: JSON.stringify(r.params), historyWeeks: r.historyWeeks,
        firstWeek: r.firstWeek, weekly: JSON.stringify(r.weekly), holdout: r.holdout, absError: r.absError, actualSum: r.actualSum, wape: r.wape, computedAt: r.computedAt,
      }))).execute();
    }
  });
  return { computedAt, from: w.from, to: w.to, series: results.length, ...accuracyOf(results) };
}

/** Overall WAPE (Σ absolute errors ÷ Σ actual units over every series) and by method and demand class. */
export function accuracyOf(results: Array<Pick<ForecastResult, 'method' | 'demandClass' | 'absError' | 'actualSum'>>) {
  const group = (k: (r: (typeof results)[number]) => string) => {
    const m = new Map<string, typeof results>();
    for (const r of results) m.set(k(r), [...(m.get(k(r)) ?? []), r]);
    return [...m.entries()].map(([key, rs]) => ({ key, series: rs.length, wape: overallWape(rs) })).sort((a, b) => b.series - a.series);
  };
  return { overallWape: overallWape(results), byMethod: group((r) => r.method), byClass: group((r) => r.demandClass) };
}

const fromRow = (r: { productId: string; warehouseId: string; method: string; demandClass: string; params: string; historyWeeks: number; firstWeek: string; weekly: string; holdout: number; absError: number; actualSum: number; wape: number | null; computedAt: string }): ForecastResult => ({
  ...r, params: JSON.parse(r.params) as Record<string, unknown>, weekly: JSON.parse(r.weekly) as number[], historyWeeks: Number(r.historyWeeks), holdout: Number(r.holdout),
  absError: Number(r.absError), actualSum: Number(r.actualSum), wape: r.wape === null ? null : Number(r.wape),
});

/** Stored forecasts of some products (all warehouses). */
export async function storedForecasts(db: DbOrTx, productIds: string[]): Promise<ForecastResult[]> {
  if (productIds.length === 0) return [];
  const out: ForecastResult[] = [];
  for (let i = 0; i < productIds.length; i += 500) {
    out.push(...(await db.selectFrom('demandForecasts').selectAll().where('productId', 'in', productIds.slice(i, i + 500)).execute()).map(fromRow));
  }
  return out;
}

/**
 * One product's forecast per warehouse, computed now with its weekly history; a product with no
 * shipments in the window gets an explained empty result (method zeros).
 */
export async function productForecast(db: DbOrTx, productId: string, warehouseId?: string) {
  const w = historyWindow();
  const computedAt = nowIso();
  const pairs = await shippedByDay(db, { productId, warehouseId }, w);
  const series = pairs.map((p) => {
    const weekly = bucketWeekly(p.rows, w);
    return { ...resultOf(p.productId, p.warehouseId, weekly.quantities, w.firstForecastWeek, computedAt), history: { weeks: weekly.starts, quantities: weekly.quantities } };
  });
  const explanation = series.length === 0
    ? { zh: `${w.from} 至 ${w.to} 没有发货记录，无法预测需求，按 0 计`, en: `No shipments from ${w.from} to ${w.to}: no demand to forecast, taken as 0` }
    : null;
  return { productId, from: w.from, to: w.to, firstForecastWeek: w.firstForecastWeek, explanation, series, ...accuracyOf(series) };
}

/** The stored results, worst backtest first (products with the largest absolute error), with the overall accuracy. */
export async function forecastAccuracy(db: DbOrTx, f: { warehouseId?: string; categoryIds?: string[]; page: number; pageSize: number }) {
  let q = db.selectFrom('demandForecasts as d').innerJoin('products as p', 'p.id', 'd.productId').innerJoin('warehouses as w', 'w.id', 'd.warehouseId');
  if (f.warehouseId) q = q.where('d.warehouseId', '=', f.warehouseId);
  if (f.categoryIds) q = q.where('p.categoryId', 'in', f.categoryIds);
  const all = await q.select(['d.method', 'd.demandClass', 'd.absError', 'd.actualSum']).execute();
  const rows = await q.selectAll('d').select(['p.sku', 'p.name as productName', 'w.name as warehouseName'])
    .orderBy('d.absError', 'desc').orderBy('d.productId').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  const computedAt = rows[0]?.computedAt ?? null;
  return {
    computedAt, total: all.length, page: f.page, pageSize: f.pageSize,
    ...accuracyOf(all.map((r) => ({ ...r, absError: Number(r.absError), actualSum: Number(r.actualSum) }))),
    items: rows.map((r) => ({ ...fromRow(r), sku: r.sku, productName: r.productName, warehouseName: r.warehouseName })),
  };
}
