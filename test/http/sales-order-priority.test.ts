import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`changing a sales order's priority ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let clerk: TestClient;
  let bag: Json;
  let acme: Json;
  let shop: Json;
  const en = { headers: { 'accept-language': 'en' } };
  const order = async (quantity: number, extra: Json = {}) => {
    const res = await clerk.post('/api/v1/sales-orders', { customerId: shop.id, confirm: true, shortage: 'backorder', lines: [{ productId: bag.id, quantity }], ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const priority = (id: string, body: unknown, opts?: Json) => clerk.request('PATCH', `/api/v1/sales-orders/${id}/priority`, body, opts);
  const reserved = async (id: string) => (await admin.get(`/api/v1/sales-orders/${id}`)).body.lines[0].reserved;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    clerk = await t.loginAs('sales');
    await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true });
    bag = (await admin.post('/api/v1/products', { sku: 'BAG', name: '帆布包', baseUnit: '个', listPrice: 5000, costPrice: 2000 })).body;
    acme = (await admin.post('/api/v1/suppliers', { code: 'S1', name: '箱包厂' })).body;
    shop = (await admin.post('/api/v1/customers', { code: 'C1', name: '小店' })).body;
  });
  afterAll(() => t.close());

  it('sets it on create (default normal), changes it on a waiting order, audits it, and the next receipt serves the new order first', async () => {
    const first = await order(3);
    const second = await order(3, { priority: 'low' });
    expect([first.priority, second.priority]).toEqual(['normal', 'low']);
    const res = await priority(second.id, { priority: 'urgent' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: second.id, priority: 'urgent', status: 'confirmed' });
    expect(res.body.lines[0]).toMatchObject({ reserved: 0, backordered: 3 });
    // The same value again is a no-op: no second audit entry.
    expect((await priority(second.id, { priority: 'urgent' })).status).toBe(200);
    const audit = (await admin.get('/api/v1/audit-log', { query: { entity: 'salesOrder', entityId: second.id } })).body.items;
    expect(audit.filter((a: Json) => String(a.summary).includes('priority'))).toHaveLength(1);
    expect(audit.find((a: Json) => String(a.summary).includes('priority'))).toMatchObject({ summary: `${second.number} priority low → urgent`, after: { priority: 'urgent' } });
    // 3 arrive: the urgent (formerly low) order takes them although it came second.
    await admin.post('/api/v1/purchase-receipts', { warehouseId: first.warehouseId, supplierId: acme.id, lines: [{ productId: bag.id, quantity: 3, unitCost: 2000 }] });
    expect(await reserved(second.id)).toBe(3);
    expect(await reserved(first.id)).toBe(0);
  });

  it('refuses a value outside urgent/high/normal/low, a missing one, an order that is done, an unknown order, a user without sales:write; nothing written', async () => {
    const o = await order(1);
    for (const body of [{ priority: 5 }, { priority: 'top' }, {}, { priority: 'high', extra: 1 }]) {
      const res = await priority(o.id, body, en);
      expectError(res, 400, 'VALIDATION_FAILED');
    }
    const bad = await priority(o.id, { priority: 'top' }, en);
    expect(bad.body.error.details[0]).toMatchObject({ field: 'priority', message: 'Priority must be urgent, high, normal or low' });
    const zh = await priority(o.id, { priority: 2 });
    expect(zh.body.error.details[0].message).toContain('优先级须为');
    // POST refuses the same values.
    const badCreate = await clerk.post('/api/v1/sales-orders', { customerId: shop.id, priority: 'top', lines: [{ productId: bag.id, quantity: 1 }] });
    expectError(badCreate, 400, 'VALIDATION_FAILED');
    expect(badCreate.body.error.details[0].field).toBe('priority');
    expect((await clerk.post(`/api/v1/sales-orders/${o.id}/cancel`)).status).toBe(200);
    const done = await priority(o.id, { priority: 'high' }, en);
    expectError(done, 409, 'ORDER_STATE');
    expect(done.body.error.details[0].field).toBe('priority');
    expect(done.body.error.message).toContain('cancelled');
    expectError(await priority('nope', { priority: 'high' }), 404, 'NOT_FOUND');
    const keeper = await t.loginAs('warehouse');
    const other = await order(1);
    expectError(await keeper.request('PATCH', `/api/v1/sales-orders/${other.id}/priority`, { priority: 'high' }), 403, 'FORBIDDEN');
    expect((await admin.get(`/api/v1/sales-orders/${o.id}`)).body.priority).toBe('normal');
    expect((await admin.get(`/api/v1/sales-orders/${other.id}`)).body.priority).toBe('normal');
  });

  it('is in the OpenAPI document with its body', async () => {
    const doc = (await admin.get('/api/openapi.json')).body;
    const op = doc.paths['/api/v1/sales-orders/{id}/priority'].patch;
    expect(op.requestBody.content['application/json'].schema.properties.priority.enum).toEqual(['urgent', 'high', 'normal', 'low']);
  });
});
