import type { Db } from '../../db/create-db.js';
import { systemActor, type Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { isoIn, nowIso } from '../../platform/clock.js';
import { isSerializationFailure } from '../../platform/db-errors.js';
import { DomainError } from '../../platform/errors.js';
import { newId, randomToken } from '../../platform/ids.js';
import * as repo from './auth.repository.js';
import { dummyHash, hashPassword, tokenHash, verifyPassword } from './password.js';

export type SessionUser = { id: string; email: string; name: string; role: string; locale: string | null };
export type LoginResult = { token: string; csrfToken: string; user: SessionUser };

/** Whether the first administrator still has to be created. */
export async function isSetupNeeded(db: Db): Promise<boolean> {
  return (await repo.countUsers(db)) === 0;
}

/** Creates the first administrator; refused once any user exists. */
export async function setupFirstAdmin(
  db: Db,
  input: { email: string; name: string; password: string; locale?: string | null },
  ttlHours: number,
): Promise<LoginResult> {
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  // SERIALIZABLE: under PostgreSQL's default READ COMMITTED two racing setups could both count 0 users.
  await db.transaction().setIsolationLevel('serializable').execute(async (trx) => {
    // Checked inside the write transaction so two racing setup requests cannot both win.
    if ((await repo.countUsers(trx)) > 0) throw new DomainError('SETUP_DONE');
    const now = nowIso();
    const user = { id, email: input.email.toLowerCase(), name: input.name, passwordHash, role: 'admin', status: 'active', locale: input.locale ?? null, lastLoginAt: null, createdAt: now, updatedAt: now };
    await repo.insertUser(trx, user);
    await writeAudit(trx, { type: 'user', id, name: input.name, role: 'admin', sessionId: '', csrfToken: '' }, { action: 'create', entity: 'user', entityId: id, summary: 'first administrator', after: user });
  }).catch((err: unknown) => {
    throw isSerializationFailure(err) ? new DomainError('SETUP_DONE') : err;
  });
  return startSession(db, id, ttlHours);
}

/** Creates the admin from JXC_ADMIN_EMAIL / JXC_ADMIN_PASSWORD when the database has no users yet. */
export async function ensureAdminFromEnv(db: Db, email: string | undefined, password: string | undefined): Promise<boolean> {
  if (!email || !password) return false;
  if (!(await isSetupNeeded(db))) return false;
  try {
    await setupFirstAdmin(db, { email, name: email.split('@')[0], password }, 1);
    return true;
  } catch (err) {
    if (err instanceof DomainError && err.code === 'SETUP_DONE') return false;
    throw err;
  }
}

/** Checks credentials and opens a session. Both outcomes go to the audit log (with the address when given). */
export async function login(db: Db, email: string, password: string, ttlHours: number, from?: string): Promise<LoginResult> {
  const user = await repo.findUserByEmail(db, email);
  const refuse = async (why: string) => {
    await writeAudit(db, systemActor('login'), { action: 'login', entity: 'user', entityId: user?.id ?? null, summary: `failed: ${email}${from ? ` from ${from}` : ''} (${why})` });
    return new DomainError('INVALID_CREDENTIALS');
  };
  if (!user || user.status !== 'active') {
    await verifyPassword(await dummyHash(), password);
    throw await refuse(user ? 'deactivated' : 'no such user');
  }
  if (!(await verifyPassword(user.passwordHash, password))) throw await refuse('wrong password');
  const now = nowIso();
  await db.updateTable('users').set({ lastLoginAt: now }).where('id', '=', user.id).execute();
  await repo.deleteExpiredSessions(db, now);
  const session = await startSession(db, user.id, ttlHours);
  await writeAudit(db, { type: 'user', id: user.id, name: user.name, role: user.role, sessionId: '', csrfToken: '' }, { action: 'login', entity: 'user', entityId: user.id, summary: `${email}${from ? ` from ${from}` : ''}` });
  return session;
}

async function startSession(db: Db, userId: string, ttlHours: number): Promise<LoginResult> {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const now = nowIso();
  await repo.insertSession(db, { id: tokenHash(token), userId, csrfToken, createdAt: now, expiresAt: isoIn(ttlHours), lastSeenAt: now });
  const user = await repo.findUserById(db, userId);
  if (!user) throw new DomainError('NOT_FOUND', { entity: 'user' });
  return { token, csrfToken, user: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale } };
}

/** Ends a session (audited). */
export async function logout(db: Db, actor: Actor & { type: 'user' }): Promise<void> {
  await repo.deleteSession(db, actor.sessionId);
  await writeAudit(db, actor, { action: 'logout', entity: 'user', entityId: actor.id, summary: actor.name });
}

/** The actor behind a session cookie, or null. */
export async function actorFromSession(db: Db, token: string): Promise<(Actor & { type: 'user' }) | null> {
  const s = await repo.findLiveSession(db, tokenHash(token), nowIso());
  if (!s) return null;
  return { type: 'user', id: s.id, name: s.name, role: s.role, sessionId: s.sessionId, csrfToken: s.csrfToken };
}

/** The actor behind a bearer API key, or null. */
export async function actorFromApiKey(db: Db, key: string): Promise<Actor | null> {
  const k = await repo.findActiveApiKeyByHash(db, tokenHash(key));
  if (!k) return null;
  const now = nowIso();
  // Record use at most once a minute so reads do not turn into a write per request.
  if (!k.lastUsedAt || Date.parse(now) - Date.parse(k.lastUsedAt) > 60_000) await repo.touchApiKey(db, k.id, now);
  return { type: 'api_key', id: k.id, name: k.name, role: k.role, scopes: k.scopes === null ? null : (JSON.parse(k.scopes) as string[]) };
}

/** The signed-in user's profile. */
export async function currentUser(db: Db, userId: string): Promise<SessionUser> {
  const u = await repo.findUserById(db, userId);
  if (!u) throw new DomainError('UNAUTHENTICATED');
  return { id: u.id, email: u.email, name: u.name, role: u.role, locale: u.locale };
}
