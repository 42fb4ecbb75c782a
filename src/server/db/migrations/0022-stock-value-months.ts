import { sql, type Kysely } from 'kysely';
import { stockMonthBounds } from '../../platform/business-months.js';

// Turnover reads the inventory value at past dates: today's value less what the ledger moved
// since. A monthly rollup of the movements (units and cost value per business month × product ×
// warehouse), kept by changeStock in the same transaction, lets it read whole months from here and
// only the days at the range's start from the movements. Filled here from the movements.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('stock_value_months')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('quantity', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('value', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('stock_value_months_pk', ['month', 'product_id', 'warehouse_id'])
    .execute();
  const span = await sql<{ first: string | null; last: string | null }>`select min(at) as first, max(at) as last from stock_movements`.execute(db);
  const { first, last } = span.rows[0] ?? { first: null, last: null };
  if (!first || !last) return;
  const months = stockMonthBounds(first, last);
  await sql`insert into stock_value_months (month, product_id, warehouse_id, quantity, value)
    select mo.month, m.product_id, m.warehouse_id, sum(m.quantity), sum(m.cost_amount)
    from (${sql.join(months.map((b, i) => (i === 0 ? sql`select ${b.month} as month, ${b.start} as s, ${b.end} as e` : sql`select ${b.month}, ${b.start}, ${b.end}`)), sql` union all `)}) mo
    join stock_movements m on m.at >= mo.s and m.at < mo.e
    group by mo.month, m.product_id, m.warehouse_id`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stock_value_months').execute();
}
