import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp } from '../support/index.js';
import { shippingWorld, type World } from './shipping-fixtures.js';

const SECRET = 'sf-callback-secret-0123456789';

describe(`shipping: carrier callbacks and the customer tracking page ${dialectLabel}`, () => {
  let t: TestApp;
  let w: World;
  let sf: Json;
  // A carrier's request, signed as docs/api.md says: sha256=<hex HMAC-SHA256(secret, raw body)>.
  const callback = async (carrier: string, event: Json, opts: { secret?: string | null; lang?: string } = {}) => {
    const body = JSON.stringify(event);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-language': opts.lang ?? 'en' };
    if (opts.secret !== null) headers['x-jxc-signature'] = `sha256=${createHmac('sha256', opts.secret ?? SECRET).update(body).digest('hex')}`;
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/carrier-events/${carrier}`, headers, payload: body });
    return { status: res.statusCode, body: JSON.parse(res.body), headers: res.headers, cookies: [] };
  };
  const counts = async () => ({
    events: Number((await t.db.selectFrom('trackingEvents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    outbox: Number((await t.db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    audit: Number((await t.db.selectFrom('auditLog').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  });
  const ship = async (orderId: string, carrierId: string, body: Json = {}) => w.ok(await w.admin.post('/api/v1/shipments', { orderId, carrierId, ...body }));

  beforeAll(async () => {
    t = await createTestApp();
    w = await shippingWorld(t);
    const carriers = (await w.admin.get('/api/v1/carriers')).body.items;
    sf = carriers.find((c: Json) => c.code === 'SF');
    w.ok(await w.admin.patch(`/api/v1/carriers/${sf.id}`, { callbackSecret: SECRET }));
  });
  afterAll(() => t.close());

  it('takes signed events onto the order timeline, idempotent by event id; delivered completes the shipment and the order', async () => {
    const { admin, tea } = w;
    const o = await w.order([{ productId: tea.id, quantity: 1 }]);
    const s = await ship(o.id, sf.id, { trackingNumber: 'SF2000000001' });
    const ev = { eventId: 'e-1', trackingNumber: 'SF2000000001', status: 'picked_up', at: '2026-11-28T08:00:00+08:00', location: '厦门' };
    const first = await callback('SF', ev);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ ok: true, duplicate: false, shipmentId: s.id, status: 'picked_up' });
    const before = await counts();
    const replay = await callback('SF', ev);
    expect(replay.body).toMatchObject({ ok: true, duplicate: true });
    expect(await counts()).toEqual(before);
    expect((await callback('sf', { eventId: 'e-2', trackingNumber: 'SF2000000001', status: 'in_transit' })).status).toBe(200);
    expect((await callback('SF', { eventId: 'e-3', trackingNumber: 'SF2000000001', status: 'delivered', description: '本人签收' })).body.status).toBe('delivered');
    const shipment = (await admin.get(`/api/v1/shipments/${s.id}`)).body;
    expect(shipment).toMatchObject({ status: 'delivered' });
    expect(shipment.deliveredAt).not.toBeNull();
    expect(shipment.events.map((e: Json) => e.status)).toEqual(['picked_up', 'in_transit', 'delivered']);
    expect((await admin.get(`/api/v1/sales-orders/${o.id}`)).body.status).toBe('delivered');
    const topics = (await t.db.selectFrom('outbox').select('topic').execute()).map((r) => r.topic);
    expect(topics.filter((x) => x === 'shipment.tracking')).toHaveLength(3);
    expect(topics).toContain('order.delivered');
    // A late event after delivery goes on the timeline but does not move it back.
    expect((await callback('SF', { eventId: 'e-4', trackingNumber: 'SF2000000001', status: 'in_transit' })).body.status).toBe('delivered');
  });

  it('refuses a bad or missing signature (401), an unknown carrier or waybill (404) and a bad event (400), writing nothing', async () => {
    const o = await w.order([{ productId: w.tea.id, quantity: 1 }]);
    await ship(o.id, sf.id, { trackingNumber: 'SF2000000002' });
    const ev = { eventId: 'bad-1', trackingNumber: 'SF2000000002', status: 'in_transit' };
    const before = await counts();
    const forged = await callback('SF', ev, { secret: 'wrong-secret-wrong-secret' });
    expectError(forged, 401, 'CARRIER_SIGNATURE_INVALID');
    expect(forged.body.error.details[0].field).toBe('x-jxc-signature');
    expectError(await callback('SF', ev, { secret: null }), 401, 'CARRIER_SIGNATURE_INVALID');
    expectError(await callback('ZTO', ev), 401, 'CARRIER_SIGNATURE_INVALID'); // no secret set for ZTO
    expectError(await callback('NOPE', ev), 404, 'NOT_FOUND');
    const unknown = await callback('SF', { ...ev, trackingNumber: 'SF9999' }, { lang: 'zh-CN' });
    expectError(unknown, 404, 'WAYBILL_NOT_FOUND');
    expect(unknown.body.error.message).toBe('运单号「SF9999」不存在');
    expect(unknown.body.error.details[0].field).toBe('trackingNumber');
    const badStatus = await callback('SF', { ...ev, status: 'lost' });
    expectError(badStatus, 400, 'VALIDATION_FAILED');
    expect(badStatus.body.error.details[0].field).toBe('status');
    // The body is what was signed: the same event re-serialised differently fails.
    const body = JSON.stringify(ev);
    const sig = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
    const tampered = await t.app.inject({ method: 'POST', url: '/api/v1/carrier-events/SF', headers: { 'content-type': 'application/json', 'x-jxc-signature': sig }, payload: body.replace('in_transit', 'delivered') });
    expect(tampered.statusCode).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('an exception raises an alert for sales; the order moves to delivered only when every shipment is delivered', async () => {
    const { admin, tea, w2 } = w;
    const o = await w.order([{ productId: tea.id, quantity: 1 }, { productId: tea.id, quantity: 1, warehouseId: w2.id }]);
    await ship(o.id, sf.id, { warehouseId: w.w1.id, trackingNumber: 'SF3000000001' });
    await ship(o.id, sf.id, { warehouseId: w2.id, trackingNumber: 'SF3000000002' });
    await callback('SF', { eventId: 'x-1', trackingNumber: 'SF3000000001', status: 'exception', description: '地址不详' });
    const clerk = await t.loginAs('sales');
    const alerts = (await clerk.get('/api/v1/alerts')).body.items.filter((a: Json) => a.kind === 'shipment_exception');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ entity: 'salesOrder', entityId: o.id, status: 'open' });
    expect(alerts[0].title.zh).toContain('地址不详');
    await callback('SF', { eventId: 'x-2', trackingNumber: 'SF3000000001', status: 'delivered' });
    expect((await admin.get(`/api/v1/sales-orders/${o.id}`)).body.status).toBe('shipped');
    expect((await clerk.get('/api/v1/alerts', { query: { status: 'open' } })).body.items.filter((a: Json) => a.kind === 'shipment_exception')).toEqual([]);
    await callback('SF', { eventId: 'x-3', trackingNumber: 'SF3000000002', status: 'delivered' });
    expect((await admin.get(`/api/v1/sales-orders/${o.id}`)).body.status).toBe('delivered');
    const f = (await admin.get(`/api/v1/fulfillment/orders/${o.id}`)).body;
    expect(f.events.map((e: Json) => e.status)).toEqual(['exception', 'delivered', 'delivered']);
  });

  it('the simulator carrier issues the waybill and reports events through the signed callback path', async () => {
    const { admin, tea } = w;
    const jd = (await admin.get('/api/v1/carriers')).body.items.find((c: Json) => c.code === 'JD');
    const o = await w.order([{ productId: tea.id, quantity: 1 }]);
    const manual = await ship(o.id, sf.id, { trackingNumber: 'SF4000000001', lines: [{ lineId: o.lines[0].id, quantity: 1 }] });
    expectError(await admin.post(`/api/v1/shipments/${manual.id}/simulate-event`, { status: 'delivered' }), 422, 'CARRIER_NO_ADAPTER');
    w.ok(await admin.patch(`/api/v1/carriers/${jd.id}`, { adapter: 'simulator', callbackSecret: 'jd-simulator-secret-0001' }));
    const o2 = await w.order([{ productId: tea.id, quantity: 1 }]);
    const s = await ship(o2.id, jd.id, { issueWaybill: true });
    for (const status of ['picked_up', 'in_transit', 'out_for_delivery', 'delivered']) {
      const res = await admin.post(`/api/v1/shipments/${s.id}/simulate-event`, { status, location: '北京' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.request.headers['x-jxc-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    }
    expect((await admin.get(`/api/v1/sales-orders/${o2.id}`)).body.status).toBe('delivered');
    expectError(await admin.post(`/api/v1/shipments/${s.id}/simulate-event`, { status: 'lost' }), 400, 'VALIDATION_FAILED');
  });

  it('serves the customer tracking page by token: zh or en, status, carrier, tracking number, shipped and backordered; nothing else', async () => {
    const { admin, nuts, tea } = w;
    const avail = (await w.level(nuts.id, w.w1.id)).available;
    const o = w.ok(await admin.post('/api/v1/sales-orders', { customerId: w.shop.id, confirm: true, shortage: 'backorder', lines: [{ productId: nuts.id, quantity: avail + 2 }, { productId: tea.id, quantity: 1 }] }));
    await ship(o.id, sf.id, { trackingNumber: 'SF5000000001' });
    await callback('SF', { eventId: 'p-1', trackingNumber: 'SF5000000001', status: 'in_transit', location: '<b>杭州</b>' });
    const f = (await admin.get(`/api/v1/fulfillment/orders/${o.id}`)).body;
    const anon = t.client();
    const zh = await anon.get(f.trackingPath, { headers: { 'accept-language': 'zh-CN' } });
    expect(zh.status).toBe(200);
    expect(String(zh.headers['content-type'])).toContain('text/html');
    expect(zh.headers['content-security-policy']).toContain("default-src 'none'");
    expect(zh.body).toContain(o.number);
    expect(zh.body).toContain('顺丰速运');
    expect(zh.body).toContain('SF5000000001');
    expect(zh.body).toContain('部分发货');
    expect(zh.body).toContain('待补发');
    expect(zh.body).toContain('运输中');
    expect(zh.body).toContain('&#60;b&#62;杭州');
    expect(zh.body).not.toContain('<b>杭州');
    expect(zh.body).not.toContain(w.shop.name);
    expect(zh.body).not.toMatch(/href="(?!\?lang=)/);
    const en = await anon.get(`${f.trackingPath}?lang=en`);
    expect(en.body).toContain('SF Express');
    expect(en.body).toContain('Partly shipped');
    expect((await anon.get(f.trackingPath, { headers: { 'accept-language': 'en-US,en;q=0.9' } })).body).toContain('In transit');
    const json = await anon.get(`/api/v1/public/tracking/${f.trackingToken}`);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ orderNumber: o.number, status: 'partially_shipped', shipments: [{ trackingNumber: 'SF5000000001', carrier: { en: 'SF Express' } }] });
    expect(json.body.lines[0]).toMatchObject({ shipped: avail, backordered: 2 });
    expect(JSON.stringify(json.body)).not.toContain(o.id);
    const missing = await anon.get('/t/AAAAAAAAAAAAAAAAAAAAAAAA');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('链接无效');
    expect((await anon.get('/t/<script>')).status).toBe(404);
    expectError(await anon.get('/api/v1/public/tracking/AAAAAAAAAAAAAAAAAAAAAAAA'), 404, 'NOT_FOUND');
    // The link can be made before shipping too, by anyone who may read the order.
    const o2 = await w.order([{ productId: tea.id, quantity: 1 }]);
    const link = await (await t.loginAs('viewer')).post(`/api/v1/fulfillment/orders/${o2.id}/tracking-link`);
    expect(link.body.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect((await anon.get(link.body.path)).body).toContain('尚未发货');
    await w.clean();
  });
  it('offers 申请退货 on the tracking page for lines still returnable: a nonce\'d script posting only to this server; gone once everything is asked back or the window closed', async () => {
    const o = await w.order([{ productId: w.tea.id, quantity: 2 }]);
    await ship(o.id, sf.id, { trackingNumber: 'SF6000000001' });
    const f = (await w.admin.get(`/api/v1/fulfillment/orders/${o.id}`)).body;
    const anon = t.client();
    const page = await anon.get(f.trackingPath, { headers: { 'accept-language': 'zh-CN' } });
    expect(page.body).toContain('申请退货');
    expect(page.body).toContain(`data-ref="${o.lines[0].id}"`);
    const nonce = /<script nonce="([^"]+)">/.exec(page.body)?.[1];
    expect(page.headers['content-security-policy']).toContain(`script-src 'nonce-${nonce}'; connect-src 'self'`);
    expect((await anon.get(`${f.trackingPath}?lang=en`)).body).toContain('Request a return');
    // Shipped 40 days ago, past the 30-day window: no form.
    const old = await w.order([{ productId: w.tea.id, quantity: 1 }]);
    await ship(old.id, sf.id, { trackingNumber: 'SF6000000002' });
    await t.db.updateTable('shipments').set({ shippedAt: new Date(Date.now() - 40 * 86400_000).toISOString() }).where('orderId', '=', old.id).execute();
    const oldPath = (await w.admin.get(`/api/v1/fulfillment/orders/${old.id}`)).body.trackingPath;
    const closed = await anon.get(oldPath);
    expect(closed.body).toContain('SF6000000002');
    expect(closed.body).not.toContain('申请退货');
    // Everything asked back: no form.
    w.ok(await anon.post(`/api/v1/track/${f.trackingToken}/returns`, { lines: [{ orderLineId: o.lines[0].id, quantity: 2, reason: 'damaged' }] }));
    expect((await anon.get(f.trackingPath)).body).not.toContain('申请退货');
  });
});
