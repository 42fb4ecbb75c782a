import { sql } from 'kysely';
import type { DbOrTx } from '../../db/create-db.js';
import { DomainError } from '../../platform/errors.js';

export type HistoryEntry = { at: string; actorName: string | null; action: string; summary: string | null; fromStatus: string | null; toStatus: string | null; comment: string | null };

const statusOf = (json: string | null): string | null => {
  if (!json) return null;
  const v = (JSON.parse(json) as { status?: unknown }).status;
  return typeof v === 'string' ? v : null;
};

/**
 * What happened to one purchase order, oldest first: created, submitted, held, approved or
 * rejected, edited, received (with the receipt's number as the comment), closed, cancelled. Read
 * from the audit log, so whoever may read the order sees its history.
 */
export async function purchaseOrderHistory(db: DbOrTx, orderId: string): Promise<HistoryEntry[]> {
  const exists = await db.selectFrom('purchaseOrders').select('id').where('id', '=', orderId).executeTakeFirst();
  if (!exists) throw new DomainError('NOT_FOUND', { entity: 'purchaseOrder' });
  const rows = await db.selectFrom('auditLog').select(['at', 'actorName', 'action', 'summary', 'before', 'after'])
    .where('entity', '=', 'purchaseOrder').where('entityId', '=', orderId)
    // Ids are random within a millisecond: an order created and submitted in one call lists its creation first.
    .orderBy('at').orderBy(sql`case when action = 'create' then 0 else 1 end`).orderBy('id').execute();
  return rows.map((r) => {
    // Summaries read "<number> <action>[: <comment>]" for state changes, "<number> receive <RK-…>" for receipts.
    const m = r.summary ? /^\S+ (submit|approve|reject|cancel|close|edit)(?:: (.*))?$/s.exec(r.summary) : null;
    const received = r.summary ? /^\S+ receive (\S+)$/.exec(r.summary) : null;
    return {
      at: r.at, actorName: r.actorName, action: m ? m[1] : received ? 'receive' : r.action, summary: r.summary,
      fromStatus: statusOf(r.before), toStatus: statusOf(r.after), comment: m?.[2] ?? received?.[1] ?? null,
    };
  });
}
