import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, expectError, TEST_PASSWORD, type TestApp, type TestClient } from '../support/index.js';

describe(`auth: API keys ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
  });
  afterAll(() => t.close());

  it('returns the key once on creation; the key works as a Bearer token without CSRF', async () => {
    const res = await admin.post('/api/v1/api-keys', { name: 'ERP 对接', role: 'admin' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'ERP 对接', role: 'admin', status: 'active', lastUsedAt: null, revokedAt: null });
    expect(res.body.key).toMatch(/^jxc_[A-Za-z0-9_-]{40,}$/);
    expect(res.body.keyPrefix).toBe(res.body.key.slice(0, 10));

    const bot = t.client({ bearer: res.body.key });
    const me = await bot.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: res.body.id, name: 'ERP 对接', role: 'admin' });
    expect(me.body.user.permissions).toContain('apiKeys:manage');
    // Writes with a key need no CSRF token.
    const created = await bot.post('/api/v1/users', { email: 'made-by-key@test.jxc', name: 'k', password: TEST_PASSWORD, role: 'viewer' });
    expect(created.status).toBe(201);

    const listed = await admin.get('/api/v1/api-keys');
    const row = listed.body.items.find((k: { id: string }) => k.id === res.body.id);
    expect(row).not.toHaveProperty('key');
    expect(row).not.toHaveProperty('keyHash');
    expect(row.lastUsedAt).not.toBeNull();
  });

  it('stores only a hash of the key', async () => {
    const { apiKey } = await t.apiKeyClient('viewer');
    const rows = await t.db.selectFrom('apiKeys').selectAll().execute();
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(apiKey.key);
    const row = rows.find((r) => r.id === apiKey.id);
    expect(row?.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.keyHash).not.toBe(apiKey.key);
  });

  it('a revoked key gets 401 UNAUTHENTICATED', async () => {
    const bot = await t.apiKeyClient('sales');
    expect((await bot.get('/api/v1/auth/me')).status).toBe(200);
    const revoked = await admin.delete(`/api/v1/api-keys/${bot.apiKey.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    expectError(await bot.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    expect((await admin.get('/api/v1/api-keys', { query: { status: 'revoked' } })).body.items.map((k: { id: string }) => k.id)).toEqual([bot.apiKey.id]);
    expectError(await admin.delete('/api/v1/api-keys/no-such-key'), 404, 'NOT_FOUND');
  });

  it('rejects unknown keys and malformed Authorization headers with 401', async () => {
    expectError(await t.client({ bearer: 'jxc_not-a-real-key' }).get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    const basic = await t.client().get('/api/v1/auth/me', { headers: { authorization: 'Basic YWRtaW46cGFzcw==' } });
    expectError(basic, 401, 'UNAUTHENTICATED');
  });

  it("enforces the key's role: a viewer key cannot create users (403 FORBIDDEN)", async () => {
    const viewer = await t.apiKeyClient('viewer');
    const res = await viewer.post('/api/v1/users', { email: 'nope@test.jxc', name: 'x', password: TEST_PASSWORD, role: 'admin' }, { headers: { 'accept-language': 'en' } });
    expectError(res, 403, 'FORBIDDEN');
    expect(res.body.error.message).toBe('Your role (viewer) is not allowed to do this');
    expectError(await viewer.post('/api/v1/api-keys', { name: 'escalate', role: 'admin' }), 403, 'FORBIDDEN');
    expect(await t.db.selectFrom('users').select('id').where('email', '=', 'nope@test.jxc').execute()).toHaveLength(0);
  });

  it('a session cookie sent alongside a bad key does not rescue the request', async () => {
    const res = await t.client({ cookie: admin.cookie, csrfToken: admin.csrfToken, bearer: 'jxc_wrong' }).get('/api/v1/users');
    expectError(res, 401, 'UNAUTHENTICATED');
  });
});
