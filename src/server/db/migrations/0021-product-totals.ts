import { sql, type Kysely } from 'kysely';

// Top products over a range read half the rows from a monthly rollup per product without the
// warehouse and category (used when neither is filtered), filled from the existing rollup. Facts
// are found by order line (a return's share of what the line sold), not by order; a customer's
// monthly split by category by customer (category preferences of the top customers); the last sale
// of each product × warehouse; RFM's orders by customer from the covering index.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const cols = ['quantity', 'net', 'cost', 'costed_net', 'returned_quantity', 'returned_net', 'lines'];
  let t: any = db.schema.createTable('sales_monthly_product_totals').addColumn('month', 'text', (c) => c.notNull()).addColumn('product_id', 'text', (c) => c.notNull());
  for (const c of cols) t = t.addColumn(c, 'bigint', (x: any) => x.notNull().defaultTo(0));
  await t.addPrimaryKeyConstraint('sales_monthly_product_totals_pk', ['month', 'product_id']).execute();
  await sql`insert into sales_monthly_product_totals (month, product_id, ${sql.raw(cols.join(', '))})
    select month, product_id, ${sql.raw(cols.map((c) => `sum(${c})`).join(', '))} from sales_monthly_products group by month, product_id`.execute(db);
  await db.schema.dropIndex('sales_facts_order_idx').execute();
  // The last day each product sold from each warehouse (slow-moving stock), kept by recordFacts.
  await db.schema.createTable('product_last_sales').addColumn('product_id', 'text', (c) => c.notNull()).addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('last_day', 'text', (c) => c.notNull()).addPrimaryKeyConstraint('product_last_sales_pk', ['product_id', 'warehouse_id']).execute();
  await sql`insert into product_last_sales (product_id, warehouse_id, last_day) select product_id, warehouse_id, max(day) from sales_facts where kind = 'sale' group by product_id, warehouse_id`.execute(db);
  // RFM groups the orders of a range by customer: the covering index carries the customer too.
  await db.schema.dropIndex('order_facts_cover_idx').execute();
  await db.schema.createIndex('order_facts_cover_idx').on('order_facts')
    .columns(['order_day', 'warehouse_id', 'cancelled', 'shipped_day', 'requested_date', 'backordered', 'returned', 'customer_id']).execute();
  await db.schema.createIndex('sales_monthly_customers_customer_idx').on('sales_monthly_customers').columns(['customer_id', 'month']).execute();
  await db.schema.createIndex('sales_facts_line_idx').on('sales_facts').columns(['order_line_id', 'kind']).execute();
}
