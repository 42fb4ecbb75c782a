import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStock } from '../../src/server/modules/inventory/index.js';
import { businessDate } from '../../src/server/platform/clock.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

/** The business date `n` days from today (YYYY-MM-DD). */
const inDays = (n: number) => {
  const d = new Date(`${businessDate()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

describe(`purchase receipts: partial, tolerance, unplanned, cost, incoming ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let keeper: TestClient;
  let w1: Json;
  let w2: Json;
  let cola: Json;
  let tea: Json;
  let acme: Json;
  const stock = async (productId: string, warehouseId: string) => (await admin.get('/api/v1/stock', { query: { productId, warehouseId } })).body.items[0];
  const order = async (lines: Json[], extra: Json = {}) => {
    const res = await admin.post('/api/v1/purchase-orders', { supplierId: acme.id, submit: true, lines, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const count = async (table: 'purchaseReceipts' | 'purchaseReceiptLines' | 'stockMovements' | 'auditLog') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const counts = () => Promise.all([count('purchaseReceipts'), count('purchaseReceiptLines'), count('stockMovements'), count('auditLog')]);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    keeper = await t.loginAs('warehouse');
    w1 = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true })).body;
    w2 = (await admin.post('/api/v1/warehouses', { code: 'W2', name: '门店仓' })).body;
    cola = (await admin.post('/api/v1/products', { sku: 'COLA', name: '可乐', baseUnit: '瓶', units: [{ name: '箱', factor: 24 }], listPrice: 350, costPrice: 200 })).body;
    tea = (await admin.post('/api/v1/products', { sku: 'TEA', name: '绿茶', baseUnit: '瓶', listPrice: 400, costPrice: 250, taxRate: 9 })).body;
    acme = (await admin.post('/api/v1/suppliers', { code: 'S1', name: '饮料批发', leadTimeDays: 5, products: [{ productId: cola.id, price: 180 }] })).body;
    await admin.post('/api/v1/stock/opening', { warehouseId: w1.id, lines: [{ productId: cola.id, quantity: 24, unitCost: 150 }] });
  });
  afterAll(() => t.close());

  it('receives part of an order (pack units to base units) at the order’s net price: moving-average cost, received quantities, status, incoming', async () => {
    // 2 箱 at 4520 incl. 13% VAT: net 8000 for 48 bottles = 166.67 → 167 per bottle
    const po = await order([{ productId: cola.id, quantity: 2, unit: '箱', unitPrice: 4520 }], { expectedDate: '2026-12-05' });
    expect(po.lines[0]).toMatchObject({ net: 8000, baseQuantity: 48, open: 48 });
    expect((await stock(cola.id, w1.id)).incoming).toBe(48);
    const res = await keeper.post('/api/v1/purchase-receipts', { orderId: po.id, lines: [{ orderLineId: po.lines[0].id, quantity: 1 }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const r = res.body;
    expect(r.number).toMatch(/^RK-\d{8}-\d{4}$/);
    expect(r).toMatchObject({ kind: 'order', orderId: po.id, orderNumber: po.number, supplierName: '饮料批发', warehouseId: w1.id, orderStatus: 'partially_received', lineCount: 1 });
    expect(r.lines[0]).toMatchObject({ unitName: '箱', quantity: 1, baseQuantity: 24, unitCost: 167, costAmount: 24 * 167 });
    const after = await admin.get(`/api/v1/purchase-orders/${po.id}`);
    expect(after.body.status).toBe('partially_received');
    expect(after.body.lines[0]).toMatchObject({ received: 24, open: 24 });
    const level = await stock(cola.id, w1.id);
    // (24 × 150 + 24 × 167) / 48 = 158.5 → 159
    expect(level).toMatchObject({ onHand: 48, incoming: 24, avgCost: 159 });
    const moves = (await admin.get('/api/v1/stock/movements', { query: { productId: cola.id } })).body.items;
    expect(moves[0]).toMatchObject({ kind: 'purchase_in', quantity: 24, unitCost: 167, sourceType: 'purchase_receipt', sourceId: r.id, sourceNumber: r.number });
    // The rest, scanned by product in bottles: the order is received and nothing is incoming any more.
    const rest = await keeper.post('/api/v1/purchase-receipts', { orderId: po.id, lines: [{ productId: cola.id, quantity: 24, unit: '瓶' }] });
    expect(rest.status, JSON.stringify(rest.body)).toBe(201);
    expect(rest.body).toMatchObject({ orderStatus: 'received' });
    expect(await stock(cola.id, w1.id)).toMatchObject({ onHand: 72, incoming: 0 });
    const closed = await admin.post(`/api/v1/purchase-orders/${po.id}/close`);
    expect(closed.body.status).toBe('closed');
    const history = (await admin.get(`/api/v1/purchase-orders/${po.id}/history`)).body;
    expect(history.map((h: Json) => [h.action, h.toStatus, h.comment])).toEqual([
      ['create', 'draft', null], ['submit', 'ordered', null], ['receive', 'partially_received', r.number], ['receive', 'received', rest.body.number], ['close', 'closed', null],
    ]);
    const listed = (await admin.get('/api/v1/purchase-receipts', { query: { orderId: po.id } })).body;
    expect(listed.items.map((x: Json) => x.number).sort()).toEqual([r.number, rest.body.number].sort());
    expect((await verifyStock(t.db)).ok).toBe(true);
  });

  it('refuses receiving beyond the tolerance (0 by default) and allows it within a configured tolerance', async () => {
    const po = await order([{ productId: tea.id, quantity: 100, unitPrice: 109 }]);
    const before = await counts();
    const over = await keeper.post('/api/v1/purchase-receipts', { orderId: po.id, lines: [{ productId: tea.id, quantity: 101 }] }, { headers: { 'accept-language': 'en' } });
    expectError(over, 409, 'OVER_RECEIPT');
    expect(over.body.error.message).toBe('Too many of TEA 绿茶 received: ordered 100, received 0, over-receipt tolerance 0%, at most 100 more, this receipt 101');
    expect(over.body.error.details[0]).toMatchObject({ field: 'lines.0.quantity', allowed: 100, requested: 101 });
    expect(await counts()).toEqual(before);
    expect((await admin.get(`/api/v1/purchase-orders/${po.id}`)).body.lines[0].received).toBe(0);
    await admin.patch('/api/v1/purchasing/settings', { overReceiptPercent: 5 });
    expect((await keeper.post('/api/v1/purchase-receipts', { orderId: po.id, lines: [{ productId: tea.id, quantity: 106 }] })).status).toBe(409);
    const ok = await keeper.post('/api/v1/purchase-receipts', { orderId: po.id, lines: [{ productId: tea.id, quantity: 60 }, { productId: tea.id, quantity: 45 }] });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.orderStatus).toBe('received');
    const got = (await admin.get(`/api/v1/purchase-orders/${po.id}`)).body;
    expect(got.lines[0]).toMatchObject({ received: 105, open: 0 });
    // A received order takes no more, even within the tolerance.
    expectError(await keeper.post('/api/v1/purchase-receipts', { orderId: po.id, lines: [{ productId: tea.id, quantity: 1 }] }), 409, 'PURCHASE_ORDER_STATE');
    await admin.patch('/api/v1/purchasing/settings', { overReceiptPercent: 0 });
    // An order's own tolerance wins over the setting.
    const own = await order([{ productId: tea.id, quantity: 10 }], { overReceiptPercent: 10 });
    expect((await keeper.post('/api/v1/purchase-receipts', { orderId: own.id, lines: [{ productId: tea.id, quantity: 11 }] })).status).toBe(201);
  });

  it('posts an unplanned receipt (no order) at the given cost or the moving average', async () => {
    const res = await keeper.post('/api/v1/purchase-receipts', { warehouseId: w2.id, supplierId: acme.id, note: '样品', lines: [{ productId: cola.id, quantity: 1, unit: '箱', unitCost: 4800 }, { productId: tea.id, quantity: 3 }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind: 'unplanned', orderId: null, orderStatus: null, supplierId: acme.id, warehouseId: w2.id, note: '样品' });
    expect(res.body.lines.map((l: Json) => [l.baseQuantity, l.unitCost])).toEqual([[24, 200], [3, expect.any(Number)]]);
    expect(await stock(tea.id, w2.id)).toMatchObject({ onHand: 3 });
    expect((await verifyStock(t.db)).ok).toBe(true);
  });

  it('refuses bad receipts with a code, the field and a message, writing nothing', async () => {
    const en = { headers: { 'accept-language': 'en' } };
    const po = await order([{ productId: cola.id, quantity: 10 }]);
    const cancelled = await order([{ productId: cola.id, quantity: 10 }]);
    await admin.post(`/api/v1/purchase-orders/${cancelled.id}/cancel`);
    const draft = (await admin.post('/api/v1/purchase-orders', { supplierId: acme.id, lines: [{ productId: cola.id, quantity: 1 }] })).body;
    const before = await counts();
    const onCancelled = await keeper.post('/api/v1/purchase-receipts', { orderId: cancelled.id, lines: [{ productId: cola.id, quantity: 1 }] }, en);
    expectError(onCancelled, 409, 'PURCHASE_ORDER_STATE');
    expect(onCancelled.body.error.message).toBe(`Purchase order ${cancelled.number} is cancelled; cannot receive it`);
    expect(onCancelled.body.error.details[0].field).toBe('orderId');
    expectError(await keeper.post('/api/v1/purchase-receipts', { orderId: draft.id, lines: [{ productId: cola.id, quantity: 1 }] }), 409, 'PURCHASE_ORDER_STATE');
    const noOrder = await keeper.post('/api/v1/purchase-receipts', { orderId: 'nope', lines: [{ productId: cola.id, quantity: 1 }] }, en);
    expectError(noOrder, 404, 'NOT_FOUND');
    expect(noOrder.body.error.details).toEqual([{ field: 'orderId', message: 'No such purchase order' }]);
    const notOn = await keeper.post('/api/v1/purchase-receipts', { orderId: po.id, lines: [{ productId: cola.id, quantity: 1 }, { productId: tea.id, quantity: 1 }] }, en);
    expectError(notOn, 422, 'NOT_ON_ORDER');
    expect(notOn.body.error.details[0]).toMatchObject({ field: 'lines.1.productId', message: `Not on purchase order ${po.number}` });
    const unknown = await keeper.post('/api/v1/purchase-receipts', { warehouseId: w1.id, lines: [{ productId: 'ghost', quantity: 1 }] }, en);
    expectError(unknown, 404, 'NOT_FOUND');
    expect(unknown.body.error.details).toEqual([{ field: 'lines.0.productId', message: 'No such product' }]);
    const zero = await keeper.post('/api/v1/purchase-receipts', { orderId: po.id, lines: [{ productId: cola.id, quantity: 0 }, { productId: cola.id, quantity: -1 }] });
    expectError(zero, 400, 'VALIDATION_FAILED');
    expect(zero.body.error.details.map((d: Json) => d.field)).toEqual(['lines.0.quantity', 'lines.1.quantity']);
    const noSupplier = await keeper.post('/api/v1/purchase-receipts', { warehouseId: w1.id, supplierId: 'nobody', lines: [{ productId: cola.id, quantity: 1 }] }, en);
    expectError(noSupplier, 404, 'NOT_FOUND');
    expect(noSupplier.body.error.details).toEqual([{ field: 'supplierId', message: 'No such supplier' }]);
    const noWarehouse = await keeper.post('/api/v1/purchase-receipts', { lines: [{ productId: cola.id, quantity: 1 }] }, en);
    expectError(noWarehouse, 400, 'VALIDATION_FAILED');
    expect(noWarehouse.body.error.details[0].field).toBe('warehouseId');
    const cost = await keeper.post('/api/v1/purchase-receipts', { orderId: po.id, lines: [{ productId: cola.id, quantity: 1, unitCost: 1 }] });
    expectError(cost, 400, 'VALIDATION_FAILED');
    expect(cost.body.error.details[0].field).toBe('lines.0.unitCost');
    const wrongBin = await keeper.post('/api/v1/purchase-receipts', { orderId: po.id, lines: [{ productId: cola.id, quantity: 1, binId: 'nobin' }] });
    expectError(wrongBin, 404, 'NOT_FOUND');
    expect(wrongBin.body.error.details[0].field).toBe('lines.0.binId');
    expect(await counts()).toEqual(before);
    expect((await admin.get(`/api/v1/purchase-orders/${po.id}`)).body).toMatchObject({ status: 'ordered', lines: [{ received: 0 }] });
    const viewer = await t.loginAs('viewer');
    expectError(await viewer.post('/api/v1/purchase-receipts', { orderId: po.id, lines: [{ productId: cola.id, quantity: 1 }] }), 403, 'FORBIDDEN');
  });

  it('lets one of two receipts racing for the last open quantity win (tolerance 0); the other gets 409 and writes nothing', async () => {
    const po = await order([{ productId: tea.id, quantity: 10, warehouseId: w2.id }], { warehouseId: w2.id });
    expect((await keeper.post('/api/v1/purchase-receipts', { orderId: po.id, lines: [{ productId: tea.id, quantity: 6 }] })).status).toBe(201);
    const onHand = (await stock(tea.id, w2.id)).onHand;
    const other = await t.loginAs('purchasing');
    const replies = await Promise.all([keeper, other, keeper, other].map((c) => c.post('/api/v1/purchase-receipts', { orderId: po.id, lines: [{ productId: tea.id, quantity: 4 }] })));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    for (const r of replies.filter((x) => x.status === 409)) expect(['PURCHASE_ORDER_STATE', 'OVER_RECEIPT']).toContain(r.body.error.code);
    const after = (await admin.get(`/api/v1/purchase-orders/${po.id}`)).body;
    expect(after).toMatchObject({ status: 'received', lines: [{ received: 10, open: 0 }] });
    expect((await stock(tea.id, w2.id)).onHand).toBe(onHand + 4);
    expect((await admin.get('/api/v1/purchase-receipts', { query: { orderId: po.id } })).body.total).toBe(2);
    expect((await verifyStock(t.db)).ok).toBe(true);
  });

  it('makes one receipt for concurrent retries with one Idempotency-Key', async () => {
    const po = await order([{ productId: tea.id, quantity: 8 }]);
    const body = { orderId: po.id, lines: [{ productId: tea.id, quantity: 8 }] };
    const replies = await Promise.all(Array.from({ length: 6 }, () => keeper.post('/api/v1/purchase-receipts', body, { headers: { 'idempotency-key': 'rk-retry' } })));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(replies.map((r) => r.body.number)).size).toBe(1);
    expect((await admin.get(`/api/v1/purchase-orders/${po.id}`)).body.lines[0]).toMatchObject({ received: 8 });
    expect((await admin.get('/api/v1/purchase-receipts', { query: { orderId: po.id } })).body.total).toBe(1);
  });

  it('shows incoming with dates per product × warehouse, and the sales shortage takes its restock date from open orders', async () => {
    const soon = await order([{ productId: cola.id, quantity: 5, expectedDate: inDays(5) }], { expectedDate: inDays(10) });
    const later = await order([{ productId: cola.id, quantity: 1, unit: '箱' }], { expectedDate: inDays(11) });
    await order([{ productId: cola.id, quantity: 7 }], { warehouseId: w2.id, expectedDate: inDays(3) });
    // An earlier order is still open for 10 in W1 (received nothing; see the bad-input test), without a date.
    const res = await admin.get('/api/v1/stock/incoming', { query: { productId: cola.id } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [main, shop] = res.body.items;
    expect(main).toMatchObject({ sku: 'COLA', warehouseId: w1.id, warehouseName: '主仓库', incoming: 5 + 24 + 10, nextExpectedDate: inDays(5) });
    expect(main.orders.map((o: Json) => [o.number, o.open, o.expectedDate])).toEqual([[soon.number, 5, inDays(5)], [later.number, 24, inDays(11)], [expect.any(String), 10, null]]);
    expect(shop).toMatchObject({ warehouseId: w2.id, incoming: 7, nextExpectedDate: inDays(3) });
    expect((await stock(cola.id, w1.id)).incoming).toBe(39);
    // Short by 20 in W1: 5 in 5 days is not enough, 5 + 24 in 11 days is.
    const onHand = (await stock(cola.id, w1.id)).available;
    const customer = (await admin.post('/api/v1/customers', { code: 'C1', name: '便利店' })).body;
    const short = await admin.post('/api/v1/sales-orders', { customerId: customer.id, confirm: true, lines: [{ productId: cola.id, quantity: onHand + 20 }] });
    expectError(short, 409, 'INSUFFICIENT_STOCK');
    expect(short.body.error.details[0].restock).toEqual({ date: inDays(11), basis: `purchase order ${later.number} expected ${inDays(11)}` });
    // Overdue orders promise today, not a date gone by.
    await t.db.updateTable('purchaseOrders').set({ expectedDate: inDays(-2) }).where('id', '=', later.id).execute();
    const late = await admin.post('/api/v1/sales-orders', { customerId: customer.id, confirm: true, lines: [{ productId: cola.id, quantity: onHand + 20 }] });
    expect(late.body.error.details[0].restock).toEqual({ date: inDays(0), basis: `purchase order ${later.number} expected ${inDays(-2)} (overdue)` });
  });
});
