import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, expectError, type TestApp, type TestClient } from '../support/index.js';

describe(`auth: API key scopes ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  const keyClient = async (body: Record<string, unknown>) => {
    const res = await admin.post('/api/v1/api-keys', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return Object.assign(t.client({ bearer: res.body.key }), { created: res.body });
  };
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true });
  });
  afterAll(() => t.close());

  it('a key limited to stock:read and sales:* reads stock and writes orders, and gets 403 API_KEY_SCOPE elsewhere', async () => {
    const bot = await keyClient({ name: '商城对接', role: 'admin', scopes: ['stock:read', 'sales:*', 'stock:read'] });
    expect(bot.created).toMatchObject({ role: 'admin', scopes: ['sales:*', 'stock:read'] });
    expect((await bot.get('/api/v1/stock')).status).toBe(200);
    expect((await bot.get('/api/v1/sales-orders')).status).toBe(200);
    // The role (admin) would allow these; the scopes do not.
    const users = await bot.get('/api/v1/users');
    expectError(users, 403, 'API_KEY_SCOPE');
    expect(users.body.error.message).toBe('API 密钥「商城对接」没有此操作所需的权限范围 users:manage');
    expect(users.body.error.details).toMatchObject({ requiredScope: 'users:manage', scopes: ['sales:*', 'stock:read'] });
    const en = await bot.post('/api/v1/products', { sku: 'X1', name: 'x', baseUnit: '个' }, { headers: { 'accept-language': 'en' } });
    expectError(en, 403, 'API_KEY_SCOPE');
    expect(en.body.error.message).toBe('API key "商城对接" lacks the scope catalog:write this needs');
    expect(await t.db.selectFrom('products').select('id').where('sku', '=', 'X1').executeTakeFirst()).toBeUndefined();
    // /auth/me (any caller) works and lists what the key may do.
    const me = await bot.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect([...me.body.user.permissions].sort()).toEqual(['sales:read', 'sales:write', 'stock:read']);
  });

  it('needs the role and the scope: a viewer key scoped sales:* still cannot write orders (FORBIDDEN)', async () => {
    const bot = await keyClient({ name: 'viewer scoped', role: 'viewer', scopes: ['sales:*'] });
    expect((await bot.get('/api/v1/sales-orders')).status).toBe(200);
    expectError(await bot.post('/api/v1/sales-orders', { customerId: 'x', lines: [] }), 403, 'FORBIDDEN');
    expectError(await bot.get('/api/v1/stock'), 403, 'API_KEY_SCOPE');
  });

  it('a key without scopes (as keys made before scopes) has everything its role has', async () => {
    const bot = await keyClient({ name: 'old style', role: 'admin' });
    expect(bot.created.scopes).toBeNull();
    expect((await bot.get('/api/v1/users')).status).toBe(200);
    expect((await bot.get('/api/v1/stock')).status).toBe(200);
    const listed = await admin.get('/api/v1/api-keys');
    expect(listed.body.items.find((k: { id: string }) => k.id === bot.created.id).scopes).toBeNull();
  });

  it('refuses unknown scopes and scopes the role does not hold, writing nothing', async () => {
    const before = (await t.db.selectFrom('apiKeys').select('id').execute()).length;
    const unknown = await admin.post('/api/v1/api-keys', { name: 'bad', role: 'admin', scopes: ['orders:read'] });
    expectError(unknown, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(unknown.body.error.details)).toContain('scopes');
    const notHeld = await admin.post('/api/v1/api-keys', { name: 'bad', role: 'viewer', scopes: ['sales:write', 'stock:read'] });
    expectError(notHeld, 400, 'VALIDATION_FAILED');
    expect(notHeld.body.error.details).toMatchObject([{ field: 'scopes', scopes: ['sales:write'] }]);
    expectError(await admin.post('/api/v1/api-keys', { name: 'bad', role: 'viewer', scopes: [] }), 400, 'VALIDATION_FAILED');
    expect((await t.db.selectFrom('apiKeys').select('id').execute()).length).toBe(before);
  });

  it('changes a key’s scopes, effective on the next request; null gives the whole role back', async () => {
    const bot = await keyClient({ name: 'changing', role: 'admin', scopes: ['stock:read'] });
    expectError(await bot.get('/api/v1/users'), 403, 'API_KEY_SCOPE');
    const patched = await admin.patch(`/api/v1/api-keys/${bot.created.id as string}`, { scopes: ['users:manage'] });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.scopes).toEqual(['users:manage']);
    expect((await bot.get('/api/v1/users')).status).toBe(200);
    expectError(await bot.get('/api/v1/stock'), 403, 'API_KEY_SCOPE');
    expect((await admin.patch(`/api/v1/api-keys/${bot.created.id as string}`, { scopes: null })).body.scopes).toBeNull();
    expect((await bot.get('/api/v1/stock')).status).toBe(200);
  });

  it('lists the scopes a key can have, with what each grants', async () => {
    const res = await admin.get('/api/v1/api-keys/scopes');
    expect(res.status).toBe(200);
    expect(res.body.scopes).toContainEqual({ scope: 'sales:*', resource: 'sales', permissions: ['sales:read', 'sales:write'] });
    expect(res.body.scopes).toContainEqual({ scope: 'stock:read', resource: 'stock', permissions: ['stock:read'] });
  });
});
