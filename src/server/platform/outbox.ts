import type { DbOrTx } from '../db/create-db.js';
import { prepared } from '../db/prepared.js';
import { nowIso } from './clock.js';
import { newId } from './ids.js';

/**
 * Writes an event to the transactional outbox in the caller's transaction, so it exists exactly
 * when the change that caused it does. A dispatcher sends it later (customer notices, webhooks).
 * `dedupeKey` makes a repeated enqueue of the same event a no-op.
 */
export async function enqueue(trx: DbOrTx, topic: string, payload: unknown, dedupeKey?: string): Promise<void> {
  const now = nowIso();
  await insertMessage.affected(trx, { id: newId(), topic, payload: JSON.stringify(payload), dedupeKey: dedupeKey ?? null, now });
}

const insertMessage = prepared((db, a: { id: string; topic: string; payload: string; dedupeKey: string | null; now: string }) =>
  db.insertInto('outbox')
    .values({ id: a.id, topic: a.topic, payload: a.payload, dedupeKey: a.dedupeKey, status: 'pending', attempts: 0, nextAttemptAt: a.now, lastError: null, createdAt: a.now, sentAt: null })
    .onConflict((oc) => oc.column('dedupeKey').doNothing()));
