import type { DbOrTx } from '../../db/create-db.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { roles, can } from '../../platform/permissions.js';
import { categoryNames, isOverdue, type ComplaintCategory, type ComplaintStatus } from './complaint.js';
import type { ComplaintListQuery } from './feedback.schemas.js';

const head = (db: DbOrTx) => db.selectFrom('complaints as k').innerJoin('salesOrders as o', 'o.id', 'k.orderId').innerJoin('customers as c', 'c.id', 'k.customerId')
  .leftJoin('users as u', 'u.id', 'k.assigneeId')
  .select(['k.id', 'k.orderId', 'o.number as orderNumber', 'k.customerId', 'c.name as customerName', 'k.category', 'k.description', 'k.contact', 'k.priority', 'k.status',
    'k.source', 'k.assigneeId', 'u.name as assigneeName', 'k.dueAt', 'k.resolvedAt', 'k.actorName', 'k.createdAt', 'k.updatedAt']);
type Head = Awaited<ReturnType<ReturnType<typeof head>['executeTakeFirstOrThrow']>>;

const shape = (k: Head, now: string) => ({ ...k, status: k.status as ComplaintStatus, categoryName: categoryNames[k.category as ComplaintCategory] ?? { zh: k.category, en: k.category }, overdue: isOverdue(k, now) });

/** One complaint with its history (status changes, assignments, comments). */
export async function getComplaint(db: DbOrTx, id: string) {
  const k = await head(db).where('k.id', '=', id).executeTakeFirst();
  if (!k) throw new DomainError('NOT_FOUND', { entity: 'complaint' });
  const history = await db.selectFrom('complaintHistory').select(['at', 'action', 'fromStatus', 'toStatus', 'comment', 'actorName']).where('complaintId', '=', id).orderBy('at').orderBy('id').execute();
  return { ...shape(k, nowIso()), history };
}

/** Complaints, the most urgent first (due time), with `overdue` computed against now; `overdue=true` lists only those. */
export async function listComplaints(db: DbOrTx, q: ComplaintListQuery) {
  const now = nowIso();
  let base = head(db);
  if (q.status) base = base.where('k.status', '=', q.status);
  if (q.category) base = base.where('k.category', '=', q.category);
  if (q.assigneeId) base = base.where('k.assigneeId', '=', q.assigneeId);
  if (q.orderId) base = base.where('k.orderId', '=', q.orderId);
  if (q.overdue === true) base = base.where('k.status', 'in', ['open', 'in_progress']).where('k.dueAt', '<', now);
  if (q.overdue === false) base = base.where((eb) => eb.or([eb('k.status', 'not in', ['open', 'in_progress']), eb('k.dueAt', '>=', now)]));
  if (q.q) base = base.where((eb) => eb.or([eb('o.number', 'like', `%${q.q}%`), eb('c.name', 'like', `%${q.q}%`), eb('k.description', 'like', `%${q.q}%`)]));
  const total = Number((await base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base.orderBy('k.dueAt').orderBy('k.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { items: rows.map((k) => shape(k, now)), total, page: q.page, pageSize: q.pageSize };
}

/** Who a complaint may be handed to: active users whose role may work on sales (sales:write), by name. */
export async function listAssignees(db: DbOrTx) {
  const handling = roles.filter((r) => can(r, 'sales:write'));
  return db.selectFrom('users').select(['id', 'name']).where('status', '=', 'active').where('role', 'in', handling).orderBy('name').orderBy('id').execute();
}
