import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '../../src/server/platform/permissions.js';
import { createTestApp, dialectLabel, expectError, type TestApp, type TestClient } from '../support/index.js';

type Kind = 'products' | 'categories' | 'customers' | 'suppliers' | 'warehouses';
const kinds: Kind[] = ['products', 'categories', 'customers', 'suppliers', 'warehouses'];

let n = 0;
const bodies: Record<Kind, () => Record<string, unknown>> = {
  products: () => ({ sku: `PERM-P-${++n}`, name: `权限商品${n}` }),
  categories: () => ({ name: `权限类别${++n}` }),
  customers: () => ({ code: `PERM-C-${++n}`, name: `权限客户${n}` }),
  suppliers: () => ({ code: `PERM-S-${++n}`, name: `权限供应商${n}` }),
  warehouses: () => ({ code: `PERM-W-${++n}`, name: `权限仓库${n}` }),
};

// Who may write what (the permission table): everyone reads everything.
const writers: Record<Kind, Role[]> = {
  products: ['admin', 'purchasing'],
  categories: ['admin', 'purchasing'],
  customers: ['admin', 'sales', 'finance'],
  suppliers: ['admin', 'purchasing'],
  warehouses: ['admin', 'warehouse'],
};

describe(`permissions on master data ${dialectLabel}`, () => {
  let t: TestApp;
  const sessions = {} as Record<Role, TestClient>;
  const keys = {} as Record<Role, TestClient>;
  const existing = {} as Record<Kind, string>;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.setupAdmin();
    for (const role of roles) {
      sessions[role] = role === 'admin' ? admin : await t.loginAs(role);
      keys[role] = await t.apiKeyClient(role);
    }
    for (const kind of kinds) existing[kind] = (await admin.post(`/api/v1/${kind}`, bodies[kind]())).body.id;
  });
  afterAll(() => t.close());

  describe.each(['session', 'api key'] as const)('as %s', (via) => {
    const client = (role: Role) => (via === 'session' ? sessions : keys)[role];

    it.each(roles.flatMap((role) => kinds.map((kind) => [role, kind] as const)))('%s reads %s', async (role, kind) => {
      const c = client(role);
      expect((await c.get(`/api/v1/${kind}`)).status).toBe(200);
      expect((await c.get(`/api/v1/${kind}/${existing[kind]}`)).status).toBe(200);
    });

    it.each(roles.flatMap((role) => kinds.map((kind) => [role, kind, writers[kind].includes(role)] as const)))('%s writes %s: %s', async (role, kind, allowed) => {
      const c = client(role);
      const created = await c.post(`/api/v1/${kind}`, bodies[kind]());
      const renamed = await c.patch(`/api/v1/${kind}/${existing[kind]}`, { name: `${role} 改名 ${++n}` });
      const deactivated = await c.post(`/api/v1/${kind}/${existing[kind]}/deactivate`);
      const activated = await c.post(`/api/v1/${kind}/${existing[kind]}/activate`);
      if (allowed) {
        expect([created.status, renamed.status, deactivated.status, activated.status], JSON.stringify(created.body)).toEqual([201, 200, 200, 200]);
        expect((await c.delete(`/api/v1/${kind}/${created.body.id}`)).status).toBe(204);
      } else {
        for (const res of [created, renamed, deactivated, activated]) expectError(res, 403, 'FORBIDDEN');
        expectError(await c.delete(`/api/v1/${kind}/${existing[kind]}`), 403, 'FORBIDDEN');
      }
    });
  });

  it('names the role in the 403 message', async () => {
    const res = await sessions.sales.post('/api/v1/products', bodies.products());
    expect(res.body.error.message).toBe('当前角色（sales）无权执行此操作');
  });

  it('lets sales write customers but not products, and lets no one in without signing in', async () => {
    expect((await sessions.sales.post('/api/v1/customers', bodies.customers())).status).toBe(201);
    expectError(await sessions.sales.post('/api/v1/products', bodies.products()), 403, 'FORBIDDEN');
    for (const kind of kinds) {
      expectError(await t.client().get(`/api/v1/${kind}`), 401, 'UNAUTHENTICATED');
      expectError(await t.client().post(`/api/v1/${kind}`, bodies[kind]()), 401, 'UNAUTHENTICATED');
    }
    expectError(await t.client().get('/api/v1/products/export'), 401, 'UNAUTHENTICATED');
    expectError(await t.client().get('/api/v1/barcodes/render', { query: { text: 'x' } }), 401, 'UNAUTHENTICATED');
  });

  it('refuses a session write without the CSRF token', async () => {
    expectError(await sessions.admin.post('/api/v1/customers', bodies.customers(), { csrf: false }), 403, 'CSRF_INVALID');
  });
});
