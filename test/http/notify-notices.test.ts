import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticesFor } from '../../src/server/modules/notify/notice-data.js';
import { render } from '../../src/server/modules/notify/templates.js';
import { createTestApp, dialectLabel, type Json, type TestApp } from '../support/index.js';
import { shippingWorld, type World } from './shipping-fixtures.js';

describe(`outbox messages become notices with everything their templates use ${dialectLabel}`, () => {
  let t: TestApp;
  let w: World;
  const opts = { shopName: '鑫源商贸', publicUrl: 'https://shop.example.com/' };
  const outbox = async (topic: string) =>
    (await t.db.selectFrom('outbox').select(['topic', 'payload']).where('topic', '=', topic).orderBy('createdAt').execute()).map((r) => JSON.parse(r.payload) as Json);
  const notices = async (topic: string) => (await Promise.all((await outbox(topic)).map((p) => noticesFor(t.db, topic, p, opts)))).flat();

  beforeAll(async () => {
    t = await createTestApp();
    w = await shippingWorld(t);
    const jd = (await w.admin.get('/api/v1/carriers')).body.items.find((c: Json) => c.code === 'JD');
    w.ok(await w.admin.patch(`/api/v1/carriers/${jd.id}`, { adapter: 'simulator', callbackSecret: 'jd-simulator-secret-0001' }));
    const o = await w.order([{ productId: w.cola.id, quantity: 2 }, { productId: w.tea.id, quantity: 1 }], { requestedDate: '2026-12-20' });
    const s = w.ok(await w.admin.post('/api/v1/shipments', { orderId: o.id, carrierId: jd.id, issueWaybill: true }));
    for (const status of ['in_transit', 'out_for_delivery', 'exception', 'delivered']) {
      w.ok(await w.admin.post(`/api/v1/shipments/${s.id}/simulate-event`, { status, location: '厦门', description: status === 'exception' ? '电话无人接听' : undefined }));
    }
  });
  afterAll(() => t.close());

  it('order.confirmed: customer, lines, totals and the requested date as expected date', async () => {
    const [n] = await notices('order.confirmed');
    expect(n).toMatchObject({ event: 'order.confirmed', audience: 'customer', customerId: w.shop.id });
    const m = await render(t.db, n.event, 'zh-CN', n.data);
    expect(m.subject).toMatch(/^【鑫源商贸】您的订单 SO-\d{8}-\d{4} 已确认$/);
    expect(m.text).toContain('便利店，您好');
    expect(m.text).toContain('· 可乐 × 2瓶，¥7.00');
    expect(m.text).toContain('预计交货日期：2026年12月20日');
  });

  it('shipment.shipped: carrier, waybill number and the public tracking link', async () => {
    const [n] = await notices('shipment.shipped');
    const m = await render(t.db, n.event, 'en', n.data);
    expect(m.text).toMatch(/with 京东物流, tracking number JD\w+\./);
    expect(m.text).toMatch(/Track it here: https:\/\/shop\.example\.com\/t\/[\w-]{24}$/);
  });

  it('tracking events: out for delivery, delivered, and an exception for the customer and for staff; in transit tells nobody', async () => {
    const all = await notices('shipment.tracking');
    expect(all.map((n) => n.event)).toEqual(['shipment.out_for_delivery', 'shipment.exception', 'shipment.exception.staff', 'shipment.delivered']);
    expect(all.map((n) => n.audience)).toEqual(['customer', 'customer', 'staff', 'customer']);
    for (const n of all) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const m = await render(t.db, n.event, lang, n.data);
        expect(m.subject + m.text).toMatch(/JD\w+/);
        expect(m.text).not.toContain('{{');
      }
    }
    const staff = await render(t.db, 'shipment.exception.staff', 'zh-CN', all[2].data);
    expect(staff.text).toMatch(/^客户 便利店 的订单 SO-\d{8}-\d{4} 配送异常：电话无人接听（厦门）。/);
    expect((await render(t.db, 'shipment.delivered', 'zh-CN', all[3].data)).text).toMatch(/已于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 签收/);
  });

  it('order.approval_needed: staff hear the customer, total and the rules tripped in their language', async () => {
    w.ok(await w.admin.post('/api/v1/approval-rules', { name: '大额订单', kind: 'total_over', threshold: 100000, approverRole: 'finance' }));
    const o = w.ok(await w.admin.post('/api/v1/sales-orders', { customerId: w.shop.id, confirm: true, lines: [{ productId: w.nuts.id, quantity: 20, unitPrice: 9000 }] }));
    expect(o.status).toBe('pending_approval');
    const [n] = await notices('order.approval_needed');
    expect(n).toMatchObject({ event: 'order.approval_needed', audience: 'staff', customerId: null, orderId: o.id });
    const zh = await render(t.db, n.event, 'zh-CN', n.data);
    expect(zh.text).toContain(`订单 ${o.number}（便利店，¥1,800.00）需要审核。`);
    expect(zh.text).toMatch(/原因：订单金额 ¥1800.00 超过 ¥1000.00\n请财务角色尽快处理。$/);
    expect((await render(t.db, n.event, 'en', n.data)).text).toMatch(/Why: Order total ¥1800.00 is over ¥1000.00\nApprover role: finance.$/);
  });

  it('topics that are not for people give no notice', async () => {
    expect(await noticesFor(t.db, 'purchase_receipt.posted', { number: 'RK-1' }, opts)).toEqual([]);
  });
});
