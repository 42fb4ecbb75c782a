import type { Db } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { newId, randomToken } from '../../platform/ids.js';
import { paginate, searchWhere, sortBy, type ListArgs } from '../../platform/list.js';
import { tokenHash } from './password.js';

const columns = ['id', 'name', 'role', 'keyPrefix', 'status', 'createdAt', 'lastUsedAt', 'revokedAt'] as const;
export const apiKeySorts = { name: 'name', createdAt: 'createdAt', lastUsedAt: 'lastUsedAt' };

/** API keys (never the key itself). */
export async function listApiKeys(db: Db, args: ListArgs & { status?: string }) {
  let q = db.selectFrom('apiKeys').select(columns);
  q = searchWhere(q, args.q, ['name', 'keyPrefix']);
  if (args.status) q = q.where('status', '=', args.status);
  return paginate(q, sortBy(q, args.sort, apiKeySorts, '-createdAt'), args);
}

/** Creates an API key; the plain key is returned here once and stored only as a hash. */
export async function createApiKey(db: Db, actor: Actor, input: { name: string; role: string }) {
  const key = `jxc_${randomToken(32)}`;
  const id = newId();
  const row = {
    id,
    name: input.name,
    role: input.role,
    keyPrefix: key.slice(0, 10),
    keyHash: tokenHash(key),
    status: 'active',
    createdBy: actor.type === 'user' ? actor.id : null,
    createdAt: nowIso(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('apiKeys').values(row).execute();
    await writeAudit(trx, actor, { action: 'create', entity: 'apiKey', entityId: id, after: row });
  });
  const { keyHash: _h, createdBy: _c, ...view } = row;
  return { ...view, key };
}

/** Revokes an API key; later requests with it get 401. */
export async function revokeApiKey(db: Db, actor: Actor, id: string) {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('apiKeys').select(columns).where('id', '=', id).executeTakeFirst();
    if (!before) throw new DomainError('NOT_FOUND', { entity: 'apiKey' });
    const now = nowIso();
    await trx.updateTable('apiKeys').set({ status: 'revoked', revokedAt: now }).where('id', '=', id).execute();
    const after = { ...before, status: 'revoked', revokedAt: now };
    await writeAudit(trx, actor, { action: 'revoke', entity: 'apiKey', entityId: id, before, after });
    return after;
  });
}
