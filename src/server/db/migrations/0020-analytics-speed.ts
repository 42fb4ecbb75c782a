import { sql, type Kysely } from 'kysely';

// Analytics at a million order lines (bench:analytics): a monthly rollup per customer without the
// category (top customers read a tenth of the rows), the facts ordered by day then id for the
// drill-down's pages, and a covering index for the fulfilment figures.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  const cols = ['quantity', 'net', 'cost', 'costed_net', 'returned_quantity', 'returned_net', 'lines'];
  let t: any = s.createTable('sales_monthly_customer_totals').addColumn('month', 'text', (c) => c.notNull()).addColumn('warehouse_id', 'text', (c) => c.notNull()).addColumn('customer_id', 'text', (c) => c.notNull());
  for (const c of cols) t = t.addColumn(c, 'bigint', (x: any) => x.notNull().defaultTo(0));
  await t.addPrimaryKeyConstraint('sales_monthly_customer_totals_pk', ['month', 'warehouse_id', 'customer_id']).execute();
  await sql`insert into sales_monthly_customer_totals (month, warehouse_id, customer_id, ${sql.raw(cols.join(', '))})
    select month, warehouse_id, customer_id, ${sql.raw(cols.map((c) => `sum(${c})`).join(', '))} from sales_monthly_customers group by month, warehouse_id, customer_id`.execute(db);
  await s.dropIndex('sales_facts_day_idx').execute();
  await s.createIndex('sales_facts_day_id_idx').on('sales_facts').columns(['day', 'id']).execute();
  await s.createIndex('order_facts_cover_idx').on('order_facts')
    .columns(['order_day', 'warehouse_id', 'cancelled', 'shipped_day', 'requested_date', 'backordered', 'returned']).execute();
  await s.dropIndex('order_facts_day_idx').execute();
}
