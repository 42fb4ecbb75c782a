import { sql } from 'kysely';
import type { DbOrTx } from '../../db/create-db.js';
import { businessDate } from '../../platform/clock.js';
import { daysBetween, over, type Filters } from './filters.js';

// Fulfilment figures over the orders entered in a range (order date; cancelled orders left out):
// order-to-ship days, shipped on time against the requested date, backorder rate, return rate.

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 100);

/** Upper bounds (days) of the order-to-ship distribution's buckets; the last is open. */
export const leadTimeBuckets = [0, 1, 2, 3, 5, 7, 14, 30];

function scoped(db: DbOrTx, f: Filters, range: { from: string; to: string }) {
  let q = db.selectFrom('orderFacts').where('orderDay', '>=', range.from).where('orderDay', '<=', range.to).where('cancelled', '=', 0);
  if (f.warehouseId) q = q.where('warehouseId', '=', f.warehouseId);
  if (f.customerId) q = q.where('customerId', '=', f.customerId);
  return q;
}

async function figures(db: DbOrTx, f: Filters, range: { from: string; to: string }) {
  const today = businessDate();
  // One pass over the range's order facts, grouped by (order day, ship day): the counts add up to
  // the totals, and the pairs give the order-to-ship days exactly (the same SQL on both databases).
  const groups = await scoped(db, f, range).select([
    'orderDay', 'shippedDay',
    (eb) => eb.fn.countAll<number>().as('orders'),
    sql<number>`sum(backordered)`.as('backordered'),
    sql<number>`sum(returned)`.as('returned'),
    sql<number>`sum(case when requested_date is not null and shipped_day is not null then 1 else 0 end)`.as('dueShipped'),
    sql<number>`sum(case when requested_date is not null and shipped_day is not null and shipped_day <= requested_date then 1 else 0 end)`.as('onTime'),
    sql<number>`sum(case when shipped_day is null and requested_date is not null and requested_date < ${today} then 1 else 0 end)`.as('lateOpen'),
  ]).groupBy(['orderDay', 'shippedDay']).execute();
  const t = { orders: 0, shipped: 0, backordered: 0, returned: 0, dueShipped: 0, onTime: 0, lateOpen: 0 };
  const dist = leadTimeBuckets.map(() => 0).concat(0);
  let days = 0;
  let n = 0;
  const all: Array<[number, number]> = [];
  for (const g of groups) {
    const c = Number(g.orders);
    t.orders += c; t.backordered += Number(g.backordered ?? 0); t.returned += Number(g.returned ?? 0);
    t.dueShipped += Number(g.dueShipped ?? 0); t.onTime += Number(g.onTime ?? 0); t.lateOpen += Number(g.lateOpen ?? 0);
    if (g.shippedDay === null) continue;
    t.shipped += c;
    const d = Math.max(0, daysBetween(g.orderDay, g.shippedDay));
    days += d * c;
    n += c;
    all.push([d, c]);
    const i = leadTimeBuckets.findIndex((b) => d <= b);
    dist[i < 0 ? leadTimeBuckets.length : i] += c;
  }
  all.sort((a, b) => a[0] - b[0]);
  const median = (() => {
    if (n === 0) return null;
    const at = (k: number) => { let seen = 0; for (const [d, c] of all) { seen += c; if (seen > k) return d; } return all[all.length - 1][0]; };
    return n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  })();
  return {
    orders: t.orders, shipped: t.shipped, openLate: t.lateOpen,
    averageDaysToShip: n ? Math.round((days / n) * 100) / 100 : null, medianDaysToShip: median,
    daysToShip: dist.map((count, i) => ({ upTo: i < leadTimeBuckets.length ? leadTimeBuckets[i] : null, count })),
    onTime: t.onTime, dueShipped: t.dueShipped, onTimePercent: rate(t.onTime, t.dueShipped),
    backordered: t.backordered, backorderPercent: rate(t.backordered, t.orders),
    returned: t.returned, returnPercent: rate(t.returned, t.shipped),
  };
}

export async function fulfilmentFigures(db: DbOrTx, f: Filters) {
  return {
    from: f.from, to: f.to, previousFrom: f.previous.from, previousTo: f.previous.to,
    ignoredFilters: [...(f.categoryIds ? ['categoryId'] : []), ...(f.productId ? ['productId'] : [])],
    current: await figures(db, f, f), previous: await figures(db, over(f, f.previous), f.previous),
  };
}
