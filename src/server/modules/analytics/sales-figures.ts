import type { DbOrTx } from '../../db/create-db.js';
import { DomainError } from '../../platform/errors.js';
import { addDays, over, type Filters } from './filters.js';
import { weekStart } from './forecast/index.js';
import { derived, salesBy, zero, addMeasures, type Derived, type Group, type Measures } from './sales-source.js';

// Sales figures (docs/metrics.md): totals with the previous period, trends by day, week or month,
// and the top products, customers, categories and warehouses.

const pct = (now: number, before: number) => (before === 0 ? null : Math.round(((now - before) / Math.abs(before)) * 10_000) / 100);

const total = (m: Map<string, Measures>) => [...m.values()].reduce((a, b) => addMeasures(a, b), zero());

/** Orders entered in a range (order date; not cancelled), from the order facts. */
async function orderCount(db: DbOrTx, f: Filters, range: { from: string; to: string }): Promise<number> {
  let q = db.selectFrom('orderFacts').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('orderDay', '>=', range.from).where('orderDay', '<=', range.to).where('cancelled', '=', 0);
  if (f.warehouseId) q = q.where('warehouseId', '=', f.warehouseId);
  if (f.customerId) q = q.where('customerId', '=', f.customerId);
  if (f.categoryIds || f.productId) return -1;
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function salesSummary(db: DbOrTx, f: Filters) {
  const [now, before] = [derived(total(await salesBy(db, f, 'none'))), derived(total(await salesBy(db, over(f, f.previous), 'none')))];
  const [orders, ordersBefore] = [await orderCount(db, f, f), await orderCount(db, f, f.previous)];
  const figures = (d: Derived, n: number) => ({ ...d, orders: n < 0 ? null : n, averageOrderValue: n > 0 ? Math.round(d.revenue / n) : null });
  const current = figures(now, orders);
  const previous = figures(before, ordersBefore);
  return {
    from: f.from, to: f.to, previousFrom: f.previous.from, previousTo: f.previous.to,
    current, previous,
    change: {
      revenue: pct(current.revenue, previous.revenue), grossProfit: pct(current.grossProfit, previous.grossProfit), quantity: pct(current.quantity, previous.quantity),
      orders: current.orders !== null && previous.orders !== null ? pct(current.orders, previous.orders) : null,
      marginPoints: current.marginPercent !== null && previous.marginPercent !== null ? Math.round((current.marginPercent - previous.marginPercent) * 100) / 100 : null,
    },
  };
}

export type Granularity = 'day' | 'week' | 'month';


/** The buckets of a range: each with its first and last day (clipped to the range) and a label. */
export function buckets(from: string, to: string, g: Granularity): Array<{ key: string; from: string; to: string }> {
  const out: Array<{ key: string; from: string; to: string }> = [];
  let d = from;
  while (d <= to) {
    let end: string;
    let key: string;
    if (g === 'day') { end = d; key = d; } else if (g === 'week') { key = weekStart(d); end = addDays(key, 6); } else { key = d.slice(0, 7); end = addDays(`${addDays(`${key}-01`, 32).slice(0, 7)}-01`, -1); }
    if (end > to) end = to;
    out.push({ key, from: d, to: end });
    d = addDays(end, 1);
  }
  return out;
}

const MAX_POINTS = 2000;

export async function salesTrend(db: DbOrTx, f: Filters, g: Granularity) {
  const points = (range: { from: string; to: string }) => buckets(range.from, range.to, g);
  const cur = points(f);
  if (cur.length > MAX_POINTS) {
    throw new DomainError('VALIDATION_FAILED', { summary: 'granularity' }, [{
      field: 'granularity', in: 'query', points: cur.length, max: MAX_POINTS,
      message: { zh: `按${g === 'day' ? '日' : '周'}统计有 ${cur.length} 个点，最多 ${MAX_POINTS} 个，请按周或按月查看`, en: `${cur.length} points by ${g}, at most ${MAX_POINTS}: choose week or month` },
    }]);
  }
  const group: Group = f.customerId || f.productId || g !== 'month' ? 'day' : 'month';
  const fill = async (range: { from: string; to: string }) => {
    const byKey = await salesBy(db, over(f, range), group);
    return points(range).map((b) => {
      const m = zero();
      if (group === 'month') addMeasures(m, byKey.get(b.key) ?? zero());
      else for (let d = b.from; d <= b.to; d = addDays(d, 1)) addMeasures(m, byKey.get(d) ?? zero());
      const { revenue, grossProfit, marginPercent, quantity, returnedNet, net, cost } = derived(m);
      return { period: b.key, from: b.from, to: b.to, revenue, grossProfit, marginPercent, quantity, sales: net, returns: returnedNet, cost };
    });
  };
  return { granularity: g, from: f.from, to: f.to, previousFrom: f.previous.from, previousTo: f.previous.to, points: await fill(f), previous: await fill(f.previous) };
}

export type TopBy = 'product' | 'customer' | 'category' | 'warehouse';
export type TopSort = 'revenue' | 'grossProfit' | 'quantity';

/** Names of what rows are keyed by. */
async function names(db: DbOrTx, by: TopBy, ids: string[]): Promise<Map<string, { code: string | null; name: string }>> {
  if (ids.length === 0) return new Map();
  const out = new Map<string, { code: string | null; name: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = by === 'product' ? await db.selectFrom('products').select(['id', 'sku as code', 'name']).where('id', 'in', chunk).execute()
      : by === 'customer' ? await db.selectFrom('customers').select(['id', 'code', 'name']).where('id', 'in', chunk).execute()
        : by === 'category' ? await db.selectFrom('categories').select(['id', 'code', 'name']).where('id', 'in', chunk).execute()
          : await db.selectFrom('warehouses').select(['id', 'code', 'name']).where('id', 'in', chunk).execute();
    for (const r of rows) out.set(r.id, { code: r.code, name: r.name });
  }
  return out;
}

export async function salesTop(db: DbOrTx, f: Filters, by: TopBy, sort: TopSort, limit: number) {
  const grouped = await salesBy(db, f, by);
  const all = [...grouped.entries()].map(([id, m]) => ({ id, ...derived(m) }));
  const totalRevenue = all.reduce((s, r) => s + r.revenue, 0);
  all.sort((a, b) => b[sort] - a[sort] || a.id.localeCompare(b.id));
  const top = all.slice(0, limit);
  const named = await names(db, by, top.map((r) => r.id).filter((id) => id !== ''));
  const rest = all.slice(limit).reduce((s, r) => ({ revenue: s.revenue + r.revenue, grossProfit: s.grossProfit + r.grossProfit, quantity: s.quantity + r.quantity }), { revenue: 0, grossProfit: 0, quantity: 0 });
  return {
    by, sort, from: f.from, to: f.to, count: all.length, totalRevenue,
    rows: top.map((r, i) => ({
      rank: i + 1, id: r.id === '' ? null : r.id, code: named.get(r.id)?.code ?? null, name: named.get(r.id)?.name ?? (r.id === '' ? null : r.id),
      revenue: r.revenue, grossProfit: r.grossProfit, marginPercent: r.marginPercent, quantity: r.quantity, returnedQuantity: r.returnedQuantity, returns: r.returnedNet,
      sharePercent: totalRevenue !== 0 ? Math.round((r.revenue / totalRevenue) * 10_000) / 100 : null,
    })),
    others: rest,
  };
}
