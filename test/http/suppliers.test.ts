import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

let n = 0;
const supplier = (over: Record<string, unknown> = {}) => ({ code: `S-${++n}`, name: `测试供应商${n}有限公司`, ...over });

describe(`suppliers and what they supply ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let tea: Json;
  let pen: Json;
  const count = async (table: 'suppliers' | 'supplierProducts' | 'auditLog') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    tea = (await admin.post('/api/v1/products', { sku: 'SUP-TEA', name: '冰红茶', costPrice: 210 })).body;
    pen = (await admin.post('/api/v1/products', { sku: 'SUP-PEN', name: '中性笔', costPrice: 90 })).body;
  });
  afterAll(() => t.close());

  it('creates a supplier with its product list (supplier SKU, price, MOQ, lead time)', async () => {
    const res = await admin.post('/api/v1/suppliers', supplier({
      code: 'S001', leadTimeDays: 3, moq: 100, tags: ['饮料'], contacts: [{ name: '徐静', title: '业务员', phone: '13500000000' }],
      products: [{ productId: pen.id, supplierSku: 'WS-PEN-05', price: 90, moq: 288 }, { productId: tea.id, price: 210, leadTimeDays: 5 }],
    }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ code: 'S001', leadTimeDays: 3, moq: 100, tags: ['饮料'], status: 'active' });
    expect(res.body.products).toMatchObject([
      { productId: pen.id, sku: 'SUP-PEN', productName: '中性笔', supplierSku: 'WS-PEN-05', price: 90, moq: 288, leadTimeDays: null },
      { productId: tea.id, sku: 'SUP-TEA', productName: '冰红茶', supplierSku: null, price: 210, moq: 0, leadTimeDays: 5 },
    ]);
    expectError(await admin.post('/api/v1/suppliers', supplier({ code: 'S001' })), 409, 'DUPLICATE');
  });

  it('refuses an unknown product with 404 naming products.N.productId, and writes nothing', async () => {
    const before = [await count('suppliers'), await count('supplierProducts'), await count('auditLog')];
    const res = await admin.post('/api/v1/suppliers', supplier({ code: 'S-GHOST', products: [{ productId: 'no-such-product', price: 1 }] }));
    expectError(res, 404, 'NOT_FOUND');
    expect(res.body.error.details).toMatchObject([{ field: 'products.0.productId' }]);
    const second = await admin.post('/api/v1/suppliers', supplier({ products: [{ productId: tea.id }, { productId: 'ghost' }] }));
    expect(second.body.error.details).toMatchObject([{ field: 'products.1.productId' }]);
    // The supplier row was inserted before the list was checked: the transaction must have undone it.
    expect([await count('suppliers'), await count('supplierProducts'), await count('auditLog')]).toEqual(before);
    expect(await t.db.selectFrom('suppliers').select('id').where('code', '=', 'S-GHOST').executeTakeFirst()).toBeUndefined();
  });

  it('refuses the same product twice and a negative price', async () => {
    const twice = await admin.post('/api/v1/suppliers', supplier({ products: [{ productId: tea.id }, { productId: tea.id }] }));
    expectError(twice, 400, 'VALIDATION_FAILED');
    expect(twice.body.error.details).toMatchObject([{ field: 'products' }]);
    const neg = await admin.post('/api/v1/suppliers', supplier({ products: [{ productId: tea.id, price: -5 }] }));
    expect(neg.body.error.details).toMatchObject([{ field: 'products.0.price' }]);
  });

  it('PATCH with products replaces the list; PATCH without keeps it', async () => {
    const s = (await admin.post('/api/v1/suppliers', supplier({ leadTimeDays: 4, moq: 10, tags: ['文具'], products: [{ productId: tea.id, price: 200 }] }))).body;
    const renamed = await admin.patch(`/api/v1/suppliers/${s.id}`, { name: '改名供应商' });
    expect(renamed.body).toMatchObject({ name: '改名供应商', leadTimeDays: 4, moq: 10, tags: ['文具'], products: [{ productId: tea.id, price: 200 }] });
    const replaced = await admin.patch(`/api/v1/suppliers/${s.id}`, { products: [{ productId: pen.id, price: 80 }] });
    expect(replaced.body.products.map((p: Json) => [p.sku, p.price])).toEqual([['SUP-PEN', 80]]);
    const bad = await admin.patch(`/api/v1/suppliers/${s.id}`, { products: [{ productId: 'ghost' }] });
    expectError(bad, 404, 'NOT_FOUND');
    expect((await admin.get(`/api/v1/suppliers/${s.id}`)).body.products).toHaveLength(1);
    expect((await admin.patch(`/api/v1/suppliers/${s.id}`, { products: [] })).body.products).toEqual([]);
  });

  it('lists the suppliers of a product and searches by contact', async () => {
    const a = (await admin.post('/api/v1/suppliers', supplier({ contacts: [{ name: '欧阳供货' }], products: [{ productId: pen.id }] }))).body;
    const ids = async (query: Record<string, string>) => (await admin.get('/api/v1/suppliers', { query: { pageSize: 100, ...query } })).body.items.map((s: Json) => s.id);
    expect(await ids({ productId: pen.id })).toContain(a.id);
    expect(await ids({ productId: 'nothing' })).toEqual([]);
    expect(await ids({ q: '欧阳' })).toEqual([a.id]);
  });

  it('deleting a supplier deletes its list, after which the product can be deleted', async () => {
    const p = (await admin.post('/api/v1/products', { sku: 'SUP-ONLY', name: '独家商品' })).body;
    const s = (await admin.post('/api/v1/suppliers', supplier({ products: [{ productId: p.id, price: 1 }] }))).body;
    expectError(await admin.delete(`/api/v1/products/${p.id}`), 409, 'IN_USE');
    expect((await admin.delete(`/api/v1/suppliers/${s.id}`)).status).toBe(204);
    expect(await t.db.selectFrom('supplierProducts').select('id').where('supplierId', '=', s.id).execute()).toEqual([]);
    expect((await admin.delete(`/api/v1/products/${p.id}`)).status).toBe(204);
  });
});
