import type { Kysely } from 'kysely';

// Fulfilment groups a range's order facts by (order day, ship day): with the ship day second in the
// covering index the grouping follows the index, no sort (a third less time on SQLite). The same
// columns as before, so writing an order costs the same.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('order_facts_cover_idx').execute();
  await db.schema.createIndex('order_facts_cover_idx').on('order_facts')
    .columns(['order_day', 'shipped_day', 'cancelled', 'warehouse_id', 'requested_date', 'backordered', 'returned', 'customer_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('order_facts_cover_idx').execute();
  await db.schema.createIndex('order_facts_cover_idx').on('order_facts')
    .columns(['order_day', 'warehouse_id', 'cancelled', 'shipped_day', 'requested_date', 'backordered', 'returned', 'customer_id']).execute();
}
