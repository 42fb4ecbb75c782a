import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp } from '../support/index.js';
import { shippingWorld, type World } from './shipping-fixtures.js';

const ENV_SF = 'sf-secret-from-the-environment';
const ENV_SIM = 'sim-secret-from-the-environment';

describe('carrier callback secrets from the environment (JXC_CARRIER_SECRET_<CODE>)', () => {
  it('reads them by carrier code, upper-cased, and refuses a short secret or a bad code, naming the variable', () => {
    expect(loadConfig({ JXC_CARRIER_SECRET_SF: ENV_SF, JXC_CARRIER_SECRET_zto: 'zto-secret-0123456789', JXC_CARRIER_SECRET_JD: '' }).carrierSecrets)
      .toEqual({ SF: ENV_SF, ZTO: 'zto-secret-0123456789' });
    expect(loadConfig({}).carrierSecrets).toEqual({});
    for (const [env, name] of [[{ JXC_CARRIER_SECRET_SF: 'short' }, 'JXC_CARRIER_SECRET_SF'], [{ 'JXC_CARRIER_SECRET_S.F': ENV_SF }, 'JXC_CARRIER_SECRET_S.F'], [{ JXC_CARRIER_SECRET_: ENV_SF }, 'JXC_CARRIER_SECRET_']] as const) {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(`${name}:`);
    }
    // Reported along with other bad variables.
    expect(() => loadConfig({ PORT: 'x', JXC_CARRIER_SECRET_SF: 'short' })).toThrow(/PORT[\s\S]*JXC_CARRIER_SECRET_SF/);
  });
});

describe(`shipping: carrier secrets and the simulator carrier ${dialectLabel}`, () => {
  let t: TestApp;
  let w: World;
  let byCode: (code: string) => Promise<Json>;
  const callback = async (carrier: string, event: Json, secret: string | null) => {
    const body = JSON.stringify(event);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-language': 'zh-CN' };
    if (secret) headers['x-jxc-signature'] = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/carrier-events/${carrier}`, headers, payload: body });
    return { status: res.statusCode, body: JSON.parse(res.body), headers: res.headers, cookies: [] };
  };
  const ship = async (body: Json) => w.ok(await w.admin.post('/api/v1/shipments', body));

  beforeAll(async () => {
    t = await createTestApp({ env: { JXC_CARRIER_SECRET_SF: ENV_SF } });
    w = await shippingWorld(t);
    byCode = async (code) => (await w.admin.get('/api/v1/carriers')).body.items.find((c: Json) => c.code === code);
  });
  afterAll(() => t.close());

  it('a secret from the environment signs callbacks and overrides the carrier’s own; hasCallbackSecret says so', async () => {
    const { admin, tea } = w;
    const sf = await byCode('SF');
    expect(sf).toMatchObject({ hasCallbackSecret: true, callbackSecretSource: 'environment' });
    expect(await byCode('ZTO')).toMatchObject({ hasCallbackSecret: false, callbackSecretSource: null });
    expect((await admin.get(`/api/v1/carriers/${sf.id}`)).body).toMatchObject({ hasCallbackSecret: true, callbackSecretSource: 'environment' });
    const o = await w.order([{ productId: tea.id, quantity: 1 }]);
    await ship({ orderId: o.id, carrierId: sf.id, trackingNumber: 'SF7000000001' });
    const ev = { eventId: 'env-1', trackingNumber: 'SF7000000001', status: 'in_transit' };
    expect((await callback('SF', ev, ENV_SF)).body).toMatchObject({ ok: true, duplicate: false, status: 'in_transit' });

    // A secret saved on the row does not replace the environment's.
    const patched = w.ok(await admin.patch(`/api/v1/carriers/${sf.id}`, { callbackSecret: 'sf-secret-saved-on-the-row' }));
    expect(patched).toMatchObject({ hasCallbackSecret: true, callbackSecretSource: 'environment' });
    expectError(await callback('SF', { ...ev, eventId: 'env-2' }, 'sf-secret-saved-on-the-row'), 401, 'CARRIER_SIGNATURE_INVALID');
    expect((await callback('SF', { ...ev, eventId: 'env-2', status: 'delivered' }, ENV_SF)).body).toMatchObject({ duplicate: false, status: 'delivered' });
    // The audit log records the row, never a secret.
    const audit = JSON.stringify((await admin.get('/api/v1/audit-log', { query: { entity: 'carrier', entityId: sf.id } })).body);
    expect(audit).not.toContain('sf-secret-saved-on-the-row');
    expect(audit).not.toContain(ENV_SF);

    // Without the environment, a carrier's own secret counts.
    const zto = await byCode('ZTO');
    expect(w.ok(await admin.patch(`/api/v1/carriers/${zto.id}`, { callbackSecret: 'zto-secret-saved-on-the-row' }))).toMatchObject({ hasCallbackSecret: true, callbackSecretSource: 'carrier' });
    const listed = (await admin.get('/api/v1/carriers')).body.items;
    expect(JSON.stringify(listed)).not.toContain('secret-saved');
  });

  it('ships with the seeded simulator and simulates its tracking without any setup; outside callbacks still need a secret', async () => {
    const { admin, tea } = w;
    const sim = await byCode('SIM');
    expect(sim).toMatchObject({ adapter: 'simulator', issuesWaybills: true, hasCallbackSecret: false, status: 'active' });
    const o = await w.order([{ productId: tea.id, quantity: 1 }]);
    const s = await ship({ orderId: o.id, carrierId: sim.id, issueWaybill: true });
    expect(s.trackingNumber).toMatch(/^SIM\d{14}$/);
    for (const status of ['picked_up', 'in_transit', 'out_for_delivery', 'delivered']) {
      const res = await admin.post(`/api/v1/shipments/${s.id}/simulate-event`, { status, location: '厦门' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.result).toMatchObject({ ok: true, duplicate: false, status });
    }
    expect((await admin.get(`/api/v1/sales-orders/${o.id}`)).body.status).toBe('delivered');
    expect((await admin.get(`/api/v1/shipments/${s.id}`)).body.events.map((e: Json) => e.status)).toEqual(['picked_up', 'in_transit', 'out_for_delivery', 'delivered']);

    // The simulator's own signing secret is not accepted from outside, nor is an unsigned call.
    const last = (await admin.post(`/api/v1/shipments/${s.id}/simulate-event`, { status: 'delivered' })).body.request;
    const replayed = await t.app.inject({ method: 'POST', url: last.path, headers: last.headers, payload: last.body });
    expect(replayed.statusCode).toBe(401);
    expectError(await callback('SIM', { eventId: 'x', trackingNumber: s.trackingNumber, status: 'exception' }, null), 401, 'CARRIER_SIGNATURE_INVALID');

    // Production carriers: no simulation, and no callbacks without a secret.
    const yto = await byCode('YTO');
    const o2 = await w.order([{ productId: tea.id, quantity: 1 }]);
    const real = await ship({ orderId: o2.id, carrierId: yto.id, trackingNumber: 'YT7000000001' });
    const refused = await admin.post(`/api/v1/shipments/${real.id}/simulate-event`, { status: 'delivered' });
    expectError(refused, 422, 'CARRIER_NO_ADAPTER');
    expect(refused.body.error.details[0].field).toBe('id');
    expectError(await callback('YTO', { eventId: 'y-1', trackingNumber: 'YT7000000001', status: 'delivered' }, 'any-secret-at-all-0123'), 401, 'CARRIER_SIGNATURE_INVALID');
    expectError(await admin.post('/api/v1/shipments/nope/simulate-event', { status: 'delivered' }), 404, 'NOT_FOUND');
    expect((await admin.get(`/api/v1/sales-orders/${o2.id}`)).body.status).toBe('shipped');
    await w.clean();
  });

  it('a simulator whose secret comes from the environment signs with it, and outside callbacks signed with it are taken', async () => {
    const t2 = await createTestApp({ env: { JXC_CARRIER_SECRET_SIM: ENV_SIM } });
    try {
      const w2 = await shippingWorld(t2);
      const sim = (await w2.admin.get('/api/v1/carriers')).body.items.find((c: Json) => c.code === 'SIM');
      expect(sim).toMatchObject({ hasCallbackSecret: true, callbackSecretSource: 'environment' });
      const o = await w2.order([{ productId: w2.tea.id, quantity: 1 }]);
      const s = w2.ok(await w2.admin.post('/api/v1/shipments', { orderId: o.id, carrierId: sim.id, issueWaybill: true }));
      const sent = (await w2.admin.post(`/api/v1/shipments/${s.id}/simulate-event`, { status: 'picked_up' })).body.request;
      expect(sent.headers['x-jxc-signature']).toBe(`sha256=${createHmac('sha256', ENV_SIM).update(sent.body).digest('hex')}`);
      const body = JSON.stringify({ eventId: 'outside-1', trackingNumber: s.trackingNumber, status: 'delivered' });
      const res = await t2.app.inject({
        method: 'POST', url: '/api/v1/carrier-events/sim', payload: body,
        headers: { 'content-type': 'application/json', 'x-jxc-signature': `sha256=${createHmac('sha256', ENV_SIM).update(body).digest('hex')}` },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect((await w2.admin.get(`/api/v1/sales-orders/${o.id}`)).body.status).toBe('delivered');
    } finally {
      await t2.close();
    }
  });
});
