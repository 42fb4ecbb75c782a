import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../src/server/db/create-db.js';
import { createWebhookDispatcher, type WebhookDispatcher, type WebhookDispatcherOptions } from '../../src/server/modules/webhooks/index.js';
import { fanOutDue } from '../../src/server/modules/webhooks/webhook.repository.js';
import { enqueue } from '../../src/server/platform/outbox.js';
import { createTestApp, dialect, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`webhooks: signed deliveries to a real receiver, retries, resend, once across processes ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let hooks: WebhookReceiver;
  let cola: Json;
  let customer: Json;
  let sub: Json;
  const dispatchers: WebhookDispatcher[] = [];
  const handles: DbHandle[] = [];
  const dispatcher = (opts: WebhookDispatcherOptions = {}, database: DbHandle = t.app.deps.database) => {
    const d = createWebhookDispatcher(database, { leaseMs: 2000, timeoutMs: 2000, retrySchedule: [150, 150], ...opts });
    dispatchers.push(d);
    return d;
  };
  const settle = async (d: WebhookDispatcher) => {
    while ((await d.runOnce()) > 0);
  };
  const deliveriesOf = (subscriptionId: string) => t.db.selectFrom('webhookDeliveries').selectAll().where('subscriptionId', '=', subscriptionId).orderBy('createdAt').execute();
  const confirmOrder = async (quantity = 1) => {
    const res = await admin.post('/api/v1/sales-orders', { customerId: customer.id, confirm: true, lines: [{ productId: cola.id, quantity }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Json;
  };

  beforeAll(async () => {
    hooks = await startWebhookReceiver();
    t = await createTestApp();
    admin = await t.setupAdmin();
    const w1 = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true })).body;
    cola = (await admin.post('/api/v1/products', { sku: 'COLA', name: '可乐', baseUnit: '瓶', listPrice: 350, costPrice: 200 })).body;
    customer = (await admin.post('/api/v1/customers', { code: 'C1', name: '便利店', email: 'buyer@shop.test' })).body;
    await admin.post('/api/v1/stock/opening', { warehouseId: w1.id, lines: [{ productId: cola.id, quantity: 10_000, unitCost: 200 }] });
    // What happened before any subscription is fanned out to nobody.
    await settle(dispatcher());
    const res = await admin.post('/api/v1/webhooks/subscriptions', { url: hooks.url(), events: ['order.confirmed', 'shipment.shipped'], description: 'CRM 对接' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    sub = res.body;
    hooks.secret = sub.secret as string;
  });
  beforeEach(() => {
    hooks.received.length = 0;
    hooks.replies = [];
  });
  afterAll(async () => {
    for (const d of dispatchers) await d.stop();
    for (const h of handles) await h.close();
    await t?.close();
    await hooks?.close();
  });

  it('POSTs a confirmed order to the subscription: JSON {id,type,occurredAt,data}, X-Jxc-* headers, a valid HMAC-SHA256 signature; logged as delivered', async () => {
    const order = await confirmOrder(3);
    await settle(dispatcher());
    expect(hooks.received).toHaveLength(1);
    const [h] = hooks.received;
    const msg = await t.db.selectFrom('outbox').selectAll().where('topic', '=', 'order.confirmed').where('orderId', '=', order.id as string).executeTakeFirstOrThrow();
    expect(h.signatureValid).toBe(true);
    expect(h.headers['content-type']).toBe('application/json');
    expect(h.headers['x-jxc-event']).toBe('order.confirmed');
    expect(h.headers['x-jxc-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(Math.abs(Number(h.headers['x-jxc-timestamp']) - Date.now() / 1000)).toBeLessThan(30);
    expect(h.body).toEqual({ id: msg.id, type: 'order.confirmed', occurredAt: msg.createdAt, data: JSON.parse(msg.payload) });
    expect(h.body.data).toMatchObject({ orderId: order.id, number: order.number });

    const list = await admin.get(`/api/v1/webhooks/subscriptions/${sub.id as string}/deliveries`);
    expect(list.status).toBe(200);
    const delivery = list.body.items.find((d: Json) => d.eventId === msg.id);
    expect(delivery).toMatchObject({ id: h.headers['x-jxc-delivery'], eventType: 'order.confirmed', source: 'live', status: 'delivered', attempts: 1, lastStatusCode: 200, lastError: null });
    const detail = await admin.get(`/api/v1/webhooks/deliveries/${delivery.id as string}`);
    expect(detail.body).toMatchObject({ url: hooks.url(), body: h.body, log: [{ attempt: 1, ok: true, statusCode: 200, error: null, responseExcerpt: 'ok' }] });
    expect(detail.body.log[0].durationMs).toBeGreaterThanOrEqual(0);
    const counted = await admin.get(`/api/v1/webhooks/subscriptions/${sub.id as string}`);
    expect(counted.body.deliveries.delivered).toBeGreaterThanOrEqual(1);
  });

  it('sends only the subscribed types, and nothing to an inactive subscription', async () => {
    const other = (await admin.post('/api/v1/webhooks/subscriptions', { url: hooks.url('/other'), events: ['stock.low'] })).body;
    const paused = (await admin.post('/api/v1/webhooks/subscriptions', { url: hooks.url('/paused'), events: ['*'], active: false })).body;
    await confirmOrder();
    await settle(dispatcher());
    expect(hooks.received.map((h) => h.path)).toEqual(['/hooks']);
    expect(await deliveriesOf(other.id as string)).toHaveLength(0);
    expect(await deliveriesOf(paused.id as string)).toHaveLength(0);
    await admin.delete(`/api/v1/webhooks/subscriptions/${other.id as string}`);
    await admin.delete(`/api/v1/webhooks/subscriptions/${paused.id as string}`);
  });

  it('a 500 is logged and retried after the backoff; the next attempt delivers it once', async () => {
    hooks.replies = [500];
    const order = await confirmOrder();
    const d = dispatcher();
    await settle(d);
    expect(hooks.received).toHaveLength(1);
    const [row] = (await deliveriesOf(sub.id as string)).filter((r) => r.status !== 'delivered');
    expect(row).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500', lockedBy: null });
    const wait = Date.parse(row.nextAttemptAt) - Date.now();
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(150);
    expect(await d.runOnce()).toBe(0); // not due yet
    await sleep(200);
    await settle(d);
    expect(hooks.received).toHaveLength(2);
    expect(hooks.received.map((h) => h.body.data.orderId)).toEqual([order.id, order.id]);
    const detail = (await admin.get(`/api/v1/webhooks/deliveries/${row.id}`)).body;
    expect(detail).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200 });
    expect(detail.log).toMatchObject([{ attempt: 1, ok: false, statusCode: 500, error: 'HTTP 500', responseExcerpt: 'receiver says 500' }, { attempt: 2, ok: true, statusCode: 200 }]);
  });

  it('dead after the last retry; resend sends it again (attempts from 0) and refuses one already waiting', async () => {
    hooks.replies = [503, 503, 503];
    await confirmOrder();
    const d = dispatcher({ retrySchedule: [20, 20] });
    for (let i = 0; i < 3; i++) {
      await settle(d);
      await sleep(40);
    }
    const [row] = (await deliveriesOf(sub.id as string)).filter((r) => r.status !== 'delivered');
    expect(row).toMatchObject({ status: 'dead', attempts: 3, lastStatusCode: 503 });
    expect(hooks.received).toHaveLength(3);
    await settle(d);
    expect(hooks.received).toHaveLength(3); // dead stays dead

    const resent = await admin.post(`/api/v1/webhooks/deliveries/${row.id}/resend`);
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    expect(resent.body).toMatchObject({ status: 'pending', attempts: 0 });
    expectError(await admin.post(`/api/v1/webhooks/deliveries/${row.id}/resend`), 409, 'WEBHOOK_DELIVERY_STATE');
    await settle(d);
    expect(hooks.received).toHaveLength(4);
    const detail = (await admin.get(`/api/v1/webhooks/deliveries/${row.id}`)).body;
    expect(detail).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(detail.log.map((a: Json) => [a.attempt, a.statusCode])).toEqual([[1, 503], [2, 503], [3, 503], [4, 200]]);
    // A delivered one can be resent too (the receiver lost it).
    expect((await admin.post(`/api/v1/webhooks/deliveries/${row.id}/resend`)).status).toBe(200);
    await settle(d);
    expect(hooks.received).toHaveLength(5);
    expect(hooks.received[4].body.id).toBe(hooks.received[3].body.id);
  });

  it('a receiver that is down or too slow is a failed attempt with the reason and no status code', async () => {
    const closed = await startWebhookReceiver();
    const closedUrl = closed.url();
    await closed.close();
    const down = (await admin.post('/api/v1/webhooks/subscriptions', { url: closedUrl, events: ['order.confirmed'] })).body;
    hooks.delayMs = 500;
    await confirmOrder();
    await settle(dispatcher({ timeoutMs: 200 }));
    hooks.delayMs = 0;
    const [refused] = await deliveriesOf(down.id as string);
    expect(refused).toMatchObject({ status: 'failed', lastStatusCode: null });
    expect(refused.lastError, String(refused.lastError)).toMatch(/ECONNREFUSED/);
    const slow = (await deliveriesOf(sub.id as string)).find((r) => r.status === 'failed');
    expect(slow?.lastError).toBe('no answer within 200 ms');
    await admin.delete(`/api/v1/webhooks/subscriptions/${down.id as string}`);
    await sleep(200);
    await settle(dispatcher());
  });

  it('each outbox message is fanned out and delivered once with several dispatchers at once (separate connections on PostgreSQL)', async () => {
    for (let i = 0; i < 40; i++) await enqueue(t.db, 'order.confirmed', { orderId: `o-${i}`, number: `SO-${i}` });
    const ds = [0, 1, 2].map((i) => {
      if (dialect !== 'postgres' || i === 0) return dispatcher({ batchSize: 3, fanOutBatch: 7 });
      const h = createDb(t.config.databaseUrl, { poolSize: 4 });
      handles.push(h);
      return dispatcher({ batchSize: 3, fanOutBatch: 7 }, h);
    });
    await Promise.all(ds.map((d) => settle(d)));
    const ids = hooks.received.map((h) => String(h.body.data.number)).filter((n) => /^SO-\d+$/.test(n)).sort();
    expect(ids, JSON.stringify(hooks.received.map((h) => [h.body.data.number, h.headers['x-jxc-delivery'], h.body.id]))).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    const rows = await t.db.selectFrom('webhookDeliveries').select(['eventId']).where('subscriptionId', '=', sub.id as string).where('source', '=', 'live').execute();
    expect(new Set(rows.map((r) => r.eventId)).size).toBe(rows.length);
    expect(await t.db.selectFrom('outbox').select('id').where('webhooksAt', 'is', null).execute()).toHaveLength(0);
  });

  it('a claim whose worker died is sent by another after the lease runs out, not before', async () => {
    await settle(dispatcher());
    hooks.received.length = 0;
    await enqueue(t.db, 'order.confirmed', { orderId: 'o-lease', number: 'SO-LEASE' });
    await fanOutDue(t.db, t.dialect, { now: new Date().toISOString(), limit: 10 });
    const dying = dispatcher({ leaseMs: 300 });
    expect(await dying.claim()).toMatchObject([{ eventType: 'order.confirmed', url: hooks.url() }]);
    const other = dispatcher();
    expect(await other.runOnce()).toBe(0);
    expect(hooks.received).toHaveLength(0);
    await sleep(350);
    await settle(other);
    expect(hooks.received.map((h) => h.body.data.number)).toEqual(['SO-LEASE']);
  });
});
