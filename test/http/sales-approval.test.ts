import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`sales order approval (审核) ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let clerk: TestClient;
  let finance: TestClient;
  let wh: Json;
  let p: Json;
  let known: Json;
  let fresh: Json;
  const available = async () => (await admin.get('/api/v1/stock', { query: { productId: p.id, warehouseId: wh.id } })).body.items[0].available;
  const order = (customerId: string, quantity: number, extra: Json = {}) =>
    clerk.post('/api/v1/sales-orders', { customerId, lines: [{ productId: p.id, quantity, ...extra }], confirm: true });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    clerk = await t.loginAs('sales');
    finance = await t.loginAs('finance');
    wh = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库' })).body;
    p = (await admin.post('/api/v1/products', { sku: 'TV', name: '电视', listPrice: 100000, costPrice: 60000 })).body;
    known = (await admin.post('/api/v1/customers', { code: 'C1', name: '老客户', creditLimit: 500000 })).body;
    fresh = (await admin.post('/api/v1/customers', { code: 'C2', name: '新客户' })).body;
    await admin.post('/api/v1/stock/opening', { warehouseId: wh.id, lines: [{ productId: p.id, quantity: 50, unitCost: 60000 }] });
  });
  afterAll(() => t.close());

  it('only admins manage rules', async () => {
    expectError(await clerk.post('/api/v1/approval-rules', { name: 'x', kind: 'total_over', threshold: 1, approverRole: 'finance' }), 403, 'FORBIDDEN');
    const bad = await admin.post('/api/v1/approval-rules', { name: 'x', kind: 'whatever', approverRole: 'finance' });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.error.details[0].field).toBe('kind');
    // viewers only read, so they cannot be the approving role
    const viewer = await admin.post('/api/v1/approval-rules', { name: 'x', kind: 'total_over', threshold: 1, approverRole: 'viewer' });
    expectError(viewer, 400, 'VALIDATION_FAILED');
    expect(viewer.body.error.details[0].field).toBe('approverRole');
  });

  it('with no rules an order confirms straight away', async () => {
    const res = await order(known.id, 1);
    expect(res.body.status).toBe('confirmed');
  });

  it('an order over the amount goes to the named role; nothing is reserved until approved', async () => {
    await admin.post('/api/v1/approval-rules', { name: '大额订单', kind: 'total_over', threshold: 300000, approverRole: 'finance' });
    const before = await available();
    const res = await order(known.id, 4);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending_approval', approvalRole: 'finance' });
    expect(res.body.approvalReasons[0]).toMatchObject({ name: '大额订单', kind: 'total_over', zh: '订单金额 ¥4000.00 超过 ¥3000.00' });
    expect(res.body.lines[0].reserved).toBe(0);
    expect(res.body).toEqual((await admin.get(`/api/v1/sales-orders/${res.body.id}`)).body);
    expect(await available()).toBe(before);
    expectError(await clerk.post(`/api/v1/sales-orders/${res.body.id}/approve`, {}), 403, 'FORBIDDEN');
    const ok = await finance.post(`/api/v1/sales-orders/${res.body.id}/approve`, { comment: '已确认付款' });
    expect(ok.body).toMatchObject({ status: 'confirmed', approvalComment: '已确认付款' });
    expect(ok.body.lines[0].reserved).toBe(4);
    expect(ok.body).toEqual((await admin.get(`/api/v1/sales-orders/${res.body.id}`)).body);
    expect(await available()).toBe(before - 4);
    expectError(await finance.post(`/api/v1/sales-orders/${res.body.id}/approve`, {}), 409, 'ORDER_STATE');
  });

  it('reject needs a reason and sends the order back to draft', async () => {
    const res = await order(known.id, 5);
    expect(res.body.status).toBe('pending_approval');
    const noReason = await finance.post(`/api/v1/sales-orders/${res.body.id}/reject`, {});
    expectError(noReason, 400, 'VALIDATION_FAILED');
    const rejected = await finance.post(`/api/v1/sales-orders/${res.body.id}/reject`, { comment: '价格需重新确认' });
    expect(rejected.body).toMatchObject({ status: 'draft', approvalComment: '价格需重新确认' });
    // the clerk (who cannot read the audit log) sees who held, rejected and why
    const history = await clerk.get(`/api/v1/sales-orders/${res.body.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.map((h: Json) => [h.action, h.fromStatus, h.toStatus, h.comment])).toEqual([
      ['create', null, 'draft', null],
      ['confirm', 'draft', 'pending_approval', null],
      ['reject', 'pending_approval', 'draft', '价格需重新确认'],
    ]);
    expect(history.body[2].actorName).toBeTruthy();
    expectError(await clerk.get('/api/v1/audit-log'), 403, 'FORBIDDEN');
    expectError(await clerk.get('/api/v1/sales-orders/nope/history'), 404, 'NOT_FOUND');
  });

  it('discount, below-cost, credit and new-customer rules each hold an order with their reason', async () => {
    const rules = (await admin.get('/api/v1/approval-rules')).body.items;
    await admin.patch(`/api/v1/approval-rules/${rules[0].id}`, { status: 'inactive' });
    await admin.post('/api/v1/approval-rules', { name: '折扣超 10%', kind: 'discount_over', threshold: 1000, approverRole: 'sales' });
    await admin.post('/api/v1/approval-rules', { name: '低于成本', kind: 'below_cost', approverRole: 'finance' });
    await admin.post('/api/v1/approval-rules', { name: '超信用额度', kind: 'over_credit', approverRole: 'finance' });
    await admin.post('/api/v1/approval-rules', { name: '新客户', kind: 'new_customer', approverRole: 'sales' });
    await admin.patch(`/api/v1/customers/${known.id}`, { creditLimit: 700000 });
    const kinds = async (res: { body: Json }) => res.body.approvalReasons.map((r: Json) => r.kind);
    expect(await kinds(await order(known.id, 1, { discountPercent: 12 }))).toEqual(['discount_over']);
    expect(await kinds(await order(known.id, 1, { unitPrice: 50000 }))).toEqual(['below_cost']);
    // open: ¥5000 confirmed + ¥880 and ¥500 waiting = ¥6380; one more ¥1000 passes the ¥7000 limit (the rejected draft does not count)
    expect(await kinds(await order(known.id, 1))).toEqual(['over_credit']);
    expect(await kinds(await order(fresh.id, 1))).toEqual(['new_customer']);
    const held = await order(fresh.id, 1);
    expect((await clerk.post(`/api/v1/sales-orders/${held.body.id}/approve`, {})).body.status).toBe('confirmed');
  });

  it('every approval step is in the audit log', async () => {
    const log = await admin.get('/api/v1/audit-log', { query: { entity: 'salesOrder', action: 'update', pageSize: 100 } });
    const summaries = log.body.items.map((e: Json) => e.summary as string);
    expect(summaries.some((s: string) => s.endsWith('approve: 已确认付款'))).toBe(true);
    expect(summaries.some((s: string) => s.endsWith('reject: 价格需重新确认'))).toBe(true);
  });
});
