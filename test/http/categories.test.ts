import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`categories: a tree ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  const create = async (body: Record<string, unknown>) => {
    const res = await admin.post('/api/v1/categories', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Json;
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
  });
  afterAll(() => t.close());

  it('builds a tree from a flat list with parentId and product counts', async () => {
    const food = await create({ name: '食品', code: 'F', sortOrder: 1 });
    const drinks = await create({ name: '饮料', parentId: food.id, code: 'F01' });
    const tea = await create({ name: '茶', parentId: drinks.id });
    await admin.post('/api/v1/products', { sku: 'CAT-1', name: '乌龙茶', categoryId: tea.id });
    expect(drinks).toMatchObject({ parentId: food.id, code: 'F01', sortOrder: 0, status: 'active', productCount: 0 });
    const { items } = (await admin.get('/api/v1/categories')).body;
    const byId = new Map(items.map((c: Json) => [c.id, c]));
    expect(byId.get(tea.id)).toMatchObject({ parentId: drinks.id, productCount: 1 });
    expect(byId.get(food.id)).toMatchObject({ parentId: null, productCount: 0 });
    expect((await admin.get('/api/v1/categories', { query: { q: '饮' } })).body.items.map((c: Json) => c.id)).toEqual([drinks.id]);
    expect((await admin.get(`/api/v1/categories/${tea.id}`)).body.name).toBe('茶');
  });

  it('refuses to put a category under itself or its own descendant (CATEGORY_CYCLE)', async () => {
    const a = await create({ name: '甲' });
    const b = await create({ name: '乙', parentId: a.id });
    const c = await create({ name: '丙', parentId: b.id });
    for (const [id, parentId] of [[a.id, c.id], [a.id, b.id], [b.id, b.id]]) {
      const res = await admin.patch(`/api/v1/categories/${id}`, { parentId });
      expectError(res, 400, 'CATEGORY_CYCLE');
      expect(res.body.error.details).toMatchObject([{ field: 'parentId' }]);
    }
    expect((await admin.get(`/api/v1/categories/${a.id}`)).body.parentId).toBeNull();
    // Moving a leaf elsewhere, and back to the top, is fine.
    expect((await admin.patch(`/api/v1/categories/${c.id}`, { parentId: a.id })).body.parentId).toBe(a.id);
    expect((await admin.patch(`/api/v1/categories/${c.id}`, { parentId: null })).body.parentId).toBeNull();
  });

  it('renames without moving or losing the code', async () => {
    const top = await create({ name: '顶级' });
    const child = await create({ name: '子类', parentId: top.id, code: 'KEEP', sortOrder: 5 });
    const res = await admin.patch(`/api/v1/categories/${child.id}`, { name: '子类改名' });
    expect(res.body).toMatchObject({ name: '子类改名', parentId: top.id, code: 'KEEP', sortOrder: 5 });
  });

  it('refuses an unknown parent (404), a duplicate code (409) and unknown fields (400)', async () => {
    const res = await admin.post('/api/v1/categories', { name: '孤儿', parentId: 'no-such-id' });
    expectError(res, 404, 'NOT_FOUND');
    expect(res.body.error.details).toMatchObject([{ field: 'parentId' }]);
    await create({ name: '编码一', code: 'DUP' });
    const dup = await admin.post('/api/v1/categories', { name: '编码二', code: 'DUP' });
    expectError(dup, 409, 'DUPLICATE');
    expect(dup.body.error.details).toMatchObject([{ field: 'code' }]);
    expectError(await admin.post('/api/v1/categories', { name: '多余', icon: 'x' }), 400, 'VALIDATION_FAILED');
    expectError(await admin.post('/api/v1/categories', { name: '  ' }), 400, 'VALIDATION_FAILED');
  });

  it('refuses to delete a category with children or products (409 IN_USE), deletes a bare one', async () => {
    const parent = await create({ name: '有下级' });
    const child = await create({ name: '下级', parentId: parent.id });
    const withProduct = await create({ name: '有商品' });
    await admin.post('/api/v1/products', { sku: 'CAT-DEL', name: '占位商品', categoryId: withProduct.id });

    const res = await admin.delete(`/api/v1/categories/${parent.id}`);
    expectError(res, 409, 'IN_USE');
    expect(res.body.error.message).toBe('商品类别已被下级类别使用，不能删除，请改为停用');
    const en = await admin.delete(`/api/v1/categories/${withProduct.id}`, { headers: { 'accept-language': 'en' } });
    expectError(en, 409, 'IN_USE');
    expect(en.body.error.message).toBe('Category is used by products and cannot be deleted; deactivate it instead');

    expect((await admin.delete(`/api/v1/categories/${child.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/v1/categories/${parent.id}`)).status).toBe(204);
    expectError(await admin.get(`/api/v1/categories/${parent.id}`), 404, 'NOT_FOUND');
  });

  it('deactivates and activates, filtering the list by status, with audit rows', async () => {
    const c = await create({ name: '季节性' });
    expect((await admin.post(`/api/v1/categories/${c.id}/deactivate`)).body.status).toBe('inactive');
    const inactive = (await admin.get('/api/v1/categories', { query: { status: 'inactive' } })).body.items;
    expect(inactive.map((x: Json) => x.id)).toEqual([c.id]);
    expect((await admin.post(`/api/v1/categories/${c.id}/activate`)).body.status).toBe('active');
    await admin.patch(`/api/v1/categories/${c.id}`, { name: '季节性商品' });
    await admin.delete(`/api/v1/categories/${c.id}`);
    const audit = await t.db.selectFrom('auditLog').select(['action', 'actorType', 'actorId']).where('entity', '=', 'category').where('entityId', '=', c.id).orderBy('at').orderBy('id').execute();
    expect(audit.map((r) => r.action)).toEqual(['create', 'deactivate', 'activate', 'update', 'delete']);
    expect(audit.every((r) => r.actorType === 'user' && r.actorId === admin.user.id)).toBe(true);
  });
});

describe(`category export ${dialectLabel}`, () => {
  it('exports categories with their full path as CSV', async () => {
    const t = await createTestApp();
    try {
      const admin = await t.setupAdmin();
      const top = (await admin.post('/api/v1/categories', { name: '饮料' })).body;
      await admin.post('/api/v1/categories', { name: '茶', parentId: top.id });
      const res = await admin.get('/api/v1/categories/export', { query: { format: 'csv' } });
      expect(res.status).toBe(200);
      const text = typeof res.body === 'string' ? res.body : String(res.body);
      expect(text).toContain('饮料/茶');
    } finally {
      await t.close();
    }
  });
});
