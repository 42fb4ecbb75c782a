import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/server/platform/access.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`products: list, search, export, barcode images ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  const cat: Record<string, string> = {};
  const list = async (query: Record<string, string | number>) => {
    const res = await admin.get('/api/v1/products', { query: { pageSize: 100, ...query } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { items: Json[]; total: number; page: number; pageSize: number };
  };
  const skus = async (query: Record<string, string | number>) => (await list(query)).items.map((p) => p.sku);
  /** Raw GET with the admin's session (for binary replies). */
  const raw = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: `${SESSION_COOKIE}=${admin.cookie}`, ...headers } });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    const mk = async (name: string, parentId: string | null = null) => (await admin.post('/api/v1/categories', { name, parentId })).body.id as string;
    cat.drinks = await mk('饮料');
    cat.tea = await mk('茶饮料', cat.drinks);
    cat.greenTea = await mk('绿茶', cat.tea);
    cat.stationery = await mk('文具');
    const rows = [
      { sku: 'L-001', name: '冰红茶 500ml', brand: '茶语轩', categoryId: cat.tea, listPrice: 300, barcodes: [{ barcode: '6901000000019' }] },
      { sku: 'L-002', name: '茉莉绿茶 500ml', brand: '茶语轩', categoryId: cat.greenTea, listPrice: 350 },
      { sku: 'L-003', name: '橙汁 1L', brand: '果然鲜', categoryId: cat.drinks, listPrice: 1290, units: [{ name: '箱', factor: 6 }], barcodes: [{ barcode: '6901000000026', unit: '箱' }] },
      { sku: 'L-004', name: 'Gel Pen 0.5mm', brand: 'Modian', categoryId: cat.stationery, listPrice: 200, spec: '=SUM(A1)' },
      { sku: 'L-005', name: '无类别商品', brand: null, categoryId: null, listPrice: 990 },
    ];
    for (const r of rows) {
      const res = await admin.post('/api/v1/products', { baseUnit: '瓶', costPrice: 100, ...r });
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    }
  });
  afterAll(() => t.close());

  it('searches by name (case-insensitive), SKU and exact barcode', async () => {
    expect(await skus({ q: '绿茶' })).toEqual(['L-002']);
    expect(await skus({ q: 'gel pen' })).toEqual(['L-004']);
    expect(await skus({ q: 'l-003' })).toEqual(['L-003']);
    expect(await skus({ q: '6901000000026' })).toEqual(['L-003']);
    expect(await skus({ q: '茶语轩', sort: 'sku' })).toEqual(['L-001', 'L-002']);
    // A search for % or _ matches those characters only, not everything.
    expect(await skus({ q: '%' })).toEqual([]);
    expect(await skus({ q: '_' })).toEqual([]);
  });

  it('filters by category including its subcategories, and by brand', async () => {
    expect(await skus({ categoryId: cat.drinks, sort: 'sku' })).toEqual(['L-001', 'L-002', 'L-003']);
    expect(await skus({ categoryId: cat.tea, sort: 'sku' })).toEqual(['L-001', 'L-002']);
    expect(await skus({ categoryId: cat.greenTea })).toEqual(['L-002']);
    expect(await skus({ categoryId: 'no-such-category' })).toEqual([]);
    expect(await skus({ brand: '果然鲜' })).toEqual(['L-003']);
    const row = (await list({ q: 'L-001' })).items[0];
    expect(row).toMatchObject({ categoryId: cat.tea, categoryName: '茶饮料' });
  });

  it('sorts ascending and descending by a known field; an unknown one is a 400 naming sort', async () => {
    expect(await skus({ sort: 'listPrice' })).toEqual(['L-004', 'L-001', 'L-002', 'L-005', 'L-003']);
    expect(await skus({ sort: '-listPrice' })).toEqual(['L-003', 'L-005', 'L-002', 'L-001', 'L-004']);
    expect(await skus({ sort: '-sku' })).toEqual(['L-005', 'L-004', 'L-003', 'L-002', 'L-001']);
    const bad = await admin.get('/api/v1/products', { query: { sort: 'nonsense' } });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.error.details).toMatchObject([{ field: 'sort' }]);
  });

  it('pages with a stable total', async () => {
    const p1 = await list({ sort: 'sku', pageSize: 2, page: 1 });
    const p3 = await list({ sort: 'sku', pageSize: 2, page: 3 });
    expect(p1).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(p1.items.map((p) => p.sku)).toEqual(['L-001', 'L-002']);
    expect(p3.items.map((p) => p.sku)).toEqual(['L-005']);
    expect((await list({ sort: 'sku', pageSize: 2, page: 9 })).items).toEqual([]);
    expect((await list({ q: '茶', pageSize: 1 })).total).toBe(2);
    expectError(await admin.get('/api/v1/products', { query: { pageSize: 501 } }), 400, 'VALIDATION_FAILED');
    expectError(await admin.get('/api/v1/products', { query: { page: 0 } }), 400, 'VALIDATION_FAILED');
  });

  it('exports the filtered list as .xlsx that reads back', async () => {
    const res = await raw(`/api/v1/products/export?format=xlsx&categoryId=${cat.drinks}&sort=sku`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toMatch(/attachment; filename="export-\d{8}\.xlsx"; filename\*=UTF-8''%E5%95%86%E5%93%81-\d{8}\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rows = ws.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[0].slice(0, 3)).toEqual(['编码', '名称', '规格']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['L-001', 'L-002', 'L-003']);
    const head = rows[0] as string[];
    const juice = rows[3];
    expect(juice[head.indexOf('零售价')]).toBe(12.9);
    expect(juice[head.indexOf('辅助单位')]).toBe('箱=6');
    expect(juice[head.indexOf('条码')]).toBe('6901000000026@箱');
    expect(juice[head.indexOf('类别')]).toBe('饮料');
  });

  it('exports .csv with a BOM, English headers on request, and defused formulas', async () => {
    const res = await raw('/api/v1/products/export?format=csv&sort=sku', { 'accept-language': 'en' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body.startsWith('\ufeffSKU,Name,Spec')).toBe(true);
    const lines = res.body.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[1].startsWith('L-001,冰红茶 500ml,')).toBe(true);
    expect(lines[4]).toContain(",'=SUM(A1),");
  });

  it('renders an EAN-13 barcode as PNG, and refuses a bad one with 400', async () => {
    const res = await raw('/api/v1/barcodes/render?text=6901234567892&type=ean13');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect((await raw('/api/v1/barcodes/render?text=L-001')).statusCode).toBe(200);
    for (const text of ['6901234567890', '69012345', 'ABCDEFGHIJKLM']) {
      const bad = await admin.get('/api/v1/barcodes/render', { query: { text, type: 'ean13' } });
      expectError(bad, 400, 'BARCODE_INVALID');
      expect(bad.body.error.details[0].field).toBe('text');
    }
    expectError(await admin.get('/api/v1/barcodes/render', { query: { text: 'x', type: 'pdf417' } }), 400, 'VALIDATION_FAILED');
  });
});
