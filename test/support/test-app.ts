import type { FastifyInstance, RouteOptions } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import { createDb, type Db, type DialectName } from '../../src/server/db/create-db.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import type { Role } from '../../src/server/platform/permissions.js';
import '../../src/server/platform/fastify-types.js';
import { createClient, type Json, type SessionState, type TestClient } from './client.js';
import { createTestDatabase, dialect } from './test-db.js';

/** Password of every user the helpers create. */
export const TEST_PASSWORD = 'test-password-123';
export const ADMIN_EMAIL = 'admin@test.jxc';

export type TestApp = {
  app: FastifyInstance;
  db: Db;
  dialect: DialectName;
  config: Config;
  /** A new client: anonymous, or resuming a cookie/CSRF token/API key. */
  client: (init?: SessionState) => TestClient;
  /** Creates the first admin through POST /auth/setup (once per app) and returns that admin's client. */
  setupAdmin: () => Promise<TestClient>;
  /** Creates a user with `role` through the admin API and returns a client signed in as that user. */
  loginAs: (role: Role, fields?: { email?: string; name?: string }) => Promise<TestClient & { user: Json; email: string }>;
  /** Creates an API key with `role` and returns a client that sends it as Bearer. */
  apiKeyClient: (role: Role) => Promise<TestClient & { apiKey: { id: string; key: string } }>;
  /** Closes the app and the database, and deletes the database. */
  close: () => Promise<void>;
};

let seq = 0;

/**
 * A fresh, migrated database and an app over it (logger off). `env` overrides configuration
 * variables the same way the real environment would (e.g. JXC_LOGIN_RATE_LIMIT); `dialect`
 * overrides JXC_TEST_DB (the chaos suite runs each file on both); `onRoute` sees every route.
 */
export async function createTestApp(opts: { env?: Record<string, string>; dialect?: DialectName; onRoute?: (route: RouteOptions) => void } = {}): Promise<TestApp> {
  const which = opts.dialect ?? dialect;
  const testDb = await createTestDatabase(which);
  const config = loadConfig({ ...opts.env, DATABASE_URL: testDb.url }, 'test');
  const database = createDb(config.databaseUrl, { poolSize: 4 });
  let app: FastifyInstance;
  try {
    await migrateToLatest(database.db);
    app = await buildApp({ config, database }, { logger: false, onRoute: opts.onRoute });
  } catch (err) {
    await database.close();
    await testDb.drop();
    throw err;
  }

  const client = (init?: SessionState) => createClient(app, init);
  let admin: Promise<TestClient> | null = null;
  const setupAdmin = () => {
    admin ??= (async () => {
      const c = client();
      const res = await c.post('/api/v1/auth/setup', { email: ADMIN_EMAIL, name: '管理员', password: TEST_PASSWORD });
      if (res.status !== 200) throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.body)}`);
      return c;
    })();
    return admin;
  };

  const loginAs: TestApp['loginAs'] = async (role, fields = {}) => {
    const email = fields.email ?? `${role}-${++seq}@test.jxc`;
    const created = await (await setupAdmin()).post('/api/v1/users', { email, name: fields.name ?? `${role} ${seq}`, password: TEST_PASSWORD, role });
    if (created.status !== 201) throw new Error(`create user failed: ${created.status} ${JSON.stringify(created.body)}`);
    const c = client();
    const res = await c.post('/api/v1/auth/login', { email, password: TEST_PASSWORD });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    return Object.assign(c, { user: res.body.user, email });
  };

  const apiKeyClient: TestApp['apiKeyClient'] = async (role) => {
    const res = await (await setupAdmin()).post('/api/v1/api-keys', { name: `${role} key ${++seq}`, role });
    if (res.status !== 201) throw new Error(`create API key failed: ${res.status} ${JSON.stringify(res.body)}`);
    return Object.assign(client({ bearer: res.body.key }), { apiKey: { id: res.body.id as string, key: res.body.key as string } });
  };

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      await app.close();
      await database.close();
      await testDb.drop();
    })();
    return closing;
  };

  return { app, db: database.db, dialect: which, config, client, setupAdmin, loginAs, apiKeyClient, close };
}
