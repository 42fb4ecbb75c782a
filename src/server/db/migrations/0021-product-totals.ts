import { sql, type Kysely } from 'kysely';

// Top products over a range read half the rows from a monthly rollup per product without the
// warehouse and category (used when neither is filtered), filled from the existing rollup. Facts
// are found by order line (a return's share of what the line sold), not by order; a customer's
// monthly split by category by customer (category preferences of the top customers).
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const cols = ['quantity', 'net', 'cost', 'costed_net', 'returned_quantity', 'returned_net', 'lines'];
  let t: any = db.schema.createTable('sales_monthly_product_totals').addColumn('month', 'text', (c) => c.notNull()).addColumn('product_id', 'text', (c) => c.notNull());
  for (const c of cols) t = t.addColumn(c, 'bigint', (x: any) => x.notNull().defaultTo(0));
  await t.addPrimaryKeyConstraint('sales_monthly_product_totals_pk', ['month', 'product_id']).execute();
  await sql`insert into sales_monthly_product_totals (month, product_id, ${sql.raw(cols.join(', '))})
    select month, product_id, ${sql.raw(cols.map((c) => `sum(${c})`).join(', '))} from sales_monthly_products group by month, product_id`.execute(db);
  await db.schema.dropIndex('sales_facts_order_idx').execute();
  await db.schema.createIndex('sales_monthly_customers_customer_idx').on('sales_monthly_customers').columns(['customer_id', 'month']).execute();
  await db.schema.createIndex('sales_facts_line_idx').on('sales_facts').columns(['order_line_id', 'kind']).execute();
}
