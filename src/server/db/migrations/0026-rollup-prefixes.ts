import type { Kysely } from 'kysely';

// Running totals of a monthly rollup up to the start of a month (platform/rollup-prefixes.ts): a
// figure over many months reads two of them instead of every month between. Made on first use for
// months already begun; rollup_prefix_months lists the ones that hold, and a write into a month
// removes the listing of every later one. Nothing to fill here.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('rollup_prefix_months')
    .addColumn('rollup', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('made_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_prefix_months_pk', ['rollup', 'month'])
    .execute();
  await db.schema.createTable('stock_value_prefixes')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('quantity', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('value', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('stock_value_prefixes_pk', ['month', 'product_id', 'warehouse_id'])
    .execute();
  const measures = ['quantity', 'net', 'cost', 'costed_net', 'returned_quantity', 'returned_net', 'lines'];
  let products: any = db.schema.createTable('sales_product_prefixes').addColumn('month', 'text', (c) => c.notNull()).addColumn('product_id', 'text', (c) => c.notNull());
  for (const c of measures) products = products.addColumn(c, 'bigint', (x: any) => x.notNull().defaultTo(0));
  // Σ of each month's units squared: ABC × XYZ's variation over many months from two prefixes.
  products = products.addColumn('squares', 'bigint', (x: any) => x.notNull().defaultTo(0));
  await products.addPrimaryKeyConstraint('sales_product_prefixes_pk', ['month', 'product_id']).execute();
  // The monthly units of the products shown (ABC × XYZ's first rows): by product, not a scan of the months.
  await db.schema.createIndex('sales_monthly_product_totals_product_idx').on('sales_monthly_product_totals').columns(['product_id', 'month']).execute();
  let customers: any = db.schema.createTable('sales_customer_prefixes').addColumn('month', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'text', (c) => c.notNull()).addColumn('customer_id', 'text', (c) => c.notNull());
  for (const c of measures) customers = customers.addColumn(c, 'bigint', (x: any) => x.notNull().defaultTo(0));
  await customers.addPrimaryKeyConstraint('sales_customer_prefixes_pk', ['month', 'warehouse_id', 'customer_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sales_monthly_product_totals_product_idx').execute();
  await db.schema.dropTable('sales_customer_prefixes').execute();
  await db.schema.dropTable('sales_product_prefixes').execute();
  await db.schema.dropTable('stock_value_prefixes').execute();
  await db.schema.dropTable('rollup_prefix_months').execute();
}
