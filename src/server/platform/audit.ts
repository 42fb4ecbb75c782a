import type { Insertable } from 'kysely';
import type { DbOrTx } from '../db/create-db.js';
import { prepared } from '../db/prepared.js';
import type { AuditLogTable } from '../db/schema.js';
import type { Actor } from './actor.js';
import { nowIso } from './clock.js';
import { newId } from './ids.js';

export type AuditAction = 'create' | 'update' | 'delete' | 'deactivate' | 'activate' | 'import' | 'login' | 'logout' | 'revoke';

export type AuditEntry = { action: AuditAction; entity: string; entityId?: string | null; summary?: string; before?: unknown; after?: unknown; requestId?: string };

/** Writes one audit row in the caller's transaction, so the audit and the change commit together. */
export async function writeAudit(trx: DbOrTx, actor: Actor, entry: AuditEntry): Promise<void> {
  await writeAudits(trx, actor, [entry]);
}

/** Writes several audit rows in one statement (e.g. an order created and confirmed in one call). */
export async function writeAudits(trx: DbOrTx, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const at = nowIso();
  await insertAudits.affected(trx, entries.map((entry) => ({
    id: newId(),
    at,
    actorType: actor.type,
    actorId: actor.id,
    actorName: actor.name,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    summary: entry.summary ?? null,
    before: entry.before === undefined || entry.before === null ? null : redactedJson(entry.before),
    after: entry.after === undefined || entry.after === null ? null : redactedJson(entry.after),
    requestId: entry.requestId ?? null,
  })));
}

const insertAudits = prepared((db, rows: Insertable<AuditLogTable>[]) => db.insertInto('auditLog').values(rows));

const secretKeys = new Set(['passwordHash', 'password', 'keyHash', 'key', 'csrfToken']);

/** JSON of a value with every secret-named key's value replaced, at any depth (one pass). */
function redactedJson(value: unknown): string {
  return JSON.stringify(value, (k, v: unknown) => (secretKeys.has(k) ? '[redacted]' : v));
}
