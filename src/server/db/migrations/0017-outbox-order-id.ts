import type { Kysely } from 'kysely';

// The sales order an outbox message is about, as a column: the order timeline reads an order's
// messages by index instead of scanning every payload for its "orderId" (decisions §20). Existing
// messages get it from their payload when that names a sales order (purchase receipts' payloads
// carry a purchase order's id under the same name, so the id must be a sales order's).
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('order_id', 'text').execute();
  await db.schema.createIndex('outbox_order_idx').on('outbox').columns(['order_id', 'created_at']).execute();
  await fillOrderIds(db);
}

/** Sets order_id of messages whose payload's "orderId" is a sales order's, 1,000 messages a query. */
export async function fillOrderIds(db: Kysely<any>): Promise<void> {
  // In code, not SQL: SQLite and PostgreSQL share no JSON function, and a payload that is not JSON is skipped.
  let after = '';
  for (;;) {
    const rows: Array<{ id: string; payload: string }> = await db.selectFrom('outbox').select(['id', 'payload'])
      .where('id', '>', after).where('payload', 'like', '%"orderId":"%').orderBy('id').limit(1000).execute();
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    const named = new Map<string, string>();
    for (const r of rows) {
      const orderId = orderIdOf(r.payload);
      if (orderId) named.set(r.id, orderId);
    }
    if (named.size === 0) continue;
    const sales = new Set((await db.selectFrom('sales_orders').select('id').where('id', 'in', [...new Set(named.values())]).execute()).map((o: { id: string }) => o.id));
    for (const [id, orderId] of named) if (sales.has(orderId)) await db.updateTable('outbox').set({ order_id: orderId }).where('id', '=', id).execute();
  }
}

function orderIdOf(payload: string): string | null {
  try {
    const v = (JSON.parse(payload) as { orderId?: unknown }).orderId;
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_order_idx').execute();
  await db.schema.alterTable('outbox').dropColumn('order_id').execute();
}
