import type { Db } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { isSerializationFailure } from '../../platform/db-errors.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { paginate, searchWhere, sortBy, type ListArgs } from '../../platform/list.js';
import * as repo from './auth.repository.js';
import { hashPassword } from './password.js';

const userColumns = ['id', 'email', 'name', 'role', 'status', 'locale', 'lastLoginAt', 'createdAt', 'updatedAt'] as const;
export const userSorts = { email: 'email', name: 'name', role: 'role', createdAt: 'createdAt', lastLoginAt: 'lastLoginAt' };

/** Users, searchable by email and name. */
export async function listUsers(db: Db, args: ListArgs & { role?: string; status?: string }) {
  let q = db.selectFrom('users').select(userColumns);
  q = searchWhere(q, args.q, ['email', 'name']);
  if (args.role) q = q.where('role', '=', args.role);
  if (args.status) q = q.where('status', '=', args.status);
  return paginate(q, sortBy(q, args.sort, userSorts, 'email'), args);
}

/** One user. */
export async function getUser(db: Db, id: string) {
  const u = await db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
  if (!u) throw new DomainError('NOT_FOUND', { entity: 'user' });
  return u;
}

/** Creates a user (admin only). */
export async function createUser(db: Db, actor: Actor, input: { email: string; name: string; password: string; role: string; locale?: string | null }) {
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    if (await repo.findUserByEmail(trx, input.email)) {
      throw new DomainError('DUPLICATE', { entity: 'user', field: 'email', value: input.email }, [{ field: 'email', message: { zh: '该邮箱已有用户', en: 'A user with this email exists' } }]);
    }
    const now = nowIso();
    const row = { id, email: input.email, name: input.name, passwordHash, role: input.role, status: 'active', locale: input.locale ?? null, lastLoginAt: null, createdAt: now, updatedAt: now };
    await repo.insertUser(trx, row);
    await writeAudit(trx, actor, { action: 'create', entity: 'user', entityId: id, after: row });
  });
  return getUser(db, id);
}

/** Changes a user's name, role, status, language or password; keeps at least one active admin. */
export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  patch: { name?: string; role?: string; status?: string; password?: string; locale?: string | null },
) {
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  // SERIALIZABLE: under READ COMMITTED two admins disabling each other at once would both pass the check.
  await db.transaction().setIsolationLevel('serializable').execute(async (trx) => {
    const before = await repo.findUserById(trx, id);
    if (!before) throw new DomainError('NOT_FOUND', { entity: 'user' });
    const losesAdmin = before.role === 'admin' && before.status === 'active' && ((patch.role && patch.role !== 'admin') || patch.status === 'disabled');
    if (losesAdmin && (await repo.countActiveAdmins(trx, id)) === 0) throw new DomainError('LAST_ADMIN');
    const { password: _pw, ...rest } = patch;
    const changes = { ...rest, ...(passwordHash ? { passwordHash } : {}), updatedAt: nowIso() };
    await trx.updateTable('users').set(changes).where('id', '=', id).execute();
    // A disabled user or a new password signs the user out everywhere.
    if (patch.status === 'disabled' || passwordHash) await repo.deleteUserSessions(trx, id);
    const after = await repo.findUserById(trx, id);
    await writeAudit(trx, actor, { action: 'update', entity: 'user', entityId: id, before, after });
  }).catch((err: unknown) => {
    throw isSerializationFailure(err) ? new DomainError('CONFLICT') : err;
  });
  return getUser(db, id);
}
