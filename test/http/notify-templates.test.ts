import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../src/server/modules/notify/templates.js';
import { createTestApp, dialectLabel, expectError, type TestApp, type TestClient } from '../support/index.js';

describe(`message templates API: list, edit, refuse unknown placeholders, reset, preview ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  const url = '/api/v1/message-templates/order.confirmed/zh-CN';
  const en = { headers: { 'accept-language': 'en' } };
  const auditCount = async () => Number((await t.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).where('entity', '=', 'messageTemplate').executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
  });
  afterAll(() => t.close());

  it('lists every event in both languages with placeholders, all defaults at first', async () => {
    const res = await admin.get('/api/v1/message-templates');
    expect(res.status).toBe(200);
    const events = new Set(res.body.items.map((i: { event: string }) => i.event));
    for (const e of ['order.confirmed', 'order.backordered', 'stock.back_in_stock', 'shipment.shipped', 'shipment.out_for_delivery', 'shipment.delivered', 'shipment.exception',
      'return.approved', 'return.received', 'return.refunded', 'order.approval_needed', 'stock.low', 'shipment.exception.staff', 'complaint.created']) expect(events).toContain(e);
    expect(res.body.items).toHaveLength(events.size * 2);
    expect(res.body.items.every((i: { customised: boolean }) => !i.customised)).toBe(true);
    const one = res.body.items.find((i: { event: string; lang: string }) => i.event === 'shipment.shipped' && i.lang === 'en');
    expect(one).toMatchObject({ audience: 'customer', source: 'shipment.shipped' });
    expect(one.placeholders.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['carrierName', 'trackingNumber', 'trackingLink']));
  });

  it('saves an edited template (audited), uses it to render and to preview', async () => {
    const put = await admin.request('PUT', url, { subject: '【{{shopName}}】订单{{number}}确认啦', body: '共 {{total}}：{{#each lines}}{{name}}；{{/each}}' });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ customised: true, subject: '【{{shopName}}】订单{{number}}确认啦', updatedBy: '管理员' });
    expect(await auditCount()).toBe(1);
    const got = await admin.get(url);
    expect(got.body).toMatchObject({ customised: true, body: '共 {{total}}：{{#each lines}}{{name}}；{{/each}}' });
    const m = await render(t.db, 'order.confirmed', 'zh-CN', { shopName: '鑫源', number: 'SO-9', total: 1050, lines: [{ name: '合页' }, { name: '螺丝' }] });
    expect(m).toMatchObject({ subject: '【鑫源】订单SO-9确认啦', text: '共 ¥10.50：合页；螺丝；' });
    // The other language keeps its default.
    expect((await render(t.db, 'order.confirmed', 'en', { number: 'SO-9' })).subject).toContain('Your order SO-9 is confirmed');

    const preview = await admin.post(`${url}/preview`, {});
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toBe('【鑫源商贸】订单SO-20261128-0001确认啦');
    const withData = await admin.post(`${url}/preview`, { body: '{{customerName}} <{{number}}>', data: { customerName: '张三 & 李四' } });
    expect(withData.body).toMatchObject({ text: '张三 & 李四 <SO-20261128-0001>', html: '<p>张三 &amp; 李四 &lt;SO-20261128-0001&gt;</p>' });
  });

  it('refuses an unknown placeholder naming the field and the placeholder, and saves nothing', async () => {
    const before = (await admin.get(url)).body;
    const res = await admin.request('PUT', url, { subject: '{{number}}', body: '运单 {{trackingNumber}}，{{#each lines}}{{colour}}{{/each}}' });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'body', placeholders: ['trackingNumber', 'colour'] })]);
    expect(res.body.error.details[0].message).toContain('{{trackingNumber}}');
    const inEn = await admin.request('PUT', url, { subject: 'Hi {{nobody}}', body: 'x' }, en);
    expect(inEn.body.error.details[0]).toMatchObject({ field: 'subject', placeholders: ['nobody'] });
    expect(inEn.body.error.details[0].message).toMatch(/^Unknown placeholder: \{\{nobody\}\}/);
    expect(inEn.body.error.message).toContain('nobody');
    const broken = await admin.request('PUT', url, { subject: 'x', body: '{{#each lines}}never closed' });
    expectError(broken, 400, 'VALIDATION_FAILED');
    expect(broken.body.error.details[0]).toMatchObject({ field: 'body' });
    expectError(await admin.post(`${url}/preview`, { body: '{{nope}}' }), 400, 'VALIDATION_FAILED');
    expect((await admin.get(url)).body).toEqual(before);
    expect(await auditCount()).toBe(1);
  });

  it('DELETE goes back to the default; unknown events and languages are refused', async () => {
    const del = await admin.delete(url);
    expect(del.status).toBe(200);
    expect(del.body).toMatchObject({ customised: false, subject: '【{{shopName}}】您的订单 {{number}} 已确认' });
    expect((await render(t.db, 'order.confirmed', 'zh-CN', { shopName: '鑫源', number: 'SO-9' })).subject).toBe('【鑫源】您的订单 SO-9 已确认');
    expect(await t.db.selectFrom('messageTemplates').selectAll().execute()).toEqual([]);
    expectError(await admin.get('/api/v1/message-templates/order.nothing/zh-CN'), 404, 'NOT_FOUND');
    expectError(await admin.get('/api/v1/message-templates/order.confirmed/fr'), 400, 'VALIDATION_FAILED');
  });

  it('is for admins only', async () => {
    const sales = await t.loginAs('sales');
    expectError(await sales.get('/api/v1/message-templates'), 403, 'FORBIDDEN');
    expectError(await sales.request('PUT', url, { subject: 'x', body: 'y' }), 403, 'FORBIDDEN');
  });
});
