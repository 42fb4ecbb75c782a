import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '../../src/server/platform/permissions.js';
import { createTestApp, dialectLabel, expectError, TEST_PASSWORD, type Reply, type TestApp, type TestClient } from '../support/index.js';

type Call = { name: string; run: (c: TestClient, ids: { userId: string; keyId: string }) => Promise<Reply> };

let n = 0;
// Every route under /api/v1/users and /api/v1/api-keys; only admin holds users:manage and apiKeys:manage.
const calls: Call[] = [
  { name: 'GET /users', run: (c) => c.get('/api/v1/users') },
  { name: 'POST /users', run: (c) => c.post('/api/v1/users', { email: `perm-${++n}@test.jxc`, name: 'p', password: TEST_PASSWORD, role: 'viewer' }) },
  { name: 'GET /users/:id', run: (c, ids) => c.get(`/api/v1/users/${ids.userId}`) },
  { name: 'PATCH /users/:id', run: (c, ids) => c.patch(`/api/v1/users/${ids.userId}`, { name: `renamed ${++n}` }) },
  { name: 'GET /api-keys', run: (c) => c.get('/api/v1/api-keys') },
  { name: 'POST /api-keys', run: (c) => c.post('/api/v1/api-keys', { name: `k${++n}`, role: 'viewer' }) },
  { name: 'DELETE /api-keys/:id', run: (c, ids) => c.delete(`/api/v1/api-keys/${ids.keyId}`) },
];

describe(`permissions: roles × users and API-key routes ${dialectLabel}`, () => {
  let t: TestApp;
  const sessions = {} as Record<Role, TestClient>;
  const keys = {} as Record<Role, TestClient>;
  let target = { userId: '', keyId: '' };
  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.setupAdmin();
    for (const role of roles) {
      sessions[role] = role === 'admin' ? admin : await t.loginAs(role);
      keys[role] = await t.apiKeyClient(role);
    }
    const victim = await admin.post('/api/v1/users', { email: 'target@test.jxc', name: 'target', password: TEST_PASSWORD, role: 'viewer' });
    target = { userId: victim.body.id, keyId: '' };
  });
  afterAll(() => t.close());

  const newKeyId = async () => (await (await t.setupAdmin()).post('/api/v1/api-keys', { name: 'to revoke', role: 'viewer' })).body.id as string;

  describe.each(['session', 'api key'] as const)('as %s', (via) => {
    it.each(roles.flatMap((role) => calls.map((call) => [role, call.name, call] as const)))('%s → %s', async (role, _name, call) => {
      const c = (via === 'session' ? sessions : keys)[role];
      const res = await call.run(c, { ...target, keyId: await newKeyId() });
      if (role === 'admin') expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      else expectError(res, 403, 'FORBIDDEN');
    });
  });

  it('anonymous callers get 401 on every one of them', async () => {
    for (const call of calls) expectError(await call.run(t.client(), { ...target, keyId: 'x' }), 401, 'UNAUTHENTICATED');
  });

  it('the permissions a user gets at login match the table', async () => {
    for (const role of roles) {
      const me = await sessions[role].get('/api/v1/auth/me');
      expect(me.body.user.role).toBe(role);
      expect(me.body.user.permissions.includes('users:manage')).toBe(role === 'admin');
    }
  });
});
