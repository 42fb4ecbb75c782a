import type { Db, DbOrTx, Tx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { enqueue } from '../../platform/outbox.js';
import { actionNames, categoryNames, dueAtFor, nextStatus, statusNames, type ComplaintAction, type ComplaintCategory, type ComplaintStatus } from './complaint.js';
import { getComplaint } from './complaint-query.js';
import type { ComplaintInput, ComplaintPatch, SlaPatch } from './feedback.schemas.js';

async function history(trx: DbOrTx, complaintId: string, actor: Actor, e: { action: string; fromStatus?: string | null; toStatus?: string | null; comment?: string | null }) {
  await trx.insertInto('complaintHistory').values({
    id: newId(), complaintId, at: nowIso(), action: e.action, fromStatus: e.fromStatus ?? null, toStatus: e.toStatus ?? null, comment: e.comment ?? null, actorName: actor.name,
  }).execute();
}

async function checkAssignee(trx: DbOrTx, assigneeId: string | null | undefined) {
  if (!assigneeId) return;
  const u = await trx.selectFrom('users').select('id').where('id', '=', assigneeId).executeTakeFirst();
  if (!u) throw new DomainError('NOT_FOUND', { entity: 'user' }, [{ field: 'assigneeId', message: { zh: '处理人不存在', en: 'No such user' } }]);
}

/** SLA hours per category (settings, with 24 h for a category missing there). */
export async function complaintSla(db: DbOrTx): Promise<Record<ComplaintCategory, number>> {
  const rows = await db.selectFrom('complaintSla').selectAll().execute();
  const byCat = new Map(rows.map((r) => [r.category, Number(r.hours)]));
  return Object.fromEntries(Object.keys(categoryNames).map((c) => [c, byCat.get(c) ?? 24])) as Record<ComplaintCategory, number>;
}

/** Changes the SLA hours of the categories given (audited). */
export async function updateComplaintSla(db: Db, actor: Actor, patch: SlaPatch) {
  return db.transaction().execute(async (trx) => {
    const before = await complaintSla(trx);
    for (const [category, hours] of Object.entries(patch)) {
      if (hours === undefined) continue;
      await trx.insertInto('complaintSla').values({ category, hours }).onConflict((oc) => oc.column('category').doUpdateSet({ hours })).execute();
    }
    const after = await complaintSla(trx);
    await writeAudit(trx, actor, { action: 'update', entity: 'complaintSla', entityId: 'default', summary: 'complaint SLA hours', before, after });
    return after;
  });
}

/**
 * Records a complaint about an order (staff, or the customer from the tracking link) with its SLA
 * due time, and tells staff (`complaint.created` to the outbox). In the caller's transaction.
 */
export async function createComplaint(trx: Tx, actor: Actor, input: ComplaintInput, source: 'staff' | 'customer' = 'staff') {
  const order = await trx.selectFrom('salesOrders as o').innerJoin('customers as c', 'c.id', 'o.customerId')
    .select(['o.id', 'o.number', 'o.customerId', 'c.name as customerName']).where('o.id', '=', input.orderId).executeTakeFirst();
  if (!order) throw new DomainError('NOT_FOUND', { entity: 'salesOrder' }, [{ field: 'orderId', message: { zh: '订单不存在', en: 'No such order' } }]);
  await checkAssignee(trx, input.assigneeId);
  const sla = await complaintSla(trx);
  const now = nowIso();
  const id = newId();
  const dueAt = dueAtFor(now, sla[input.category]);
  await trx.insertInto('complaints').values({
    id, orderId: order.id, customerId: order.customerId, category: input.category, description: input.description, contact: input.contact ?? null,
    priority: input.priority ?? 'normal', status: 'open', source, assigneeId: input.assigneeId ?? null, dueAt, resolvedAt: null, actorName: actor.name, createdAt: now, updatedAt: now,
  }).execute();
  await history(trx, id, actor, { action: 'create', toStatus: 'open', comment: input.description });
  const cat = categoryNames[input.category];
  await enqueue(trx, 'complaint.created', {
    complaintId: id, orderId: order.id, orderNumber: order.number, customerId: order.customerId, customerName: order.customerName, categoryCode: input.category,
    category: cat.zh, categoryEn: cat.en, summary: input.description.slice(0, 200), priority: input.priority ?? 'normal', source, dueAt,
  }, `complaint.created:${id}`);
  await writeAudit(trx, actor, { action: 'create', entity: 'complaint', entityId: id, summary: `${order.number} complaint ${input.category}`, after: { status: 'open', category: input.category, dueAt } });
  return getComplaint(trx, id);
}

/** Moves a complaint along (start, resolve, close, reopen) with a conditional update: a step the status does not allow is 409 COMPLAINT_STATE. */
export async function transitionComplaint(db: Db, actor: Actor, id: string, action: ComplaintAction, comment: string | null) {
  return db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('complaints as k').innerJoin('salesOrders as o', 'o.id', 'k.orderId')
      .select(['k.id', 'k.status', 'k.orderId', 'k.customerId', 'o.number as orderNumber', 'k.category']).where('k.id', '=', id).executeTakeFirst();
    if (!c) throw new DomainError('NOT_FOUND', { entity: 'complaint' });
    const to = nextStatus(c.status, action);
    const refuse = () => new DomainError('COMPLAINT_STATE', { status: statusNames[c.status as ComplaintStatus] ?? c.status, action: actionNames[action] }, [{ field: 'status', message: { zh: '当前状态不允许该操作', en: 'Not allowed in this status' } }]);
    if (!to) throw refuse();
    const now = nowIso();
    const res = await trx.updateTable('complaints').set({ status: to, updatedAt: now, ...(to === 'resolved' ? { resolvedAt: now } : {}), ...(action === 'reopen' ? { resolvedAt: null } : {}) })
      .where('id', '=', id).where('status', '=', c.status).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw refuse();
    await history(trx, id, actor, { action, fromStatus: c.status, toStatus: to, comment });
    if (to === 'resolved') {
      const cat = categoryNames[c.category as ComplaintCategory];
      await enqueue(trx, 'complaint.resolved', {
        complaintId: id, orderId: c.orderId, orderNumber: c.orderNumber, customerId: c.customerId, categoryCode: c.category, category: cat?.zh ?? c.category, categoryEn: cat?.en ?? c.category, comment,
      }, `complaint.resolved:${id}:${now}`);
    }
    await writeAudit(trx, actor, { action: 'update', entity: 'complaint', entityId: id, summary: `${c.orderNumber} complaint ${action}`, before: { status: c.status }, after: { status: to } });
    return getComplaint(trx, id);
  });
}

/** Changes the assignee or priority, and/or adds a comment; each kept in the history. */
export async function updateComplaint(db: Db, actor: Actor, id: string, patch: ComplaintPatch) {
  return db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('complaints').select(['id', 'assigneeId', 'priority']).where('id', '=', id).executeTakeFirst();
    if (!c) throw new DomainError('NOT_FOUND', { entity: 'complaint' });
    if (patch.assigneeId !== undefined) await checkAssignee(trx, patch.assigneeId);
    const set = { ...(patch.assigneeId !== undefined ? { assigneeId: patch.assigneeId } : {}), ...(patch.priority ? { priority: patch.priority } : {}) };
    if (Object.keys(set).length) {
      await trx.updateTable('complaints').set({ ...set, updatedAt: nowIso() }).where('id', '=', id).execute();
      await history(trx, id, actor, { action: patch.assigneeId !== undefined ? 'assign' : 'update', comment: JSON.stringify(set) });
    }
    if (patch.comment) await history(trx, id, actor, { action: 'comment', comment: patch.comment });
    return getComplaint(trx, id);
  });
}
