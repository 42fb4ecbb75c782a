import { sql, type Kysely } from 'kysely';

// Transfers (调拨单 DB-…) between warehouses with what each line shipped and received and the cost
// that left, and stock counts (盘点单 PD-…): the book quantities frozen at the start, what was
// counted, and at approval what was expected, the variance and its cost.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('stock_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('from_warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('to_warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('cost_amount', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('shipped_at', 'text')
    .addColumn('received_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('stock_transfers_ck', sql`from_warehouse_id <> to_warehouse_id`)
    .execute();
  await s.createIndex('stock_transfers_status_idx').on('stock_transfers').columns(['status', 'created_at']).execute();
  await s
    .createTable('stock_transfer_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('transfer_id', 'text', (c) => c.notNull().references('stock_transfers.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('shipped', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('received', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('returned', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('unit_cost', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('cost_amount', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('received_cost', 'bigint', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('stock_transfer_lines_ck', sql`quantity > 0 and received >= 0 and returned >= 0 and received + returned <= shipped and shipped <= quantity`)
    .execute();
  await s.createIndex('stock_transfer_lines_transfer_idx').on('stock_transfer_lines').columns(['transfer_id', 'line_no']).execute();
  await s.createIndex('stock_transfer_lines_product_idx').on('stock_transfer_lines').column('product_id').execute();
  await s
    .createTable('stock_counts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('snapshot_at', 'text', (c) => c.notNull())
    .addColumn('gain_quantity', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('loss_quantity', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('gain_amount', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('loss_amount', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('stock_counts_status_idx').on('stock_counts').columns(['status', 'created_at']).execute();
  await s
    .createTable('stock_count_lines')
    .addColumn('count_id', 'text', (c) => c.notNull().references('stock_counts.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('snapshot', 'bigint', (c) => c.notNull())
    .addColumn('counted', 'bigint')
    .addColumn('counted_at', 'text')
    .addColumn('expected', 'bigint')
    .addColumn('variance', 'bigint')
    .addColumn('unit_cost', 'bigint')
    .addColumn('cost_amount', 'bigint')
    .addPrimaryKeyConstraint('stock_count_lines_pk', ['count_id', 'product_id'])
    .addCheckConstraint('stock_count_lines_ck', sql`counted is null or counted >= 0`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['stock_count_lines', 'stock_counts', 'stock_transfer_lines', 'stock_transfers']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
