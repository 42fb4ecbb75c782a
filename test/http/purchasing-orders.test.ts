import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`purchase orders: entry, approval, states ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let w1: Json;
  let w2: Json;
  let cola: Json;
  let tea: Json;
  let acme: Json;
  let idle: Json;
  const count = async (table: 'purchaseOrders' | 'purchaseOrderLines' | 'auditLog' | 'outbox') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    w1 = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true })).body;
    w2 = (await admin.post('/api/v1/warehouses', { code: 'W2', name: '门店仓' })).body;
    cola = (await admin.post('/api/v1/products', { sku: 'COLA', name: '可乐', baseUnit: '瓶', units: [{ name: '箱', factor: 24 }], listPrice: 350, costPrice: 200 })).body;
    tea = (await admin.post('/api/v1/products', { sku: 'TEA', name: '绿茶', baseUnit: '瓶', listPrice: 400, costPrice: 250, taxRate: 9 })).body;
    acme = (await admin.post('/api/v1/suppliers', { code: 'S1', name: '饮料批发', leadTimeDays: 5, products: [{ productId: cola.id, price: 180 }] })).body;
    idle = (await admin.post('/api/v1/suppliers', { code: 'S2', name: '停用供应商' })).body;
    await admin.post(`/api/v1/suppliers/${idle.id}/deactivate`);
  });
  afterAll(() => t.close());

  it('creates a draft numbered PO-yyyymmdd-nnnn: pack units in base units, prices from the supplier (× factor) or the cost price', async () => {
    const res = await admin.post('/api/v1/purchase-orders', {
      supplierId: acme.id, expectedDate: '2026-12-10', lines: [{ productId: cola.id, quantity: 2, unit: '箱' }, { productId: tea.id, quantity: 10 }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const o = res.body;
    expect(o.number).toMatch(/^PO-\d{8}-\d{4}$/);
    expect(o).toMatchObject({ status: 'draft', supplierName: '饮料批发', warehouseId: w1.id, expectedDate: '2026-12-10', pricesIncludeTax: true, overReceiptPercent: null });
    expect(o.lines.map((l: Json) => [l.sku, l.unitName, l.quantity, l.baseQuantity, l.unitPrice, l.total, l.received, l.open])).toEqual([
      ['COLA', '箱', 2, 48, 4320, 8640, 0, 0],
      ['TEA', '瓶', 10, 10, 250, 2500, 0, 0],
    ]);
    // tax out of 8640 at 13% = round(993.98) = 994; out of 2500 at 9% = round(206.42) = 206
    expect(o).toMatchObject({ total: 11140, tax: 1200, net: 9940 });
    const got = await admin.get(`/api/v1/purchase-orders/${o.id}`);
    expect(got.body).toEqual(o);
  });

  it('edits a draft, submits it (ordered; open quantities count), and refuses to edit it after', async () => {
    const draft = (await admin.post('/api/v1/purchase-orders', { supplierId: acme.id, lines: [{ productId: tea.id, quantity: 5 }] })).body;
    const edited = await admin.patch(`/api/v1/purchase-orders/${draft.id}`, { warehouseId: w2.id, pricesIncludeTax: false, lines: [{ productId: tea.id, quantity: 6, unitPrice: 200, expectedDate: '2026-12-20' }] });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ status: 'draft', warehouseId: w2.id, net: 1200, tax: 108, total: 1308 });
    expect(edited.body.lines[0]).toMatchObject({ warehouseId: w2.id, quantity: 6, expectedDate: '2026-12-20' });
    const submitted = await admin.post(`/api/v1/purchase-orders/${draft.id}/submit`);
    expect(submitted.body).toMatchObject({ status: 'ordered', approvalReasons: [] });
    expect(submitted.body.orderedAt).toBeTruthy();
    expect(submitted.body.lines[0].open).toBe(6);
    const again = await admin.patch(`/api/v1/purchase-orders/${draft.id}`, { lines: [{ productId: tea.id, quantity: 1 }] }, { headers: { 'accept-language': 'en' } });
    expectError(again, 409, 'PURCHASE_ORDER_STATE');
    expect(again.body.error.message).toBe(`Purchase order ${draft.number} is ordered; cannot edit it`);
    const event = await t.db.selectFrom('outbox').select(['topic', 'payload']).where('topic', '=', 'purchase_order.ordered').execute();
    expect(event.map((e) => JSON.parse(e.payload).number)).toContain(draft.number);
  });

  it('holds an order over the approval threshold for the approver role; a purchaser cannot approve, finance can, a rejection needs a reason', async () => {
    const purchaser = await t.loginAs('purchasing');
    const finance = await t.loginAs('finance');
    const set = await admin.patch('/api/v1/purchasing/settings', { approvalThreshold: 100000, approverRole: 'finance' });
    expect(set.body).toMatchObject({ approvalThreshold: 100000, approverRole: 'finance', overReceiptPercent: 0 });
    expectError(await purchaser.patch('/api/v1/purchasing/settings', { overReceiptPercent: 5 }), 403, 'FORBIDDEN');
    const big = await purchaser.post('/api/v1/purchase-orders', { supplierId: acme.id, submit: true, lines: [{ productId: cola.id, quantity: 30, unit: '箱' }] });
    expect(big.status, JSON.stringify(big.body)).toBe(201);
    expect(big.body).toMatchObject({ status: 'pending_approval', approvalRole: 'finance', approvalReasons: [{ zh: '采购金额 ¥1296.00 超过 ¥1000.00' }] });
    expect(big.body.lines[0].open).toBe(0);
    const alert = await t.db.selectFrom('alerts').select(['targetRole', 'status']).where('entityId', '=', big.body.id).executeTakeFirst();
    expect(alert).toEqual({ targetRole: 'finance', status: 'open' });
    expectError(await purchaser.post(`/api/v1/purchase-orders/${big.body.id}/approve`), 403, 'FORBIDDEN');
    expectError(await finance.post(`/api/v1/purchase-orders/${big.body.id}/reject`, {}), 400, 'VALIDATION_FAILED');
    const rejected = await finance.post(`/api/v1/purchase-orders/${big.body.id}/reject`, { comment: '数量太多' });
    expect(rejected.body).toMatchObject({ status: 'draft', approvalComment: '数量太多' });
    await purchaser.post(`/api/v1/purchase-orders/${big.body.id}/submit`);
    const approved = await finance.post(`/api/v1/purchase-orders/${big.body.id}/approve`, { comment: 'ok' });
    expect(approved.body).toMatchObject({ status: 'ordered', approvedBy: finance.user.name });
    expect((await t.db.selectFrom('alerts').select('status').where('entityId', '=', big.body.id).execute()).map((a) => a.status)).toEqual(['resolved', 'resolved']);
    await admin.patch('/api/v1/purchasing/settings', { approvalThreshold: null, approverRole: 'admin' });
  });

  it('cancels an order nothing has arrived against, and closes an ordered one; a cancelled order cannot be submitted or closed', async () => {
    const o = (await admin.post('/api/v1/purchase-orders', { supplierId: acme.id, submit: true, lines: [{ productId: tea.id, quantity: 3 }] })).body;
    const cancelled = await admin.post(`/api/v1/purchase-orders/${o.id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    expect(cancelled.body.cancelledAt).toBeTruthy();
    const again = await admin.post(`/api/v1/purchase-orders/${o.id}/submit`);
    expectError(again, 409, 'PURCHASE_ORDER_STATE');
    expect(again.body.error.message).toContain('已作废');
    expectError(await admin.post(`/api/v1/purchase-orders/${o.id}/close`), 409, 'PURCHASE_ORDER_STATE');
    const other = (await admin.post('/api/v1/purchase-orders', { supplierId: acme.id, submit: true, lines: [{ productId: tea.id, quantity: 3 }] })).body;
    const closed = await admin.post(`/api/v1/purchase-orders/${other.id}/close`, { comment: '供应商缺货' });
    expect(closed.body).toMatchObject({ status: 'closed' });
    expect(closed.body.lines[0].open).toBe(0);
    const history = (await admin.get(`/api/v1/purchase-orders/${other.id}/history`)).body;
    expect(history.map((h: Json) => [h.action, h.toStatus, h.comment])).toEqual([['create', 'draft', null], ['submit', 'ordered', null], ['close', 'closed', '供应商缺货']]);
  });

  it('refuses bad input with a code, the field and a message in the caller’s language, and writes nothing', async () => {
    const before = await Promise.all([count('purchaseOrders'), count('purchaseOrderLines'), count('auditLog')]);
    const en = { headers: { 'accept-language': 'en' } };
    const noSupplier = await admin.post('/api/v1/purchase-orders', { supplierId: 'nope', lines: [{ productId: cola.id, quantity: 1 }] }, en);
    expectError(noSupplier, 404, 'NOT_FOUND');
    expect(noSupplier.body.error.details).toEqual([{ field: 'supplierId', message: 'No such supplier' }]);
    const inactive = await admin.post('/api/v1/purchase-orders', { supplierId: idle.id, lines: [{ productId: cola.id, quantity: 1 }] });
    expectError(inactive, 400, 'INACTIVE');
    expect(inactive.body.error.details[0]).toMatchObject({ field: 'supplierId', message: '供应商已停用' });
    const unknown = await admin.post('/api/v1/purchase-orders', { supplierId: acme.id, lines: [{ productId: cola.id, quantity: 1 }, { productId: 'ghost', quantity: 1 }] }, en);
    expectError(unknown, 404, 'NOT_FOUND');
    expect(unknown.body.error.details).toEqual([{ field: 'lines.1.productId', message: 'No such product' }]);
    const zero = await admin.post('/api/v1/purchase-orders', { supplierId: acme.id, lines: [{ productId: cola.id, quantity: 0 }, { productId: cola.id, quantity: -2 }] });
    expectError(zero, 400, 'VALIDATION_FAILED');
    expect(zero.body.error.details.map((d: Json) => [d.field, d.message])).toEqual([['lines.0.quantity', '数量须大于 0'], ['lines.1.quantity', '数量须大于 0']]);
    const unit = await admin.post('/api/v1/purchase-orders', { supplierId: acme.id, lines: [{ productId: tea.id, quantity: 1, unit: '箱' }] }, en);
    expectError(unit, 400, 'VALIDATION_FAILED');
    expect(unit.body.error.details).toEqual([{ field: 'lines.0.unit', message: 'Product "绿茶" has no unit "箱"' }]);
    const wh = await admin.post('/api/v1/purchase-orders', { supplierId: acme.id, warehouseId: 'nowhere', lines: [{ productId: tea.id, quantity: 1 }] });
    expectError(wh, 404, 'NOT_FOUND');
    expect(wh.body.error.details[0].field).toBe('warehouseId');
    expectError(await admin.get('/api/v1/purchase-orders/none'), 404, 'NOT_FOUND');
    expect(await Promise.all([count('purchaseOrders'), count('purchaseOrderLines'), count('auditLog')])).toEqual(before);
  });

  it('replays a create with the same Idempotency-Key and refuses another body under it', async () => {
    const body = { supplierId: acme.id, lines: [{ productId: tea.id, quantity: 7 }] };
    const key = { headers: { 'idempotency-key': 'po-key-1' } };
    const first = await admin.post('/api/v1/purchase-orders', body, key);
    const again = await admin.post('/api/v1/purchase-orders', body, key);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.number).toBe(first.body.number);
    expectError(await admin.post('/api/v1/purchase-orders', { ...body, notes: 'x' }, key), 422, 'IDEMPOTENCY_MISMATCH');
  });

  it('lists with filters (status, supplier, product, expected dates, search) and sorts', async () => {
    const list = async (query: Record<string, string>) => (await admin.get('/api/v1/purchase-orders', { query })).body;
    const all = await list({ pageSize: '100' });
    expect(all.total).toBeGreaterThanOrEqual(6);
    expect((await list({ status: 'cancelled' })).items.every((o: Json) => o.status === 'cancelled')).toBe(true);
    expect((await list({ supplierId: idle.id })).total).toBe(0);
    const withCola = await list({ productId: cola.id, pageSize: '100' });
    expect(withCola.items.length).toBeGreaterThan(0);
    expect(withCola.items.every((o: Json) => o.lines === undefined)).toBe(true);
    expect((await list({ expectedFrom: '2026-12-01', expectedTo: '2026-12-15' })).items.map((o: Json) => o.expectedDate)).toEqual(['2026-12-10']);
    const numbers = (await list({ sort: 'number', pageSize: '100' })).items.map((o: Json) => o.number);
    expect(numbers).toEqual([...numbers].sort());
    expect((await list({ q: '饮料' })).total).toBe(all.total);
    expectError(await admin.get('/api/v1/purchase-orders', { query: { status: 'shipped' } }), 400, 'VALIDATION_FAILED');
    const csv = await admin.get('/api/v1/purchase-orders/export', { query: { format: 'csv', status: 'cancelled' }, headers: { 'accept-language': 'en' } });
    expect(csv.status).toBe(200);
    expect(String(csv.body).split('\n')[0]).toContain('Number');
    expect(String(csv.body)).toContain('cancelled');
  });

  it('lets purchasing write orders, warehouse and viewers only read them', async () => {
    const viewer = await t.loginAs('viewer');
    const keeper = await t.loginAs('warehouse');
    const purchaser = await t.loginAs('purchasing');
    const body = { supplierId: acme.id, lines: [{ productId: tea.id, quantity: 1 }] };
    expectError(await viewer.post('/api/v1/purchase-orders', body), 403, 'FORBIDDEN');
    expectError(await keeper.post('/api/v1/purchase-orders', body), 403, 'FORBIDDEN');
    expect((await viewer.get('/api/v1/purchase-orders')).status).toBe(200);
    expect((await purchaser.post('/api/v1/purchase-orders', body)).status).toBe(201);
  });
});
