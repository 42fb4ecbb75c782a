import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`editing and duplicating sales orders ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let wh: Json;
  let p: Json;
  let c: Json;
  const available = async () => (await admin.get('/api/v1/stock', { query: { productId: p.id } })).body.items[0].available;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    wh = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '仓' })).body;
    p = (await admin.post('/api/v1/products', { sku: 'P', name: '商品', listPrice: 1000, costPrice: 500 })).body;
    c = (await admin.post('/api/v1/customers', { code: 'C', name: '客户' })).body;
    await admin.post('/api/v1/stock/opening', { warehouseId: wh.id, lines: [{ productId: p.id, quantity: 20, unitCost: 500 }] });
  });
  afterAll(() => t.close());

  it('editing a confirmed order re-reserves the new quantities', async () => {
    const o = (await admin.post('/api/v1/sales-orders', { customerId: c.id, confirm: true, lines: [{ productId: p.id, quantity: 5 }] })).body;
    expect(await available()).toBe(15);
    const edited = await admin.patch(`/api/v1/sales-orders/${o.id}`, { lines: [{ productId: p.id, quantity: 8 }] });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ status: 'confirmed', number: o.number, total: 8000 });
    expect(edited.body.lines[0].reserved).toBe(8);
    expect(await available()).toBe(12);
    expect((await admin.get('/api/v1/admin/verify-stock')).body.ok).toBe(true);
  });

  it('an edit that cannot be reserved is refused whole: the order and its reservation stay as they were', async () => {
    const o = (await admin.get('/api/v1/sales-orders', { query: { status: 'confirmed' } })).body.items[0];
    const res = await admin.patch(`/api/v1/sales-orders/${o.id}`, { lines: [{ productId: p.id, quantity: 50 }] });
    expectError(res, 409, 'INSUFFICIENT_STOCK');
    const after = (await admin.get(`/api/v1/sales-orders/${o.id}`)).body;
    expect(after).toMatchObject({ status: 'confirmed', total: 8000 });
    expect(after.lines[0].reserved).toBe(8);
    expect(await available()).toBe(12);
  });

  it('an edit after approval is approved again when a rule trips', async () => {
    await admin.post('/api/v1/approval-rules', { name: '大额', kind: 'total_over', threshold: 10000, approverRole: 'finance' });
    const o = (await admin.get('/api/v1/sales-orders', { query: { status: 'confirmed' } })).body.items[0];
    const res = await admin.patch(`/api/v1/sales-orders/${o.id}`, { lines: [{ productId: p.id, quantity: 11 }] });
    expect(res.body).toMatchObject({ status: 'pending_approval', approvalRole: 'finance' });
    expect(res.body.lines[0].reserved).toBe(0);
    expect(await available()).toBe(20);
  });

  it('duplicating makes a new draft with the same lines and prices; a cancelled order cannot be edited', async () => {
    const o = (await admin.get('/api/v1/sales-orders')).body.items[0];
    const copy = await admin.post(`/api/v1/sales-orders/${o.id}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ status: 'draft', customerId: c.id, source: 'duplicate' });
    expect(copy.body.number).not.toBe(o.number);
    expect(copy.body.lines.map((l: Json) => [l.productId, l.quantity, l.unitPrice])).toEqual([[p.id, 11, 1000]]);
    const confirmed = await admin.post(`/api/v1/sales-orders/${copy.body.id}/confirm`, {});
    expect(confirmed.body.status).toBe('pending_approval');
    await admin.post(`/api/v1/sales-orders/${copy.body.id}/cancel`);
    expectError(await admin.patch(`/api/v1/sales-orders/${copy.body.id}`, { lines: [{ productId: p.id, quantity: 1 }] }), 409, 'ORDER_STATE');
  });
});
