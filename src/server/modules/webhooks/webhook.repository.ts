import type { Db, DbOrTx, DialectName } from '../../db/create-db.js';
import { newId } from '../../platform/ids.js';
import { subscribedTo } from './webhook-events.js';

// Queries of the webhook worker: fanning outbox messages out to subscriptions (once each), claiming
// due deliveries under a lease, logging attempts, finishing a claim. docs/api.md, Webhooks.

/** A delivery claimed for sending, with what the request needs. */
export type ClaimedDelivery = {
  id: string; subscriptionId: string; eventId: string; eventType: string; occurredAt: string; attempts: number; lockedBy: string;
  url: string; secret: string; payload: string;
};

/** Rows of new deliveries: one per event and active subscription to its type. */
export function deliveryRows(events: Array<{ id: string; topic: string; createdAt: string }>, subs: Array<{ id: string; events: string }>, source: string, now: string) {
  const parsed = subs.map((s) => ({ id: s.id, events: JSON.parse(s.events) as string[] }));
  return events.flatMap((e) => parsed.filter((s) => subscribedTo(s.events, e.topic)).map((s) => ({
    id: newId(), subscriptionId: s.id, eventId: e.id, eventType: e.topic, occurredAt: e.createdAt, source,
    status: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: null, lockedBy: null, lastStatusCode: null, lastError: null, createdAt: now, deliveredAt: null,
  })));
}

/** Inserts delivery rows 500 at a time; a second row for the same subscription, event and source is skipped. */
export async function insertDeliveries(db: DbOrTx, rows: ReturnType<typeof deliveryRows>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insertInto('webhookDeliveries').values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['subscriptionId', 'eventId', 'source']).doNothing()).execute();
  }
}

/** Whether any outbox message waits to be fanned out, or any delivery is due: a read, so idle rounds write nothing. */
export async function hasDueWork(db: DbOrTx, now: string): Promise<boolean> {
  const fresh = await db.selectFrom('outbox').select('id').where('webhooksAt', 'is', null).limit(1).executeTakeFirst();
  if (fresh) return true;
  const due = await db.selectFrom('webhookDeliveries').select('id').where('status', 'in', ['pending', 'failed']).where('nextAttemptAt', '<=', now).limit(1).executeTakeFirst();
  return due !== undefined;
}

/**
 * Marks up to `limit` outbox messages not yet fanned out as fanned out, and writes their deliveries,
 * in one transaction. The marking update is conditional (`webhooks_at is null`), and PostgreSQL
 * skips rows another process is marking (SKIP LOCKED), so each message is fanned out exactly once
 * whatever number of processes run. Resolves to how many messages it took.
 */
export async function fanOutDue(db: Db, dialect: DialectName, a: { now: string; limit: number }): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let due = trx.selectFrom('outbox').select('id').where('webhooksAt', 'is', null).orderBy('createdAt').limit(a.limit);
    if (dialect === 'postgres') due = due.forUpdate().skipLocked();
    const taken = await trx.updateTable('outbox').set({ webhooksAt: a.now }).where('id', 'in', due).where('webhooksAt', 'is', null)
      .returning(['id', 'topic', 'createdAt']).execute();
    if (taken.length === 0) return 0;
    const subs = await trx.selectFrom('webhookSubscriptions').select(['id', 'events']).where('active', '=', 1).execute();
    await insertDeliveries(trx, deliveryRows(taken, subs, 'live', a.now));
    return taken.length;
  });
}

/** Leases up to `limit` due deliveries of active subscriptions to `token` until `until` (the outbox dispatcher's pattern). */
export async function claimDueDeliveries(db: DbOrTx, dialect: DialectName, a: { token: string; now: string; until: string; limit: number }): Promise<ClaimedDelivery[]> {
  let due = db.selectFrom('webhookDeliveries').select('id')
    .where('status', 'in', ['pending', 'failed'])
    .where('nextAttemptAt', '<=', a.now)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', a.now)]))
    .where('subscriptionId', 'in', db.selectFrom('webhookSubscriptions').select('id').where('active', '=', 1))
    .orderBy('nextAttemptAt').limit(a.limit);
  if (dialect === 'postgres') due = due.forUpdate().skipLocked();
  const claimed = await db.updateTable('webhookDeliveries').set({ lockedUntil: a.until, lockedBy: a.token }).where('id', 'in', due)
    .returning(['id']).execute();
  if (claimed.length === 0) return [];
  const rows = await db.selectFrom('webhookDeliveries as d')
    .innerJoin('webhookSubscriptions as s', 's.id', 'd.subscriptionId')
    .innerJoin('outbox as o', 'o.id', 'd.eventId')
    .select(['d.id', 'd.subscriptionId', 'd.eventId', 'd.eventType', 'd.occurredAt', 'd.attempts', 'd.lockedBy', 's.url', 's.secret', 'o.payload'])
    .where('d.id', 'in', claimed.map((c) => c.id)).where('d.lockedBy', '=', a.token)
    .execute();
  return rows.map((r) => ({ ...r, attempts: Number(r.attempts), lockedBy: r.lockedBy ?? a.token }));
}

/** Renews a claim before sending; false when the lease ran out and another claim has the delivery. */
export async function renewDeliveryClaim(db: DbOrTx, d: ClaimedDelivery, until: string): Promise<boolean> {
  const r = await db.updateTable('webhookDeliveries').set({ lockedUntil: until }).where('id', '=', d.id).where('lockedBy', '=', d.lockedBy).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Logs one HTTP attempt, numbered after the ones before it (resends included). */
export async function logAttempt(db: Db, a: { deliveryId: string; at: string; ok: boolean; statusCode: number | null; durationMs: number; error: string | null; responseExcerpt: string | null }) {
  await db.transaction().execute(async (trx) => {
    const prior = await trx.selectFrom('webhookAttempts').select((eb) => eb.fn.countAll<number>().as('n')).where('deliveryId', '=', a.deliveryId).executeTakeFirstOrThrow();
    await trx.insertInto('webhookAttempts').values({ id: newId(), ...a, ok: a.ok ? 1 : 0, attempt: Number(prior.n) + 1 }).execute();
  });
}

/** Ends a claim: delivered, failed (retry at `nextAttemptAt`) or dead. Only the claim's holder can. */
export async function finishDelivery(db: DbOrTx, d: ClaimedDelivery, f: { status: 'delivered' | 'failed' | 'dead'; at: string; statusCode: number | null; error: string | null; nextAttemptAt?: string }): Promise<boolean> {
  const r = await db.updateTable('webhookDeliveries')
    .set({
      status: f.status, attempts: d.attempts + 1, lastStatusCode: f.statusCode, lastError: f.error, lockedUntil: null, lockedBy: null,
      ...(f.status === 'delivered' ? { deliveredAt: f.at } : {}), ...(f.nextAttemptAt ? { nextAttemptAt: f.nextAttemptAt } : {}),
    })
    .where('id', '=', d.id).where('lockedBy', '=', d.lockedBy)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
