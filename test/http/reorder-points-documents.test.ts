import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStock } from '../../src/server/modules/inventory/index.js';
import { createTestApp, dialectLabel, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`reorder points after transfers, stock counts and short picks ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let w1: Json;
  let w2: Json;
  let pen: Json;
  const alerts = async (warehouseId: string) => (await admin.get('/api/v1/alerts', { query: { kind: 'reorder_point', pageSize: 100 } })).body.items
    .filter((a: Json) => a.data.warehouseId === warehouseId).map((a: Json) => a.status).sort();
  const ok = (res: { status: number; body: Json }, status = 201) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };
  const transfer = async (quantity: number) =>
    ok(await admin.post('/api/v1/stock-transfers', { fromWarehouseId: w1.id, toWarehouseId: w2.id, ship: true, lines: [{ productId: pen.id, quantity }] }));
  const count = async (counted: number) => {
    const c = ok(await admin.post('/api/v1/stock-counts', { warehouseId: w1.id }));
    ok(await admin.post(`/api/v1/stock-counts/${c.id}/scans`, { lines: [{ productId: pen.id, quantity: counted }] }), 200);
    return ok(await admin.post(`/api/v1/stock-counts/${c.id}/approve`), 200);
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    w1 = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true })).body;
    w2 = (await admin.post('/api/v1/warehouses', { code: 'W2', name: '门店' })).body;
    pen = (await admin.post('/api/v1/products', { sku: 'PEN', name: '中性笔', baseUnit: '支', listPrice: 300, costPrice: 100 })).body;
    await admin.post('/api/v1/stock/opening', { warehouseId: w1.id, lines: [{ productId: pen.id, quantity: 100, unitCost: 100 }] });
    ok(await admin.request('PUT', '/api/v1/reorder-rules', { productId: pen.id, warehouseId: w1.id, reorderPoint: 50 }));
    // The store has nothing yet: setting its rule raises its alert at once.
    ok(await admin.request('PUT', '/api/v1/reorder-rules', { productId: pen.id, warehouseId: w2.id, reorderPoint: 10 }));
  });
  afterAll(() => t.close());

  it('a transfer shipped out of a warehouse to below its point raises one alert; received, it clears the destination’s', async () => {
    expect(await alerts(w1.id)).toEqual([]);
    expect(await alerts(w2.id)).toEqual(['open']);
    const tr = await transfer(60); // 40 left in W1, at or below 50
    expect(await alerts(w1.id)).toEqual(['open']);
    await transfer(5); // still below: no second alert
    expect(await alerts(w1.id)).toEqual(['open']);
    const open = (await admin.get('/api/v1/alerts', { query: { kind: 'reorder_point', status: 'open' } })).body.items.find((a: Json) => a.data.warehouseId === w1.id);
    expect(open.data).toMatchObject({ available: 40, incoming: 0, reorderPoint: 50 }); // as it was when raised
    ok(await admin.post(`/api/v1/stock-transfers/${tr.id}/receive`), 200); // 60 in W2, above 10
    expect(await alerts(w2.id)).toEqual(['resolved']);
    expect((await verifyStock(t.db)).ok).toBe(true);
  });

  it('an approved stock count moves the position: found stock clears the alert, a loss raises a new one', async () => {
    await count(80); // 35 → 80
    expect(await alerts(w1.id)).toEqual(['resolved']);
    await count(30); // 80 → 30
    expect(await alerts(w1.id)).toEqual(['open', 'resolved']);
    expect((await verifyStock(t.db)).ok).toBe(true);
  });

  it('a short pick releases its reservation and the rule looks again', async () => {
    ok(await admin.request('PUT', '/api/v1/reorder-rules', { productId: pen.id, warehouseId: w1.id, reorderPoint: 10 }), 200); // 30 > 10: clears
    expect(await alerts(w1.id)).toEqual(['resolved', 'resolved']);
    const shop = ok(await admin.post('/api/v1/customers', { code: 'C1', name: '小店' }));
    const order = ok(await admin.post('/api/v1/sales-orders', { customerId: shop.id, confirm: true, lines: [{ productId: pen.id, quantity: 25 }] }));
    expect(await alerts(w1.id)).toEqual(['open', 'resolved', 'resolved']); // available 5
    const list = ok(await admin.post('/api/v1/pick-lists', { orderIds: [order.id] }));
    // 5 found of 25: 20 go back to the order as backordered, available 25 again, above 10.
    const confirmed = ok(await admin.post(`/api/v1/pick-lists/${list.id}/confirm`, { lines: [{ lineId: list.lines[0].id, picked: 5 }] }), 200);
    expect(confirmed.lines[0]).toMatchObject({ status: 'short', short: 20 });
    expect(await alerts(w1.id)).toEqual(['resolved', 'resolved', 'resolved']);
    expect((await verifyStock(t.db)).ok).toBe(true);
  });
});
