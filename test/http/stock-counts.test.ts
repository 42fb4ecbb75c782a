import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStock } from '../../src/server/modules/inventory/index.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`stock counts (盘点): snapshot, blind scans, movements reconciled, variances valued, approval ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let keeper: TestClient;
  let wh: Json;
  let pen: Json;
  let ink: Json;
  let cup: Json;
  let pad: Json;
  const en = { headers: { 'accept-language': 'en' } };
  const onHand = async (productId: string) => (await admin.get('/api/v1/stock', { query: { productId, warehouseId: wh.id } })).body.items[0]?.onHand ?? 0;
  const movements = async () => Number((await t.db.selectFrom('stockMovements').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const start = async (body: Json = {}) => {
    const res = await keeper.post('/api/v1/stock-counts', { warehouseId: wh.id, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    keeper = await t.loginAs('warehouse');
    wh = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', bins: [{ code: 'A-01', zone: 'A' }, { code: 'B-01', zone: 'B' }] })).body;
    pen = (await admin.post('/api/v1/products', { sku: 'PEN', name: '中性笔', baseUnit: '支', costPrice: 100, barcodes: [{ barcode: '690001' }] })).body;
    ink = (await admin.post('/api/v1/products', { sku: 'INK', name: '墨水', baseUnit: '瓶', costPrice: 500 })).body;
    cup = (await admin.post('/api/v1/products', { sku: 'CUP', name: '水杯', costPrice: 900, units: [{ name: '箱', factor: 6 }], barcodes: [{ barcode: '690003' }, { barcode: '690003-6', unit: '箱' }] })).body;
    pad = (await admin.post('/api/v1/products', { sku: 'PAD', name: '便签', baseUnit: '本', costPrice: 50 })).body;
    const opening = await admin.post('/api/v1/stock/opening', {
      warehouseId: wh.id, lines: [{ productId: pen.id, quantity: 10, unitCost: 100 }, { productId: ink.id, quantity: 5, unitCost: 500 }, { productId: cup.id, quantity: 12, unitCost: 900 }],
    });
    expect(opening.status, JSON.stringify(opening.body)).toBe(201);
  });
  afterAll(() => t.close());

  it('freezes the book, adds up blind scans, reconciles movements during the count, lists every variance with its value and posts them on approval', async () => {
    const count = await start({ note: '月末盘点' });
    expect(count.number).toMatch(/^PD-\d{8}-\d{4}$/);
    expect(count).toMatchObject({ status: 'counting', warehouseName: '主仓库', lineCount: 3, countedLines: 0, scope: {} });
    // While counting, one INK breaks and is written off: the book moves on after the snapshot.
    expect((await admin.post('/api/v1/stock/adjustments', { warehouseId: wh.id, lines: [{ productId: ink.id, quantity: -1, reason: '破损' }] })).status).toBe(201);

    const scans = await keeper.post(`/api/v1/stock-counts/${count.id}/scans`, {
      lines: [{ barcode: '690001' }, { barcode: '690001' }, { barcode: '690001', quantity: 6 }, { barcode: 'INK', quantity: 5 }, { barcode: '690003-6', quantity: 2 }],
    });
    expect(scans.status, JSON.stringify(scans.body)).toBe(200);
    expect(scans.body.lines.map((l: Json) => [l.sku, l.counted])).toEqual([['CUP', 12], ['INK', 5], ['PEN', 8]]);
    // Blind: nothing in the reply says what the book has.
    expect(JSON.stringify(scans.body)).not.toMatch(/snapshot|expected|variance|onHand/);
    const counted = (await keeper.get(`/api/v1/stock-counts/${count.id}/counted`)).body;
    expect(counted.items.map((l: Json) => [l.sku, l.counted])).toEqual([['CUP', 12], ['INK', 5], ['PEN', 8]]);

    const v = await keeper.get(`/api/v1/stock-counts/${count.id}/variances`);
    expect(v.status, JSON.stringify(v.body)).toBe(200);
    expect(v.body.items.map((l: Json) => [l.sku, l.snapshot, l.movements, l.expected, l.counted, l.variance, l.outcome, l.unitCost, l.value])).toEqual([
      ['INK', 5, -1, 4, 5, 1, 'gain', 500, 500],
      ['PEN', 10, 0, 10, 8, -2, 'loss', 100, -200],
    ]);
    expect(v.body.totals).toMatchObject({ lines: 3, counted: 3, uncounted: 0, gains: 1, losses: 1, gainQuantity: 1, lossQuantity: 2, gainValue: 500, lossValue: 200, netValue: 300 });
    const all = (await keeper.get(`/api/v1/stock-counts/${count.id}/variances`, { query: { only: 'all' } })).body.items;
    expect(all.map((l: Json) => [l.sku, l.outcome])).toEqual([['CUP', 'match'], ['INK', 'gain'], ['PEN', 'loss']]);

    const approved = await admin.post(`/api/v1/stock-counts/${count.id}/approve`);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', gainQuantity: 1, lossQuantity: 2, gainAmount: 500, lossAmount: 200, approvedBy: '管理员' });
    expect([await onHand(pen.id), await onHand(ink.id), await onHand(cup.id)]).toEqual([8, 5, 12]);
    const penMove = (await admin.get('/api/v1/stock/movements', { query: { productId: pen.id } })).body.items[0];
    expect(penMove).toMatchObject({ kind: 'count_loss', quantity: -2, costAmount: -200, sourceType: 'stock_count', sourceId: count.id, sourceNumber: count.number });
    const inkMove = (await admin.get('/api/v1/stock/movements', { query: { productId: ink.id } })).body.items[0];
    expect(inkMove).toMatchObject({ kind: 'count_gain', quantity: 1, unitCost: 500, costAmount: 500 });
    // After approval the variances are what was posted, even as the book moves on.
    await admin.post('/api/v1/stock/adjustments', { warehouseId: wh.id, lines: [{ productId: pen.id, quantity: -1, reason: 'x' }] });
    const after = (await keeper.get(`/api/v1/stock-counts/${count.id}/variances`)).body;
    expect(after.items.map((l: Json) => [l.sku, l.expected, l.variance, l.value])).toEqual([['INK', 4, 1, 500], ['PEN', 10, -2, -200]]);
    expect((await verifyStock(t.db)).ok).toBe(true);
  });

  it('refuses approving twice and scanning an approved count with 409 COUNT_STATE, writing nothing', async () => {
    const count = await start();
    await keeper.post(`/api/v1/stock-counts/${count.id}/scans`, { lines: [{ productId: pen.id, quantity: 1 }] });
    expect((await admin.post(`/api/v1/stock-counts/${count.id}/approve`)).status).toBe(200);
    const moves = await movements();
    const again = await admin.post(`/api/v1/stock-counts/${count.id}/approve`, undefined, en);
    expectError(again, 409, 'COUNT_STATE');
    expect(again.body.error.message).toBe(`Stock count ${count.number} is approved; cannot approve it`);
    const zh = await admin.post(`/api/v1/stock-counts/${count.id}/approve`);
    expect(zh.body.error.message).toBe(`盘点单 ${count.number} 当前为「已审核」，不能执行「审核」`);
    expectError(await keeper.post(`/api/v1/stock-counts/${count.id}/scans`, { lines: [{ productId: pen.id }] }), 409, 'COUNT_STATE');
    expectError(await keeper.post(`/api/v1/stock-counts/${count.id}/cancel`), 409, 'COUNT_STATE');
    expect(await movements()).toBe(moves);
    expect(await onHand(pen.id)).toBe(1);
  });

  it('lets exactly one of two concurrent approvals through', async () => {
    const count = await start({ productIds: [pen.id] });
    await keeper.post(`/api/v1/stock-counts/${count.id}/scans`, { mode: 'set', lines: [{ productId: pen.id, quantity: 3 }] });
    const moves = await movements();
    const results = await Promise.all([admin.post(`/api/v1/stock-counts/${count.id}/approve`), keeper.post(`/api/v1/stock-counts/${count.id}/approve`)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await movements()).toBe(moves + 1);
    expect(await onHand(pen.id)).toBe(3);
    expect((await verifyStock(t.db)).ok).toBe(true);
  });

  it('refuses an unknown barcode (naming the line), zero and negative quantities, writing nothing; a recount may set 0', async () => {
    const count = await start();
    await keeper.post(`/api/v1/stock-counts/${count.id}/scans`, { lines: [{ barcode: 'CUP', quantity: 3 }] });
    const unknown = await keeper.post(`/api/v1/stock-counts/${count.id}/scans`, { lines: [{ barcode: 'CUP', quantity: 1 }, { barcode: '000000' }, { barcode: 'nope' }] }, en);
    expectError(unknown, 404, 'BARCODE_UNKNOWN');
    expect(unknown.body.error.message).toBe('No product with barcode or SKU "000000"');
    expect(unknown.body.error.details.map((d: Json) => [d.field, d.message])).toEqual([['lines.1.barcode', 'Unknown barcode "000000"'], ['lines.2.barcode', 'Unknown barcode "nope"']]);
    const bad = await keeper.post(`/api/v1/stock-counts/${count.id}/scans`, { lines: [{ barcode: 'CUP', quantity: 0 }, { barcode: 'CUP', quantity: -1 }, { quantity: 1 }] }, en);
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.error.details.map((d: Json) => d.field).sort()).toEqual(['lines.0.quantity', 'lines.1.quantity', 'lines.2.barcode']);
    let lines = (await keeper.get(`/api/v1/stock-counts/${count.id}/counted`)).body.items;
    expect(lines.map((l: Json) => [l.sku, l.counted])).toEqual([['CUP', 3]]);
    const recount = await keeper.post(`/api/v1/stock-counts/${count.id}/scans`, { mode: 'set', lines: [{ barcode: 'CUP', quantity: 0 }] });
    expect(recount.status, JSON.stringify(recount.body)).toBe(200);
    lines = (await keeper.get(`/api/v1/stock-counts/${count.id}/counted`)).body.items;
    expect(lines.map((l: Json) => [l.sku, l.counted])).toEqual([['CUP', 0]]);
    expect((await keeper.post(`/api/v1/stock-counts/${count.id}/cancel`)).body.status).toBe('cancelled');
  });

  it('counts only its scope: products, or a zone through the product’s bin; out of scope refused with the line', async () => {
    const a01 = wh.bins.find((b: Json) => b.code === 'A-01');
    expect((await admin.request('PUT', '/api/v1/product-bins', { productId: cup.id, warehouseId: wh.id, binId: a01.id })).status).toBe(204);
    const zone = await start({ zone: 'A' });
    expect(zone.lineCount).toBe(1);
    const outside = await keeper.post(`/api/v1/stock-counts/${zone.id}/scans`, { lines: [{ barcode: '690003' }, { barcode: '690001' }] }, en);
    expectError(outside, 422, 'COUNT_NOT_IN_SCOPE');
    expect(outside.body.error.message).toBe(`PEN 中性笔 is not within the scope of stock count ${zone.number}`);
    expect(outside.body.error.details).toEqual([expect.objectContaining({ field: 'lines.1.barcode', productId: pen.id })]);
    const byProduct = await start({ productIds: [ink.id, pad.id] });
    expect(byProduct.lineCount).toBe(1);
    // PAD was never stocked here: in scope, so a found PAD is a line with book 0.
    const found = await keeper.post(`/api/v1/stock-counts/${byProduct.id}/scans`, { lines: [{ productId: pad.id, quantity: 4 }] });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    const v = (await keeper.get(`/api/v1/stock-counts/${byProduct.id}/variances`)).body;
    expect(v.items.map((l: Json) => [l.sku, l.snapshot, l.counted, l.variance, l.outcome, l.value])).toEqual([['INK', 5, null, null, 'uncounted', null], ['PAD', 0, 4, 4, 'gain', 200]]);
    const wrongBin = await keeper.post('/api/v1/stock-counts', { warehouseId: wh.id, binIds: ['nope'] }, en);
    expectError(wrongBin, 404, 'NOT_FOUND');
    expect(wrongBin.body.error.details[0].field).toBe('binIds.0');
    await keeper.post(`/api/v1/stock-counts/${zone.id}/cancel`);
    await keeper.post(`/api/v1/stock-counts/${byProduct.id}/cancel`);
  });

  it('with uncounted: zero, what nobody found is written off at moving-average cost', async () => {
    const count = await start({ productIds: [ink.id] });
    const approved = await admin.post(`/api/v1/stock-counts/${count.id}/approve`, { uncounted: 'zero' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ lossQuantity: 5, lossAmount: 2500, gainQuantity: 0 });
    expect(await onHand(ink.id)).toBe(0);
    expect((await verifyStock(t.db)).ok).toBe(true);
  });

  it('counts a retried scan once with an Idempotency-Key', async () => {
    const count = await start({ productIds: [cup.id] });
    const headers = { 'idempotency-key': `scan-${count.id}-1` };
    const body = { lines: [{ barcode: '690003', quantity: 2 }] };
    expect((await keeper.post(`/api/v1/stock-counts/${count.id}/scans`, body, { headers })).status).toBe(200);
    expect((await keeper.post(`/api/v1/stock-counts/${count.id}/scans`, body, { headers })).headers['idempotent-replayed']).toBe('true');
    const lines = (await keeper.get(`/api/v1/stock-counts/${count.id}/counted`)).body.items;
    expect(lines.map((l: Json) => l.counted)).toEqual([2]);
    const listed = (await admin.get('/api/v1/stock-counts', { query: { status: 'counting' } })).body.items;
    expect(listed.map((c: Json) => c.number)).toContain(count.number);
  });
});
