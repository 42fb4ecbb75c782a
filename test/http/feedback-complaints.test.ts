import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticesFor } from '../../src/server/modules/notify/notice-data.js';
import { render } from '../../src/server/modules/notify/templates.js';
import { ensureFeedbackRequest } from '../../src/server/modules/feedback/index.js';
import { createDispatcher } from '../../src/server/modules/notify/index.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp } from '../support/index.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { shippingWorld, type World } from './shipping-fixtures.js';

describe(`feedback, complaints and the order timeline ${dialectLabel}`, () => {
  let t: TestApp;
  let w: World;
  let smtp: TestSmtpServer;
  let order: Json;
  let trackingToken: string;
  const en = { headers: { 'accept-language': 'en' } };
  const feedbackRow = () => t.db.selectFrom('feedbackRequests').selectAll().where('orderId', '=', order.id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp();
    w = await shippingWorld(t);
    w.ok(await w.admin.patch(`/api/v1/customers/${w.shop.id}`, { email: 'buyer@shop.test' }));
    w.ok(await w.admin.request('PUT', '/api/v1/settings/notifications', { host: '127.0.0.1', port: smtp.port, secure: false, from: '鑫源商贸 <shop@jxc.test>', shopName: '鑫源商贸' }));
    const jd = (await w.admin.get('/api/v1/carriers')).body.items.find((c: Json) => c.code === 'JD');
    w.ok(await w.admin.patch(`/api/v1/carriers/${jd.id}`, { adapter: 'simulator', callbackSecret: 'jd-simulator-secret-0001' }));
    order = await w.order([{ productId: w.cola.id, quantity: 2 }, { productId: w.tea.id, quantity: 1 }]);
    const s = w.ok(await w.admin.post('/api/v1/shipments', { orderId: order.id, carrierId: jd.id, issueWaybill: true }));
    for (const status of ['in_transit', 'delivered']) w.ok(await w.admin.post(`/api/v1/shipments/${s.id}/simulate-event`, { status, location: '厦门' }));
    trackingToken = (await t.db.selectFrom('orderTracking').select('token').where('orderId', '=', order.id).executeTakeFirstOrThrow()).token;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('delivery makes one feedback token (≥128 bits) and the delivered notice links to it', async () => {
    const f = await feedbackRow();
    expect(f.token).toMatch(/^[\w-]{24}$/);
    const msgs = await t.db.selectFrom('outbox').select('payload').where('topic', '=', 'shipment.tracking').execute();
    const delivered = msgs.map((m) => JSON.parse(m.payload) as Json).find((p) => p.status === 'delivered')!;
    expect(delivered.feedbackPath).toBe(`/feedback/${f.token}`);
    const [n] = await noticesFor(t.db, 'shipment.tracking', delivered, { shopName: '鑫源商贸', publicUrl: 'https://shop.example.com' });
    expect(n.data.feedbackUrl).toBe(`https://shop.example.com/feedback/${f.token}`);
    expect((await render(t.db, 'shipment.delivered', 'zh-CN', n.data)).text).toContain(`欢迎为本次购物打分评价：https://shop.example.com/feedback/${f.token}`);
    expect((await render(t.db, 'shipment.delivered', 'en', n.data)).text).toContain(`Rate your order: https://shop.example.com/feedback/${f.token}`);
  });

  it('the customer rates once; a second answer is 409 FEEDBACK_USED and changes nothing; a bad rating is 400 naming the field', async () => {
    const { token } = await feedbackRow();
    const anon = t.client();
    const form = await anon.get(`/api/v1/feedback/${token}`);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ orderNumber: order.number, answered: false, rating: null });
    expect(form.body.lines.map((l: Json) => l.productName)).toEqual(['可乐', '绿茶']);
    expect(form.body).not.toHaveProperty('total');

    const page = await anon.get(`/feedback/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(String(page.body)).toContain(order.number);
    expect(String(page.body)).toContain('评价本次购物');

    const bad = await anon.post(`/api/v1/feedback/${token}`, { rating: 6 });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.error.details.map((d: Json) => d.field)).toEqual(['rating']);
    expect((await feedbackRow()).answeredAt).toBeNull();

    const ok = await anon.post(`/api/v1/feedback/${token}`, { rating: 4, comment: '送货很快' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ answered: true, rating: 4 });
    const again = await anon.post(`/api/v1/feedback/${token}`, { rating: 1, comment: '改评' }, en);
    expectError(again, 409, 'FEEDBACK_USED');
    expect(again.body.error.message).toMatch(/already been rated/);
    expect(await feedbackRow()).toMatchObject({ rating: 4, comment: '送货很快' });
    expectError(await anon.get('/api/v1/feedback/AAAAAAAAAAAAAAAAAAAAAAAA'), 404, 'NOT_FOUND');
    expect(String((await anon.get(`/feedback/${token}`, { query: { lang: 'en' } })).body)).toContain('You have already rated this order');
    expect((await anon.get('/feedback/AAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);

    const list = await w.admin.get('/api/v1/feedback', { query: { rating: '4' } });
    expect(list.body).toMatchObject({ total: 1, average: 4 });
    expect(list.body.items[0]).toMatchObject({ orderNumber: order.number, customerName: '便利店', rating: 4, comment: '送货很快' });
    expect((await w.admin.get('/api/v1/feedback', { query: { rating: '2' } })).body).toMatchObject({ total: 0, average: null });
  });

  it('two answers racing on one fresh link: exactly one is saved, the other is 409', async () => {
    const o = await w.order([{ productId: w.nuts.id, quantity: 1 }]);
    const token = await t.db.transaction().execute((trx) => ensureFeedbackRequest(trx, o.id));
    expect(await t.db.transaction().execute((trx) => ensureFeedbackRequest(trx, o.id))).toBe(token);
    const anon = t.client();
    const replies = await Promise.all([1, 2, 3, 4].map((rating) => anon.post(`/api/v1/feedback/${token}`, { rating })));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const saved = await t.db.selectFrom('feedbackRequests').select('rating').where('orderId', '=', o.id).executeTakeFirstOrThrow();
    expect(replies.find((r) => r.status === 200)!.body.rating).toBe(Number(saved.rating));
  });

  it('complaints: SLA due time from the category, open → in progress → resolved → closed, reopen, overdue in lists, history, complaint.created to staff', async () => {
    const clerk = await t.loginAs('sales');
    const me = (await clerk.get('/api/v1/auth/me')).body;
    const res = await clerk.post('/api/v1/complaints', { orderId: order.id, category: 'quality', description: '合页有两个生锈', assigneeId: me.user?.id ?? me.id, priority: 'high' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const c = res.body;
    expect(c).toMatchObject({ status: 'open', category: 'quality', categoryName: { zh: '质量' }, priority: 'high', overdue: false, orderNumber: order.number, source: 'staff' });
    expect(Date.parse(c.dueAt) - Date.parse(c.createdAt)).toBe(48 * 3600_000);
    const created = await t.db.selectFrom('outbox').select('payload').where('topic', '=', 'complaint.created').executeTakeFirstOrThrow();
    const [n] = await noticesFor(t.db, 'complaint.created', JSON.parse(created.payload) as Json, { shopName: '鑫源商贸' });
    expect(n.audience).toBe('staff');
    const m = await render(t.db, 'complaint.created', 'zh-CN', n.data);
    expect(m.subject).toBe('新投诉：便利店（质量）');
    expect(m.text).toContain(`客户 便利店 就订单 ${order.number} 提交了投诉（质量）`);

    expectError(await clerk.post('/api/v1/complaints', { orderId: order.id, category: 'weather', description: 'x' }), 400, 'VALIDATION_FAILED');
    expectError(await (await t.loginAs('viewer')).post('/api/v1/complaints', { orderId: order.id, category: 'price', description: '太贵' }), 403, 'FORBIDDEN');
    expectError(await clerk.post(`/api/v1/complaints/${c.id}/close`), 409, 'COMPLAINT_STATE');

    // A category whose SLA is already over makes an overdue complaint.
    expectError(await w.admin.patch('/api/v1/complaints/settings', { logistics: 0 }), 400, 'VALIDATION_FAILED');
    w.ok(await w.admin.patch('/api/v1/complaints/settings', { logistics: 1 }));
    const late = w.ok(await clerk.post('/api/v1/complaints', { orderId: order.id, category: 'logistics', description: '快递员态度差' }));
    await t.db.updateTable('complaints').set({ dueAt: '2026-01-01T00:00:00.000Z' }).where('id', '=', late.id).execute();
    const overdue = (await clerk.get('/api/v1/complaints', { query: { overdue: 'true' } })).body;
    expect(overdue.items.map((x: Json) => [x.id, x.overdue])).toEqual([[late.id, true]]);
    expect((await clerk.get('/api/v1/complaints')).body.items.map((x: Json) => x.id)).toEqual([late.id, c.id]);

    expect(w.ok(await clerk.post(`/api/v1/complaints/${c.id}/start`, {})).status).toBe('in_progress');
    w.ok(await clerk.patch(`/api/v1/complaints/${c.id}`, { comment: '已联系客户，补发两个合页' }));
    const resolved = w.ok(await clerk.post(`/api/v1/complaints/${c.id}/resolve`, { comment: '已补发' }));
    expect(resolved).toMatchObject({ status: 'resolved', overdue: false });
    const resolvedMsg = await t.db.selectFrom('outbox').select('payload').where('topic', '=', 'complaint.resolved').executeTakeFirstOrThrow();
    const [rn] = await noticesFor(t.db, 'complaint.resolved', JSON.parse(resolvedMsg.payload) as Json, { shopName: '鑫源商贸' });
    expect(rn).toMatchObject({ audience: 'customer', customerId: w.shop.id });
    expect((await render(t.db, 'complaint.resolved', 'zh-CN', { ...rn.data, customerName: '便利店' })).text).toContain(`您就订单 ${order.number} 反映的质量问题，我们已处理完毕。\n处理结果：已补发`);
    expect(w.ok(await clerk.post(`/api/v1/complaints/${c.id}/reopen`, {})).status).toBe('in_progress');
    w.ok(await clerk.post(`/api/v1/complaints/${c.id}/resolve`, {}));
    const closed = w.ok(await clerk.post(`/api/v1/complaints/${c.id}/close`, {}));
    expect(closed.history.map((h: Json) => h.action)).toEqual(['create', 'start', 'comment', 'resolve', 'reopen', 'resolve', 'close']);
    const resolveLate = w.ok(await clerk.post(`/api/v1/complaints/${late.id}/resolve`, {}));
    expect(resolveLate.overdue).toBe(false);
  });

  it('the customer complains from the tracking link; an unknown link is 404 and writes nothing', async () => {
    const anon = t.client();
    const res = await anon.post(`/api/v1/track/${trackingToken}/complaints`, { category: 'service', description: '客服电话打不通', contact: '13800000000' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const c = w.ok(await w.admin.get(`/api/v1/complaints/${res.body.id}`));
    expect(c).toMatchObject({ source: 'customer', status: 'open', orderId: order.id, contact: '13800000000', category: 'service' });
    const before = (await w.admin.get('/api/v1/complaints')).body.total;
    expectError(await anon.post('/api/v1/track/AAAAAAAAAAAAAAAAAAAAAAAA/complaints', { category: 'service', description: 'x' }), 404, 'NOT_FOUND');
    expectError(await anon.post(`/api/v1/track/${trackingToken}/complaints`, { category: 'service', description: '' }), 400, 'VALIDATION_FAILED');
    expect((await w.admin.get('/api/v1/complaints')).body.total).toBe(before);
  });

  it('the tracking page offers 投诉与建议 in zh and en: the categories, a nonce\'d script posting to this link\'s complaints endpoint', async () => {
    const anon = t.client();
    const zh = await anon.get(`/t/${trackingToken}`, { headers: { 'accept-language': 'zh-CN' } });
    expect(zh.status).toBe(200);
    expect(zh.body).toContain('<h2>投诉与建议</h2>');
    expect(zh.body).toContain('<option value="logistics">物流</option>');
    expect(zh.body).toContain('提交投诉');
    expect(zh.body).toContain("+'/complaints'");
    const nonces = [...zh.body.matchAll(/<script nonce="([^"]+)">/g)].map((m) => m[1]);
    expect(nonces.length).toBeGreaterThan(0);
    expect(new Set(nonces).size).toBe(1);
    expect(zh.headers['content-security-policy']).toContain(`script-src 'nonce-${nonces[0]}'`);
    const en = (await anon.get(`/t/${trackingToken}?lang=en`)).body;
    expect(en).toContain('<h2>Make a complaint</h2>');
    expect(en).toContain('<option value="quality">Quality</option>');
    expect(en).toContain('Send complaint');
  });

  it('a complaint may be assigned to active users who work on sales; anyone who reads sales sees that list', async () => {
    const viewer = await t.loginAs('viewer');
    const people = w.ok(await viewer.get('/api/v1/complaints/assignees')) as Json[];
    const users = await t.db.selectFrom('users').select(['id', 'role', 'status']).execute();
    const expected = users.filter((u) => u.status === 'active' && ['admin', 'sales'].includes(u.role)).map((u) => u.id).sort();
    expect(people.map((p) => p.id).sort()).toEqual(expected);
    expect(Object.keys(people[0]).sort()).toEqual(['id', 'name']);
  });

  it('the timeline shows the order’s history, shipment tracking, complaints, feedback and each message with its delivery status', async () => {
    const ret = await t.client().post(`/api/v1/track/${trackingToken}/returns`, { lines: [{ orderLineId: order.lines[0].id, quantity: 1, reason: 'damaged' }] });
    expect(ret.status, JSON.stringify(ret.body)).toBe(201);
    const d = createDispatcher(t.app.deps.database, t.config, { backoffMs: 100, smtpTimeoutMs: 2000 });
    try {
      while (await d.runOnce() > 0) { /* drain */ }
    } finally {
      await d.stop();
    }
    const res = await w.admin.get(`/api/v1/sales-orders/${order.id}/timeline`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const tl: Json[] = res.body;
    const ats = tl.map((e) => e.at);
    expect(ats).toEqual([...ats].sort());
    const kinds = new Set(tl.map((e) => e.kind));
    for (const k of ['order', 'shipment', 'tracking', 'return', 'complaint', 'feedback', 'message']) expect(kinds, k).toContain(k);
    expect(tl.find((e) => e.kind === 'return')).toMatchObject({ title: { zh: `退货单 ${ret.body.number} 申请退货` }, status: 'requested' });
    expect(tl.find((e) => e.kind === 'complaint' && e.title.zh === '投诉已解决（质量）')).toMatchObject({ detail: '已补发' });
    expect(tl.find((e) => e.kind === 'tracking' && e.title.zh === '已签收')).toMatchObject({ detail: '厦门' });
    expect(tl.find((e) => e.kind === 'feedback' && e.title.zh === '客户评价 4 星')).toMatchObject({ detail: '送货很快' });
    const confirmed = tl.find((e) => e.kind === 'message' && e.title.en === 'Message order.confirmed');
    expect(confirmed).toMatchObject({ channel: 'email', recipient: 'buyer@shop.test', status: 'sent', attempts: 1 });
    expect(smtp.received.some((mail) => mail.to.includes('buyer@shop.test'))).toBe(true);
    expectError(await w.admin.get('/api/v1/sales-orders/nope/timeline'), 404, 'NOT_FOUND');
    expectError(await t.client().get(`/api/v1/sales-orders/${order.id}/timeline`), 401, 'UNAUTHENTICATED');
  });

  it('a message the dispatcher gave up on is dead on the timeline, with its error; one still to be retried is failed', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); });
    });
    const drain = async () => {
      const d = createDispatcher(t.app.deps.database, t.config, { backoffMs: 0, smtpTimeoutMs: 2000 });
      try {
        while (await d.runOnce() > 0) { /* drain */ }
      } finally {
        await d.stop();
      }
    };
    w.ok(await w.admin.request('PUT', '/api/v1/settings/notifications', { host: '127.0.0.1', port, secure: false, from: '鑫源商贸 <shop@jxc.test>', shopName: '鑫源商贸', maxAttempts: 1 }));
    const c = w.ok(await w.admin.post('/api/v1/complaints', { orderId: order.id, category: 'price', description: '比别家贵' }));
    w.ok(await w.admin.post(`/api/v1/complaints/${c.id}/resolve`, { comment: '已退差价' }));
    await drain();
    const mine = (tl: Json[]) => tl.filter((e) => e.kind === 'message' && e.title.en === 'Message complaint.resolved' && e.recipient === 'buyer@shop.test');
    const dead = mine(w.ok(await w.admin.get(`/api/v1/sales-orders/${order.id}/timeline`)) as Json[]);
    expect(dead.map((e) => e.status)).toContain('dead');
    expect(dead.find((e) => e.status === 'dead')!.error).toMatch(/ECONNREFUSED|connect/i);
    // With attempts left the same failure is only failed.
    w.ok(await w.admin.request('PUT', '/api/v1/settings/notifications', { host: '127.0.0.1', port, secure: false, from: '鑫源商贸 <shop@jxc.test>', shopName: '鑫源商贸', maxAttempts: 5 }));
    w.ok(await w.admin.post(`/api/v1/complaints/${c.id}/reopen`, {}));
    w.ok(await w.admin.post(`/api/v1/complaints/${c.id}/resolve`, { comment: '已退差价并致歉' }));
    const d = createDispatcher(t.app.deps.database, t.config, { backoffMs: 60_000, smtpTimeoutMs: 2000 });
    try { await d.runOnce(); } finally { await d.stop(); }
    const statuses = mine(w.ok(await w.admin.get(`/api/v1/sales-orders/${order.id}/timeline`)) as Json[]).map((e) => e.status);
    expect(statuses.filter((s) => s === 'dead')).toHaveLength(1);
    expect(statuses).toContain('failed');
    w.ok(await w.admin.request('PUT', '/api/v1/settings/notifications', { host: '127.0.0.1', port: smtp.port, secure: false, from: '鑫源商贸 <shop@jxc.test>', shopName: '鑫源商贸', maxAttempts: 8 }));
  });
});
