import type { DbOrTx } from '../db/create-db.js';
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
  await trx
    .insertInto('auditLog')
    .values(entries.map((entry) => ({
      id: newId(),
      at,
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      summary: entry.summary ?? null,
      before: entry.before === undefined || entry.before === null ? null : JSON.stringify(redact(entry.before)),
      after: entry.after === undefined || entry.after === null ? null : JSON.stringify(redact(entry.after)),
      requestId: entry.requestId ?? null,
    })))
    .execute();
}

const secretKeys = new Set(['passwordHash', 'password', 'keyHash', 'key', 'csrfToken']);

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, secretKeys.has(k) ? '[redacted]' : redact(v)]),
    );
  }
  return value;
}
