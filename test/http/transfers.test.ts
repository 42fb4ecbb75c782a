import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStock } from '../../src/server/modules/inventory/index.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`transfers (调拨): draft → in transit → received, cost that left, refusals ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let keeper: TestClient;
  let w1: Json;
  let w2: Json;
  let pen: Json;
  let ink: Json;
  const en = { headers: { 'accept-language': 'en' } };
  const level = async (productId: string, warehouseId: string) =>
    (await admin.get('/api/v1/stock', { query: { productId, warehouseId } })).body.items[0] ?? { onHand: 0, reserved: 0 };
  const count = async (table: 'stockTransfers' | 'stockTransferLines' | 'stockMovements' | 'numberSequences') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const costOf = async (productId: string) => t.db.selectFrom('productCosts').select(['quantity', 'value']).where('productId', '=', productId).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    keeper = await t.loginAs('warehouse');
    w1 = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true })).body;
    w2 = (await admin.post('/api/v1/warehouses', { code: 'W2', name: '门店仓' })).body;
    pen = (await admin.post('/api/v1/products', { sku: 'PEN', name: '中性笔', baseUnit: '支', costPrice: 100 })).body;
    ink = (await admin.post('/api/v1/products', { sku: 'INK', name: '墨水', baseUnit: '瓶', costPrice: 500 })).body;
    // PEN: 3 in W1 worth 301 fen in all, so its cost does not divide evenly.
    expect((await admin.post('/api/v1/stock/opening', { warehouseId: w1.id, lines: [{ productId: pen.id, quantity: 2, unitCost: 100 }, { productId: ink.id, quantity: 10, unitCost: 500 }] })).status).toBe(201);
    expect((await admin.post('/api/v1/stock/adjustments', { warehouseId: w1.id, lines: [{ productId: pen.id, quantity: 1, unitCost: 101, reason: 'found' }] })).status).toBe(201);
  });
  afterAll(() => t.close());

  it('ships from the source (in transit, on the ledger) and receives in two parts at exactly the cost that left', async () => {
    const created = await keeper.post('/api/v1/stock-transfers', { fromWarehouseId: w1.id, toWarehouseId: w2.id, note: '补门店', lines: [{ productId: pen.id, quantity: 2 }, { productId: ink.id, quantity: 4 }] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const tr = created.body;
    expect(tr.number).toMatch(/^DB-\d{8}-\d{4}$/);
    expect(tr).toMatchObject({ status: 'draft', fromWarehouseName: '主仓库', toWarehouseName: '门店仓', inTransit: 0, lineCount: 2 });
    expect((await level(pen.id, w1.id)).onHand).toBe(3);

    const shipped = await keeper.post(`/api/v1/stock-transfers/${tr.id}/ship`);
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
    // PEN: 2 of 3 worth 301 → 201 (half up); INK: 4 × 500.
    expect(shipped.body).toMatchObject({ status: 'in_transit', inTransit: 6, costAmount: 2201 });
    expect(shipped.body.lines.map((l: Json) => [l.sku, l.shipped, l.inTransit, l.costAmount])).toEqual([['PEN', 2, 2, 201], ['INK', 4, 4, 2000]]);
    expect((await level(pen.id, w1.id)).onHand).toBe(1);
    expect((await level(ink.id, w1.id)).onHand).toBe(6);
    expect((await level(pen.id, w2.id)).onHand).toBe(0);
    const transit = (await admin.get('/api/v1/stock-transfers/in-transit', { query: { warehouseId: w2.id } })).body.items;
    expect(transit.map((r: Json) => [r.sku, r.warehouseId, r.inTransit, r.transfers[0].number])).toEqual([['INK', w2.id, 4, tr.number], ['PEN', w2.id, 2, tr.number]]);
    const out = (await admin.get('/api/v1/stock/movements', { query: { productId: pen.id, warehouseId: w1.id } })).body.items[0];
    expect(out).toMatchObject({ kind: 'transfer_out', quantity: -2, costAmount: -201, sourceType: 'stock_transfer', sourceId: tr.id, sourceNumber: tr.number });
    expect(await costOf(pen.id)).toMatchObject({ quantity: 1, value: 100 });

    const part = await keeper.post(`/api/v1/stock-transfers/${tr.id}/receive`, { lines: [{ productId: pen.id, quantity: 1 }, { lineId: tr.lines[1].id, quantity: 3 }] });
    expect(part.status, JSON.stringify(part.body)).toBe(200);
    expect(part.body).toMatchObject({ status: 'partially_received', inTransit: 2 });
    expect((await level(pen.id, w2.id)).onHand).toBe(1);
    const rest = await keeper.post(`/api/v1/stock-transfers/${tr.id}/receive`);
    expect(rest.status, JSON.stringify(rest.body)).toBe(200);
    expect(rest.body).toMatchObject({ status: 'received', inTransit: 0 });
    expect(rest.body.receivedAt).not.toBeNull();
    expect((await level(pen.id, w2.id)).onHand).toBe(2);
    expect((await level(ink.id, w2.id)).onHand).toBe(4);
    const ins = (await admin.get('/api/v1/stock/movements', { query: { productId: pen.id, warehouseId: w2.id } })).body.items;
    expect(ins.every((m: Json) => m.kind === 'transfer_in')).toBe(true);
    expect(ins.reduce((s: number, m: Json) => s + m.costAmount, 0)).toBe(201);
    // The product's value is what it was before: a transfer moves stock, not value.
    expect(await costOf(pen.id)).toMatchObject({ quantity: 3, value: 301 });
    expect((await admin.get('/api/v1/stock-transfers/in-transit')).body.items).toEqual([]);
    const listed = (await admin.get('/api/v1/stock-transfers', { query: { warehouseId: w2.id, status: 'received' } })).body;
    expect(listed.items.map((x: Json) => x.number)).toEqual([tr.number]);
    expect((await verifyStock(t.db)).ok).toBe(true);
  });

  it('refuses a transfer to the same warehouse, zero quantities and repeated products on the field', async () => {
    const before = await Promise.all([count('stockTransfers'), count('stockMovements')]);
    const same = await keeper.post('/api/v1/stock-transfers', { fromWarehouseId: w1.id, toWarehouseId: w1.id, lines: [{ productId: pen.id, quantity: 1 }] }, en);
    expectError(same, 400, 'VALIDATION_FAILED');
    expect(same.body.error.details).toEqual([expect.objectContaining({ field: 'toWarehouseId', message: 'The destination must be another warehouse' })]);
    const zh = await keeper.post('/api/v1/stock-transfers', { fromWarehouseId: w1.id, toWarehouseId: w1.id, lines: [{ productId: pen.id, quantity: 1 }] });
    expect(zh.body.error.details[0].message).toBe('调入仓库不能与调出仓库相同');
    const zero = await keeper.post('/api/v1/stock-transfers', { fromWarehouseId: w1.id, toWarehouseId: w2.id, lines: [{ productId: pen.id, quantity: 0 }, { productId: ink.id, quantity: -2 }] }, en);
    expectError(zero, 400, 'VALIDATION_FAILED');
    expect(zero.body.error.details.map((d: Json) => d.field)).toEqual(['lines.0.quantity', 'lines.1.quantity']);
    const twice = await keeper.post('/api/v1/stock-transfers', { fromWarehouseId: w1.id, toWarehouseId: w2.id, lines: [{ productId: pen.id, quantity: 1 }, { productId: pen.id, quantity: 1 }] }, en);
    expectError(twice, 400, 'VALIDATION_FAILED');
    expect(twice.body.error.details).toEqual([expect.objectContaining({ field: 'lines.1.productId', message: 'Same product as line 1' })]);
    const nowhere = await keeper.post('/api/v1/stock-transfers', { fromWarehouseId: 'nope', toWarehouseId: w2.id, lines: [{ productId: pen.id, quantity: 1 }] }, en);
    expectError(nowhere, 404, 'NOT_FOUND');
    expect(nowhere.body.error.details[0].field).toBe('fromWarehouseId');
    expect(await Promise.all([count('stockTransfers'), count('stockMovements')])).toEqual(before);
  });

  it('refuses shipping from a warehouse without the stock with INSUFFICIENT_STOCK on the line, writing nothing', async () => {
    const before = await Promise.all([count('stockTransfers'), count('stockTransferLines'), count('stockMovements')]);
    // W2 has 2 PEN and no more INK than 4; asks for 5 INK.
    const res = await keeper.post('/api/v1/stock-transfers', { fromWarehouseId: w2.id, toWarehouseId: w1.id, ship: true, lines: [{ productId: pen.id, quantity: 1 }, { productId: ink.id, quantity: 5 }] }, en);
    expectError(res, 409, 'INSUFFICIENT_STOCK');
    expect(res.body.error.message).toBe('Not enough stock of INK 墨水 in 门店仓: 4 available, 5 needed');
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'lines.1.quantity', productId: ink.id, available: 4, requested: 5, message: '4 available, 5 needed' })]);
    expect(await Promise.all([count('stockTransfers'), count('stockTransferLines'), count('stockMovements')])).toEqual(before);
    expect((await level(pen.id, w2.id)).onHand).toBe(2);
    // A draft from a warehouse that never had the product: refused when it ships, the draft stays.
    const draft = await keeper.post('/api/v1/stock-transfers', { fromWarehouseId: w2.id, toWarehouseId: w1.id, lines: [{ productId: pen.id, quantity: 3 }] });
    const ship = await keeper.post(`/api/v1/stock-transfers/${draft.body.id}/ship`);
    expectError(ship, 409, 'INSUFFICIENT_STOCK');
    expect((await admin.get(`/api/v1/stock-transfers/${draft.body.id}`)).body.status).toBe('draft');
    expect(await count('stockMovements')).toBe(before[2]);
  });

  it('refuses shipping twice, receiving a draft and receiving more than is in transit (409, nothing written)', async () => {
    const tr = (await keeper.post('/api/v1/stock-transfers', { fromWarehouseId: w1.id, toWarehouseId: w2.id, lines: [{ productId: ink.id, quantity: 2 }] })).body;
    const early = await keeper.post(`/api/v1/stock-transfers/${tr.id}/receive`, undefined, en);
    expectError(early, 409, 'TRANSFER_STATE');
    expect(early.body.error.message).toBe(`Transfer ${tr.number} is draft; cannot receive it`);
    expect((await keeper.post(`/api/v1/stock-transfers/${tr.id}/ship`)).status).toBe(200);
    const again = await keeper.post(`/api/v1/stock-transfers/${tr.id}/ship`);
    expectError(again, 409, 'TRANSFER_STATE');
    expect(again.body.error.message).toBe(`调拨单 ${tr.number} 当前为「在途」，不能执行「调出」`);
    const moves = await count('stockMovements');
    const over = await keeper.post(`/api/v1/stock-transfers/${tr.id}/receive`, { lines: [{ productId: ink.id, quantity: 3 }] }, en);
    expectError(over, 409, 'TRANSFER_TOO_MANY');
    expect(over.body.error.details).toEqual([expect.objectContaining({ field: 'lines.0.quantity', inTransit: 2, requested: 3 })]);
    const stranger = await keeper.post(`/api/v1/stock-transfers/${tr.id}/receive`, { lines: [{ productId: pen.id, quantity: 1 }] }, en);
    expectError(stranger, 400, 'VALIDATION_FAILED');
    expect(stranger.body.error.details[0]).toMatchObject({ field: 'lines.0.productId', message: `Not on transfer ${tr.number}` });
    expect(await count('stockMovements')).toBe(moves);
    expect((await admin.get(`/api/v1/stock-transfers/${tr.id}`)).body).toMatchObject({ status: 'in_transit', inTransit: 2 });
  });

  it('cancels a draft without movements, and a transfer in transit by putting what has not arrived back at the source', async () => {
    const draft = (await keeper.post('/api/v1/stock-transfers', { fromWarehouseId: w1.id, toWarehouseId: w2.id, lines: [{ productId: ink.id, quantity: 1 }] })).body;
    const moves = await count('stockMovements');
    expect((await keeper.post(`/api/v1/stock-transfers/${draft.id}/cancel`)).body.status).toBe('cancelled');
    expect(await count('stockMovements')).toBe(moves);
    const inkW1 = (await level(ink.id, w1.id)).onHand;
    const tr = (await keeper.post('/api/v1/stock-transfers', { fromWarehouseId: w1.id, toWarehouseId: w2.id, ship: true, lines: [{ productId: ink.id, quantity: 3 }] })).body;
    expect(tr.status).toBe('in_transit');
    expect((await level(ink.id, w1.id)).onHand).toBe(inkW1 - 3);
    await keeper.post(`/api/v1/stock-transfers/${tr.id}/receive`, { lines: [{ productId: ink.id, quantity: 1 }] });
    const cancelled = await keeper.post(`/api/v1/stock-transfers/${tr.id}/cancel`);
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', inTransit: 0 });
    expect(cancelled.body.lines[0]).toMatchObject({ shipped: 3, received: 1, returned: 2 });
    expect((await level(ink.id, w1.id)).onHand).toBe(inkW1 - 1);
    const back = (await admin.get('/api/v1/stock/movements', { query: { productId: ink.id, warehouseId: w1.id } })).body.items[0];
    expect(back).toMatchObject({ kind: 'transfer_in', quantity: 2, costAmount: 1000, reason: 'cancelled', sourceId: tr.id });
    expectError(await keeper.post(`/api/v1/stock-transfers/${tr.id}/cancel`), 409, 'TRANSFER_STATE');
    expect((await verifyStock(t.db)).ok).toBe(true);
  });

  it('lets only one of two transfers racing for the last units ship', async () => {
    const w3 = (await admin.post('/api/v1/warehouses', { code: 'W3', name: '三号仓' })).body;
    const cup = (await admin.post('/api/v1/products', { sku: 'CUP', name: '水杯', costPrice: 900 })).body;
    expect((await admin.post('/api/v1/stock/opening', { warehouseId: w3.id, lines: [{ productId: cup.id, quantity: 5, unitCost: 900 }] })).status).toBe(201);
    const make = async () => (await keeper.post('/api/v1/stock-transfers', { fromWarehouseId: w3.id, toWarehouseId: w1.id, lines: [{ productId: cup.id, quantity: 4 }] })).body;
    const [a, b] = [await make(), await make()];
    const results = await Promise.all([keeper.post(`/api/v1/stock-transfers/${a.id}/ship`), admin.post(`/api/v1/stock-transfers/${b.id}/ship`)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.error.code).toBe('INSUFFICIENT_STOCK');
    expect((await level(cup.id, w3.id)).onHand).toBe(1);
    expect((await verifyStock(t.db)).ok).toBe(true);
  });

  it('ships once for one Idempotency-Key; viewers may read but not ship', async () => {
    const tr = (await keeper.post('/api/v1/stock-transfers', { fromWarehouseId: w1.id, toWarehouseId: w2.id, lines: [{ productId: ink.id, quantity: 1 }] })).body;
    const headers = { 'idempotency-key': `ship-${tr.id}` };
    const first = await keeper.post(`/api/v1/stock-transfers/${tr.id}/ship`, undefined, { headers });
    const second = await keeper.post(`/api/v1/stock-transfers/${tr.id}/ship`, undefined, { headers });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const outs = await t.db.selectFrom('stockMovements').select('id').where('sourceId', '=', tr.id).execute();
    expect(outs).toHaveLength(1);
    const viewer = await t.loginAs('viewer');
    expect((await viewer.get(`/api/v1/stock-transfers/${tr.id}`)).status).toBe(200);
    expectError(await viewer.post(`/api/v1/stock-transfers/${tr.id}/receive`), 403, 'FORBIDDEN');
  });
});
