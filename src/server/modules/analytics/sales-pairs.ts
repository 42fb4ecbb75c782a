import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../../db/create-db.js';
import type { Filters } from './filters.js';
import { businessDate } from '../../platform/clock.js';
import { planMonths } from './sales-source.js';

// Sales measures by two keys at once (product × month, customer × category, ...), from the same
// sources salesBy picks (sales-source.ts): the monthly rollups, with the facts of the days at the
// range's ends added or subtracted (planMonths); the facts alone under a customer or product filter.

export type PairFirst = 'product' | 'customer';
export type PairSecond = 'month' | 'category' | 'warehouse';
export type PairMeasures = { quantity: number; net: number; returnedQuantity: number; returnedNet: number; cost: number };
export const pairKey = (a: string, b: string) => `${a}\u0000${b}`;

const second = (s: PairSecond, dateCol: 'day' | 'month') =>
  s === 'month' ? sql<string>`substr(${sql.ref(dateCol)}, 1, 7)` : sql<string>`${sql.ref(s === 'category' ? 'category_id' : 'warehouse_id')}`;

type PairTable = 'sales_facts' | 'sales_monthly_products' | 'sales_monthly_customers' | 'sales_monthly_product_totals';

async function sumPairs(db: DbOrTx, table: PairTable, f: Filters, range: { from: string; to: string }, a: PairFirst, b: PairSecond, ids?: string[]) {
  const facts = table === 'sales_facts';
  const where: RawBuilder<unknown>[] = [facts ? sql`day >= ${range.from} and day <= ${range.to}` : sql`month >= ${range.from.slice(0, 7)} and month <= ${range.to.slice(0, 7)}`];
  if (f.warehouseId) where.push(sql`warehouse_id = ${f.warehouseId}`);
  if (f.categoryIds) where.push(sql`category_id in (${sql.join(f.categoryIds)})`);
  if (f.customerId) where.push(sql`customer_id = ${f.customerId}`);
  if (f.productId) where.push(sql`product_id = ${f.productId}`);
  if (ids) where.push(sql`${sql.ref(a === 'product' ? 'product_id' : 'customer_id')} in (${ids.length ? sql.join(ids) : sql`''`})`);
  const sums = facts
    ? sql`sum(case when kind = 'sale' then quantity else 0 end) as "quantity", sum(case when kind = 'sale' then net else 0 end) as "net",
          sum(case when kind = 'return' then -quantity else 0 end) as "returnedQuantity", sum(case when kind = 'return' then -net else 0 end) as "returnedNet", sum(cost) as "cost"`
    : sql`sum(quantity) as "quantity", sum(net) as "net", sum(returned_quantity) as "returnedQuantity", sum(returned_net) as "returnedNet", sum(cost) as "cost"`;
  // coalesce(): an expression, so SQLite reads the days at a range's ends by the day index rather
  // than skip-scanning the product or customer index for the grouping's order.
  const q = sql<Record<string, unknown>>`select coalesce(${sql.ref(a === 'product' ? 'product_id' : 'customer_id')}, '') as "a", ${second(b, facts ? 'day' : 'month')} as "b", ${sums}
    from ${sql.table(table)} where ${sql.join(where, sql` and `)} group by 1, 2`;
  return (await q.execute(db)).rows.map((r) => ({
    a: String(r.a), b: String(r.b),
    m: { quantity: Number(r.quantity ?? 0), net: Number(r.net ?? 0), returnedQuantity: Number(r.returnedQuantity ?? 0), returnedNet: Number(r.returnedNet ?? 0), cost: Number(r.cost ?? 0) },
  }));
}

/** Sales measures over the filters' range keyed by pairKey(first, second); `ids` limits the first key. */
export async function salesPairs(db: DbOrTx, f: Filters, a: PairFirst, b: PairSecond, ids?: string[]): Promise<Map<string, PairMeasures>> {
  const parts: Array<{ sign: 1 | -1; rows: Awaited<ReturnType<typeof sumPairs>> }> = [];
  if (f.customerId || f.productId) parts.push({ sign: 1, rows: await sumPairs(db, 'sales_facts', f, f, a, b, ids) });
  else {
    const { months, add, subtract } = planMonths(f.from, f.to, businessDate());
    // Product × month with neither warehouse nor category asked for: the per-product rollup (half the rows).
    const table: PairTable = a === 'customer' ? 'sales_monthly_customers' : b === 'month' && !f.warehouseId && !f.categoryIds ? 'sales_monthly_product_totals' : 'sales_monthly_products';
    if (months) parts.push({ sign: 1, rows: await sumPairs(db, table, f, months, a, b, ids) });
    for (const e of add) parts.push({ sign: 1, rows: await sumPairs(db, 'sales_facts', f, e, a, b, ids) });
    for (const e of subtract) parts.push({ sign: -1, rows: await sumPairs(db, 'sales_facts', f, e, a, b, ids) });
  }
  const out = new Map<string, PairMeasures>();
  for (const { sign, rows } of parts) {
    for (const r of rows) {
      const k = pairKey(r.a, r.b);
      const have = out.get(k);
      if (!have) out.set(k, sign === 1 ? r.m : { quantity: -r.m.quantity, net: -r.m.net, returnedQuantity: -r.m.returnedQuantity, returnedNet: -r.m.returnedNet, cost: -r.m.cost });
      else for (const key of Object.keys(r.m) as Array<keyof PairMeasures>) have[key] += sign * r.m[key];
    }
  }
  // A pair whose facts all lay outside the range is left with nothing.
  for (const [k, m] of out) if (m.quantity === 0 && m.net === 0 && m.returnedQuantity === 0 && m.returnedNet === 0 && m.cost === 0) out.delete(k);
  return out;
}
