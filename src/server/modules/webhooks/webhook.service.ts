import type { Db, DbOrTx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { newId, randomToken } from '../../platform/ids.js';
import { paginate } from '../../platform/list.js';
import { deliveryBody } from './webhook-dispatcher.js';
import { webhookEvents } from './webhook-events.js';
import { deliveryRows, insertDeliveries } from './webhook.repository.js';
import { replayLimits, replayRangeProblem } from './webhooks.js';

// Webhook subscriptions (the secret shown on creation and to admins), their delivery log, resend
// and replay. Sending is the dispatcher's (webhook-dispatcher.ts).

type SubscriptionRow = { id: string; url: string; description: string | null; events: string; secret: string; active: number | boolean; createdAt: string; updatedAt: string };
const subColumns = ['id', 'url', 'description', 'events', 'secret', 'active', 'createdAt', 'updatedAt'] as const;
const noCounts = { pending: 0, failed: 0, delivered: 0, dead: 0 };

const subView = (r: SubscriptionRow, counts = noCounts) => ({
  id: r.id, url: r.url, description: r.description, events: JSON.parse(r.events) as string[], active: Boolean(Number(r.active)),
  secretHint: `${r.secret.slice(0, 10)}…`, createdAt: r.createdAt, updatedAt: r.updatedAt, deliveries: counts,
});
/** What the audit log keeps of a subscription: never the secret. */
const audited = (r: SubscriptionRow) => ({ url: r.url, description: r.description, events: r.events, active: Boolean(Number(r.active)) });

async function countsOf(db: DbOrTx, ids: string[]) {
  const out = new Map<string, typeof noCounts>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('webhookDeliveries').select(['subscriptionId', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('subscriptionId', 'in', ids).groupBy(['subscriptionId', 'status']).execute();
  for (const r of rows) {
    const c = out.get(r.subscriptionId) ?? { ...noCounts };
    if (r.status in c) c[r.status as keyof typeof noCounts] = Number(r.n);
    out.set(r.subscriptionId, c);
  }
  return out;
}

async function findSubscription(db: DbOrTx, id: string): Promise<SubscriptionRow> {
  const row = await db.selectFrom('webhookSubscriptions').select(subColumns).where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'webhookSubscription' });
  return row;
}

/** The event types a subscription can name. */
export function listEventTypes() {
  return { events: Object.entries(webhookEvents).map(([type, n]) => ({ type, ...n })) };
}

/** Subscriptions, newest first, with their deliveries counted by status. */
export async function listSubscriptions(db: Db, f: { page: number; pageSize: number; active?: 'true' | 'false' }) {
  let q = db.selectFrom('webhookSubscriptions').select(subColumns);
  if (f.active) q = q.where('active', '=', f.active === 'true' ? 1 : 0);
  const page = await paginate(q, q.orderBy('createdAt', 'desc').orderBy('id', 'desc'), f);
  const counts = await countsOf(db, page.items.map((s) => s.id));
  return { ...page, items: page.items.map((s) => subView(s, counts.get(s.id))) };
}

/** One subscription. */
export async function getSubscription(db: Db, id: string) {
  const row = await findSubscription(db, id);
  return subView(row, (await countsOf(db, [id])).get(id));
}

/** The signing secret (admins only, like the rest of the module). */
export async function getSubscriptionSecret(db: Db, id: string) {
  return { secret: (await findSubscription(db, id)).secret };
}

/** Replaces the signing secret with a new random one (the receiver must switch to it); audited without it. */
export async function rotateSubscriptionSecret(db: Db, actor: Actor, id: string) {
  const secret = newSecret();
  await db.transaction().execute(async (trx) => {
    const before = await findSubscription(trx, id);
    await trx.updateTable('webhookSubscriptions').set({ secret, updatedAt: nowIso() }).where('id', '=', id).execute();
    await writeAudit(trx, actor, { action: 'update', entity: 'webhookSubscription', entityId: id, summary: `${before.url}: new signing secret` });
  });
  return { secret };
}

const newSecret = () => `whsec_${randomToken(32)}`;

/** Creates a subscription with a new random secret, returned here (and by GET …/secret); audited without it. */
export async function createSubscription(db: Db, actor: Actor, input: { url: string; events: string[]; description?: string | null; active: boolean }) {
  const now = nowIso();
  const row = {
    id: newId(), url: input.url, description: input.description ?? null, events: JSON.stringify([...new Set(input.events)]),
    secret: newSecret(), active: input.active ? 1 : 0, createdBy: actor.type === 'user' ? actor.id : null, createdAt: now, updatedAt: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('webhookSubscriptions').values(row).execute();
    await writeAudit(trx, actor, { action: 'create', entity: 'webhookSubscription', entityId: row.id, summary: row.url, after: audited(row) });
  });
  return { ...subView(row), secret: row.secret };
}

/** Changes URL, events, description or the active flag; audited. */
export async function updateSubscription(db: Db, actor: Actor, id: string, input: { url?: string; events?: string[]; description?: string | null; active?: boolean }) {
  await db.transaction().execute(async (trx) => {
    const before = await findSubscription(trx, id);
    const patch = {
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.events !== undefined ? { events: JSON.stringify([...new Set(input.events)]) } : {}),
      ...(input.description !== undefined ? { description: input.description ?? null } : {}),
      ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      updatedAt: nowIso(),
    };
    await trx.updateTable('webhookSubscriptions').set(patch).where('id', '=', id).execute();
    await writeAudit(trx, actor, { action: 'update', entity: 'webhookSubscription', entityId: id, summary: before.url, before: audited(before), after: audited({ ...before, ...patch }) });
  });
  return getSubscription(db, id);
}

/** Deletes a subscription with its delivery log; audited. */
export async function deleteSubscription(db: Db, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const before = await findSubscription(trx, id);
    const deliveries = trx.selectFrom('webhookDeliveries').select('id').where('subscriptionId', '=', id);
    await trx.deleteFrom('webhookAttempts').where('deliveryId', 'in', deliveries).execute();
    await trx.deleteFrom('webhookDeliveries').where('subscriptionId', '=', id).execute();
    await trx.deleteFrom('webhookSubscriptions').where('id', '=', id).execute();
    await writeAudit(trx, actor, { action: 'delete', entity: 'webhookSubscription', entityId: id, summary: before.url, before: audited(before) });
  });
}

const deliveryColumns = ['id', 'subscriptionId', 'eventId', 'eventType', 'occurredAt', 'source', 'status', 'attempts', 'nextAttemptAt', 'lastStatusCode', 'lastError', 'createdAt', 'deliveredAt'] as const;
type DeliveryRow = { status: string; attempts: number | string; lastStatusCode: number | string | null } & Record<string, unknown>;
const deliveryView = <T extends DeliveryRow>(r: T) => ({
  ...r, status: r.status as 'pending' | 'failed' | 'delivered' | 'dead', attempts: Number(r.attempts), lastStatusCode: r.lastStatusCode === null ? null : Number(r.lastStatusCode),
});

/** A subscription's deliveries, newest first, by status and event type. */
export async function listDeliveries(db: Db, subscriptionId: string, f: { page: number; pageSize: number; status?: string; eventType?: string }) {
  await findSubscription(db, subscriptionId);
  let q = db.selectFrom('webhookDeliveries').select(deliveryColumns).where('subscriptionId', '=', subscriptionId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.eventType) q = q.where('eventType', '=', f.eventType);
  const page = await paginate(q, q.orderBy('createdAt', 'desc').orderBy('id', 'desc'), f);
  return { ...page, items: page.items.map(deliveryView) };
}

/** One delivery with the body it sends and every attempt. */
export async function getDelivery(db: Db, id: string) {
  const row = await db.selectFrom('webhookDeliveries as d').innerJoin('webhookSubscriptions as s', 's.id', 'd.subscriptionId').innerJoin('outbox as o', 'o.id', 'd.eventId')
    .select([...deliveryColumns.map((c) => `d.${c}` as const), 's.url', 'o.payload']).where('d.id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'webhookDelivery' });
  const log = await db.selectFrom('webhookAttempts').select(['attempt', 'at', 'ok', 'statusCode', 'durationMs', 'error', 'responseExcerpt'])
    .where('deliveryId', '=', id).orderBy('at').orderBy('attempt').execute();
  const { payload, ...rest } = row;
  return {
    ...deliveryView(rest), body: JSON.parse(deliveryBody({ ...row, payload })) as unknown,
    log: log.map((a) => ({ ...a, attempt: Number(a.attempt), ok: Boolean(Number(a.ok)), statusCode: a.statusCode === null ? null : Number(a.statusCode), durationMs: Number(a.durationMs) })),
  };
}

/** Sends a delivery again now (delivered, failed or dead), attempts counted afresh; 409 when it already waits to be sent. Audited. */
export async function resendDelivery(db: Db, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('webhookDeliveries').select(['status', 'eventType', 'attempts']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new DomainError('NOT_FOUND', { entity: 'webhookDelivery' });
    const r = await trx.updateTable('webhookDeliveries').set({ status: 'pending', attempts: 0, nextAttemptAt: nowIso(), lockedUntil: null, lockedBy: null })
      .where('id', '=', id).where('status', 'in', ['delivered', 'failed', 'dead']).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new DomainError('WEBHOOK_DELIVERY_STATE', { status: row.status });
    await writeAudit(trx, actor, { action: 'update', entity: 'webhookDelivery', entityId: id, summary: `resend ${row.eventType}`, before: { status: row.status, attempts: row.attempts }, after: { status: 'pending', attempts: 0 } });
  });
  return getDelivery(db, id);
}

/**
 * Writes a delivery to the subscription for every event of its types written in [from, to): a
 * replay, sent by the dispatcher like live events, the bodies' ids unchanged. More than 31 days or
 * 10,000 events is refused (422 WEBHOOK_REPLAY_TOO_LARGE) and nothing is written.
 */
export async function replayEvents(db: Db, actor: Actor, subscriptionId: string, range: { from: string; to: string }) {
  const from = new Date(range.from).toISOString();
  const to = new Date(range.to).toISOString();
  const problem = replayRangeProblem(from, to);
  if (problem && Date.parse(to) > Date.parse(from)) throw new DomainError('WEBHOOK_REPLAY_TOO_LARGE', { reason: problem }, { maxDays: replayLimits.maxDays, maxEvents: replayLimits.maxEvents });
  if (problem) throw new DomainError('VALIDATION_FAILED', { summary: 'to' }, [{ field: 'to', message: problem }]);
  return db.transaction().execute(async (trx) => {
    const sub = await findSubscription(trx, subscriptionId);
    const events = JSON.parse(sub.events) as string[];
    let q = trx.selectFrom('outbox').where('createdAt', '>=', from).where('createdAt', '<', to);
    if (!events.includes('*')) q = q.where('topic', 'in', events);
    const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(n) > replayLimits.maxEvents) {
      throw new DomainError('WEBHOOK_REPLAY_TOO_LARGE', { reason: { zh: `共 ${Number(n)} 个事件，超过 ${replayLimits.maxEvents} 个`, en: `${Number(n)} events, more than ${replayLimits.maxEvents}` } }, { events: Number(n), maxDays: replayLimits.maxDays, maxEvents: replayLimits.maxEvents });
    }
    const rows = await q.select(['id', 'topic', 'createdAt']).orderBy('createdAt').orderBy('id').execute();
    const replayId = newId();
    const deliveries = deliveryRows(rows, [{ id: sub.id, events: JSON.stringify(['*']) }], `replay:${replayId}`, nowIso());
    await insertDeliveries(trx, deliveries);
    await writeAudit(trx, actor, { action: 'create', entity: 'webhookDelivery', entityId: replayId, summary: `replay ${from} – ${to} to ${sub.url}: ${deliveries.length} events`, after: { subscriptionId, from, to, events: deliveries.length } });
    return { replayId, subscriptionId, from, to, events: deliveries.length };
  });
}
