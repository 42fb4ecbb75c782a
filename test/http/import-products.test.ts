import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

const badFile = [
  '编码,名称,零售价,税率(%),辅助单位,条码,类别',
  'A1,好商品,18.30,13%,箱=12,690001;690002@箱,饮料/茶',
  'A2,,5,13,,,',
  'A3,坏价格,12.345,13,,,',
  'A1,重复,1,13,,,',
  'A5,坏税率,1,abc,,,',
  'A6,坏单位,1,13,箱=1,,',
  ',,,,,,',
  'A9,条码冲突,1,13,,690001,',
].join('\n');

describe(`imports: products ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  const count = async (table: 'products' | 'categories' | 'auditLog' | 'productBarcodes') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const product = async (sku: string) => (await admin.get('/api/v1/products', { query: { q: sku } })).body.items.find((p: Json) => p.sku === sku);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
  });
  afterAll(() => t.close());

  it('preview lists every problem with row, column (as in the file) and message, and writes nothing', async () => {
    const before = await Promise.all([count('products'), count('categories'), count('auditLog')]);
    const res = await admin.upload('/api/v1/imports/products/preview', { name: '商品.csv', content: badFile });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ entity: 'products', mode: 'create', totalRows: 7, validRows: 1, toCreate: 1, toUpdate: 0 });
    expect(res.body.columns).toEqual(['编码', '名称', '零售价', '税率(%)', '辅助单位', '条码', '类别']);
    expect(res.body.errors.map((e: Json) => [e.row, e.column, e.field])).toEqual([
      [3, '名称', 'name'],
      [4, '零售价', 'listPrice'],
      [5, '编码', 'sku'],
      [6, '税率(%)', 'taxRate'],
      [7, '辅助单位', 'packUnits'],
      [9, '条码', 'barcodes'],
    ]);
    const messages = res.body.errors.map((e: Json) => e.message);
    expect(messages[0]).toBe('必填，不能为空');
    expect(messages[1]).toBe('金额「12.345」最多两位小数');
    expect(messages[2]).toBe('编码「A1」与第 2 行重复');
    expect(messages[4]).toBe('换算率须为不小于 2 的整数');
    expect(messages[5]).toContain('690001');
    expect(res.body.sample[0]).toMatchObject({ row: 2, action: 'create', data: { sku: 'A1', listPrice: 1830, taxRate: 13, category: '饮料/茶', units: [{ name: '箱', factor: 12 }] } });
    expect(res.body.sample[1]).toMatchObject({ row: 3, action: 'error', values: { sku: 'A2', name: '' }, data: null });
    expect(await Promise.all([count('products'), count('categories'), count('auditLog')])).toEqual(before);

    const en = await admin.upload('/api/v1/imports/products/preview', { name: 'p.csv', content: badFile }, {}, { lang: 'en' });
    expect(en.body.errors[1].message).toBe('Amount "12.345" has more than 2 decimals');
    expect(en.body.errors[1].column).toBe('零售价');
  });

  it('commit with errors is a 422 IMPORT_HAS_ERRORS listing them, and nothing is written', async () => {
    const before = await Promise.all([count('products'), count('categories'), count('auditLog'), count('productBarcodes')]);
    const res = await admin.upload('/api/v1/imports/products/commit', { name: 'p.csv', content: badFile }, {}, { lang: 'en' });
    expectError(res as never, 422, 'IMPORT_HAS_ERRORS');
    expect(res.body.error.message).toBe('The file has 6 errors; nothing was imported');
    expect(res.body.error.details.map((e: Json) => e.row)).toEqual([3, 4, 5, 6, 7, 9]);
    expect(res.body.error.details[0]).toMatchObject({ row: 3, column: '名称', field: 'name' });
    expect(await Promise.all([count('products'), count('categories'), count('auditLog'), count('productBarcodes')])).toEqual(before);
  });

  it('commit writes every row in one go, prices in exact fen, through the product service (audit rows too)', async () => {
    const csv = [
      'SKU,Name,List price,Wholesale price,Cost price,Tax rate (%),Category,Pack units,Barcodes,Attributes,Base unit,Brand',
      'P-1,Green tea,18.3,15.10,"1,234.56",9%,Beverages/Tea,case=12;pack=6,6901;16901@case,color:red;size:L,bottle,Breeze',
      'P-2,Cola,4.35,,1.13,13,Beverages/Soda,,,,,',
      'P-3,"Tea, ""special""",17.45,,0.07,,Beverages/Tea,,,,,',
    ].join('\r\n');
    const auditBefore = await count('auditLog');
    const res = await admin.upload('/api/v1/imports/products/commit', { name: 'products.csv', content: csv }, {}, { lang: 'en' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: 3, updated: 0 });
    expect(await product('P-1')).toMatchObject({
      name: 'Green tea', listPrice: 1830, wholesalePrice: 1510, costPrice: 123456, taxRate: 9, categoryName: 'Tea', baseUnit: 'bottle', brand: 'Breeze',
      units: [{ name: 'case', factor: 12 }, { name: 'pack', factor: 6 }],
      attributes: [{ key: 'color', value: 'red' }, { key: 'size', value: 'L' }],
    });
    expect((await product('P-1')).barcodes.map((b: Json) => [b.barcode, b.unitName])).toEqual([['16901', 'case'], ['6901', 'bottle']]);
    expect(await product('P-2')).toMatchObject({ listPrice: 435, wholesalePrice: null, costPrice: 113, taxRate: 13, categoryName: 'Soda', baseUnit: '个' });
    expect(await product('P-3')).toMatchObject({ name: 'Tea, "special"', listPrice: 1745, costPrice: 7 });
    const cats = (await admin.get('/api/v1/categories')).body.items;
    expect(cats.filter((c: Json) => c.name === 'Beverages')).toHaveLength(1);
    expect(cats.filter((c: Json) => c.name === 'Tea')).toHaveLength(1);
    // 3 products + 3 categories + the import summary.
    expect((await count('auditLog')) - auditBefore).toBe(7);
    const audit = await admin.get('/api/v1/audit-log', { query: { action: 'import' } });
    expect(audit.body.items[0]).toMatchObject({ action: 'import', entity: 'product', summary: 'products.csv: 3 created, 0 updated' });
  });

  it('create mode refuses existing SKUs; upsert updates only the columns filled in', async () => {
    const csv = '编码,名称,零售价,品牌\nP-1,绿茶（新）,20,\nP-4,新品,1.5,新牌\n';
    const refused = await admin.upload('/api/v1/imports/products/commit', { name: 'u.csv', content: csv });
    expectError(refused as never, 422, 'IMPORT_HAS_ERRORS');
    expect(refused.body.error.details).toEqual([{ row: 2, column: '编码', field: 'sku', message: expect.stringContaining('「P-1」已存在') }]);

    const preview = await admin.upload('/api/v1/imports/products/preview', { name: 'u.csv', content: csv }, { mode: 'upsert' });
    expect(preview.body).toMatchObject({ mode: 'upsert', totalRows: 2, validRows: 2, toCreate: 1, toUpdate: 1, errors: [] });
    expect(preview.body.sample.map((s: Json) => s.action)).toEqual(['update', 'create']);
    const res = await admin.upload('/api/v1/imports/products/commit', { name: 'u.csv', content: csv }, { mode: 'upsert' });
    expect(res.body).toEqual({ created: 1, updated: 1 });
    expect(await product('P-1')).toMatchObject({ name: '绿茶（新）', listPrice: 2000, brand: 'Breeze', wholesalePrice: 1510, categoryName: 'Tea', units: [{ name: 'case' }, { name: 'pack' }] });
    expect(await product('P-4')).toMatchObject({ name: '新品', listPrice: 150, brand: '新牌' });
  });

  it('imports an .xlsx: number, rich-text, formula and percent cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('商品');
    ws.addRow(['商品编码', { richText: [{ text: '商品' }, { text: '名称' }] }, '零售价', '成本价', '税率']);
    ws.addRow([1001, { richText: [{ text: '乌龙', font: { bold: true } }, { text: '茶' }] }, 18.3, { formula: '1.1*3', result: 1.1 * 3 }, 0.09]);
    ws.getCell('E2').numFmt = '0%';
    ws.addRow(['X-2', '红茶', 4.35, 0, 13]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await admin.upload('/api/v1/imports/products/commit', { name: '商品.xlsx', content: buf });
    expect(res.body).toEqual({ created: 2, updated: 0 });
    expect(await product('1001')).toMatchObject({ name: '乌龙茶', listPrice: 1830, costPrice: 330, taxRate: 9 });
    expect(await product('X-2')).toMatchObject({ listPrice: 435, costPrice: 0, taxRate: 13 });
  });

  it('a missing required column is one error naming it; a mapping can point a field at another header', async () => {
    const csv = 'Item,Price\nZ-1,3\nZ-2,4\n';
    const missing = await admin.upload('/api/v1/imports/products/preview', { name: 'm.csv', content: csv }, {}, { lang: 'en' });
    expect(missing.body.errors.map((e: Json) => [e.row, e.field, e.column])).toEqual([[1, 'sku', 'SKU'], [1, 'name', 'Name']]);
    expect(missing.body.errors[0].message).toMatch(/^Required column "SKU" is missing/);
    expect(missing.body.ignoredColumns).toEqual(['Item']);

    const mapped = await admin.upload('/api/v1/imports/products/preview', { name: 'm.csv', content: csv }, { mapping: JSON.stringify({ sku: 'Item', name: 'Item' }) }, { lang: 'en' });
    expect(mapped.body).toMatchObject({ errors: [], validRows: 2, mapping: { sku: 'Item', name: 'Item', listPrice: 'Price' }, ignoredColumns: [] });
    const wrong = await admin.upload('/api/v1/imports/products/preview', { name: 'm.csv', content: csv }, { mapping: JSON.stringify({ sku: 'Nope', name: 'Item' }) }, { lang: 'en' });
    expect(wrong.body.errors).toEqual([{ row: 1, column: 'Nope', field: 'sku', message: 'Mapped column "Nope" is not in the file' }]);
    const invalid = await admin.upload('/api/v1/imports/products/preview', { name: 'm.csv', content: csv }, { mapping: '{"colour":"Item"}' }, { lang: 'en' });
    expectError(invalid as never, 400, 'VALIDATION_FAILED');
    expect(invalid.body.error.details[0].field).toBe('mapping');
    const badMode = await admin.upload('/api/v1/imports/products/preview', { name: 'm.csv', content: csv }, { mode: 'merge' }, { lang: 'en' });
    expectError(badMode as never, 400, 'VALIDATION_FAILED');
  });
});
