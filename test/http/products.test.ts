import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, expectError, type Json, type Reply, type TestApp, type TestClient } from '../support/index.js';

let n = 0;
/** A valid product body; every call gets a fresh SKU. */
const product = (over: Record<string, unknown> = {}) => ({
  sku: `P-${++n}`, name: `测试矿泉水 ${n}`, spec: '550ml×12瓶', brand: '清泉湾', baseUnit: '瓶',
  listPrice: 300, wholesalePrice: 250, costPrice: 200, ...over,
});
const fields = (res: Reply) => (res.body.error.details as Json[]).map((d) => d.field);

describe(`products: create, validate, change, delete ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  const auditCount = async (entity = 'product') =>
    Number((await t.db.selectFrom('auditLog').select((eb) => eb.fn.countAll().as('n')).where('entity', '=', entity).executeTakeFirstOrThrow()).n);
  const productCount = async () => Number((await t.db.selectFrom('products').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
  });
  afterAll(() => t.close());

  it('creates a product with a pack unit 箱=12 and a barcode per unit', async () => {
    const res = await admin.post('/api/v1/products', product({
      sku: 'WATER-550', units: [{ name: '箱', factor: 12 }],
      barcodes: [{ barcode: '6901234567892' }, { barcode: '16901234567899', unit: '箱' }],
      attributes: [{ key: '保质期', value: '24个月' }],
    }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const box = res.body.units[0];
    expect(res.body).toMatchObject({
      sku: 'WATER-550', baseUnit: '瓶', taxRate: 13, status: 'active', categoryId: null, model: null, notes: null,
      units: [{ name: '箱', factor: 12 }], listPrice: 300, wholesalePrice: 250, costPrice: 200,
      attributes: [{ key: '保质期', value: '24个月' }],
    });
    expect(res.body.barcodes).toEqual(expect.arrayContaining([
      { id: expect.any(String), barcode: '6901234567892', unitId: null, unitName: '瓶' },
      { id: expect.any(String), barcode: '16901234567899', unitId: box.id, unitName: '箱' },
    ]));
    expect((await admin.get(`/api/v1/products/${res.body.id}`)).body).toEqual(res.body);
  });

  it('refuses a duplicate SKU with 409 DUPLICATE naming the field sku', async () => {
    await admin.post('/api/v1/products', product({ sku: 'DUP-1' }));
    const res = await admin.post('/api/v1/products', product({ sku: 'DUP-1' }));
    expectError(res, 409, 'DUPLICATE');
    expect(res.body.error.details).toEqual([{ field: 'sku', message: '编码已存在' }]);
    expect(res.body.error.message).toContain('DUP-1');
  });

  it('refuses pack factor 0 (and 1, and 2.5) naming units.0.factor', async () => {
    for (const factor of [0, 1, 2.5]) {
      const res = await admin.post('/api/v1/products', product({ units: [{ name: '箱', factor }] }));
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(fields(res)).toEqual(['units.0.factor']);
    }
    const en = await admin.post('/api/v1/products', product({ units: [{ name: '箱', factor: 0 }] }), { headers: { 'accept-language': 'en' } });
    expect(en.body.error.details[0].message).toBe('The factor must be a whole number of at least 2');
  });

  it('refuses a negative or fractional price naming the field', async () => {
    const neg = await admin.post('/api/v1/products', product({ listPrice: -1 }));
    expectError(neg, 400, 'VALIDATION_FAILED');
    expect(fields(neg)).toEqual(['listPrice']);
    expect(fields(await admin.post('/api/v1/products', product({ costPrice: 1.5 })))).toEqual(['costPrice']);
  });

  it('refuses unknown fields, naming them', async () => {
    const res = await admin.post('/api/v1/products', product({ colour: '蓝色' }));
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(fields(res)).toEqual(['colour']);
    expect(fields(await admin.post('/api/v1/products', product({ units: [{ name: '箱', factor: 6, price: 1 }] })))).toEqual(['units.0.price']);
  });

  it('refuses a barcode that another product uses (409), writing nothing', async () => {
    await admin.post('/api/v1/products', product({ barcodes: [{ barcode: '6920000000012' }] }));
    const [products, audits] = [await productCount(), await auditCount()];
    const res = await admin.post('/api/v1/products', product({ barcodes: [{ barcode: '6930000000019' }, { barcode: '6920000000012' }] }));
    expectError(res, 409, 'DUPLICATE');
    expect(fields(res)).toEqual(['barcodes.1.barcode']);
    expect([await productCount(), await auditCount()]).toEqual([products, audits]);
  });

  it('refuses a barcode on an unknown unit and a repeated unit name, writing neither product nor audit', async () => {
    const [products, audits] = [await productCount(), await auditCount()];
    const bad = await admin.post('/api/v1/products', product({ sku: 'BAD-UNIT', units: [{ name: '箱', factor: 12 }], barcodes: [{ barcode: '6940000000016', unit: '托' }] }));
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.error.details).toMatchObject([{ field: 'barcodes.0.unit', code: 'UNIT_UNKNOWN' }]);
    const twice = await admin.post('/api/v1/products', product({ units: [{ name: '箱', factor: 12 }, { name: '箱', factor: 24 }, { name: '瓶', factor: 2 }] }));
    expect(twice.body.error.details).toMatchObject([{ field: 'units.1.name', code: 'UNIT_DUPLICATE' }, { field: 'units.2.name', code: 'UNIT_IS_BASE' }]);
    expect([await productCount(), await auditCount()]).toEqual([products, audits]);
    expect(await t.db.selectFrom('products').select('id').where('sku', '=', 'BAD-UNIT').executeTakeFirst()).toBeUndefined();
  });

  it('looks up by barcode (with the unit and factor) and by SKU', async () => {
    const p = (await admin.post('/api/v1/products', product({ sku: 'LOOK-1', units: [{ name: '盒', factor: 6 }, { name: '箱', factor: 24 }], barcodes: [{ barcode: '6950000000013' }, { barcode: '6950000000020', unit: '箱' }] }))).body;
    const byBox = await admin.get('/api/v1/products/lookup', { query: { code: '6950000000020' } });
    expect(byBox.body).toMatchObject({ product: { id: p.id }, unitName: '箱', factor: 24, matchedBy: 'barcode' });
    expect((await admin.get('/api/v1/products/lookup', { query: { code: '6950000000013' } })).body).toMatchObject({ unitName: '瓶', factor: 1, matchedBy: 'barcode' });
    expect((await admin.get('/api/v1/products/lookup', { query: { code: 'LOOK-1' } })).body).toMatchObject({ product: { id: p.id }, unitName: '瓶', factor: 1, matchedBy: 'sku' });
    const missing = await admin.get('/api/v1/products/lookup', { query: { code: '0000000000000' } });
    expectError(missing, 404, 'NOT_FOUND');
    expect(fields(missing)).toEqual(['code']);
  });

  it('PATCH replaces units and barcodes, keeps unit ids by name, and leaves omitted fields alone', async () => {
    const p = (await admin.post('/api/v1/products', product({ units: [{ name: '箱', factor: 12 }], barcodes: [{ barcode: '6960000000010' }, { barcode: '6960000000027', unit: '箱' }], model: 'M-1', notes: '备注' }))).body;
    const renamed = await admin.patch(`/api/v1/products/${p.id}`, { name: '改名后的水' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: '改名后的水', spec: p.spec, brand: p.brand, model: 'M-1', notes: '备注', units: p.units, listPrice: 300 });
    expect(renamed.body.barcodes).toHaveLength(2);

    const res = await admin.patch(`/api/v1/products/${p.id}`, { units: [{ name: '盒', factor: 6 }, { name: '箱', factor: 24 }], barcodes: [{ barcode: '6960000000034', unit: '盒' }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.units.map((u: Json) => [u.name, u.factor])).toEqual([['盒', 6], ['箱', 24]]);
    expect(res.body.units.find((u: Json) => u.name === '箱').id).toBe(p.units[0].id);
    expect(res.body.barcodes.map((b: Json) => [b.barcode, b.unitName])).toEqual([['6960000000034', '盒']]);

    const dropped = await admin.patch(`/api/v1/products/${p.id}`, { units: [] });
    expect(dropped.body.units).toEqual([]);
    expect(dropped.body.barcodes).toEqual([]);
    expect(await t.db.selectFrom('productUnits').select('id').where('productId', '=', p.id).execute()).toEqual([]);
  });

  it('PATCH refuses a barcode of another product and an unknown field', async () => {
    const a = (await admin.post('/api/v1/products', product({ barcodes: [{ barcode: '6970000000017' }] }))).body;
    const b = (await admin.post('/api/v1/products', product())).body;
    expectError(await admin.patch(`/api/v1/products/${b.id}`, { barcodes: [{ barcode: '6970000000017' }] }), 409, 'DUPLICATE');
    expectError(await admin.patch(`/api/v1/products/${b.id}`, { sku: a.sku }), 409, 'DUPLICATE');
    expectError(await admin.patch(`/api/v1/products/${b.id}`, { stock: 5 }), 400, 'VALIDATION_FAILED');
    expectError(await admin.patch('/api/v1/products/nope', { name: 'x' }), 404, 'NOT_FOUND');
  });

  it('deletes an unreferenced product (204) with its units and barcodes', async () => {
    const p = (await admin.post('/api/v1/products', product({ units: [{ name: '箱', factor: 12 }], barcodes: [{ barcode: '6980000000014', unit: '箱' }] }))).body;
    const res = await admin.delete(`/api/v1/products/${p.id}`);
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    expectError(await admin.get(`/api/v1/products/${p.id}`), 404, 'NOT_FOUND');
    expect(await t.db.selectFrom('productBarcodes').select('id').where('barcode', '=', '6980000000014').execute()).toEqual([]);
    expectError(await admin.delete(`/api/v1/products/${p.id}`), 404, 'NOT_FOUND');
  });

  it('refuses to delete a product on a supplier’s list: 409 IN_USE in zh and en', async () => {
    const p = (await admin.post('/api/v1/products', product())).body;
    const s = await admin.post('/api/v1/suppliers', { code: 'S-DEL', name: '删除测试供应商', products: [{ productId: p.id, price: 200 }] });
    expect(s.status).toBe(201);
    const zh = await admin.delete(`/api/v1/products/${p.id}`);
    expectError(zh, 409, 'IN_USE');
    expect(zh.body.error.message).toBe('商品已被供应商供货清单使用，不能删除，请改为停用');
    expect(zh.body.error.details).toMatchObject([{ table: 'supplier_products', count: 1 }]);
    const en = await admin.delete(`/api/v1/products/${p.id}`, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.body.error.message).toBe('Product is used by supplier product lists and cannot be deleted; deactivate it instead');
    expect((await admin.get(`/api/v1/products/${p.id}`)).status).toBe(200);
  });

  it('deactivates and activates, and lists by status', async () => {
    const p = (await admin.post('/api/v1/products', product({ sku: 'STATUS-1' }))).body;
    const off = await admin.post(`/api/v1/products/${p.id}/deactivate`);
    expect(off.body).toMatchObject({ id: p.id, status: 'inactive' });
    expect((await admin.get('/api/v1/products', { query: { q: 'STATUS-1', status: 'inactive' } })).body.total).toBe(1);
    expect((await admin.get('/api/v1/products', { query: { q: 'STATUS-1', status: 'active' } })).body.total).toBe(0);
    expect((await admin.post(`/api/v1/products/${p.id}/activate`)).body.status).toBe('active');
    const actions = (await t.db.selectFrom('auditLog').select('action').where('entityId', '=', p.id).orderBy('at').orderBy('id').execute()).map((r) => r.action);
    expect(actions).toEqual(['create', 'deactivate', 'activate']);
  });
});
