import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/create-db.js';
import { businessMonth, stockMonthBounds } from '../../platform/business-months.js';
import { dropPrefixes, forgetPrefixesAfter, prefixSpecs } from '../../platform/rollup-prefixes.js';
import { prepared } from '../../db/prepared.js';
import type { StockValueMonthTable } from '../../db/schema-analytics.js';

// The monthly rollup of the ledger (stock_value_months, migration 0022): units and cost value moved
// per business month × product × warehouse. changeStock adds to it in the same transaction as the
// movements, so a month's row always equals the sum of that month's movements.

type Moved = { productId: string; warehouseId: string; quantity: number; costAmount: number };

const upsertMonths = prepared((db, rows: StockValueMonthTable[]) => db.insertInto('stockValueMonths').values(rows)
  .onConflict((oc) => oc.columns(['month', 'productId', 'warehouseId']).doUpdateSet({
    quantity: sql`stock_value_months.quantity + excluded.quantity`, value: sql`stock_value_months.value + excluded.value`,
  })));

/** Adds posted movements (all at `at`) to the month of `at`: one upsert per 500 product × warehouse pairs. */
export async function addToStockMonths(trx: Tx, at: string, moves: Moved[]): Promise<void> {
  if (moves.length === 0) return;
  const month = businessMonth(at);
  const groups = new Map<string, { month: string; productId: string; warehouseId: string; quantity: number; value: number }>();
  for (const m of moves) {
    const k = `${m.productId}\u0000${m.warehouseId}`;
    const g = groups.get(k);
    if (g) { g.quantity += m.quantity; g.value += m.costAmount; } else groups.set(k, { month, productId: m.productId, warehouseId: m.warehouseId, quantity: m.quantity, value: m.costAmount });
  }
  const rows = [...groups.values()];
  for (let i = 0; i < rows.length; i += 500) {
    await upsertMonths.affected(trx, rows.slice(i, i + 500));
  }
  await forgetPrefixesAfter(trx, [prefixSpecs.stockValue], month);
}

const monthsFrom = (first: string, last: string) => sql.join(stockMonthBounds(first, last).map((b, i) => (i === 0 ? sql`select ${b.month} as month, ${b.start} as s, ${b.end} as e` : sql`select ${b.month}, ${b.start}, ${b.end}`)), sql` union all `);

/** Refills the rollup from the movements (analytics-rebuild; the business time zone changed). */
export async function rebuildStockMonths(trx: DbOrTx): Promise<number> {
  await trx.deleteFrom('stockValueMonths').execute();
  await dropPrefixes(trx, [prefixSpecs.stockValue]);
  const { rows } = await sql<{ first: string | null; last: string | null }>`select min(at) as first, max(at) as last from stock_movements`.execute(trx);
  if (!rows[0]?.first || !rows[0].last) return 0;
  const res = await sql`insert into stock_value_months (month, product_id, warehouse_id, quantity, value)
    select mo.month, m.product_id, m.warehouse_id, sum(m.quantity), sum(m.cost_amount)
    from (${monthsFrom(rows[0].first, rows[0].last)}) mo join stock_movements m on m.at >= mo.s and m.at < mo.e
    group by mo.month, m.product_id, m.warehouse_id`.execute(trx);
  return Number(res.numAffectedRows ?? 0);
}

/** Month × product × warehouse rows where the rollup and the movements differ (analytics-verify). */
export async function stockMonthDifferences(db: DbOrTx, limit = 20) {
  const { rows: span } = await sql<{ first: string | null; last: string | null }>`select min(at) as first, max(at) as last from stock_movements`.execute(db);
  const moved = span[0]?.first && span[0].last
    ? sql`select mo.month, m.product_id, m.warehouse_id, sum(m.quantity) as quantity, sum(m.cost_amount) as value
        from (${monthsFrom(span[0].first, span[0].last)}) mo join stock_movements m on m.at >= mo.s and m.at < mo.e group by mo.month, m.product_id, m.warehouse_id`
    : sql`select month, product_id, warehouse_id, quantity, value from stock_value_months where 1 = 0`;
  const { rows } = await sql<{ month: string; productId: string; warehouseId: string; rollupQuantity: unknown; rollupValue: unknown; movedQuantity: unknown; movedValue: unknown }>`
    select coalesce(r.month, x.month) as month, coalesce(r.product_id, x.product_id) as "productId", coalesce(r.warehouse_id, x.warehouse_id) as "warehouseId",
      coalesce(r.quantity, 0) as "rollupQuantity", coalesce(r.value, 0) as "rollupValue", coalesce(x.quantity, 0) as "movedQuantity", coalesce(x.value, 0) as "movedValue"
    from stock_value_months r full join (${moved}) x on x.month = r.month and x.product_id = r.product_id and x.warehouse_id = r.warehouse_id
    where coalesce(r.quantity, 0) <> coalesce(x.quantity, 0) or coalesce(r.value, 0) <> coalesce(x.value, 0)
    limit ${limit}`.execute(db);
  return rows.map((r) => ({ ...r, rollupQuantity: Number(r.rollupQuantity), rollupValue: Number(r.rollupValue), movedQuantity: Number(r.movedQuantity), movedValue: Number(r.movedValue) }));
}
