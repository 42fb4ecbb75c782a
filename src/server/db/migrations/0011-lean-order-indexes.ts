import { sql, type Kysely } from 'kysely';

// Fewer index pages written per order (docs/benchmarks.md, "SQLite group commit"):
// - sales_order_lines (product_id) is the leading column of sales_order_lines (product_id,
//   warehouse_id), which answers every lookup it did;
// - sales_orders (external_ref) holds only the orders that have one (imports, other systems):
//   `external_ref = ?` still uses it, and an order keyed in or posted without one touches it no more;
// - stock_reservations (product_id, warehouse_id) served only verify-stock's sums, which read the
//   whole table anyway; every order line paid for it with a page at a random place in the index.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sales_order_lines_product_idx').ifExists().execute();
  await db.schema.dropIndex('stock_reservations_pw_idx').ifExists().execute();
  await db.schema.dropIndex('sales_orders_external_ref_idx').ifExists().execute();
  await sql`create index sales_orders_external_ref_idx on sales_orders (external_ref) where external_ref is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sales_orders_external_ref_idx').ifExists().execute();
  await db.schema.createIndex('sales_orders_external_ref_idx').on('sales_orders').column('external_ref').execute();
  await db.schema.createIndex('sales_order_lines_product_idx').on('sales_order_lines').column('product_id').execute();
  await db.schema.createIndex('stock_reservations_pw_idx').on('stock_reservations').columns(['product_id', 'warehouse_id']).execute();
}
