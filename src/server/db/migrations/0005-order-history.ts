import type { Kysely } from 'kysely';

// Sales orders imported from another system: their own number, order date and, for completed
// history, the ship date. order_date null means the business day the order was entered (created_at).
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  // SQLite adds one column per ALTER TABLE.
  await s.alterTable('sales_orders').addColumn('order_date', 'text').execute();
  await s.alterTable('sales_orders').addColumn('shipped_date', 'text').execute();
  await s.alterTable('sales_orders').addColumn('external_ref', 'text').execute();
  await s.createIndex('sales_orders_external_ref_idx').on('sales_orders').column('external_ref').execute();
  await s.createIndex('sales_orders_order_date_idx').on('sales_orders').column('order_date').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sales_orders_order_date_idx').ifExists().execute();
  await db.schema.dropIndex('sales_orders_external_ref_idx').ifExists().execute();
  await db.schema.alterTable('sales_orders').dropColumn('external_ref').execute();
  await db.schema.alterTable('sales_orders').dropColumn('shipped_date').execute();
  await db.schema.alterTable('sales_orders').dropColumn('order_date').execute();
}
