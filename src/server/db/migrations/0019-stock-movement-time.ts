import type { Kysely } from 'kysely';

// Stock figures (turnover, ageing; docs/metrics.md "Stock, customer and supplier figures") read the
// movements after a moment: the value at a past date is today's value less what moved since, and the
// age of stock on hand is read off the recent in-moves. Without an index on the time that is a scan of
// the whole ledger; this one also carries the columns those sums read, so they never touch the table.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('stock_movements_at_idx').on('stock_movements')
    .columns(['at', 'product_id', 'warehouse_id', 'quantity', 'cost_amount']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('stock_movements_at_idx').execute();
}
