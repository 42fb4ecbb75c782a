import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/server/platform/access.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

/** GETs a template as raw bytes. */
async function template(t: TestApp, c: TestClient, entity: string, format: string, lang: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${entity}/template?format=${format}`, headers: { cookie: `${SESSION_COOKIE}=${c.cookie}`, 'accept-language': lang } });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload };
}

const firstHeaders: Record<string, Record<string, string[]>> = {
  products: { 'zh-CN': ['编码', '名称', '规格', '型号', '类别'], en: ['SKU', 'Name', 'Spec', 'Model', 'Category'] },
  customers: { 'zh-CN': ['客户编号', '客户名称', '联系人', '电话', '邮箱'], en: ['Code', 'Name', 'Contact', 'Phone', 'Email'] },
  suppliers: { 'zh-CN': ['供应商编号', '供应商名称', '联系人', '电话', '邮箱'], en: ['Code', 'Name', 'Contact', 'Phone', 'Email'] },
};

describe(`imports: templates, customers, suppliers, permissions ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
  });
  afterAll(() => t.close());

  describe.each(['products', 'customers', 'suppliers'])('%s template', (entity) => {
    it.each(['zh-CN', 'en'])('xlsx in %s: headers, an example row, and a sheet explaining each column; it previews without errors', async (lang) => {
      const res = await template(t, admin, entity, 'xlsx', lang);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(String(res.headers['content-disposition'])).toContain(lang === 'en' ? `${entity}-import-template.xlsx` : encodeURIComponent('导入模板.xlsx'));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
      expect(wb.worksheets).toHaveLength(2);
      const headers = (wb.worksheets[0].getRow(1).values as string[]).slice(1);
      expect(headers.slice(0, 5)).toEqual(firstHeaders[entity][lang]);
      expect(wb.worksheets[0].rowCount).toBe(2);
      const help = wb.worksheets[1];
      expect((help.getRow(1).values as string[]).slice(1)).toEqual(lang === 'en' ? ['Column', 'Required', 'Format', 'Example', 'Also accepted headers'] : ['列名', '必填', '格式说明', '示例', '也可用的列名']);
      expect(help.getRow(2).getCell(2).value).toBe(lang === 'en' ? 'yes' : '是');
      expect(help.getRow(2).getCell(1).value).toBe(headers[0]);
      expect(help.getRow(headers.length + 1).getCell(1).value).toBe(headers.at(-1));

      const preview = await admin.upload(`/api/v1/imports/${entity}/preview`, { name: `t.xlsx`, content: res.bytes }, {}, { lang });
      expect(preview.body).toMatchObject({ errors: [], totalRows: 1, validRows: 1, toCreate: 1, ignoredColumns: [] });
    });

    it.each(['zh-CN', 'en'])('csv in %s: UTF-8 with BOM, header and example row; it previews without errors', async (lang) => {
      const res = await template(t, admin, entity, 'csv', lang);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const text = res.bytes.toString('utf8');
      expect(text.startsWith('\ufeff' + firstHeaders[entity][lang].join(','))).toBe(true);
      expect(text.trim().split('\r\n')).toHaveLength(2);
      const preview = await admin.upload(`/api/v1/imports/${entity}/preview`, { name: 't.csv', content: res.bytes }, {}, { lang });
      expect(preview.body).toMatchObject({ errors: [], totalRows: 1, validRows: 1 });
    });
  });

  it('customers: the Chinese template imports as one contact and a default address; upsert adds to them', async () => {
    const file = await template(t, admin, 'customers', 'xlsx', 'zh-CN');
    expect((await admin.upload('/api/v1/imports/customers/commit', { name: 'c.xlsx', content: file.bytes })).body).toEqual({ created: 1, updated: 0 });
    const find = async () => (await admin.get('/api/v1/customers', { query: { q: 'C0001' } })).body.items[0];
    expect(await find()).toMatchObject({
      code: 'C0001', name: '华东商贸有限公司', phone: '021-55550123', email: 'buyer@example.com', priceTier: 'wholesale', creditLimit: 5_000_000,
      paymentTermsDays: 30, tags: ['重点', '华东'], contacts: [{ name: '王芳' }],
      addresses: [{ province: '上海市', city: '上海市', district: '浦东新区', address: '世纪大道 100 号', postalCode: '200120', country: '中国', isDefault: true }],
    });
    const csv = '客户编号,客户名称,联系人,市,地址,价格等级\nC0001,华东商贸有限公司,李雷,杭州市,文三路 1 号,\nC0002,新客户,,,,VIP\n';
    expect((await admin.upload('/api/v1/imports/customers/commit', { name: 'c.csv', content: csv }, { mode: 'upsert' })).body).toEqual({ created: 1, updated: 1 });
    const c = await find();
    expect(c).toMatchObject({ phone: '021-55550123', priceTier: 'wholesale', contacts: [{ name: '李雷' }, { name: '王芳' }] });
    expect(c.addresses.map((a: Json) => [a.city, a.address, a.isDefault])).toEqual([['杭州市', '文三路 1 号', true], ['上海市', '世纪大道 100 号', false]]);
    expect((await admin.get('/api/v1/customers', { query: { q: 'C0002' } })).body.items[0]).toMatchObject({ priceTier: 'vip', contacts: [], addresses: [] });
  });

  it('customers: row errors from the schema and the cross-column rule, in English', async () => {
    const csv = 'Code,Name,Email,City,Address,Price tier,Credit limit,Payment terms (days)\nK1,A,not-an-email,Berlin,,gold,-5,400\n';
    const res = await admin.upload('/api/v1/imports/customers/preview', { name: 'c.csv', content: csv }, {}, { lang: 'en' });
    expect(res.body.errors).toEqual([
      { row: 2, column: 'Price tier', field: 'priceTier', message: 'Price tier "gold" is not one of retail, wholesale, vip' },
      { row: 2, column: 'Credit limit', field: 'creditLimit', message: 'Amount cannot be negative: -5' },
      { row: 2, column: 'Address', field: 'address', message: 'Address is required when province, city, district, postal code or country is given' },
      { row: 2, column: 'Email', field: 'email', message: 'Enter a valid email' },
      { row: 2, column: 'Payment terms (days)', field: 'paymentTermsDays', message: expect.stringMatching(/^Too big/) },
    ]);
  });

  it('suppliers: commit, then upsert changes the lead time and keeps the rest', async () => {
    const csv = '供应商编号,供应商名称,联系人,电话,地址,交货周期(天),起订量,标签\nS1,清风茶业,张三,0571-1234,杭州,7,100,茶;华东\n';
    expect((await admin.upload('/api/v1/imports/suppliers/commit', { name: 's.csv', content: csv })).body).toEqual({ created: 1, updated: 0 });
    const upd = '供应商编号,供应商名称,交货周期\nS1,清风茶业,10天\n';
    expect((await admin.upload('/api/v1/imports/suppliers/commit', { name: 's.csv', content: upd }, { mode: 'upsert' })).body).toEqual({ created: 0, updated: 1 });
    expect((await admin.get('/api/v1/suppliers', { query: { q: 'S1' } })).body.items[0]).toMatchObject({
      code: 'S1', name: '清风茶业', phone: '0571-1234', address: '杭州', leadTimeDays: 10, moq: 100, tags: ['茶', '华东'], contacts: [{ name: '张三' }],
    });
  });

  it('needs the entity’s write permission: 401 anonymous, 403 without it', async () => {
    const csv = 'code,name\nQ1,q\n';
    const viewer = await t.loginAs('viewer');
    const sales = await t.apiKeyClient('sales');
    const purchasing = await t.loginAs('purchasing');
    for (const entity of ['products', 'customers', 'suppliers']) {
      expect((await template(t, viewer, entity, 'csv', 'en')).status).toBe(403);
      expectError(await viewer.upload(`/api/v1/imports/${entity}/preview`, { name: 'x.csv', content: csv }) as never, 403, 'FORBIDDEN');
      expectError(await viewer.upload(`/api/v1/imports/${entity}/commit`, { name: 'x.csv', content: csv }) as never, 403, 'FORBIDDEN');
      expectError(await t.client().upload(`/api/v1/imports/${entity}/commit`, { name: 'x.csv', content: csv }) as never, 401, 'UNAUTHENTICATED');
    }
    expect((await sales.upload('/api/v1/imports/customers/commit', { name: 'x.csv', content: csv })).body).toEqual({ created: 1, updated: 0 });
    expectError(await sales.upload('/api/v1/imports/products/preview', { name: 'x.csv', content: 'sku,name\nQ1,q\n' }) as never, 403, 'FORBIDDEN');
    expect((await purchasing.upload('/api/v1/imports/suppliers/commit', { name: 'x.csv', content: csv })).body).toEqual({ created: 1, updated: 0 });
    expectError(await purchasing.upload('/api/v1/imports/customers/commit', { name: 'x.csv', content: csv }) as never, 403, 'FORBIDDEN');
    const audit = await admin.get('/api/v1/audit-log', { query: { action: 'import', entity: 'customer' } });
    expect(audit.body.items[0]).toMatchObject({ actorType: 'api_key', summary: 'x.csv: 1 created, 0 updated' });
  });
});
