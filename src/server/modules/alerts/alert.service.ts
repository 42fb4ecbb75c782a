import { sql } from 'kysely';
import type { Db, DbOrTx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { paginate } from '../../platform/list.js';

export type NewAlert = {
  kind: string;
  severity: 'info' | 'warning' | 'critical';
  targetRole: string;
  title: { zh: string; en: string };
  entity?: string;
  entityId?: string;
  data?: unknown;
  /** One open alert per key: raising it again while open changes nothing. */
  dedupeKey?: string;
};

/** Raises an alert for a role (admins see every alert). */
export async function raiseAlert(trx: DbOrTx, a: NewAlert): Promise<void> {
  await trx
    .insertInto('alerts')
    .values({
      id: newId(), kind: a.kind, severity: a.severity, targetRole: a.targetRole, titleZh: a.title.zh, titleEn: a.title.en,
      entity: a.entity ?? null, entityId: a.entityId ?? null, data: JSON.stringify(a.data ?? {}), dedupeKey: a.dedupeKey ?? null,
      status: 'open', createdAt: nowIso(), resolvedAt: null,
    })
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .execute();
}

/** Closes the open alert with this key, so the next occurrence raises a new one. */
export async function resolveAlert(trx: DbOrTx, dedupeKey: string): Promise<void> {
  await trx.updateTable('alerts').set({ status: 'resolved', resolvedAt: nowIso(), dedupeKey: null }).where('dedupeKey', '=', dedupeKey).execute();
}

/** Closes the open alerts with these keys, 1,000 keys per statement (a count that finds stock of many products). */
export async function resolveAlerts(trx: DbOrTx, dedupeKeys: string[]): Promise<void> {
  for (let i = 0; i < dedupeKeys.length; i += 1000) {
    await trx.updateTable('alerts').set({ status: 'resolved', resolvedAt: nowIso(), dedupeKey: null }).where('dedupeKey', 'in', dedupeKeys.slice(i, i + 1000)).execute();
  }
}

const visibleTo = (db: DbOrTx, actor: Actor) => {
  let q = db.selectFrom('alerts as a');
  if (actor.role !== 'admin') q = q.where('a.targetRole', '=', actor.role);
  return q;
};

const readBy = (actor: Actor) => sql<number>`exists (select 1 from alert_reads r where r.alert_id = a.id and r.user_id = ${actor.id ?? ''})`;

/** Alerts the caller's role receives, newest first, with whether the caller has read each. */
export async function listAlerts(db: Db, actor: Actor, f: { page: number; pageSize: number; status?: string; unread?: string; kind?: string }) {
  let q = visibleTo(db, actor).selectAll('a').select(readBy(actor).as('read'));
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.kind) q = q.where('a.kind', '=', f.kind);
  if (f.unread === 'true') q = q.where(sql<boolean>`not ${readBy(actor)}`);
  const page = await paginate(q, q.orderBy('a.createdAt', 'desc').orderBy('a.id', 'desc'), f);
  return {
    ...page,
    items: page.items.map(({ dedupeKey: _d, titleZh, titleEn, data, read, ...a }) => ({ ...a, title: { zh: titleZh, en: titleEn }, data: JSON.parse(data) as unknown, read: Boolean(read) })),
  };
}

/** How many open alerts the caller has not read (the badge on the bell). */
export async function unreadCount(db: Db, actor: Actor): Promise<number> {
  const row = await visibleTo(db, actor).select((eb) => eb.fn.countAll<number>().as('n')).where('a.status', '=', 'open').where(sql<boolean>`not ${readBy(actor)}`).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks alerts read for the caller (all visible ones when `ids` is omitted). */
export async function markRead(db: Db, actor: Actor, ids?: string[]): Promise<void> {
  if (!actor.id) return;
  const userId = actor.id;
  let q = visibleTo(db, actor).select('a.id');
  if (ids) q = q.where('a.id', 'in', ids.length ? ids : ['']);
  const rows = await q.execute();
  const now = nowIso();
  for (const r of rows) {
    await db.insertInto('alertReads').values({ alertId: r.id, userId, readAt: now }).onConflict((oc) => oc.columns(['alertId', 'userId']).doNothing()).execute();
  }
}
