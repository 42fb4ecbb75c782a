import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/schema.js';
import { createTestApp, dialectLabel, type Reply, type TestApp, type TestClient } from '../support/index.js';

type Kind = { path: string; entity: string; body: () => Record<string, unknown> };
let n = 0;
const kinds: Kind[] = [
  { path: 'products', entity: 'product', body: () => ({ sku: `AUD-P-${++n}`, name: `审计商品${n}`, units: [{ name: '箱', factor: 12 }] }) },
  { path: 'categories', entity: 'category', body: () => ({ name: `审计类别${++n}` }) },
  { path: 'customers', entity: 'customer', body: () => ({ code: `AUD-C-${++n}`, name: `审计客户${n}` }) },
  { path: 'suppliers', entity: 'supplier', body: () => ({ code: `AUD-S-${++n}`, name: `审计供应商${n}` }) },
  { path: 'warehouses', entity: 'warehouse', body: () => ({ code: `AUD-W-${++n}`, name: `审计仓库${n}`, bins: [{ code: 'A-01' }] }) },
];
const tables: Array<keyof Database> = ['auditLog', 'products', 'productUnits', 'productBarcodes', 'categories', 'customers', 'suppliers', 'supplierProducts', 'warehouses', 'bins'];

describe(`master data: every write is audited, a failed write leaves nothing ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  const snapshot = async () =>
    Object.fromEntries(await Promise.all(tables.map(async (table) => [table, Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)])));

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
  });
  afterAll(() => t.close());

  it.each(kinds)('$path: create, update, deactivate, activate, delete each leave one audit row', async ({ path, entity, body }) => {
    const created = await admin.post(`/api/v1/${path}`, body());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    await admin.patch(`/api/v1/${path}/${id}`, { name: `改名${++n}` });
    await admin.post(`/api/v1/${path}/${id}/deactivate`);
    await admin.post(`/api/v1/${path}/${id}/deactivate`); // already inactive: no change, no row
    await admin.post(`/api/v1/${path}/${id}/activate`);
    expect((await admin.delete(`/api/v1/${path}/${id}`)).status).toBe(204);
    const rows = await t.db.selectFrom('auditLog').selectAll().where('entity', '=', entity).where('entityId', '=', id).orderBy('at').orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'deactivate', 'activate', 'delete']);
    for (const r of rows) expect(r).toMatchObject({ actorType: 'user', actorId: admin.user.id, actorName: '管理员' });
    const [create, update, , , del] = rows.map((r) => ({ before: r.before && JSON.parse(r.before), after: r.after && JSON.parse(r.after) }));
    expect(create.before).toBeNull();
    expect(create.after).toMatchObject({ id });
    expect(update.before.name).toBe(created.body.name);
    expect(update.after.name).toMatch(/^改名/);
    expect(del).toMatchObject({ before: { id }, after: null });
  });

  it('names an API key as the actor of its writes', async () => {
    const bot = await t.apiKeyClient('admin');
    const res = await bot.post('/api/v1/customers', { code: 'AUD-BOT', name: '机器人客户' });
    const row = await t.db.selectFrom('auditLog').selectAll().where('entityId', '=', res.body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ actorType: 'api_key', actorId: bot.apiKey.id, action: 'create', entity: 'customer', summary: 'AUD-BOT 机器人客户' });
  });

  it('failed writes change no table and add no audit row', async () => {
    const tea = (await admin.post('/api/v1/products', { sku: 'AUD-TEA', name: '乌龙茶', barcodes: [{ barcode: '6912345678906' }] })).body;
    await admin.post('/api/v1/products', { sku: 'AUD-OTHER', name: '另一个商品' });
    const top = (await admin.post('/api/v1/categories', { name: '审计顶级' })).body;
    const sub = (await admin.post('/api/v1/categories', { name: '审计下级', parentId: top.id })).body;
    const wh = (await admin.post('/api/v1/warehouses', { code: 'AUD-WH', name: '审计仓', bins: [{ code: 'B-1' }] })).body;
    await admin.post('/api/v1/suppliers', { code: 'AUD-SUP', name: '审计供应商', products: [{ productId: tea.id }] });
    const before = await snapshot();

    const failures: Array<[string, () => Promise<Reply>, number]> = [
      ['product with a barcode on an unknown unit', () => admin.post('/api/v1/products', { sku: 'AUD-BAD', name: '坏条码', barcodes: [{ barcode: '6900000000001', unit: '箱' }] }), 400],
      ['product with a barcode another product has', () => admin.post('/api/v1/products', { sku: 'AUD-DUPBC', name: '重复条码', barcodes: [{ barcode: '6912345678906' }] }), 409],
      ['product PATCH with a barcode twice', () => admin.patch(`/api/v1/products/${tea.id}`, { name: '不该改名', barcodes: [{ barcode: '1' }, { barcode: '1' }] }), 400],
      ['product PATCH with a taken SKU', () => admin.patch(`/api/v1/products/${tea.id}`, { name: '不该改名', sku: 'AUD-OTHER' }), 409],
      ['product in use, deleted', () => admin.delete(`/api/v1/products/${tea.id}`), 409],
      ['category moved under its child', () => admin.patch(`/api/v1/categories/${top.id}`, { name: '不该改名', parentId: sub.id }), 400],
      ['category with children, deleted', () => admin.delete(`/api/v1/categories/${top.id}`), 409],
      ['supplier with an unknown product', () => admin.post('/api/v1/suppliers', { code: 'AUD-GHOST', name: '幽灵', products: [{ productId: 'ghost' }] }), 404],
      ['supplier with a duplicate code', () => admin.post('/api/v1/suppliers', { code: 'AUD-SUP', name: '重复' }), 409],
      ['warehouse with a bin twice', () => admin.post('/api/v1/warehouses', { code: 'AUD-WH2', name: '重复库位', bins: [{ code: 'A' }, { code: 'A' }] }), 400],
      ['warehouse PATCH with a bin twice', () => admin.patch(`/api/v1/warehouses/${wh.id}`, { name: '不该改名', bins: [{ code: 'A' }, { code: 'A' }] }), 400],
      ['customer with a bad email', () => admin.post('/api/v1/customers', { code: 'AUD-MAIL', name: '邮箱', email: 'nope' }), 400],
    ];
    for (const [what, run, status] of failures) {
      const res = await run();
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(status);
      expect(await snapshot(), what).toEqual(before);
    }
    expect((await admin.get(`/api/v1/products/${tea.id}`)).body.name).toBe('乌龙茶');
    expect((await admin.get(`/api/v1/categories/${top.id}`)).body).toMatchObject({ name: '审计顶级', parentId: null });
    expect((await admin.get(`/api/v1/warehouses/${wh.id}`)).body).toMatchObject({ name: '审计仓', bins: [{ code: 'B-1' }] });
  });
});
