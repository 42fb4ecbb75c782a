import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/server/platform/access.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

const csvFile = (content: string) => ({ name: 'stock.csv', content, type: 'text/csv' });

describe(`imports: opening stock ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let w1: Json;
  let w2: Json;
  let cola: Json;
  let tea: Json;
  let milk: Json;
  const stock = async (productId: string) => (await admin.get('/api/v1/stock', { query: { productId } })).body.items as Json[];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    w1 = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true, bins: [{ code: 'A-01' }] })).body;
    w2 = (await admin.post('/api/v1/warehouses', { code: 'W2', name: '门店仓' })).body;
    cola = (await admin.post('/api/v1/products', { sku: 'COLA', name: '可乐', baseUnit: '瓶', units: [{ name: '箱', factor: 24 }], barcodes: [{ barcode: '6901234567892' }], listPrice: 350 })).body;
    tea = (await admin.post('/api/v1/products', { sku: 'TEA', name: '绿茶', listPrice: 400 })).body;
    milk = (await admin.post('/api/v1/products', { sku: 'MILK', name: '牛奶', listPrice: 500 })).body;
  });
  afterAll(() => t.close());

  it('books one opening document per warehouse (warehouse by code or name, product by SKU or barcode, optional bin); preview writes nothing', async () => {
    const csv = '仓库,商品编码,数量,单位成本,库位\nW1,COLA,100,2.00,A-01\n主仓库,TEA,50,2.50,\nW2,6901234567892,30,2.10,\n门店仓,TEA,8,2.55,\n';
    const preview = await admin.upload('/api/v1/imports/opening-stock/preview', csvFile(csv));
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ entity: 'opening-stock', errors: [], totalRows: 4, validRows: 4, toCreate: 2, toUpdate: 0 });
    expect(preview.body.documents.map((d: Json) => [d.status, d.rows, d.amount])).toEqual([['posted', [2, 3], 32500], ['posted', [4, 5], 8340]]);
    expect(preview.body.sample[0]).toMatchObject({ row: 2, action: 'create', data: { warehouse: 'W1', sku: 'COLA', quantity: 100, unitCost: 200, bin: 'A-01' } });
    expect(await stock(cola.id)).toEqual([]);

    const commit = await admin.upload('/api/v1/imports/opening-stock/commit', csvFile(csv));
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ created: 2, updated: 0 });
    expect(commit.body.documents).toHaveLength(2);
    for (const d of commit.body.documents) expect(d.number).toMatch(/^QC-\d{8}-\d{4}$/);

    // Moving-average cost is per product: COLA (100 × 2.00 + 30 × 2.10) / 130 = 2.023 → 202 fen.
    expect((await stock(cola.id)).map((r) => [r.warehouseId, r.onHand, r.reserved, r.available, r.avgCost])).toEqual([[w1.id, 100, 0, 100, 202], [w2.id, 30, 0, 30, 202]]);
    // TEA (50 × 2.50 + 8 × 2.55) / 58 = 2.5069 → 251 fen.
    expect((await stock(tea.id)).map((r) => [r.warehouseName, r.onHand, r.avgCost])).toEqual([['主仓库', 50, 251], ['门店仓', 8, 251]]);
    const moves = (await admin.get('/api/v1/stock/movements', { query: { productId: cola.id, warehouseId: w1.id } })).body.items;
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ kind: 'opening', quantity: 100, unitCost: 200, balance: 100, binId: w1.bins[0].id, sourceNumber: commit.body.documents[0].number });
    const docs = (await admin.get('/api/v1/stock/adjustments', { query: { kind: 'opening' } })).body;
    expect(docs.total).toBe(2);
    expect((await admin.get('/api/v1/admin/verify-stock')).body).toMatchObject({ ok: true, mismatches: [] });
    const audit = (await admin.get('/api/v1/audit-log', { query: { action: 'import', entity: 'stockAdjustment' } })).body.items;
    expect(audit).toHaveLength(1);
    expect(audit[0].summary).toBe('stock.csv: 2 created, 0 updated');
  });

  it('a second opening for a product that already has stock in that warehouse is a row error (422), and nothing is written', async () => {
    const csv = '仓库,商品编码,数量,单位成本\nW1,MILK,10,1.00\nW1,COLA,5,2.00\nW2,MILK,4,1.00\n';
    const res = await admin.upload('/api/v1/imports/opening-stock/commit', csvFile(csv), {}, { lang: 'en' });
    expectError(res, 422, 'IMPORT_HAS_ERRORS');
    expect(res.body.error.details).toEqual([{ row: 3, column: '商品编码', field: 'sku', message: expect.stringContaining('already has stock movements in this warehouse') }]);
    expect(await stock(milk.id)).toEqual([]);
    expect((await stock(cola.id)).map((r) => r.onHand)).toEqual([100, 30]);
  });

  it('lists every row error: unknown warehouse, SKU or bin, bad numbers, a product repeated for one warehouse', async () => {
    const csv = [
      'Warehouse,SKU,Quantity,Unit cost,Bin',
      'W9,MILK,1,1', // 2 unknown warehouse
      'W1,NOPE,1,1', // 3 unknown product
      'W1,MILK,1.5,1', // 4 fractional quantity
      'W1,MILK,0,1', // 5 zero
      'W1,MILK,abc,1', // 6 not a number
      'W1,MILK,3,1.234', // 7 three decimals
      'W1,MILK,3,1,Z-99', // 8 no such bin
      'W2,MILK,3,1', // 9 fine
      '门店仓,MILK,4,1', // 10 repeats row 9 (same warehouse by name)
      'W1,TEA,1,', // 11 cost missing
    ].join('\n');
    const preview = await admin.upload('/api/v1/imports/opening-stock/preview', csvFile(csv), {}, { lang: 'en' });
    expect(preview.status).toBe(200);
    const errors: Json[] = preview.body.errors;
    expect(errors.map((e) => [e.row, e.field])).toEqual([[2, 'warehouse'], [3, 'sku'], [4, 'quantity'], [5, 'quantity'], [6, 'quantity'], [7, 'unitCost'], [8, 'bin'], [10, 'sku'], [11, 'unitCost']]);
    expect(errors[0].message).toBe('No warehouse with code or name "W9"');
    expect(errors[1].message).toBe('No product with SKU or barcode "NOPE"');
    expect(errors[3].column).toBe('Quantity');
    expect(errors[6].message).toBe('Warehouse "主仓库" has no bin "Z-99"');
    expect(errors[7].message).toBe('This product already appears for this warehouse on row 9');
    expect(preview.body).toMatchObject({ totalRows: 10, validRows: 1 });

    const commit = await admin.upload('/api/v1/imports/opening-stock/commit', csvFile(csv), {}, { lang: 'en' });
    expectError(commit, 422, 'IMPORT_HAS_ERRORS');
    expect(commit.body.error.details).toEqual(errors);
    expect(await stock(milk.id)).toEqual([]);

    const noCost = await admin.upload('/api/v1/imports/opening-stock/preview', csvFile('仓库,商品编码,数量\nW1,MILK,1\n'));
    expect(noCost.body.errors).toEqual([expect.objectContaining({ row: 1, field: 'unitCost' })]);
    expectError(await admin.upload('/api/v1/imports/opening-stock/preview', csvFile(csv), { mode: 'upsert' }), 400, 'VALIDATION_FAILED');
  });

  it('needs stock:adjust: a warehouse clerk may, a sales clerk may not', async () => {
    const csv = '仓库,商品编码,数量,单位成本\nW2,MILK,1,1\n';
    const clerk = await t.loginAs('warehouse');
    expect((await clerk.upload('/api/v1/imports/opening-stock/preview', csvFile(csv))).body).toMatchObject({ errors: [], toCreate: 1 });
    expectError(await (await t.loginAs('sales')).upload('/api/v1/imports/opening-stock/commit', csvFile(csv)), 403, 'FORBIDDEN');
  });
});

const templateHeaders: Record<string, Record<string, string[]>> = {
  'opening-stock': { 'zh-CN': ['仓库', '商品编码', '数量', '单位成本', '库位'], en: ['Warehouse', 'SKU', 'Quantity', 'Unit cost', 'Bin'] },
  'sales-orders': {
    'zh-CN': ['订单号', '客户编号', '订单日期', '商品编码', '数量', '单位', '单价', '折扣(%)', '税率(%)', '仓库', '交货日期', '备注', '发货日期', '确认', '折后金额', '成本金额'],
    en: ['Order no', 'Customer', 'Order date', 'SKU', 'Quantity', 'Unit', 'Unit price', 'Discount (%)', 'Tax rate (%)', 'Warehouse', 'Requested date', 'Notes', 'Ship date', 'Confirm', 'Line amount', 'Line cost'],
  },
};

describe.each(['opening-stock', 'sales-orders'])(`imports: %s template ${dialectLabel}`, (entity) => {
  let t: TestApp;
  let admin: TestClient;
  const get = async (format: string, lang: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${entity}/template?format=${format}`, headers: { cookie: `${SESSION_COOKIE}=${admin.cookie}`, 'accept-language': lang } });
    return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload };
  };
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    // What the examples refer to, so the templates preview clean.
    const wh = (await admin.post('/api/v1/warehouses', { code: 'WH01', name: '主仓库', isDefault: true, bins: [{ code: 'A-01-01' }] })).body;
    const tea = (await admin.post('/api/v1/products', { sku: 'TEA-500', name: '茉莉花茶', baseUnit: '瓶', units: [{ name: '箱', factor: 15 }, { name: 'case', factor: 15 }], listPrice: 450 })).body;
    await admin.post('/api/v1/customers', { code: 'C0001', name: '华东商贸' });
    // The order example confirms 2 cases (30 bottles).
    if (entity === 'sales-orders') await admin.post('/api/v1/stock/opening', { warehouseId: wh.id, lines: [{ productId: tea.id, quantity: 100, unitCost: 300 }] });
  });
  afterAll(() => t.close());

  it.each(['zh-CN', 'en'])('xlsx in %s: headers, one example row, a sheet explaining each column and the rules; it previews clean', async (lang) => {
    const res = await get('xlsx', lang);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(lang === 'en' ? `${entity}-import-template.xlsx` : encodeURIComponent('导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.worksheets).toHaveLength(2);
    const headers = (wb.worksheets[0].getRow(1).values as string[]).slice(1);
    expect(headers).toEqual(templateHeaders[entity][lang]);
    expect(wb.worksheets[0].rowCount).toBe(2);
    const help = wb.worksheets[1];
    expect((help.getRow(1).values as string[]).slice(1)).toEqual(lang === 'en' ? ['Column', 'Required', 'Format', 'Example', 'Also accepted headers'] : ['列名', '必填', '格式说明', '示例', '也可用的列名']);
    expect(help.getRow(headers.length + 1).getCell(1).value).toBe(headers.at(-1));
    const notes = String(help.getRow(headers.length + 3).getCell(1).value);
    expect(notes).toMatch(lang === 'en' ? /^Row 1 holds the column headers/ : /^第 1 行是列名/);
    const preview = await admin.upload(`/api/v1/imports/${entity}/preview`, { name: 't.xlsx', content: res.bytes }, {}, { lang });
    expect(preview.body, JSON.stringify(preview.body.errors)).toMatchObject({ errors: [], totalRows: 1, validRows: 1, toCreate: 1, ignoredColumns: [] });
  });

  it.each(['zh-CN', 'en'])('csv in %s: UTF-8 with BOM, header and example row', async (lang) => {
    const res = await get('csv', lang);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = res.bytes.toString('utf8');
    expect(text.startsWith('\ufeff' + templateHeaders[entity][lang].join(','))).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(2);
    const preview = await admin.upload(`/api/v1/imports/${entity}/preview`, { name: 't.csv', content: res.bytes }, {}, { lang });
    expect(preview.body).toMatchObject({ errors: [], totalRows: 1, validRows: 1 });
  });
});
