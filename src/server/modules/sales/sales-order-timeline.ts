import type { DbOrTx } from '../../db/create-db.js';
import { DomainError } from '../../platform/errors.js';

export type TimelineEntry = {
  at: string;
  actorName: string | null;
  action: string;
  summary: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  comment: string | null;
};

const statusOf = (json: string | null): string | null => {
  if (!json) return null;
  const v = (JSON.parse(json) as { status?: unknown }).status;
  return typeof v === 'string' ? v : null;
};

/**
 * What happened to one order, oldest first: created, confirmed, sent for approval, approved or
 * rejected (with the comment and who), edited, cancelled. Read from the audit log, so everyone who
 * may read the order sees its history without reading the whole audit log.
 */
export async function orderTimeline(db: DbOrTx, orderId: string): Promise<TimelineEntry[]> {
  const exists = await db.selectFrom('salesOrders').select('id').where('id', '=', orderId).executeTakeFirst();
  if (!exists) throw new DomainError('NOT_FOUND', { entity: 'salesOrder' });
  const rows = await db.selectFrom('auditLog').select(['at', 'actorName', 'action', 'summary', 'before', 'after'])
    .where('entity', '=', 'salesOrder').where('entityId', '=', orderId).orderBy('at').orderBy('id').execute();
  return rows.map((r) => {
    // Summaries read "<number> <action>[: <comment>]" for state changes (see transition's audit row).
    const m = r.summary ? /^\S+ (confirm|approve|reject|cancel|edit)(?:: (.*))?$/s.exec(r.summary) : null;
    return {
      at: r.at, actorName: r.actorName, action: m ? m[1] : r.action, summary: r.summary,
      fromStatus: statusOf(r.before), toStatus: statusOf(r.after), comment: m?.[2] ?? null,
    };
  });
}
