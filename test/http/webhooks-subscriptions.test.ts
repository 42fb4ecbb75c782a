import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookDispatcher } from '../../src/server/modules/webhooks/index.js';
import { newId } from '../../src/server/platform/ids.js';
import { enqueue } from '../../src/server/platform/outbox.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

describe(`webhooks: subscriptions, bad input, replay of a time range ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let hooks: WebhookReceiver;
  const count = async (table: 'webhookSubscriptions' | 'webhookDeliveries') => (await t.db.selectFrom(table).select('id').execute()).length;

  beforeAll(async () => {
    hooks = await startWebhookReceiver();
    t = await createTestApp();
    admin = await t.setupAdmin();
  });
  afterAll(async () => {
    await t?.close();
    await hooks?.close();
  });

  it('creates a subscription with a generated secret, shown on creation and to admins, never in lists or the audit log', async () => {
    const res = await admin.post('/api/v1/webhooks/subscriptions', { url: 'https://crm.example.com/jxc', events: ['order.confirmed', 'shipment.shipped'], description: 'CRM' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ url: 'https://crm.example.com/jxc', events: ['order.confirmed', 'shipment.shipped'], description: 'CRM', active: true, deliveries: { pending: 0, failed: 0, delivered: 0, dead: 0 } });
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{40,}$/);
    expect(res.body.secretHint).toBe(`${(res.body.secret as string).slice(0, 10)}…`);
    const secret = await admin.get(`/api/v1/webhooks/subscriptions/${res.body.id as string}/secret`);
    expect(secret.body).toEqual({ secret: res.body.secret });
    const list = await admin.get('/api/v1/webhooks/subscriptions');
    expect(list.body.total).toBe(1);
    expect(JSON.stringify(list.body)).not.toContain(res.body.secret);
    const audit = await t.db.selectFrom('auditLog').selectAll().where('entity', '=', 'webhookSubscription').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(res.body.secret);

    const rotated = await admin.post(`/api/v1/webhooks/subscriptions/${res.body.id as string}/secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(res.body.secret);
    expect((await admin.get(`/api/v1/webhooks/subscriptions/${res.body.id as string}/secret`)).body).toEqual(rotated.body);
    expect(JSON.stringify(await t.db.selectFrom('auditLog').selectAll().where('entity', '=', 'webhookSubscription').execute())).not.toContain(rotated.body.secret);
    const patched = await admin.patch(`/api/v1/webhooks/subscriptions/${res.body.id as string}`, { events: ['*'], active: false, description: null });
    expect(patched.body).toMatchObject({ events: ['*'], active: false, description: null, url: 'https://crm.example.com/jxc' });
    expect((await admin.get('/api/v1/webhooks/subscriptions', { query: { active: 'false' } })).body.total).toBe(1);
    expect((await admin.delete(`/api/v1/webhooks/subscriptions/${res.body.id as string}`)).status).toBe(204);
    expectError(await admin.get(`/api/v1/webhooks/subscriptions/${res.body.id as string}`), 404, 'NOT_FOUND');
  });

  it.each(['ftp://crm.example.com/hook', 'javascript:alert(1)', 'crm.example.com/hook', 'file:///etc/passwd'])('refuses the URL %s with 400 on the field url, writing nothing', async (url) => {
    const before = await count('webhookSubscriptions');
    const res = await admin.post('/api/v1/webhooks/subscriptions', { url, events: ['order.confirmed'] }, { headers: { 'accept-language': 'en' } });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.details).toMatchObject([{ field: 'url' }]);
    expect(JSON.stringify(res.body.error.details)).toContain('http:// or https://');
    expect(await count('webhookSubscriptions')).toBe(before);
  });

  it('refuses unknown event types and a non-http URL on change too', async () => {
    expectError(await admin.post('/api/v1/webhooks/subscriptions', { url: 'https://x.example.com', events: ['order.exploded'] }), 400, 'VALIDATION_FAILED');
    const sub = (await admin.post('/api/v1/webhooks/subscriptions', { url: 'https://x.example.com', events: ['stock.low'] })).body;
    const res = await admin.patch(`/api/v1/webhooks/subscriptions/${sub.id as string}`, { url: 'ftp://x.example.com' });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.details).toMatchObject([{ field: 'url' }]);
    expect((await admin.get(`/api/v1/webhooks/subscriptions/${sub.id as string}`)).body.url).toBe('https://x.example.com');
    const types = await admin.get('/api/v1/webhooks/events');
    expect(types.body.events).toContainEqual({ type: 'order.confirmed', zh: '销售订单已确认', en: 'Sales order confirmed' });
    await admin.delete(`/api/v1/webhooks/subscriptions/${sub.id as string}`);
  });

  it('is for admins: other roles get 403, and a key needs the webhooks:manage scope', async () => {
    const sales = await t.loginAs('sales');
    expectError(await sales.get('/api/v1/webhooks/subscriptions'), 403, 'FORBIDDEN');
    const scoped = await admin.post('/api/v1/api-keys', { name: 'hooks', role: 'admin', scopes: ['webhooks:manage'] });
    expect((await t.client({ bearer: scoped.body.key }).get('/api/v1/webhooks/subscriptions')).status).toBe(200);
    const other = await admin.post('/api/v1/api-keys', { name: 'stock only', role: 'admin', scopes: ['stock:read'] });
    expectError(await t.client({ bearer: other.body.key }).get('/api/v1/webhooks/subscriptions'), 403, 'API_KEY_SCOPE');
  });

  it('replays the events of a time range to one subscription, signed, with the original event ids; other types and other times stay out', async () => {
    // Events from before the subscription existed: fanned out to nobody.
    for (let i = 0; i < 5; i++) await enqueue(t.db, 'order.confirmed', { orderId: `o-${i}`, number: `SO-${i}` });
    await enqueue(t.db, 'stock.low', { sku: 'COLA' });
    const d = createWebhookDispatcher(t.app.deps.database, { timeoutMs: 2000 });
    while ((await d.runOnce()) > 0);
    const sub = (await admin.post('/api/v1/webhooks/subscriptions', { url: hooks.url(), events: ['order.confirmed'] })).body;
    hooks.secret = sub.secret as string;
    const all = await t.db.selectFrom('outbox').select(['id', 'createdAt', 'topic']).orderBy('createdAt').orderBy('id').execute();
    const orders = all.filter((m) => m.topic === 'order.confirmed');
    expect(orders).toHaveLength(5);
    // [from, to) around the 2nd to 4th events.
    const from = orders[1].createdAt;
    const to = new Date(Date.parse(orders[3].createdAt) + 1).toISOString();
    const inRange = orders.filter((m) => m.createdAt >= from && m.createdAt < to);
    const res = await admin.post(`/api/v1/webhooks/subscriptions/${sub.id as string}/replay`, { from, to });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ subscriptionId: sub.id, from, to, events: inRange.length });
    while ((await d.runOnce()) > 0);
    expect(hooks.received.every((h) => h.signatureValid)).toBe(true);
    expect(hooks.received.map((h) => h.body.id).sort()).toEqual(inRange.map((m) => m.id).sort());
    const deliveries = (await admin.get(`/api/v1/webhooks/subscriptions/${sub.id as string}/deliveries`)).body.items;
    expect(deliveries.every((x: Json) => x.source === `replay:${res.body.replayId as string}` && x.status === 'delivered')).toBe(true);
    // The same range again is a second replay: sent again, same event ids.
    const again = await admin.post(`/api/v1/webhooks/subscriptions/${sub.id as string}/replay`, { from, to });
    expect(again.body.events).toBe(inRange.length);
    while ((await d.runOnce()) > 0);
    expect(hooks.received).toHaveLength(inRange.length * 2);
    await d.stop();
  });

  it('refuses a range over 31 days, backwards, or over 10,000 events with a 4xx and writes nothing', async () => {
    const sub = (await admin.post('/api/v1/webhooks/subscriptions', { url: hooks.url('/big'), events: ['*'] })).body;
    const before = await count('webhookDeliveries');
    const long = await admin.post(`/api/v1/webhooks/subscriptions/${sub.id as string}/replay`, { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:01Z' }, { headers: { 'accept-language': 'en' } });
    expectError(long, 422, 'WEBHOOK_REPLAY_TOO_LARGE');
    expect(long.body.error.message).toBe('The replay range is too large: the range is longer than 31 days');
    const backwards = await admin.post(`/api/v1/webhooks/subscriptions/${sub.id as string}/replay`, { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    expectError(backwards, 400, 'VALIDATION_FAILED');
    expectError(await admin.post(`/api/v1/webhooks/subscriptions/${sub.id as string}/replay`, { from: 'yesterday', to: '2026-01-01T00:00:00Z' }), 400, 'VALIDATION_FAILED');
    // 10,001 events in one day.
    const day = '2026-03-01';
    const rows = Array.from({ length: 10_001 }, (_, i) => ({
      id: newId(), topic: 'stock.low', payload: '{}', dedupeKey: null, orderId: null, status: 'sent', attempts: 1, nextAttemptAt: `${day}T00:00:00.000Z`, lastError: null,
      createdAt: new Date(Date.parse(`${day}T00:00:00Z`) + i * 1000).toISOString(), sentAt: null, lockedUntil: null, lockedBy: null, webhooksAt: `${day}T12:00:00.000Z`,
    }));
    for (let i = 0; i < rows.length; i += 1000) await t.db.insertInto('outbox').values(rows.slice(i, i + 1000)).execute();
    const big = await admin.post(`/api/v1/webhooks/subscriptions/${sub.id as string}/replay`, { from: `${day}T00:00:00Z`, to: '2026-03-02T00:00:00Z' });
    expectError(big, 422, 'WEBHOOK_REPLAY_TOO_LARGE');
    expect(big.body.error.message).toBe('重放范围过大：共 10001 个事件，超过 10000 个');
    expect(big.body.error.details).toMatchObject({ events: 10_001, maxEvents: 10_000 });
    expect(await count('webhookDeliveries')).toBe(before);
    // One event fewer fits.
    const fits = await admin.post(`/api/v1/webhooks/subscriptions/${sub.id as string}/replay`, { from: `${day}T00:00:01Z`, to: '2026-03-02T00:00:00Z' });
    expect(fits.status, JSON.stringify(fits.body)).toBe(201);
    expect(fits.body.events).toBe(10_000);
    expect(await count('webhookDeliveries')).toBe(before + 10_000);
    expectError(await admin.post(`/api/v1/webhooks/subscriptions/${newId()}/replay`, { from: `${day}T00:00:01Z`, to: '2026-03-02T00:00:00Z' }), 404, 'NOT_FOUND');
  });
});
