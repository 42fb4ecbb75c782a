import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStock } from '../../src/server/modules/inventory/index.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`stock ledger: opening, adjustments, balances, moving-average cost ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let wh: Json;
  let wh2: Json;
  let pen: Json;
  let ink: Json;
  const stockOf = async (productId: string, warehouseId: string) =>
    (await admin.get('/api/v1/stock', { query: { productId, warehouseId } })).body.items[0] as Json | undefined;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    wh = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', bins: [{ code: 'A-01' }] })).body;
    wh2 = (await admin.post('/api/v1/warehouses', { code: 'W2', name: '门店仓' })).body;
    pen = (await admin.post('/api/v1/products', { sku: 'PEN', name: '中性笔', listPrice: 300, costPrice: 100 })).body;
    ink = (await admin.post('/api/v1/products', { sku: 'INK', name: '墨水', listPrice: 900, costPrice: 500 })).body;
  });
  afterAll(() => t.close());

  it('books opening balances with cost, numbered QC-yyyymmdd-nnnn, and shows them as stock', async () => {
    const res = await admin.post('/api/v1/stock/opening', { warehouseId: wh.id, lines: [{ productId: pen.id, quantity: 100, unitCost: 120 }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.number).toMatch(/^QC-\d{8}-0001$/);
    expect(res.body).toMatchObject({ kind: 'opening', lineCount: 1, costAmount: 12000 });
    expect(await stockOf(pen.id, wh.id)).toMatchObject({ onHand: 100, reserved: 0, available: 100, incoming: 0, avgCost: 120 });
  });

  it('refuses a second opening balance once the product has movements there', async () => {
    const res = await admin.post('/api/v1/stock/opening', { warehouseId: wh.id, lines: [{ productId: pen.id, quantity: 5, unitCost: 1 }] }, { headers: { 'accept-language': 'en' } });
    expectError(res, 409, 'OPENING_EXISTS');
    expect(res.body.error.details[0].field).toBe('lines.0.productId');
  });

  it('moves the average on a gain at a new cost and takes the average out on a loss', async () => {
    // 100 @ 1.20 + 50 @ 1.50 = 195.00 for 150 → 1.30
    const gain = await admin.post('/api/v1/stock/adjustments', { warehouseId: wh.id, lines: [{ productId: pen.id, quantity: 50, reason: '盘盈', unitCost: 150 }] });
    expect(gain.status, JSON.stringify(gain.body)).toBe(201);
    expect(gain.body).toMatchObject({ kind: 'gain', costAmount: 7500 });
    expect(gain.body.number).toMatch(/^BY-\d{8}-0001$/);
    expect((await stockOf(pen.id, wh.id))?.avgCost).toBe(130);
    const loss = await admin.post('/api/v1/stock/adjustments', { warehouseId: wh.id, lines: [{ productId: pen.id, quantity: -30, reason: '破损' }] });
    expect(loss.status).toBe(201);
    expect(loss.body).toMatchObject({ kind: 'loss', costAmount: -3900 });
    expect(loss.body.lines[0]).toMatchObject({ quantity: -30, unitCost: 130, reason: '破损', sku: 'PEN' });
    expect(await stockOf(pen.id, wh.id)).toMatchObject({ onHand: 120, available: 120, avgCost: 130 });
  });

  it('takes exactly the remaining value with the last unit out', async () => {
    await admin.post('/api/v1/stock/opening', { warehouseId: wh.id, lines: [{ productId: ink.id, quantity: 3, unitCost: 100 }] });
    await admin.post('/api/v1/stock/adjustments', { warehouseId: wh.id, lines: [{ productId: ink.id, quantity: 1, reason: 'x', unitCost: 101 }] });
    // 401 fen over 4 units: out 1, 1, 2 → 100 + 100 + 201 = 401 exactly, none left over
    const outs = [];
    for (const q of [-1, -1, -2]) outs.push((await admin.post('/api/v1/stock/adjustments', { warehouseId: wh.id, lines: [{ productId: ink.id, quantity: q, reason: 'x' }] })).body.costAmount);
    expect(outs.reduce((a, b) => a + b, 0)).toBe(-401);
    const cost = await t.db.selectFrom('productCosts').selectAll().where('productId', '=', ink.id).executeTakeFirstOrThrow();
    expect([Number(cost.quantity), Number(cost.value)]).toEqual([0, 0]);
  });

  it('refuses a loss beyond what is there with INSUFFICIENT_STOCK, writing nothing', async () => {
    const before = await t.db.selectFrom('stockMovements').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const res = await admin.post('/api/v1/stock/adjustments', {
      warehouseId: wh.id,
      lines: [{ productId: pen.id, quantity: -1, reason: 'ok line' }, { productId: pen.id, quantity: -500, reason: 'too many' }],
    }, { headers: { 'accept-language': 'en' } });
    expectError(res, 409, 'INSUFFICIENT_STOCK');
    expect(res.body.error.message).toContain('120 available');
    expect(res.body.error.details.map((d: Json) => [d.field, d.requested])).toEqual([['lines.0.quantity', 1], ['lines.1.quantity', 500]]);
    const after = await t.db.selectFrom('stockMovements').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await stockOf(pen.id, wh.id))?.onHand).toBe(120);
  });

  it('validates input: zero or fractional quantity, unknown product or warehouse, missing reason, unknown field', async () => {
    const bad = async (body: Json, field: string, status = 400) => {
      const res = await admin.post('/api/v1/stock/adjustments', body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.details.map((d: Json) => d.field)).toContain(field);
    };
    await bad({ warehouseId: wh.id, lines: [{ productId: pen.id, quantity: 0, reason: 'x' }] }, 'lines.0.quantity');
    await bad({ warehouseId: wh.id, lines: [{ productId: pen.id, quantity: 1.5, reason: 'x' }] }, 'lines.0.quantity');
    await bad({ warehouseId: wh.id, lines: [{ productId: pen.id, quantity: 1, reason: '' }] }, 'lines.0.reason');
    await bad({ warehouseId: wh.id, lines: [{ productId: pen.id, quantity: 1, reason: 'x', colour: 'red' }] }, 'lines.0.colour');
    await bad({ warehouseId: wh.id, lines: [{ productId: 'nope', quantity: 1, reason: 'x' }] }, 'lines.0.productId', 404);
    await bad({ warehouseId: 'nope', lines: [{ productId: pen.id, quantity: 1, reason: 'x' }] }, 'warehouseId', 404);
  });

  it('lists movements newest first with the running balance per warehouse', async () => {
    await admin.post('/api/v1/stock/adjustments', { warehouseId: wh2.id, lines: [{ productId: pen.id, quantity: 7, reason: '调入' }] });
    const res = await admin.get('/api/v1/stock/movements', { query: { productId: pen.id } });
    expect(res.status).toBe(200);
    const rows = res.body.items.map((m: Json) => [m.warehouseName, m.kind, m.quantity, m.balance]);
    expect(rows).toEqual([
      ['门店仓', 'adjust_gain', 7, 7],
      ['主仓库', 'adjust_loss', -30, 120],
      ['主仓库', 'adjust_gain', 50, 150],
      ['主仓库', 'opening', 100, 100],
    ]);
    expect(res.body.items[1].sourceNumber).toMatch(/^BS-/);
  });

  it('keeps a product with movements from being deleted', async () => {
    expectError(await admin.delete(`/api/v1/products/${pen.id}`), 409, 'IN_USE');
  });

  it('verify-stock is clean, and reports a balance changed behind the ledger’s back', async () => {
    const clean = await admin.get('/api/v1/admin/verify-stock');
    expect(clean.body).toMatchObject({ ok: true, mismatches: [] });
    await t.db.updateTable('stockLevels').set({ onHand: 999 }).where('productId', '=', pen.id).where('warehouseId', '=', wh.id).execute();
    const report = await verifyStock(t.db);
    expect(report.ok).toBe(false);
    expect(report.mismatches).toEqual(expect.arrayContaining([{ kind: 'on_hand', productId: pen.id, warehouseId: wh.id, expected: 120, actual: 999 }]));
    await t.db.updateTable('stockLevels').set({ onHand: 120 }).where('productId', '=', pen.id).where('warehouseId', '=', wh.id).execute();
  });

  it('lets warehouse staff adjust and everyone read, but not sales', async () => {
    const clerk = await t.loginAs('sales');
    expectError(await clerk.post('/api/v1/stock/adjustments', { warehouseId: wh.id, lines: [{ productId: pen.id, quantity: 1, reason: 'x' }] }), 403, 'FORBIDDEN');
    expect((await clerk.get('/api/v1/stock')).status).toBe(200);
    expectError(await clerk.get('/api/v1/admin/verify-stock'), 403, 'FORBIDDEN');
    const keeper = await t.apiKeyClient('warehouse');
    expect((await keeper.post('/api/v1/stock/adjustments', { warehouseId: wh.id, lines: [{ productId: pen.id, quantity: 1, reason: 'found' }] })).status).toBe(201);
  });
});

describe(`stock ledger under concurrency ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
  });
  afterAll(() => t.close());

  it('60 concurrent single-unit losses on a stock of 25: exactly 25 succeed, the ledger adds up', async () => {
    const wh = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '仓' })).body;
    const p = (await admin.post('/api/v1/products', { sku: 'HOT', name: '热销品', costPrice: 100 })).body;
    await admin.post('/api/v1/stock/opening', { warehouseId: wh.id, lines: [{ productId: p.id, quantity: 25, unitCost: 100 }] });
    const results = await Promise.all(
      Array.from({ length: 60 }, () => admin.post('/api/v1/stock/adjustments', { warehouseId: wh.id, lines: [{ productId: p.id, quantity: -1, reason: 'race' }] })),
    );
    const codes = results.map((r) => r.status);
    expect(codes.filter((c) => c === 201)).toHaveLength(25);
    expect(codes.filter((c) => c === 409)).toHaveLength(35);
    // Refused before the ledger or by its conditional update (a race on PostgreSQL): either way on the line.
    expect(new Set(results.filter((r) => r.status === 409).map((r) => r.body.error.details.map((d: Json) => d.field).join()))).toEqual(new Set(['lines.0.quantity']));
    const row = (await admin.get('/api/v1/stock', { query: { productId: p.id } })).body.items[0];
    expect(row).toMatchObject({ onHand: 0, available: 0 });
    expect((await verifyStock(t.db)).ok).toBe(true);
    const numbers = new Set(results.filter((r) => r.status === 201).map((r) => r.body.number));
    expect(numbers.size).toBe(25);
  });

  it('multi-line adjustments touching the same products in opposite order do not deadlock or lose updates', async () => {
    const wh = (await admin.post('/api/v1/warehouses', { code: 'W9', name: '仓9' })).body;
    const a = (await admin.post('/api/v1/products', { sku: 'A', name: 'A' })).body;
    const b = (await admin.post('/api/v1/products', { sku: 'B', name: 'B' })).body;
    await admin.post('/api/v1/stock/opening', { warehouseId: wh.id, lines: [{ productId: a.id, quantity: 1000, unitCost: 10 }, { productId: b.id, quantity: 1000, unitCost: 20 }] });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const lines = [{ productId: a.id, quantity: -3, reason: 'x' }, { productId: b.id, quantity: -2, reason: 'x' }];
        return admin.post('/api/v1/stock/adjustments', { warehouseId: wh.id, lines: i % 2 ? lines.reverse() : lines });
      }),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const stock = (await admin.get('/api/v1/stock', { query: { warehouseId: wh.id } })).body.items.map((r: Json) => [r.sku, r.onHand]);
    expect(stock).toEqual([['A', 880], ['B', 920]]);
    expect((await verifyStock(t.db)).ok).toBe(true);
  });
});

describe(`Idempotency-Key on stock documents ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let wh: Json;
  let p: Json;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    wh = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '仓' })).body;
    p = (await admin.post('/api/v1/products', { sku: 'IDEM', name: '幂等', costPrice: 10 })).body;
  });
  afterAll(() => t.close());
  const count = async () => Number((await t.db.selectFrom('stockAdjustments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('returns the same document for a retry (201 then 200) and refuses the key with another body (422)', async () => {
    const body = { warehouseId: wh.id, lines: [{ productId: p.id, quantity: 5, reason: '盘盈' }] };
    const first = await admin.post('/api/v1/stock/adjustments', body, { headers: { 'idempotency-key': 'k-1' } });
    expect(first.status).toBe(201);
    const again = await admin.post('/api/v1/stock/adjustments', body, { headers: { 'idempotency-key': 'k-1' } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const other = await admin.post('/api/v1/stock/adjustments', { ...body, lines: [{ ...body.lines[0], quantity: 6 }] }, { headers: { 'idempotency-key': 'k-1' } });
    expectError(other, 422, 'IDEMPOTENCY_MISMATCH');
    expect(await count()).toBe(1);
    expect((await admin.get('/api/v1/stock', { query: { productId: p.id } })).body.items[0].onHand).toBe(5);
  });

  it('30 concurrent requests with one key make one document', async () => {
    const body = { warehouseId: wh.id, lines: [{ productId: p.id, quantity: 1, reason: 'same' }] };
    const before = await count();
    const results = await Promise.all(Array.from({ length: 30 }, () => admin.post('/api/v1/stock/adjustments', body, { headers: { 'idempotency-key': 'burst' } })));
    expect(results.map((r) => r.status).sort((a, b) => a - b)).toEqual([...Array(29).fill(200), 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await count()).toBe(before + 1);
  });

  it('keys are per caller: another API key may use the same key for its own document', async () => {
    const bot = await t.apiKeyClient('warehouse');
    const res = await bot.post('/api/v1/stock/adjustments', { warehouseId: wh.id, lines: [{ productId: p.id, quantity: 1, reason: 'bot' }] }, { headers: { 'idempotency-key': 'k-1' } });
    expect(res.status).toBe(201);
  });
});
