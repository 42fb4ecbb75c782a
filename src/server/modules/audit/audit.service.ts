import type { Db } from '../../db/create-db.js';
import { DomainError } from '../../platform/errors.js';
import { paginate, searchWhere } from '../../platform/list.js';

type AuditFilter = {
  q?: string; page: number; pageSize: number; entity?: string; entityId?: string; action?: string;
  actorType?: string; actorId?: string; from?: string; to?: string;
};

const toIso = (v: string, endOfDay: boolean) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z` : new Date(v).toISOString();

/** Audit entries, newest first, with before/after parsed back to objects. */
export async function listAudit(db: Db, f: AuditFilter) {
  const from = f.from ? toIso(f.from, false) : undefined;
  const to = f.to ? toIso(f.to, true) : undefined;
  if (from && to && from > to) throw new DomainError('VALIDATION_FAILED', { summary: 'from > to' }, [{ field: 'to', message: 'to < from' }]);
  let q = db.selectFrom('auditLog').selectAll();
  q = searchWhere(q, f.q, ['actorName', 'entity', 'entityId', 'summary']);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entityId', '=', f.entityId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.actorType) q = q.where('actorType', '=', f.actorType);
  if (f.actorId) q = q.where('actorId', '=', f.actorId);
  if (from) q = q.where('at', '>=', from);
  if (to) q = q.where('at', '<=', to);
  const page = await paginate(q, q.orderBy('at', 'desc').orderBy('id', 'desc'), { ...f });
  return {
    ...page,
    items: page.items.map((r) => ({
      ...r,
      before: r.before ? (JSON.parse(r.before) as unknown) : null,
      after: r.after ? (JSON.parse(r.after) as unknown) : null,
    })),
  };
}
