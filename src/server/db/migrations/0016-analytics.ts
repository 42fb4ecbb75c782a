import type { Kysely } from 'kysely';

// Analytics (issue 7): sales facts, one row per sold or returned order line, written in the same
// transaction as the shipment, the import or the return; rollups by day and by month kept in that
// transaction too; one row per confirmed order for the fulfilment figures (docs/metrics.md).
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  const measures = (t: any) =>
    t.addColumn('quantity', 'bigint', (c: any) => c.notNull().defaultTo(0))
      .addColumn('net', 'bigint', (c: any) => c.notNull().defaultTo(0))
      .addColumn('cost', 'bigint', (c: any) => c.notNull().defaultTo(0))
      .addColumn('costed_net', 'bigint', (c: any) => c.notNull().defaultTo(0))
      .addColumn('returned_quantity', 'bigint', (c: any) => c.notNull().defaultTo(0))
      .addColumn('returned_net', 'bigint', (c: any) => c.notNull().defaultTo(0))
      .addColumn('lines', 'bigint', (c: any) => c.notNull().defaultTo(0));
  await s
    .createTable('sales_facts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('order_line_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('net', 'bigint', (c) => c.notNull())
    .addColumn('cost', 'bigint', (c) => c.notNull())
    .addColumn('costed', 'integer', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('sales_facts_day_idx').on('sales_facts').columns(['day', 'product_id']).execute();
  await s.createIndex('sales_facts_customer_idx').on('sales_facts').columns(['customer_id', 'day']).execute();
  await s.createIndex('sales_facts_product_idx').on('sales_facts').columns(['product_id', 'day']).execute();
  await s.createIndex('sales_facts_order_idx').on('sales_facts').column('order_id').execute();

  await measures(s.createTable('sales_daily').addColumn('day', 'text', (c) => c.notNull()).addColumn('warehouse_id', 'text', (c) => c.notNull()).addColumn('category_id', 'text', (c) => c.notNull()))
    .addPrimaryKeyConstraint('sales_daily_pk', ['day', 'warehouse_id', 'category_id']).execute();
  await measures(s.createTable('sales_monthly_products').addColumn('month', 'text', (c) => c.notNull()).addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull()).addColumn('category_id', 'text', (c) => c.notNull()))
    .addPrimaryKeyConstraint('sales_monthly_products_pk', ['month', 'warehouse_id', 'product_id', 'category_id']).execute();
  await measures(s.createTable('sales_monthly_customers').addColumn('month', 'text', (c) => c.notNull()).addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull()).addColumn('category_id', 'text', (c) => c.notNull()))
    .addPrimaryKeyConstraint('sales_monthly_customers_pk', ['month', 'warehouse_id', 'customer_id', 'category_id']).execute();

  await s
    .createTable('order_facts')
    .addColumn('order_id', 'text', (c) => c.primaryKey())
    .addColumn('order_day', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('requested_date', 'text')
    .addColumn('net', 'bigint', (c) => c.notNull())
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('backordered', 'integer', (c) => c.notNull())
    .addColumn('first_ship_day', 'text')
    .addColumn('shipped_day', 'text')
    .addColumn('returned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cancelled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('history', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await s.createIndex('order_facts_day_idx').on('order_facts').columns(['order_day', 'warehouse_id']).execute();
  await s.createIndex('order_facts_customer_idx').on('order_facts').columns(['customer_id', 'order_day']).execute();
}
