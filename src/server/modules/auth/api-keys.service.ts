import type { Db } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { newId, randomToken } from '../../platform/ids.js';
import { paginate, searchWhere, sortBy, type ListArgs } from '../../platform/list.js';
import { permissions, type Role } from '../../platform/permissions.js';
import { scopeGrants, scopeNames, uselessScopes } from '../../platform/scopes.js';
import { tokenHash } from './password.js';

const columns = ['id', 'name', 'role', 'keyPrefix', 'status', 'createdAt', 'lastUsedAt', 'revokedAt', 'scopes'] as const;
export const apiKeySorts = { name: 'name', createdAt: 'createdAt', lastUsedAt: 'lastUsedAt' };

type KeyRow = { scopes: string | null } & Record<string, unknown>;
const view = <T extends KeyRow>(r: T) => ({ ...r, scopes: r.scopes === null ? null : (JSON.parse(r.scopes) as string[]) });

/** API keys (never the key itself). */
export async function listApiKeys(db: Db, args: ListArgs & { status?: string }) {
  let q = db.selectFrom('apiKeys').select(columns);
  q = searchWhere(q, args.q, ['name', 'keyPrefix']);
  if (args.status) q = q.where('status', '=', args.status);
  const page = await paginate(q, sortBy(q, args.sort, apiKeySorts, '-createdAt'), args);
  return { ...page, items: page.items.map(view) };
}

/** Every scope a key can be given, with the permissions it grants. */
export function listApiKeyScopes() {
  return { scopes: scopeNames.map((scope) => ({ scope, resource: scope.split(':')[0], permissions: permissions.filter((p) => scopeGrants(scope, p)) })) };
}

/** Scopes as stored: a sorted JSON array without repeats, or null; refuses scopes that give the role nothing. */
function storedScopes(role: string, scopes: string[] | null | undefined): string | null {
  if (!scopes) return null;
  const useless = uselessScopes(role as Role, scopes);
  if (useless.length) {
    throw new DomainError('VALIDATION_FAILED', { summary: 'scopes' }, [{
      field: 'scopes', scopes: useless,
      message: { zh: `角色（${role}）没有这些权限范围：${useless.join('、')}`, en: `The role (${role}) holds nothing in these scopes: ${useless.join(', ')}` },
    }]);
  }
  return JSON.stringify([...new Set(scopes)].sort());
}

/** Creates an API key; the plain key is returned here once and stored only as a hash. */
export async function createApiKey(db: Db, actor: Actor, input: { name: string; role: string; scopes?: string[] | null }) {
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
    scopes: storedScopes(input.role, input.scopes),
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('apiKeys').values(row).execute();
    await writeAudit(trx, actor, { action: 'create', entity: 'apiKey', entityId: id, after: row });
  });
  const { keyHash: _h, createdBy: _c, ...rest } = row;
  return { ...view(rest), key };
}

/** Renames a key or changes its scopes (null: the whole role again); audited. */
export async function updateApiKey(db: Db, actor: Actor, id: string, input: { name?: string; scopes?: string[] | null }) {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('apiKeys').select(columns).where('id', '=', id).executeTakeFirst();
    if (!before) throw new DomainError('NOT_FOUND', { entity: 'apiKey' });
    const patch = { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.scopes !== undefined ? { scopes: storedScopes(before.role, input.scopes) } : {}) };
    if (Object.keys(patch).length) await trx.updateTable('apiKeys').set(patch).where('id', '=', id).execute();
    const after = { ...before, ...patch };
    await writeAudit(trx, actor, { action: 'update', entity: 'apiKey', entityId: id, before, after });
    return view(after);
  });
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
    return view(after);
  });
}
