import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`reorder points: one alert per crossing ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let buyer: TestClient;
  let w1: Json;
  let pen: Json;
  let acme: Json;
  let shop: Json;
  const alerts = async () => (await buyer.get('/api/v1/alerts', { query: { kind: 'reorder_point', pageSize: 100 } })).body.items;
  const sell = async (quantity: number) => {
    const res = await admin.post('/api/v1/sales-orders', { customerId: shop.id, confirm: true, lines: [{ productId: pen.id, quantity }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    buyer = await t.loginAs('purchasing');
    w1 = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true })).body;
    pen = (await admin.post('/api/v1/products', { sku: 'PEN', name: '中性笔', baseUnit: '支', listPrice: 300, costPrice: 100 })).body;
    acme = (await admin.post('/api/v1/suppliers', { code: 'S1', name: '文具厂', products: [{ productId: pen.id, price: 100 }] })).body;
    shop = (await admin.post('/api/v1/customers', { code: 'C1', name: '小店' })).body;
    await admin.post('/api/v1/stock/opening', { warehouseId: w1.id, lines: [{ productId: pen.id, quantity: 100, unitCost: 100 }] });
  });
  afterAll(() => t.close());

  it('sets a rule, alerts purchasing once when available + incoming falls to the point, clears above it, alerts again on the next crossing', async () => {
    const set = await buyer.request('PUT', '/api/v1/reorder-rules', { productId: pen.id, warehouseId: w1.id, reorderPoint: 50, safetyStock: 10 });
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    expect(set.body).toMatchObject({ method: 'reorder_point', reorderPoint: 50, safetyStock: 10, available: 100, incoming: 0, below: false });
    await sell(40);
    expect(await alerts()).toHaveLength(0);
    await sell(10); // 50 left: at the point
    await sell(5);
    await sell(5);
    const open = await alerts();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ status: 'open', targetRole: 'purchasing', entityId: pen.id, data: { warehouseId: w1.id, available: 50, incoming: 0, reorderPoint: 50 } });
    expect(open[0].title.zh).toContain('再订货点 50');
    // A purchase order makes it incoming: 40 + 30 > 50, so the alert clears.
    const po = (await buyer.post('/api/v1/purchase-orders', { supplierId: acme.id, submit: true, lines: [{ productId: pen.id, quantity: 30 }] })).body;
    expect(po.status).toBe('ordered');
    expect((await alerts()).map((a: Json) => a.status)).toEqual(['resolved']);
    expect((await buyer.get('/api/v1/reorder-rules', { query: { below: 'false' } })).body.items).toHaveLength(1);
    // An adjustment (报损) takes it down again: a new alert.
    const loss = await admin.post('/api/v1/stock/adjustments', { warehouseId: w1.id, lines: [{ productId: pen.id, quantity: -25, reason: '损坏' }] });
    expect(loss.status, JSON.stringify(loss.body)).toBe(201);
    const again = await alerts();
    expect(again.map((a: Json) => a.status).sort()).toEqual(['open', 'resolved']);
    expect((await buyer.get('/api/v1/reorder-rules', { query: { below: 'true' } })).body.items[0]).toMatchObject({ available: 15, incoming: 30, below: true });
    // Receiving moves incoming into available: no change in position, no new alert.
    await admin.post('/api/v1/purchase-receipts', { orderId: po.id, lines: [{ productId: pen.id, quantity: 30 }] });
    expect((await alerts()).filter((a: Json) => a.status === 'open')).toHaveLength(1);
    // Min/max replaces the rule; above the min now, the alert clears.
    const mm = await buyer.request('PUT', '/api/v1/reorder-rules', { productId: pen.id, warehouseId: w1.id, min: 20, max: 120 });
    expect(mm.status).toBe(200);
    expect(mm.body).toMatchObject({ method: 'min_max', reorderPoint: 20, maxStock: 120, below: false });
    expect((await alerts()).filter((a: Json) => a.status === 'open')).toHaveLength(0);
    expect((await buyer.delete(`/api/v1/reorder-rules/${pen.id}/${w1.id}`)).status).toBe(204);
    expect((await buyer.get('/api/v1/reorder-rules')).body.items).toHaveLength(0);
  });

  it('refuses negative values, half a min/max, unknown product or warehouse: a code, the field, nothing written', async () => {
    const neg = await buyer.request('PUT', '/api/v1/reorder-rules', { productId: pen.id, warehouseId: w1.id, reorderPoint: -1 }, { headers: { 'accept-language': 'en' } });
    expectError(neg, 400, 'VALIDATION_FAILED');
    expect(neg.body.error.details[0]).toMatchObject({ field: 'reorderPoint', message: 'Cannot be negative' });
    const half = await buyer.request('PUT', '/api/v1/reorder-rules', { productId: pen.id, warehouseId: w1.id, min: 5 });
    expectError(half, 400, 'VALIDATION_FAILED');
    expect(half.body.error.details[0].field).toBe('max');
    const upside = await buyer.request('PUT', '/api/v1/reorder-rules', { productId: pen.id, warehouseId: w1.id, min: 50, max: 10 });
    expect(upside.body.error.details[0].field).toBe('max');
    const noProduct = await buyer.request('PUT', '/api/v1/reorder-rules', { productId: 'nope', warehouseId: w1.id, reorderPoint: 5 });
    expectError(noProduct, 404, 'NOT_FOUND');
    expect(noProduct.body.error.details[0].field).toBe('productId');
    const noWarehouse = await buyer.request('PUT', '/api/v1/reorder-rules', { productId: pen.id, warehouseId: 'nope', reorderPoint: 5 });
    expect(noWarehouse.body.error.details[0].field).toBe('warehouseId');
    expectError(await (await t.loginAs('sales')).request('PUT', '/api/v1/reorder-rules', { productId: pen.id, warehouseId: w1.id, reorderPoint: 5 }), 403, 'FORBIDDEN');
    expect((await buyer.get('/api/v1/reorder-rules')).body.items).toHaveLength(0);
  });
});
