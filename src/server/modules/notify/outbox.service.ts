import type { Db, DbOrTx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { paginate } from '../../platform/list.js';

// The outbox as admins see it: messages by status and topic, one message with its delivery log, resend.

const statusNames: Record<string, { zh: string; en: string }> = {
  pending: { zh: '待发送', en: 'pending' }, sent: { zh: '已发送', en: 'sent' }, failed: { zh: '发送失败', en: 'failed' }, dead: { zh: '已放弃', en: 'dead' },
};

const columns = ['id', 'topic', 'payload', 'dedupeKey', 'status', 'attempts', 'nextAttemptAt', 'lastError', 'createdAt', 'sentAt', 'lockedUntil'] as const;
type Row = { payload: string; attempts: number | string } & Record<string, unknown>;
const view = <T extends Row>(r: T) => ({ ...r, attempts: Number(r.attempts), payload: JSON.parse(r.payload) as unknown });

/** Messages newest first, by status and topic. */
export async function listOutbox(db: DbOrTx, f: { page: number; pageSize: number; status?: string; topic?: string }) {
  let q = db.selectFrom('outbox').select([...columns]);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.topic) q = q.where('topic', '=', f.topic);
  const page = await paginate(q, q.orderBy('createdAt', 'desc').orderBy('id', 'desc'), f);
  return { ...page, items: page.items.map(view) };
}

/** One message with every delivery attempt, oldest first. */
export async function getOutboxMessage(db: DbOrTx, id: string) {
  const row = await db.selectFrom('outbox').select([...columns]).where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'outboxMessage' });
  const deliveries = await db.selectFrom('messageDeliveries').select(['id', 'channel', 'recipient', 'attempt', 'status', 'error', 'providerId', 'at'])
    .where('outboxId', '=', id).orderBy('at').orderBy('id').execute();
  return { ...view(row), deliveries: deliveries.map((d) => ({ ...d, status: d.status as 'sent' | 'failed', attempt: Number(d.attempt) })) };
}

/** Puts a failed or dead message back to pending, due now, with its attempts counted afresh; audited. */
export async function resendOutboxMessage(db: Db, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('outbox').select(['status', 'topic', 'attempts']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new DomainError('NOT_FOUND', { entity: 'outboxMessage' });
    const r = await trx.updateTable('outbox').set({ status: 'pending', attempts: 0, nextAttemptAt: nowIso(), lockedUntil: null, lockedBy: null })
      .where('id', '=', id).where('status', 'in', ['failed', 'dead']).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new DomainError('OUTBOX_STATE', { status: statusNames[row.status] ?? row.status });
    await writeAudit(trx, actor, { action: 'update', entity: 'outboxMessage', entityId: id, summary: `resend ${row.topic}`, before: { status: row.status, attempts: row.attempts }, after: { status: 'pending', attempts: 0 } });
  });
  return getOutboxMessage(db, id);
}
