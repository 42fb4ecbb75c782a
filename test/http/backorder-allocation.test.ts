import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStock } from '../../src/server/modules/inventory/index.js';
import { createTestApp, dialectLabel, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`backorders reserved automatically when a receipt posts, in priority order ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let w1: Json;
  let bag: Json;
  let acme: Json;
  let shop: Json;
  const order = async (quantity: number, extra: Json = {}) => {
    const res = await admin.post('/api/v1/sales-orders', { customerId: shop.id, confirm: true, shortage: 'backorder', lines: [{ productId: bag.id, quantity }], ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const line = async (id: string) => (await admin.get(`/api/v1/sales-orders/${id}`)).body.lines[0];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    w1 = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true })).body;
    bag = (await admin.post('/api/v1/products', { sku: 'BAG', name: '帆布包', baseUnit: '个', listPrice: 5000, costPrice: 2000 })).body;
    acme = (await admin.post('/api/v1/suppliers', { code: 'S1', name: '箱包厂' })).body;
    shop = (await admin.post('/api/v1/customers', { code: 'C1', name: '小店' })).body;
  });
  afterAll(() => t.close());

  it('reserves waiting lines by priority, then requested date, then order date, and writes backorder.allocated per order', async () => {
    const old = await order(4);
    const late = await order(4, { requestedDate: '2099-12-31' });
    const soon = await order(4, { requestedDate: '2099-01-01' });
    const urgent = await order(4, { priority: 'urgent' });
    expect(urgent.priority).toBe('urgent');
    expect(urgent.lines[0].backordered).toBe(4);
    const po = (await admin.post('/api/v1/purchase-orders', { supplierId: acme.id, submit: true, lines: [{ productId: bag.id, quantity: 10, unitPrice: 2260 }] })).body;
    const rk = await admin.post('/api/v1/purchase-receipts', { orderId: po.id, lines: [{ productId: bag.id, quantity: 10 }] });
    expect(rk.status, JSON.stringify(rk.body)).toBe(201);
    // 10 arrive: urgent 4, then the earliest requested date 4, then the later one 2; the undated order waits.
    expect((await line(urgent.id)).reserved).toBe(4);
    expect((await line(soon.id)).reserved).toBe(4);
    expect((await line(late.id)).reserved).toBe(2);
    expect((await line(old.id)).reserved).toBe(0);
    const events = (await t.db.selectFrom('outbox').select(['payload']).where('topic', '=', 'backorder.allocated').execute()).map((e) => JSON.parse(e.payload));
    expect(events.map((e) => [e.number, e.lines[0].granted, e.lines[0].stillBackordered]).sort()).toEqual([[late.number, 2, 2], [soon.number, 4, 0], [urgent.number, 4, 0]].sort());
    expect(events[0]).toMatchObject({ cause: { type: 'purchase_receipt', id: rk.body.id, number: rk.body.number } });
    const stock = (await admin.get('/api/v1/stock', { query: { productId: bag.id, warehouseId: w1.id } })).body.items[0];
    expect(stock).toMatchObject({ onHand: 10, reserved: 10 });
    // An unplanned receipt serves the rest the same way.
    await admin.post('/api/v1/purchase-receipts', { warehouseId: w1.id, supplierId: acme.id, lines: [{ productId: bag.id, quantity: 3, unitCost: 2000 }] });
    expect((await line(late.id)).reserved).toBe(4);
    expect((await line(old.id)).reserved).toBe(1);
    expect((await verifyStock(t.db)).ok).toBe(true);
  });
});
