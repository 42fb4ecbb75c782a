import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`replenishment suggestions with their reason, and draft purchase orders from them ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let buyer: TestClient;
  let w1: Json;
  let cola: Json;
  let tea: Json;
  let acme: Json;
  let leaf: Json;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    buyer = await t.loginAs('purchasing');
    w1 = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true })).body;
    cola = (await admin.post('/api/v1/products', { sku: 'COLA', name: '可乐', baseUnit: '瓶', units: [{ name: '箱', factor: 24 }], listPrice: 350, costPrice: 200 })).body;
    tea = (await admin.post('/api/v1/products', { sku: 'TEA', name: '绿茶', baseUnit: '瓶', listPrice: 400, costPrice: 250 })).body;
    acme = (await admin.post('/api/v1/suppliers', { code: 'S1', name: '饮料批发', leadTimeDays: 10, products: [{ productId: cola.id, price: 180, moq: 100, packSize: 24 }] })).body;
    leaf = (await admin.post('/api/v1/suppliers', { code: 'S2', name: '茶厂', leadTimeDays: 7, products: [{ productId: tea.id, price: 200 }] })).body;
    expect(acme.products[0]).toMatchObject({ moq: 100, packSize: 24 });
    const shop = (await admin.post('/api/v1/customers', { code: 'C1', name: '小店' })).body;
    await admin.post('/api/v1/stock/opening', { warehouseId: w1.id, lines: [{ productId: cola.id, quantity: 400, unitCost: 150 }, { productId: tea.id, quantity: 40, unitCost: 200 }] });
    // 336 colas sold in the last 8 weeks: 42 a week, 60 over a 10-day lead time.
    for (const q of [200, 136]) {
      const so = await admin.post('/api/v1/sales-orders', { customerId: shop.id, confirm: true, lines: [{ productId: cola.id, quantity: q }] });
      expect(so.status, JSON.stringify(so.body)).toBe(201);
    }
    await buyer.request('PUT', '/api/v1/reorder-rules', { productId: cola.id, warehouseId: w1.id, reorderPoint: 70, safetyStock: 20 });
    await buyer.request('PUT', '/api/v1/reorder-rules', { productId: tea.id, warehouseId: w1.id, min: 50, max: 100 });
  });
  afterAll(() => t.close());

  it('suggests demand over the lead time + safety stock − (available + incoming), rounded up to MOQ and pack size, and says why in zh and en', async () => {
    const res = await buyer.get('/api/v1/replenishment/suggestions', { query: { warehouseId: w1.id } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [c, tt] = res.body.items;
    // Cola: 64 available; target 60 + 20 = 80 → need 16 → MOQ 100 → packs of 24: 120 (5 箱).
    expect(c).toMatchObject({
      sku: 'COLA', available: 64, incoming: 0, soldInPeriod: 336, weeklyDemand: 42, leadTimeDays: 10, demandOverLeadTime: 60, safetyStock: 20, reorderPoint: 70,
      supplierId: acme.id, moq: 100, packSize: 24, need: 16, suggestedQuantity: 120, orderUnit: { name: '箱', factor: 24, quantity: 5 },
    });
    expect(c.reason.zh).toBe('近 8 周平均每周销售 42 瓶；供货周期 10 天，期间预计需求 60 瓶；安全库存 20；可用 64 + 在途 0 = 64；缺 16，按起订量 100、每包 24 取整为 120 瓶');
    expect(c.reason.en).toBe('sold 42 瓶 a week over the last 8 weeks; lead time 10 days, so 60 expected over the lead time; safety stock 20; available 64 + incoming 0 = 64; short 16, rounded up to the MOQ 100 and packs of 24: 120 瓶');
    // Tea: min/max, 40 ≤ min 50 → up to 100: 60.
    expect(tt).toMatchObject({ sku: 'TEA', method: 'min_max', need: 60, suggestedQuantity: 60, supplierId: leaf.id, orderUnit: { name: '瓶', quantity: 60 } });
    expect(tt.reason.en).toContain('no sales over the last 8 weeks; min 50, max 100');
  });

  it('turns selected rows into draft purchase orders, one per supplier, in one action', async () => {
    const res = await buyer.post('/api/v1/replenishment/purchase-orders', { rows: [{ productId: cola.id, warehouseId: w1.id }, { productId: tea.id, warehouseId: w1.id, quantity: 48 }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const orders = res.body.orders;
    expect(orders).toHaveLength(2);
    const bySupplier = Object.fromEntries(orders.map((o: Json) => [o.supplierId, o]));
    expect(bySupplier[acme.id]).toMatchObject({ status: 'draft', warehouseId: w1.id });
    expect(bySupplier[acme.id].lines[0]).toMatchObject({ productId: cola.id, unitName: '箱', quantity: 5, baseQuantity: 120, unitPrice: 180 * 24 });
    expect(bySupplier[leaf.id].lines[0]).toMatchObject({ productId: tea.id, baseQuantity: 48, unitPrice: 200 });
    // Drafts are not incoming yet: the suggestion stays until they are submitted.
    expect((await buyer.get('/api/v1/replenishment/suggestions')).body.items.find((s: Json) => s.sku === 'COLA').incoming).toBe(0);
    await buyer.post(`/api/v1/purchase-orders/${bySupplier[acme.id].id}/submit`);
    const after = (await buyer.get('/api/v1/replenishment/suggestions')).body.items;
    expect(after.find((s: Json) => s.sku === 'COLA')).toBeUndefined();
  });

  it('refuses unknown products or warehouses and rows with nothing to order, writing nothing', async () => {
    const before = Number((await t.db.selectFrom('purchaseOrders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const unknown = await buyer.post('/api/v1/replenishment/purchase-orders', { rows: [{ productId: 'nope', warehouseId: w1.id }, { productId: tea.id, warehouseId: 'nope' }] });
    expectError(unknown, 404, 'NOT_FOUND');
    expect(unknown.body.error.details.map((d: Json) => d.field)).toEqual(['rows.0.productId', 'rows.1.warehouseId']);
    const nothing = await buyer.post('/api/v1/replenishment/purchase-orders', { rows: [{ productId: tea.id, warehouseId: w1.id }, { productId: cola.id, warehouseId: w1.id }] }, { headers: { 'accept-language': 'en' } });
    expectError(nothing, 422, 'NOTHING_TO_ORDER');
    expect(nothing.body.error.details[0]).toMatchObject({ field: 'rows.1.quantity', message: 'Nothing to order; give a quantity' });
    expectError(await buyer.post('/api/v1/replenishment/purchase-orders', { rows: [{ productId: tea.id, warehouseId: w1.id, quantity: -3 }] }), 400, 'VALIDATION_FAILED');
    expect(Number((await t.db.selectFrom('purchaseOrders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(before);
  });
});
