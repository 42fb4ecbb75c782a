import type { DbOrTx } from '../db/create-db.js';
import { prepared } from '../db/prepared.js';
import { nowIso } from './clock.js';
import { newId } from './ids.js';

/**
 * Writes an event to the transactional outbox in the caller's transaction, so it exists exactly
 * when the change that caused it does. A dispatcher sends it later (customer notices, webhooks).
 * `dedupeKey` makes a repeated enqueue of the same event a no-op. A message about a sales order
 * (see `salesOrderOf`) keeps the order's id in `order_id`, for the order's timeline.
 */
export async function enqueue(trx: DbOrTx, topic: string, payload: unknown, dedupeKey?: string): Promise<void> {
  const now = nowIso();
  await insertMessage.affected(trx, { id: newId(), topic, payload: JSON.stringify(payload), dedupeKey: dedupeKey ?? null, orderId: salesOrderOf(topic, payload), now });
}

// Topics whose payload's `orderId` is a sales order's. Purchasing's (purchase_receipt.posted…) carry
// a purchase order's id under the same name, so the topic decides, not the field.
const salesOrderTopics = /^(order|backorder|shipment|return|complaint)\.|^stock\.back_in_stock$/;

/** The sales order an outbox message is about, or null. */
export function salesOrderOf(topic: string, payload: unknown): string | null {
  if (!salesOrderTopics.test(topic) || typeof payload !== 'object' || payload === null) return null;
  const id = (payload as { orderId?: unknown }).orderId;
  return typeof id === 'string' ? id : null;
}

const insertMessage = prepared((db, a: { id: string; topic: string; payload: string; dedupeKey: string | null; orderId: string | null; now: string }) =>
  db.insertInto('outbox')
    .values({ id: a.id, topic: a.topic, payload: a.payload, dedupeKey: a.dedupeKey, orderId: a.orderId, status: 'pending', attempts: 0, nextAttemptAt: a.now, lastError: null, createdAt: a.now, sentAt: null })
    .onConflict((oc) => oc.column('dedupeKey').doNothing()));
