import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

const bins = (...codes: string[]) => codes.map((code) => ({ code }));

describe(`warehouses and bins ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  const create = async (body: Record<string, unknown>) => {
    const res = await admin.post('/api/v1/warehouses', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Json;
  };
  const defaults = async () => (await admin.get('/api/v1/warehouses', { query: { pageSize: 100 } })).body.items.filter((w: Json) => w.isDefault).map((w: Json) => w.code);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
  });
  afterAll(() => t.close());

  it('makes the first warehouse the default, and keeps only one default', async () => {
    const main = await create({ code: 'WH01', name: '主仓库', bins: bins('A-01-01', 'A-01-02') });
    expect(main).toMatchObject({ isDefault: true, status: 'active' });
    expect(main.bins.map((b: Json) => [b.code, b.sortOrder, b.status])).toEqual([['A-01-01', 0, 'active'], ['A-01-02', 1, 'active']]);
    await create({ code: 'WH02', name: '门店仓' });
    expect(await defaults()).toEqual(['WH01']);
    const third = await create({ code: 'WH03', name: '外租仓', isDefault: true });
    expect(await defaults()).toEqual(['WH03']);
    await admin.patch(`/api/v1/warehouses/${main.id}`, { isDefault: true });
    expect(await defaults()).toEqual(['WH01']);
    expect((await admin.get(`/api/v1/warehouses/${third.id}`)).body.isDefault).toBe(false);
    expectError(await admin.post('/api/v1/warehouses', { code: 'WH01', name: '重复' }), 409, 'DUPLICATE');
  });

  it('PATCH bins replaces the list matched by code (ids kept for codes that stay)', async () => {
    const w = await create({ code: 'WH-BIN', name: '库位测试仓', bins: [{ code: 'A-01', zone: '食品' }, { code: 'A-02' }, { code: 'A-03' }] });
    const a01 = w.bins.find((b: Json) => b.code === 'A-01');
    const res = await admin.patch(`/api/v1/warehouses/${w.id}`, { bins: [{ code: 'B-01' }, { code: 'A-01', zone: '饮料', status: 'inactive' }, { code: 'A-03' }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.bins.map((b: Json) => [b.code, b.zone, b.sortOrder, b.status])).toEqual([
      ['B-01', null, 0, 'active'], ['A-01', '饮料', 1, 'inactive'], ['A-03', null, 2, 'active'],
    ]);
    expect(res.body.bins.find((b: Json) => b.code === 'A-01').id).toBe(a01.id);
    expect(await t.db.selectFrom('bins').select('code').where('warehouseId', '=', w.id).where('code', '=', 'A-02').execute()).toEqual([]);
  });

  it('PATCH without bins keeps bins and the default flag', async () => {
    const before = (await admin.get('/api/v1/warehouses', { query: { q: 'WH01' } })).body.items[0];
    const res = await admin.patch(`/api/v1/warehouses/${before.id}`, { name: '杭州主仓库', manager: '张伟' });
    expect(res.body).toMatchObject({ name: '杭州主仓库', manager: '张伟', isDefault: true, bins: before.bins });
    expect(await defaults()).toEqual(['WH01']);
  });

  it('refuses a duplicate bin code with 400 naming the bin, writing nothing', async () => {
    const countOf = async (table: 'warehouses' | 'bins' | 'auditLog') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = [await countOf('warehouses'), await countOf('bins'), await countOf('auditLog')];
    const res = await admin.post('/api/v1/warehouses', { code: 'WH-DUP', name: '重复库位', bins: bins('A-01', 'A-02', 'A-01') });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.details).toMatchObject([{ field: 'bins.2.code', message: '库位「A-01」重复' }]);
    expect([await countOf('warehouses'), await countOf('bins'), await countOf('auditLog')]).toEqual(before);

    const w = await create({ code: 'WH-DUP2', name: '改库位', bins: bins('X-1') });
    expectError(await admin.patch(`/api/v1/warehouses/${w.id}`, { name: '不该改名', bins: bins('X-1', 'X-1') }), 400, 'VALIDATION_FAILED');
    expect((await admin.get(`/api/v1/warehouses/${w.id}`)).body).toMatchObject({ name: '改库位', bins: [{ code: 'X-1' }] });
    expectError(await admin.post('/api/v1/warehouses', { code: 'WH-X', name: 'x', bins: [{ code: '' }] }), 400, 'VALIDATION_FAILED');
  });

  it('deletes a warehouse with its bins, deactivates and activates', async () => {
    const w = await create({ code: 'WH-DEL', name: '临时仓', bins: bins('T-1', 'T-2') });
    expect((await admin.post(`/api/v1/warehouses/${w.id}/deactivate`)).body.status).toBe('inactive');
    expect((await admin.get('/api/v1/warehouses', { query: { status: 'inactive' } })).body.items.map((x: Json) => x.code)).toEqual(['WH-DEL']);
    expect((await admin.post(`/api/v1/warehouses/${w.id}/activate`)).body.status).toBe('active');
    expect((await admin.delete(`/api/v1/warehouses/${w.id}`)).status).toBe(204);
    expect(await t.db.selectFrom('bins').select('id').where('warehouseId', '=', w.id).execute()).toEqual([]);
  });
});
