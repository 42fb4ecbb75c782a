import type { DbOrTx, DialectName } from '../../db/create-db.js';
import { newId } from '../../platform/ids.js';

// Queries of the dispatcher: claiming due messages under a lease, the delivery log, finishing.

export type ClaimedMessage = { id: string; topic: string; payload: string; attempts: number; lockedBy: string };

/**
 * Leases up to `limit` due messages (pending or failed, next attempt reached, no live lease) to
 * `token` until `until`. PostgreSQL skips rows another claim holds (SKIP LOCKED) and re-checks the
 * lease on the rows it locks; SQLite has one writer, so the statement is atomic as it stands.
 */
export async function claimDue(db: DbOrTx, dialect: DialectName, a: { token: string; now: string; until: string; limit: number }): Promise<ClaimedMessage[]> {
  let due = db.selectFrom('outbox').select('id')
    .where('status', 'in', ['pending', 'failed'])
    .where('nextAttemptAt', '<=', a.now)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', a.now)]))
    .orderBy('nextAttemptAt').limit(a.limit);
  if (dialect === 'postgres') due = due.forUpdate().skipLocked();
  const rows = await db.updateTable('outbox').set({ lockedUntil: a.until, lockedBy: a.token }).where('id', 'in', due)
    .returning(['id', 'topic', 'payload', 'attempts', 'lockedBy']).execute();
  return rows.map((r) => ({ ...r, attempts: Number(r.attempts), lockedBy: r.lockedBy ?? a.token }));
}

/** Renews a claim's lease before a send; false when it ran out and another claim took the message (then do not send). */
export async function renewClaim(db: DbOrTx, m: ClaimedMessage, until: string): Promise<boolean> {
  const r = await db.updateTable('outbox').set({ lockedUntil: until }).where('id', '=', m.id).where('lockedBy', '=', m.lockedBy).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Whether the log already has a `sent` row for this message, channel and recipient. */
export async function wasSent(db: DbOrTx, outboxId: string, channel: string, recipient: string): Promise<boolean> {
  const row = await db.selectFrom('messageDeliveries').select('id')
    .where('outboxId', '=', outboxId).where('channel', '=', channel).where('recipient', '=', recipient).where('status', '=', 'sent')
    .executeTakeFirst();
  return row !== undefined;
}

/** Logs one delivery attempt. */
export async function logDelivery(db: DbOrTx, d: { outboxId: string; channel: string; recipient: string; attempt: number; status: 'sent' | 'failed'; error?: string | null; providerId?: string | null; at: string }) {
  await db.insertInto('messageDeliveries').values({ id: newId(), ...d, error: d.error ?? null, providerId: d.providerId ?? null }).execute();
}

/** Ends a claim: sent, failed (retry at `nextAttemptAt`) or dead. Only the claim's holder can; false when its lease was taken over. */
export async function finishClaim(db: DbOrTx, m: ClaimedMessage, f: { status: 'sent' | 'failed' | 'dead'; at: string; nextAttemptAt?: string; error?: string | null }): Promise<boolean> {
  const r = await db.updateTable('outbox')
    .set({
      status: f.status, attempts: m.attempts + 1, lastError: f.error ?? null, lockedUntil: null, lockedBy: null,
      ...(f.status === 'sent' ? { sentAt: f.at } : {}), ...(f.nextAttemptAt ? { nextAttemptAt: f.nextAttemptAt } : {}),
    })
    .where('id', '=', m.id).where('lockedBy', '=', m.lockedBy)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
