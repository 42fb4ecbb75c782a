import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp } from '../support/index.js';
import { shippingWorld, type World } from './shipping-fixtures.js';

describe(`shipping: pick lists ${dialectLabel}`, () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await shippingWorld(t);
  });
  afterAll(() => t.close());

  it('makes a wave pick list numbered JH-…, grouped by warehouse and sorted by bin, with what each line holds reserved', async () => {
    const { admin, cola, tea, nuts, w2 } = w;
    const a = await w.order([{ productId: cola.id, quantity: 2, unit: '箱' }, { productId: nuts.id, quantity: 1 }, { productId: tea.id, quantity: 3, warehouseId: w2.id }]);
    const b = await w.order([{ productId: tea.id, quantity: 4 }, { productId: cola.id, quantity: 1 }]);
    const res = await admin.post('/api/v1/pick-lists', { orderIds: [a.id, b.id] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const list = res.body;
    expect(list.number).toMatch(/^JH-\d{8}-\d{4}$/);
    expect(list).toMatchObject({ status: 'open', orderCount: 2, lineCount: 5 });
    expect(list.warehouses.map((x: Json) => [x.code, x.lineCount, x.quantity])).toEqual([['W1', 4, 18], ['W2', 1, 3]]);
    // W1: TEA at A-01 (sort 1), COLA at C-03 (sort 3; two orders together), NUTS has no bin (last); then W2.
    expect(list.lines.map((l: Json) => [l.warehouseCode, l.binCode, l.sku, l.orderNumber, l.quantity])).toEqual([
      ['W1', 'A-01', 'TEA', b.number, 4],
      ['W1', 'C-03', 'COLA', a.number, 12],
      ['W1', 'C-03', 'COLA', b.number, 1],
      ['W1', null, 'NUTS', a.number, 1],
      ['W2', null, 'TEA', a.number, 3],
    ]);
    expect(list.lines[0]).toMatchObject({ barcode: '6900000000035', scanned: 0, picked: null, status: 'open' });
    // What is listed is not listed again.
    expectError(await admin.post('/api/v1/pick-lists', { orderIds: [a.id] }), 409, 'PICK_NOTHING');
    expect((await admin.get(`/api/v1/pick-lists/${list.id}`)).body).toEqual(list);
    expect((await admin.get('/api/v1/pick-lists', { query: { status: 'open' } })).body.items.map((x: Json) => x.id)).toContain(list.id);
  });

  it('uses the assigned default bin over the ledger’s, and lists only one warehouse when asked', async () => {
    const { admin, cola, w1, bin } = w;
    expect((await admin.request('PUT', '/api/v1/product-bins', { productId: cola.id, warehouseId: w1.id, binId: bin(w1, 'B-02') })).status).toBe(204);
    expect((await admin.get('/api/v1/product-bins', { query: { productId: cola.id } })).body.items).toMatchObject([{ sku: 'COLA', binCode: 'B-02' }]);
    const o = await w.order([{ productId: cola.id, quantity: 1 }, { productId: w.tea.id, quantity: 1, warehouseId: w.w2.id }]);
    const list = (await admin.post('/api/v1/pick-lists', { orderIds: [o.id], warehouseId: w1.id })).body;
    expect(list.lines.map((l: Json) => [l.sku, l.binCode])).toEqual([['COLA', 'B-02']]);
    expectError(await admin.request('PUT', '/api/v1/product-bins', { productId: cola.id, warehouseId: w1.id, binId: bin(w.w2, 'S-01') }), 404, 'NOT_FOUND');
    expect((await admin.request('PUT', '/api/v1/product-bins', { productId: cola.id, warehouseId: w1.id, binId: null })).status).toBe(204);
  });

  it('counts scans (a case barcode counts 6), refuses unknown codes, wrong items, wrong bins and one too many, writing nothing', async () => {
    const { admin, cola, tea } = w;
    const o = await w.order([{ productId: cola.id, quantity: 7 }, { productId: tea.id, quantity: 1 }]);
    const list = (await admin.post('/api/v1/pick-lists', { orderIds: [o.id] })).body;
    const url = `/api/v1/pick-lists/${list.id}/scans`;
    const colaLine = list.lines.find((l: Json) => l.sku === 'COLA');
    expect((await admin.post(url, { barcode: '6900000000028', binCode: 'C-03' })).body).toMatchObject({ id: colaLine.id, scanned: 6 });
    expect((await admin.post(url, { barcode: '6900000000011' })).body).toMatchObject({ scanned: 7 });
    const en = { headers: { 'accept-language': 'en' } };
    const tooMany = await admin.post(url, { barcode: '6900000000011' }, en);
    expectError(tooMany, 409, 'PICK_TOO_MANY');
    expect(tooMany.body.error.message).toContain('COLA');
    expectError(await admin.post(url, { barcode: 'NOPE-1' }), 404, 'BARCODE_UNKNOWN');
    const wrong = await admin.post(url, { barcode: '6900000000059' });
    expectError(wrong, 422, 'PICK_WRONG_ITEM');
    expect(wrong.body.error.details[0].field).toBe('barcode');
    const wrongBin = await admin.post(url, { barcode: '6900000000035', binCode: 'C-03' });
    expectError(wrongBin, 422, 'PICK_WRONG_ITEM');
    expect(wrongBin.body.error.details[0].field).toBe('binCode');
    expectError(await admin.post(url, { barcode: '' }), 400, 'VALIDATION_FAILED');
    const after = (await admin.get(`/api/v1/pick-lists/${list.id}`)).body;
    expect(after.lines.map((l: Json) => [l.sku, l.scanned])).toEqual([['TEA', 0], ['COLA', 7]]);
  });

  it('confirming a short pick records the shortfall, sends it back to the order as backordered and alerts purchasing', async () => {
    const { admin, nuts, w1 } = w;
    const before = await w.level(nuts.id, w1.id);
    const o = await w.order([{ productId: nuts.id, quantity: 5 }]);
    const list = (await admin.post('/api/v1/pick-lists', { orderIds: [o.id] })).body;
    const res = await admin.post(`/api/v1/pick-lists/${list.id}/confirm`, { lines: [{ lineId: list.lines[0].id, picked: 3 }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'completed' });
    expect(res.body.lines[0]).toMatchObject({ picked: 3, short: 2, status: 'short' });
    const order = (await admin.get(`/api/v1/sales-orders/${o.id}`)).body;
    expect(order.lines[0]).toMatchObject({ reserved: 3, backordered: 2, shipped: 0 });
    expect((await w.level(nuts.id, w1.id)).reserved).toBe(before.reserved + 3);
    const alerts = (await admin.get('/api/v1/alerts')).body.items;
    expect(alerts.some((a: Json) => a.kind === 'shortage' && a.entityId === nuts.id)).toBe(true);
    expectError(await admin.post(`/api/v1/pick-lists/${list.id}/confirm`, { lines: [{ lineId: list.lines[0].id, picked: 3 }] }), 409, 'PICK_LIST_STATE');
    await w.clean();
  });

  it('confirms scanned quantities when no lines are given; refuses more than listed and lines of other lists', async () => {
    const { admin, tea } = w;
    const o = await w.order([{ productId: tea.id, quantity: 2 }]);
    const list = (await admin.post('/api/v1/pick-lists', { orderIds: [o.id] })).body;
    expectError(await admin.post(`/api/v1/pick-lists/${list.id}/confirm`, { lines: [{ lineId: list.lines[0].id, picked: 3 }] }), 409, 'PICK_TOO_MANY');
    expectError(await admin.post(`/api/v1/pick-lists/${list.id}/confirm`, { lines: [{ lineId: 'nope', picked: 1 }] }), 404, 'NOT_FOUND');
    await admin.post(`/api/v1/pick-lists/${list.id}/scans`, { barcode: '6900000000035' });
    await admin.post(`/api/v1/pick-lists/${list.id}/scans`, { barcode: '6900000000035' });
    const done = (await admin.post(`/api/v1/pick-lists/${list.id}/confirm`)).body;
    expect(done.lines[0]).toMatchObject({ picked: 2, status: 'picked', short: 0 });
    await w.clean();
  });

  it('an order cancelled after picking started closes its lines void; an order on a pick list cannot be edited', async () => {
    const { admin, tea } = w;
    const o = await w.order([{ productId: tea.id, quantity: 2 }]);
    const list = (await admin.post('/api/v1/pick-lists', { orderIds: [o.id] })).body;
    const edit = await admin.patch(`/api/v1/sales-orders/${o.id}`, { lines: [{ productId: tea.id, quantity: 1 }] });
    expect(edit.status).toBe(409);
    expect((await admin.post(`/api/v1/sales-orders/${o.id}/cancel`)).body.status).toBe('cancelled');
    const done = (await admin.post(`/api/v1/pick-lists/${list.id}/confirm`, { lines: [{ lineId: list.lines[0].id, picked: 2 }] })).body;
    expect(done.lines[0]).toMatchObject({ status: 'void', picked: 0 });
    expect((await admin.get(`/api/v1/fulfillment/orders/${o.id}`)).body.lines[0]).toMatchObject({ reserved: 0, picking: 0, picked: 0, toShip: 0 });
    await w.clean();
  });

  it('refuses orders that are not open for shipping, naming each, and creates nothing', async () => {
    const { admin, tea, shop } = w;
    const draft = w.ok(await admin.post('/api/v1/sales-orders', { customerId: shop.id, lines: [{ productId: tea.id, quantity: 1 }] }));
    const open = await w.order([{ productId: tea.id, quantity: 1 }]);
    const total = (await admin.get('/api/v1/pick-lists')).body.total;
    const res = await admin.post('/api/v1/pick-lists', { orderIds: [open.id, draft.id] });
    expectError(res, 409, 'ORDER_STATE');
    expect(res.body.error.details.map((d: Json) => d.field)).toEqual(['orderIds.1']);
    expectError(await admin.post('/api/v1/pick-lists', { orderIds: ['nope'] }), 404, 'NOT_FOUND');
    expectError(await admin.post('/api/v1/pick-lists', { orderIds: [] }), 400, 'VALIDATION_FAILED');
    expect((await admin.get('/api/v1/pick-lists')).body.total).toBe(total);
  });

  it('lets warehouse staff pick; sales may only read', async () => {
    const keeper = await t.loginAs('warehouse');
    const clerk = await t.loginAs('sales');
    const o = await w.order([{ productId: w.tea.id, quantity: 1 }]);
    expectError(await clerk.post('/api/v1/pick-lists', { orderIds: [o.id] }), 403, 'FORBIDDEN');
    expect((await keeper.post('/api/v1/pick-lists', { orderIds: [o.id] })).status).toBe(201);
    expect((await clerk.get('/api/v1/pick-lists')).status).toBe(200);
  });
});
