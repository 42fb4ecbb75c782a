import type { DbOrTx } from '../../db/create-db.js';
import { prepared } from '../../db/prepared.js';
import type { NewRow, SessionTable, UserTable } from '../../db/schema.js';

export const findUserByEmail = (db: DbOrTx, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();

export const findUserById = (db: DbOrTx, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const countUsers = async (db: DbOrTx) =>
  Number((await db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

export const countActiveAdmins = async (db: DbOrTx, exceptId?: string) => {
  let q = db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).where('role', '=', 'admin').where('status', '=', 'active');
  if (exceptId) q = q.where('id', '!=', exceptId);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

export const insertUser = (db: DbOrTx, row: NewRow<UserTable>) => db.insertInto('users').values(row).execute();

export const insertSession = (db: DbOrTx, row: NewRow<SessionTable>) => db.insertInto('sessions').values(row).execute();

export const deleteSession = (db: DbOrTx, id: string) => db.deleteFrom('sessions').where('id', '=', id).execute();

export const deleteUserSessions = (db: DbOrTx, userId: string) => db.deleteFrom('sessions').where('userId', '=', userId).execute();

/** A live session joined with its active user (every request of the UI: built once, see db/prepared.ts). */
const liveSession = prepared((db, a: { id: string; now: string }) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select(['sessions.id as sessionId', 'sessions.csrfToken', 'users.id', 'users.name', 'users.email', 'users.role', 'users.locale'])
    .where('sessions.id', '=', a.id)
    .where('sessions.expiresAt', '>', a.now)
    .where('users.status', '=', 'active'));
export const findLiveSession = (db: DbOrTx, id: string, now: string) => liveSession.first(db, { id, now });

export const deleteExpiredSessions = (db: DbOrTx, now: string) => db.deleteFrom('sessions').where('expiresAt', '<=', now).execute();

const activeApiKey = prepared((db, a: { keyHash: string }) =>
  db.selectFrom('apiKeys').select(['id', 'name', 'role', 'lastUsedAt', 'scopes']).where('keyHash', '=', a.keyHash).where('status', '=', 'active'));
export const findActiveApiKeyByHash = (db: DbOrTx, keyHash: string) => activeApiKey.first(db, { keyHash });

export const touchApiKey = (db: DbOrTx, id: string, now: string) =>
  db.updateTable('apiKeys').set({ lastUsedAt: now }).where('id', '=', id).execute();
