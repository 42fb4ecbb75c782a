import { sql } from 'kysely';
import type { DbOrTx } from '../../db/create-db.js';
import { daysBetween, type Filters } from './filters.js';
import { namesOf, round2 } from './lookups.js';
import { pairKey, salesPairs } from './sales-pairs.js';
import { salesBy } from './sales-source.js';

// Customer RFM and category preferences (docs/metrics.md "Customer RFM" and "Category preferences").

/** Quintile scores 1–5 (5 = best); ties share the score of the middle of their places. */
export function quintiles(values: number[], higherIsBetter: boolean): number[] {
  const order = values.map((v, i) => i).sort((a, b) => (higherIsBetter ? values[a] - values[b] : values[b] - values[a]));
  const scores = new Array<number>(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]] === values[order[i]]) j++;
    const score = Math.min(5, Math.floor((5 * (i + j + 1)) / (2 * order.length)) + 1);
    for (let k = i; k <= j; k++) scores[order[k]] = score;
    i = j + 1;
  }
  return scores;
}

/** The eight RFM segments, by whether R, F and M score 3 or more. */
export const segments = {
  HHH: { zh: '重要价值客户', en: 'Important value' },
  LHH: { zh: '重要保持客户', en: 'Important to retain' },
  HLH: { zh: '重要发展客户', en: 'Important to develop' },
  LLH: { zh: '重要挽留客户', en: 'Important to win back' },
  HHL: { zh: '一般价值客户', en: 'General value' },
  LHL: { zh: '一般保持客户', en: 'General to retain' },
  HLL: { zh: '一般发展客户', en: 'General to develop' },
  LLL: { zh: '一般挽留客户', en: 'General to win back' },
} as const;
export type SegmentCode = keyof typeof segments;
export const segmentOf = (r: number, f: number, m: number) => [r, f, m].map((s) => (s >= 3 ? 'H' : 'L')).join('') as SegmentCode;

/** Customers who ordered in the range, with recency, frequency, monetary value, their scores and segment (rows: the first `limit` by monetary value, of one segment when asked). */
export async function customerRfm(db: DbOrTx, f: Filters, want: { limit: number; segment?: SegmentCode } = { limit: 100_000 }) {
  const scope: Filters = { ...f, categoryIds: undefined, productId: undefined };
  // coalesce(): an expression, so SQLite reads the day range of the covering index rather than skip-scanning the customer index.
  let q = db.selectFrom('orderFacts').select([sql<string>`coalesce(customer_id, '')`.as('customerId'), (eb) => eb.fn.countAll<number>().as('orders'), (eb) => eb.fn.max('orderDay').as('last')])
    .where('orderDay', '>=', f.from).where('orderDay', '<=', f.to).where('cancelled', '=', 0);
  if (f.warehouseId) q = q.where('warehouseId', '=', f.warehouseId);
  if (f.customerId) q = q.where('customerId', '=', f.customerId);
  const [orders, revenue] = await Promise.all([q.groupBy(sql`1`).execute(), salesBy(db, scope, 'customer')]);
  const base = orders.map((o) => {
    const m = revenue.get(o.customerId);
    return { customerId: o.customerId, lastOrderDay: String(o.last), recencyDays: daysBetween(String(o.last), f.to), frequency: Number(o.orders), monetary: m ? m.net - m.returnedNet : 0 };
  });
  const r = quintiles(base.map((c) => c.recencyDays), false);
  const fq = quintiles(base.map((c) => c.frequency), true);
  const m = quintiles(base.map((c) => c.monetary), true);
  const all = base.map((c, i) => {
    const code = segmentOf(r[i], fq[i], m[i]);
    return { ...c, r: r[i], f: fq[i], m: m[i], segment: code, segmentZh: segments[code].zh, segmentEn: segments[code].en };
  }).sort((a, b) => b.monetary - a.monetary || a.customerId.localeCompare(b.customerId));
  const summary = (Object.keys(segments) as SegmentCode[]).map((s) => {
    const list = all.filter((x) => x.segment === s);
    return { segment: s, zh: segments[s].zh, en: segments[s].en, customers: list.length, monetary: list.reduce((t, x) => t + x.monetary, 0) };
  });
  // Names only for the rows returned.
  const chosen = want.segment ? all.filter((x) => x.segment === want.segment) : all;
  const shown = chosen.slice(0, want.limit);
  const names = await namesOf(db, 'customer', shown.map((c) => c.customerId));
  const rows = shown.map((c) => ({ ...c, code: names.get(c.customerId)?.code ?? null, name: names.get(c.customerId)?.name ?? null }));
  return { from: f.from, to: f.to, ignoredFilters: [...(f.categoryIds ? ['categoryId'] : []), ...(f.productId ? ['productId'] : [])], customers: all.length, matching: chosen.length, segments: summary, rows };
}

/** Each top customer's revenue by category with its share, and the categories' totals over them. */
export async function customerCategories(db: DbOrTx, f: Filters, limit: number) {
  // The top customers from the per-customer rollup, then only their split by category (read by customer).
  const totals = await salesBy(db, f, 'customer');
  const top = [...totals.entries()].map(([customerId, m]) => ({ customerId, revenue: m.net - m.returnedNet }))
    .sort((a, b) => b.revenue - a.revenue || a.customerId.localeCompare(b.customerId)).slice(0, limit);
  const pairs = await salesPairs(db, f, 'customer', 'category', top.map((c) => c.customerId));
  const categoryIds = new Set<string>();
  for (const k of pairs.keys()) categoryIds.add(k.split('\u0000')[1]);
  const [customers, categories] = await Promise.all([namesOf(db, 'customer', top.map((c) => c.customerId)), namesOf(db, 'category', categoryIds)]);
  const columns = [...categoryIds].map((id) => ({
    categoryId: id === '' ? null : id, code: categories.get(id)?.code ?? null, name: categories.get(id)?.name ?? null,
    revenue: top.reduce((s, c) => { const m = pairs.get(pairKey(c.customerId, id)); return s + (m ? m.net - m.returnedNet : 0); }, 0),
  })).sort((a, b) => b.revenue - a.revenue);
  const rows = top.map((c) => ({
    customerId: c.customerId, code: customers.get(c.customerId)?.code ?? null, name: customers.get(c.customerId)?.name ?? null, revenue: c.revenue,
    categories: columns.map((col) => {
      const m = pairs.get(pairKey(c.customerId, col.categoryId ?? ''));
      const revenue = m ? m.net - m.returnedNet : 0;
      return { categoryId: col.categoryId, revenue, sharePercent: c.revenue !== 0 ? round2((100 * revenue) / c.revenue) : null };
    }).filter((x) => x.revenue !== 0),
  }));
  return { from: f.from, to: f.to, categories: columns.filter((c) => c.revenue !== 0), rows };
}
