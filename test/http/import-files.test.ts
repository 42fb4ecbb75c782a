import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/server/platform/access.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

// GBK bytes for a string, found by decoding every double-byte code (Node has no GBK encoder).
let gbkTable: Map<string, number[]> | null = null;
function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        const ch = dec.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && !gbkTable.has(ch)) gbkTable.set(ch, [hi, lo]);
      }
    }
  }
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (gbkTable!.get(ch) ?? [0x3f]))));
}

describe(`imports: file formats and bad files ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  const products = async () => Number((await t.db.selectFrom('products').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
  });
  afterAll(() => t.close());

  it('reads a GBK CSV (as Chinese Excel saves it) with semicolons, CRLF and quoted line breaks', async () => {
    const bytes = encodeGbk('编码;名称;零售价;备注\r\nG-1;铁观音茶叶;"1,288.50";"第一行\r\n第二行，含""引号"""\r\n');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const res = await admin.upload('/api/v1/imports/products/commit', { name: '商品.csv', content: bytes });
    expect(res.body).toEqual({ created: 1, updated: 0 });
    const p = (await admin.get('/api/v1/products', { query: { q: 'G-1' } })).body.items[0];
    expect(p).toMatchObject({ name: '铁观音茶叶', listPrice: 128850, notes: '第一行\r\n第二行，含"引号"' });
  });

  it('reads tab-separated UTF-16 text (Excel “Unicode text”) and UTF-8 without BOM', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('SKU\tName\tList price\nU-1\tÜber Tee\t2.5\n', 'utf16le')]);
    expect((await admin.upload('/api/v1/imports/products/commit', { name: 'u.txt', content: utf16 })).body).toEqual({ created: 1, updated: 0 });
    expect((await admin.upload('/api/v1/imports/products/commit', { name: 'u.csv', content: 'sku,name\nU-2,Café\n' })).body).toEqual({ created: 1, updated: 0 });
    const names = (await admin.get('/api/v1/products', { query: { q: 'U-' } })).body.items.map((p: Json) => p.name).sort();
    expect(names).toEqual(['Café', 'Über Tee']);
  });

  it.each([
    ['a damaged .xlsx', 'broken.xlsx', async () => Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer()).subarray(0, 300), /^Cannot read the file: not a valid \.xlsx file \(/],
    ['text renamed to .xlsx', 'fake.xlsx', async () => Buffer.from('sku,name\n1,a\n'), /^Cannot read the file: not a valid \.xlsx file/],
    ['an old .xls', 'old.xls', async () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /old Excel \(\.xls\) files are not supported/],
    ['an image', 'photo.png', async () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /\.png files are not supported/],
    ['binary named .csv', 'x.csv', async () => Buffer.from([1, 2, 0, 3, 0, 4]), /not an \.xlsx file or CSV text/],
    ['an unclosed CSV quote', 'q.csv', async () => Buffer.from('sku,name\nA,"oops\nB,c\n'), /CSV record 2 has an unclosed quote/],
    ['an empty file', 'e.csv', async () => Buffer.alloc(0), /the file is empty/],
    ['a header without rows', 'h.csv', async () => Buffer.from('sku,name\n'), /header but no data rows/],
  ])('%s → 400 INVALID_FILE with the reason', async (_what, name, make, reason) => {
    const before = await products();
    for (const step of ['preview', 'commit']) {
      const res = await admin.upload(`/api/v1/imports/products/${step}`, { name, content: await make() }, {}, { lang: 'en' });
      expectError(res, 400, 'INVALID_FILE');
      expect(res.body.error.message).toMatch(reason);
    }
    expect(await products()).toBe(before);
  });

  it('no file → 400 FILE_REQUIRED (multipart without a file, or no body at all); JSON → 415', async () => {
    expectError(await admin.upload('/api/v1/imports/products/preview', null, { mode: 'create' }), 400, 'FILE_REQUIRED');
    const bare = await t.app.inject({ method: 'POST', url: '/api/v1/imports/products/commit', headers: { cookie: `${SESSION_COOKIE}=${admin.cookie}`, [CSRF_HEADER]: admin.csrfToken! } });
    expect([bare.statusCode, bare.json().error.code]).toEqual([400, 'FILE_REQUIRED']);
    const json = await admin.post('/api/v1/imports/products/commit', { sku: 'x' });
    expectError(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('more than 20,000 data rows → 400 INVALID_FILE', async () => {
    const csv = 'sku,name\n' + Array.from({ length: 20_001 }, (_, i) => `R${i},n`).join('\n');
    const res = await admin.upload('/api/v1/imports/products/preview', { name: 'big.csv', content: csv }, {}, { lang: 'en' });
    expectError(res, 400, 'INVALID_FILE');
    expect(res.body.error.message).toContain('more than 20000 data rows');
  });
});

describe(`imports: upload size limit ${dialectLabel}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { JXC_MAX_UPLOAD_MB: '0.01' } });
  });
  afterAll(() => t.close());

  it('a file over JXC_MAX_UPLOAD_MB → 413 FILE_TOO_LARGE and nothing written', async () => {
    const admin = await t.setupAdmin();
    const csv = 'sku,name\n' + Array.from({ length: 2000 }, (_, i) => `L${i},name ${i}`).join('\n');
    expect(csv.length).toBeGreaterThan(t.config.maxUploadBytes);
    const res = await admin.upload('/api/v1/imports/products/commit', { name: 'big.csv', content: csv }, {}, { lang: 'en' });
    expectError(res, 413, 'FILE_TOO_LARGE');
    expect(res.body.error.message).toMatch(/^File too large/);
    const small = await admin.upload('/api/v1/imports/products/commit', { name: 's.csv', content: 'sku,name\nL1,a\n' });
    expect(small.body).toEqual({ created: 1, updated: 0 });
  });
});
