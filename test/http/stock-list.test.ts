import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeStock } from '../../src/server/modules/inventory/index.js';
import { SESSION_COOKIE } from '../../src/server/platform/access.js';
import { systemActor } from '../../src/server/platform/actor.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`stock list: barcode search, sort, value and totals, export ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  const p: Record<string, Json> = {};
  const list = async (query: Record<string, string | number>) => {
    const res = await admin.get('/api/v1/stock', { query: { pageSize: 100, ...query } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { items: Json[]; total: number; totals: Json };
  };
  const rows = async (query: Record<string, string | number>) => (await list(query)).items.map((r) => `${r.sku}@${r.warehouseName}`);
  const raw = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { cookie: `${SESSION_COOKIE}=${admin.cookie}`, ...headers } });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    const w1 = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库' })).body;
    const w2 = (await admin.post('/api/v1/warehouses', { code: 'W2', name: '门店仓' })).body;
    p.pen = (await admin.post('/api/v1/products', {
      sku: 'PEN', name: '中性笔', baseUnit: '支', costPrice: 100, units: [{ name: '盒', factor: 10 }],
      barcodes: [{ barcode: '6901234567892' }, { barcode: '6901234567908', unit: '盒' }],
    })).body;
    p.ink = (await admin.post('/api/v1/products', { sku: 'INK', name: '墨水', baseUnit: '瓶', costPrice: 500, barcodes: [{ barcode: '6920000000017' }] })).body;
    p.cup = (await admin.post('/api/v1/products', { sku: 'CUP', name: '水杯', costPrice: 900 })).body;
    const post = async (url: string, body: Json) => expect((await admin.post(url, body)).status).toBe(201);
    // PEN: 100 @ 1.20 in W1 and 50 @ 1.50 in W2 → 150 for 195.00, 1.30 each. INK: 3 @ 1.00 + 1 @ 1.01 = 4.01.
    await post('/api/v1/stock/opening', { warehouseId: w1.id, lines: [{ productId: p.pen.id, quantity: 100, unitCost: 120 }, { productId: p.ink.id, quantity: 3, unitCost: 100 }] });
    await post('/api/v1/stock/opening', { warehouseId: w2.id, lines: [{ productId: p.pen.id, quantity: 50, unitCost: 150 }] });
    await post('/api/v1/stock/adjustments', { warehouseId: w1.id, lines: [{ productId: p.ink.id, quantity: 1, reason: '盘盈', unitCost: 101 }] });
    await t.db.transaction().execute((trx) =>
      changeStock(trx, systemActor('test'), { type: 'test', id: 'hold' }, { reservations: [{ productId: p.pen.id, warehouseId: w1.id, sourceLineId: 'l1', delta: 30 }] }));
  });
  afterAll(() => t.close());

  it('gives each row its value at moving-average cost and totals over every matching row, not just the page', async () => {
    const all = await list({});
    expect(all.items.map((r) => [r.sku, r.warehouseName, r.onHand, r.reserved, r.available, r.avgCost, r.value])).toEqual([
      ['INK', '主仓库', 4, 0, 4, 100, 401],
      ['PEN', '主仓库', 100, 30, 70, 130, 13000],
      ['PEN', '门店仓', 50, 0, 50, 130, 6500],
    ]);
    expect(all.totals).toEqual({ onHand: 154, reserved: 30, available: 124, value: 19901 });
    const page = await list({ pageSize: 1, page: 2 });
    expect(page).toMatchObject({ total: 3, totals: all.totals });
    expect(page.items).toHaveLength(1);
    expect((await list({ q: 'pen' })).totals).toEqual({ onHand: 150, reserved: 30, available: 120, value: 19500 });
    expect((await list({ q: 'nothing like it' })).totals).toEqual({ onHand: 0, reserved: 0, available: 0, value: 0 });
  });

  it('finds rows by a barcode of the base unit or of a pack unit (exact), besides SKU and name', async () => {
    expect(await rows({ q: '6901234567892' })).toEqual(['PEN@主仓库', 'PEN@门店仓']);
    expect(await rows({ q: '6901234567908' })).toEqual(['PEN@主仓库', 'PEN@门店仓']);
    expect(await rows({ q: '6920000000017' })).toEqual(['INK@主仓库']);
    expect(await rows({ q: '690123' })).toEqual([]);
    expect(await rows({ q: '墨' })).toEqual(['INK@主仓库']);
  });

  it('sorts by sku, name, warehouse, onHand, reserved, available, avgCost and value, - for descending; ties by SKU then warehouse', async () => {
    expect(await rows({ sort: '-sku' })).toEqual(['PEN@主仓库', 'PEN@门店仓', 'INK@主仓库']);
    expect(await rows({ sort: 'onHand' })).toEqual(['INK@主仓库', 'PEN@门店仓', 'PEN@主仓库']);
    expect(await rows({ sort: '-available' })).toEqual(['PEN@主仓库', 'PEN@门店仓', 'INK@主仓库']);
    expect(await rows({ sort: '-reserved' })).toEqual(['PEN@主仓库', 'INK@主仓库', 'PEN@门店仓']);
    expect(await rows({ sort: 'value' })).toEqual(['INK@主仓库', 'PEN@门店仓', 'PEN@主仓库']);
    expect(await rows({ sort: '-avgCost' })).toEqual(['PEN@主仓库', 'PEN@门店仓', 'INK@主仓库']);
    // Chinese names order by the database's collation, so only that the sort is accepted.
    expect(await rows({ sort: 'name' })).toHaveLength(3);
    expect(await rows({ sort: '-warehouse' })).toHaveLength(3);
    const bad = await admin.get('/api/v1/stock', { query: { sort: 'colour' }, headers: { 'accept-language': 'en' } });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.error.details[0]).toMatchObject({ field: 'sort', message: expect.stringContaining('onHand') });
  });

  it('exports the filtered, sorted list as .xlsx (money in yuan) and as .csv', async () => {
    const res = await raw('/api/v1/stock/export?format=xlsx&q=pen&sort=-onHand');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toMatch(/filename\*=UTF-8''%E5%BA%93%E5%AD%98-\d{8}\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0].getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(sheet).toEqual([
      ['编码', '名称', '单位', '仓库', '库存', '已预留', '可用', '平均成本', '库存金额'],
      ['PEN', '中性笔', '支', '主仓库', 100, 30, 70, 1.3, 130],
      ['PEN', '中性笔', '支', '门店仓', 50, 0, 50, 1.3, 65],
    ]);
    const csv = await raw('/api/v1/stock/export?format=csv&sort=sku', { 'accept-language': 'en' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.slice(1).trim().split('\r\n')).toEqual([
      'SKU,Name,Unit,Warehouse,On hand,Reserved,Available,Average cost,Value',
      'INK,墨水,瓶,主仓库,4,0,4,1,4.01',
      'PEN,中性笔,支,主仓库,100,30,70,1.3,130',
      'PEN,中性笔,支,门店仓,50,0,50,1.3,65',
    ]);
    expectError(await admin.get('/api/v1/stock/export', { query: { format: 'pdf' } }), 400, 'VALIDATION_FAILED');
    expectError(await admin.get('/api/v1/stock/export', { query: { sort: 'colour' } }), 400, 'VALIDATION_FAILED');
  });

  it('leaves the value empty (null) for stock without a moving-average cost, and out of the total value', async () => {
    // Only a ledger changed behind its back has stock without cost; the list still answers.
    const now = new Date().toISOString();
    const w1 = (await list({ q: 'INK' })).items[0].warehouseId;
    await t.db.insertInto('stockLevels').values({ productId: p.cup.id, warehouseId: w1, onHand: 2, reserved: 0, updatedAt: now }).execute();
    const all = await list({});
    expect(all.items.find((r) => r.sku === 'CUP')).toMatchObject({ onHand: 2, avgCost: 900, value: null });
    expect(all.totals).toEqual({ onHand: 156, reserved: 30, available: 126, value: 19901 });
  });
});
