import { sql, type Kysely } from 'kysely';

// The stock ledger: movements (append-only), balances per product × warehouse, open reservations,
// moving-average cost per product, and document number sequences.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('stock_levels')
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('on_hand', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('reserved', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_levels_pk', ['product_id', 'warehouse_id'])
    // The last line of defence; the conditional updates in stock-ledger.ts refuse first, with a message.
    .addCheckConstraint('stock_levels_ck', sql`reserved >= 0 and on_hand >= reserved`)
    .execute();
  await s.createIndex('stock_levels_warehouse_idx').on('stock_levels').column('warehouse_id').execute();
  await s
    .createTable('stock_movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('bin_id', 'text', (c) => c.references('bins.id'))
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('unit_cost', 'bigint', (c) => c.notNull())
    .addColumn('cost_amount', 'bigint', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('source_line_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .execute();
  await s.createIndex('stock_movements_pw_idx').on('stock_movements').columns(['product_id', 'warehouse_id', 'at']).execute();
  await s.createIndex('stock_movements_source_idx').on('stock_movements').columns(['source_type', 'source_id']).execute();
  await s
    .createTable('stock_reservations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('source_line_id', 'text', (c) => c.notNull())
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('stock_reservations_uq', ['source_type', 'source_line_id', 'product_id', 'warehouse_id'])
    .addCheckConstraint('stock_reservations_ck', sql`quantity >= 0`)
    .execute();
  await s.createIndex('stock_reservations_pw_idx').on('stock_reservations').columns(['product_id', 'warehouse_id']).execute();
  await s
    .createTable('product_costs')
    .addColumn('product_id', 'text', (c) => c.primaryKey().references('products.id'))
    .addColumn('quantity', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('value', 'bigint', (c) => c.notNull().defaultTo(0))
    // What the last UPDATE added to or took from `value`, read back with RETURNING so the cost of a
    // movement is computed by the same statement that books it (no read-then-write).
    .addColumn('last_delta', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createTable('stock_adjustments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('note', 'text')
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('cost_amount', 'bigint', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createTable('idempotency_keys')
    .addColumn('actor_key', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['actor_key', 'key'])
    .execute();
  await s
    .createTable('number_sequences')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['number_sequences', 'idempotency_keys', 'stock_adjustments', 'product_costs', 'stock_reservations', 'stock_movements', 'stock_levels']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
