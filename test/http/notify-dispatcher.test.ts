import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { createDb } from '../../src/server/db/create-db.js';
import { createDispatcher, type Dispatcher } from '../../src/server/modules/notify/index.js';
import { enqueue } from '../../src/server/platform/outbox.js';
import { createTestApp, dialect, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`outbox dispatcher: email over a real SMTP server, retries, leases, exactly once ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let smtp: TestSmtpServer;
  let w1: Json;
  let cola: Json;
  let customer: Json;
  const dispatchers: Dispatcher[] = [];
  const dispatcher = (opts: Parameters<typeof createDispatcher>[2] = {}) => {
    const d = createDispatcher(t.app.deps.database, t.config, { backoffMs: 100, leaseMs: 400, smtpTimeoutMs: 2000, ...opts });
    dispatchers.push(d);
    return d;
  };
  const message = (id: string) => t.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const deliveries = (id: string) => t.db.selectFrom('messageDeliveries').selectAll().where('outboxId', '=', id).orderBy('at').orderBy('id').execute();
  const mailsTo = (to: string) => smtp.received.filter((m) => m.to.includes(to));
  /** Confirms an order for the customer; resolves to the order and its order.confirmed outbox message. */
  const confirmOrder = async (quantity = 1) => {
    const res = await admin.post('/api/v1/sales-orders', { customerId: customer.id, confirm: true, lines: [{ productId: cola.id, quantity }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const msg = await t.db.selectFrom('outbox').selectAll().where('topic', '=', 'order.confirmed').where('payload', 'like', `%${res.body.id as string}%`).executeTakeFirstOrThrow();
    return { order: res.body as Json, msg };
  };
  const settle = async (d: Dispatcher) => {
    while ((await d.runOnce()) > 0);
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp();
    admin = await t.setupAdmin();
    w1 = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true })).body;
    cola = (await admin.post('/api/v1/products', { sku: 'COLA', name: '可乐', baseUnit: '瓶', listPrice: 350, costPrice: 200 })).body;
    customer = (await admin.post('/api/v1/customers', { code: 'C1', name: '便利店', email: 'buyer@shop.test' })).body;
    await admin.post('/api/v1/stock/opening', { warehouseId: w1.id, lines: [{ productId: cola.id, quantity: 10_000, unitCost: 200 }] });
    const res = await admin.request('PUT', '/api/v1/settings/notifications', { host: '127.0.0.1', port: smtp.port, secure: false, from: '鑫源商贸 <shop@jxc.test>', shopName: '鑫源商贸', maxAttempts: 5 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
  afterAll(async () => {
    for (const d of dispatchers) await d.stop();
    await t?.close();
    await smtp?.close();
  });

  it('delivers a confirmed order’s email to the customer: parsed at the server, logged, marked sent', async () => {
    const { order, msg } = await confirmOrder(3);
    await settle(dispatcher());
    const mails = mailsTo('buyer@shop.test');
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`【鑫源商贸】您的订单 ${order.number as string} 已确认`);
    expect(mails[0].headers.from).toContain('shop@jxc.test');
    expect(mails[0].text).toContain('便利店，您好');
    expect(mails[0].text).toContain('可乐 × 3瓶');
    expect(mails[0].messageId).toMatch(new RegExp(`^<${msg.id}\\.[0-9a-f]{16}@jxc\\.outbox>$`));
    expect(await message(msg.id)).toMatchObject({ status: 'sent', lockedBy: null, lastError: null });
    const log = await deliveries(msg.id);
    expect(log).toMatchObject([{ channel: 'email', recipient: 'buyer@shop.test', attempt: 1, status: 'sent' }]);
    const detail = await admin.get(`/api/v1/outbox/${msg.id}`);
    expect(detail.body).toMatchObject({ status: 'sent', topic: 'order.confirmed', payload: { number: order.number }, deliveries: [{ status: 'sent', recipient: 'buyer@shop.test' }] });
    const sent = await admin.get('/api/v1/outbox', { query: { status: 'sent', topic: 'order.confirmed' } });
    expect(sent.body.items.map((m: Json) => m.id)).toContain(msg.id);
  });

  it('SMTP server down: failed attempts logged with growing backoff; back up: delivered exactly once', async () => {
    await smtp.down();
    const { order, msg } = await confirmOrder();
    const d = dispatcher();
    expect(await d.runOnce()).toBe(1);
    let m = await message(msg.id);
    expect(m).toMatchObject({ status: 'failed', attempts: 1 });
    expect(m.lastError).toContain('ECONNREFUSED');
    const wait1 = Date.parse(m.nextAttemptAt) - Date.now();
    expect(wait1).toBeGreaterThan(0);
    expect(await d.runOnce()).toBe(0); // not due yet
    await sleep(wait1 + 20);
    expect(await d.runOnce()).toBe(1);
    m = await message(msg.id);
    expect(m).toMatchObject({ status: 'failed', attempts: 2 });
    const log = await deliveries(msg.id);
    expect(log.map((x) => [x.attempt, x.status])).toEqual([[1, 'failed'], [2, 'failed']]);
    // 100 ms after the first failure, 200 ms after the second.
    expect(Date.parse(m.nextAttemptAt) - Date.parse(log[1].at)).toBeGreaterThanOrEqual(190);
    await smtp.up();
    await sleep(Date.parse(m.nextAttemptAt) - Date.now() + 20);
    await settle(d);
    expect(await message(msg.id)).toMatchObject({ status: 'sent', attempts: 3 });
    expect(mailsTo('buyer@shop.test').filter((x) => x.subject.includes(order.number as string))).toHaveLength(1);
    await sleep(150);
    await settle(d);
    expect(mailsTo('buyer@shop.test').filter((x) => x.subject.includes(order.number as string))).toHaveLength(1);
  });

  it('a worker that claims and dies: the message waits out the lease, then is sent once; a send logged before the crash is not repeated', async () => {
    const { order, msg } = await confirmOrder();
    const crashed = dispatcher({ leaseMs: 300 });
    expect((await crashed.claim()).map((c) => c.id)).toContain(msg.id);
    const other = dispatcher();
    await settle(other);
    expect(mailsTo('buyer@shop.test').filter((x) => x.subject.includes(order.number as string))).toHaveLength(0);
    expect((await message(msg.id)).status).toBe('pending');
    await sleep(320);
    await settle(other);
    expect(await message(msg.id)).toMatchObject({ status: 'sent' });
    expect(mailsTo('buyer@shop.test').filter((x) => x.subject.includes(order.number as string))).toHaveLength(1);

    // Sent, then the worker died before marking the message: the log says sent, so no second email.
    const second = await confirmOrder();
    expect((await crashed.claim()).map((c) => c.id)).toContain(second.msg.id);
    await t.db.insertInto('messageDeliveries').values({ id: `dlv-${second.msg.id}`, outboxId: second.msg.id, channel: 'email', recipient: 'buyer@shop.test', attempt: 1, status: 'sent', error: null, providerId: 'before-crash', at: new Date().toISOString() }).execute();
    await sleep(320);
    await settle(other);
    expect(await message(second.msg.id)).toMatchObject({ status: 'sent' });
    expect(mailsTo('buyer@shop.test').filter((x) => x.subject.includes(second.order.number as string))).toHaveLength(0);
    expect(await deliveries(second.msg.id)).toHaveLength(1);
  });

  it('dead after the set number of attempts; resend (audited) puts it back and it is delivered; resending a sent message is refused', async () => {
    expect((await admin.request('PUT', '/api/v1/settings/notifications', { maxAttempts: 2 })).status).toBe(200);
    await smtp.down();
    const { order, msg } = await confirmOrder();
    const d = dispatcher({ backoffMs: 50 });
    await d.runOnce();
    await sleep(70);
    await d.runOnce();
    expect(await message(msg.id)).toMatchObject({ status: 'dead', attempts: 2 });
    const dead = await admin.get('/api/v1/outbox', { query: { status: 'dead' } });
    expect(dead.body.items.map((m: Json) => m.id)).toContain(msg.id);
    await smtp.up();
    const res = await admin.post(`/api/v1/outbox/${msg.id}/resend`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'pending', attempts: 0 });
    await settle(d);
    expect(await message(msg.id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(mailsTo('buyer@shop.test').filter((x) => x.subject.includes(order.number as string))).toHaveLength(1);
    const audit = await t.db.selectFrom('auditLog').selectAll().where('entity', '=', 'outboxMessage').where('entityId', '=', msg.id).execute();
    expect(audit).toHaveLength(1);
    expectError(await admin.post(`/api/v1/outbox/${msg.id}/resend`), 409, 'OUTBOX_STATE');
    expectError(await admin.get('/api/v1/outbox/nope'), 404, 'NOT_FOUND');
    expect((await admin.request('PUT', '/api/v1/settings/notifications', { maxAttempts: 5 })).status).toBe(200);
  });

  it('a payload that cannot be read counts as a failed attempt (no endless loop)', async () => {
    await t.db.transaction().execute((trx) => enqueue(trx, 'order.confirmed', {}, 'broken'));
    const broken = await t.db.selectFrom('outbox').selectAll().where('dedupeKey', '=', 'broken').executeTakeFirstOrThrow();
    await t.db.updateTable('outbox').set({ payload: '{not json' }).where('id', '=', broken.id).execute();
    await dispatcher().runOnce();
    const m = await message(broken.id);
    expect(m).toMatchObject({ status: 'failed', attempts: 1 });
    expect(m.lastError).toContain('could not prepare the message');
    await t.db.updateTable('outbox').set({ status: 'dead' }).where('id', '=', broken.id).execute();
  });

  it('a permanent refusal (5xx) is dead at once with the server’s reply', async () => {
    smtp.refuse('550 5.1.1 mailbox unavailable');
    const { msg } = await confirmOrder();
    await dispatcher().runOnce();
    smtp.refuse(null);
    const m = await message(msg.id);
    expect(m).toMatchObject({ status: 'dead', attempts: 1 });
    expect(m.lastError).toContain('550 5.1.1 mailbox unavailable');
  });

  // On PostgreSQL the two have pools of their own, as two processes would. Two SQLite handles in one
  // process would block each other's event loop on the busy timeout, so there they share the handle.
  it('two dispatchers racing over 200 messages: each delivered exactly once', async () => {
    const before = smtp.received.length;
    const ids: string[] = [];
    await t.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 200; i++) {
        const id = `race-${i}`;
        ids.push(id);
        await enqueue(trx, 'order.confirmed', { orderId: id, number: `SO-RACE-${i}`, customerId: customer.id, customerName: '便利店', total: 350, tax: 40, requestedDate: null, lines: [] }, id);
      }
    });
    const second = dialect === 'postgres' ? createDb(t.config.databaseUrl, { poolSize: 4 }) : null;
    try {
      const a = dispatcher({ workerId: 'a', leaseMs: 10_000 });
      const b = createDispatcher(second ?? t.app.deps.database, t.config, { workerId: 'b', backoffMs: 100, leaseMs: 10_000 });
      const drain = async (d: Dispatcher) => {
        let n = 0;
        for (let k; (k = await d.runOnce()) > 0;) n += k;
        return n;
      };
      const [na, nb] = await Promise.all([drain(a), drain(b), drain(a), drain(b)]).then((r) => [r[0] + r[2], r[1] + r[3]]);
      await b.stop();
      expect(na + nb).toBeGreaterThanOrEqual(200); // and whatever else was due
      expect(Math.min(na, nb)).toBeGreaterThan(0);
    } finally {
      await second?.close();
    }
    const got = smtp.received.slice(before).filter((m) => m.subject.includes('SO-RACE-'));
    expect(got).toHaveLength(200);
    expect(new Set(got.map((m) => m.subject)).size).toBe(200);
    const sent = await t.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'in', (await t.db.selectFrom('outbox').select('id').where('dedupeKey', 'in', ids).execute()).map((r) => r.id)).where('status', '=', 'sent').executeTakeFirstOrThrow();
    expect(Number(sent.n)).toBe(200);
  });

  it('a staff notice goes to the enabled WeCom group robot, logged like an email', async () => {
    const posts: Json[] = [];
    const robot = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
      req.on('end', () => {
        posts.push(JSON.parse(body) as Json);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
      });
    });
    await new Promise<void>((r) => robot.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/cgi-bin/webhook/send?key=test`;
      const on = await admin.request('PUT', '/api/v1/notify-channels/wecom', { enabled: true, webhookUrl: url });
      expect(on.status, JSON.stringify(on.body)).toBe(200);
      const { order } = await confirmOrder();
      await t.db.transaction().execute((trx) => enqueue(trx, 'order.approval_needed', { orderId: order.id, number: order.number, role: 'admin', reasons: '超出信用额度' }, `test-approval:${order.id as string}`));
      const msg = await t.db.selectFrom('outbox').selectAll().where('dedupeKey', '=', `test-approval:${order.id as string}`).executeTakeFirstOrThrow();
      await settle(dispatcher());
      expect(await message(msg.id)).toMatchObject({ status: 'sent' });
      expect(await deliveries(msg.id)).toMatchObject([{ channel: 'wecom', recipient: 'wecom group', status: 'sent' }]);
      expect(posts).toHaveLength(1);
      expect(JSON.stringify(posts[0])).toContain(order.number as string);
    } finally {
      await admin.request('PUT', '/api/v1/notify-channels/wecom', { enabled: false });
      await new Promise((r) => robot.close(r));
    }
  });

  it('runs on a timer: started, delivers what is committed, stops', async () => {
    const d = dispatcher({ intervalMs: 20 });
    d.start();
    const { order } = await confirmOrder();
    for (let i = 0; i < 100 && mailsTo('buyer@shop.test').every((x) => !x.subject.includes(order.number as string)); i++) await sleep(20);
    await d.stop();
    expect(mailsTo('buyer@shop.test').filter((x) => x.subject.includes(order.number as string))).toHaveLength(1);
  });
});

describe(`email settings and the test email ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let smtp: TestSmtpServer;
  const en = { headers: { 'accept-language': 'en' } };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp();
    admin = await t.setupAdmin();
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('refuses bad input naming the field; saves the rest; never returns the password', async () => {
    expect((await admin.get('/api/v1/settings/notifications')).body).toMatchObject({ configured: false, passwordSet: false, maxAttempts: 8, source: 'settings' });
    const bad = await admin.request('PUT', '/api/v1/settings/notifications', { host: 'smtp.example.com', port: 70000 });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.error.details.map((x: Json) => x.field)).toContain('port');
    const from = await admin.request('PUT', '/api/v1/settings/notifications', { from: 'not an address' });
    expectError(from, 400, 'VALIDATION_FAILED');
    expect(from.body.error.details.map((x: Json) => x.field)).toContain('from');
    expectError(await admin.request('PUT', '/api/v1/settings/notifications', { host: 'smtp example' }), 400, 'VALIDATION_FAILED');
    expectError(await admin.request('PUT', '/api/v1/settings/notifications', { maxAttempts: 0 }), 400, 'VALIDATION_FAILED');
    expectError(await admin.post('/api/v1/settings/notifications/test-email', { to: 'a@b.test' }), 422, 'SMTP_NOT_CONFIGURED');
    const ok = await admin.request('PUT', '/api/v1/settings/notifications', { host: '127.0.0.1', port: smtp.port, secure: false, user: 'shop', password: 's3cret-pass', from: 'shop@jxc.test' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ host: '127.0.0.1', port: smtp.port, secure: false, user: 'shop', passwordSet: true, configured: true });
    const got = await admin.get('/api/v1/settings/notifications');
    expect(JSON.stringify(got.body)).not.toContain('s3cret-pass');
    const audit = await t.db.selectFrom('auditLog').select(['before', 'after']).where('entity', '=', 'notifySettings').execute();
    expect(JSON.stringify(audit)).not.toContain('s3cret-pass');
    // Without a password and user again (the test server takes no AUTH).
    expect((await admin.request('PUT', '/api/v1/settings/notifications', { user: null, password: null })).body).toMatchObject({ user: null, passwordSet: false });
    const sales = await t.loginAs('sales');
    expectError(await sales.get('/api/v1/settings/notifications'), 403, 'FORBIDDEN');
    expectError(await sales.get('/api/v1/outbox'), 403, 'FORBIDDEN');
  });

  it('sends a test email; a refusing or unreachable server is a 422 SMTP_FAILED with its reply, never a 500', async () => {
    const ok = await admin.post('/api/v1/settings/notifications/test-email', { to: 'boss@shop.test' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(smtp.received.at(-1)).toMatchObject({ to: ['boss@shop.test'] });
    expect(smtp.received.at(-1)?.subject).toContain('测试邮件');
    smtp.refuse('550 5.7.1 relaying denied');
    const refused = await admin.post('/api/v1/settings/notifications/test-email', { to: 'boss@shop.test' }, en);
    smtp.refuse(null);
    expectError(refused, 422, 'SMTP_FAILED');
    expect(refused.body.error.message).toContain('550 5.7.1 relaying denied');
    expect(refused.body.error.details).toMatchObject({ responseCode: 550 });
    await smtp.down();
    const down = await admin.post('/api/v1/settings/notifications/test-email', { to: 'boss@shop.test' }, en);
    expectError(down, 422, 'SMTP_FAILED');
    expect(down.body.error.message).toContain('ECONNREFUSED');
    await smtp.up();
    expectError(await admin.post('/api/v1/settings/notifications/test-email', { to: 'nope' }), 400, 'VALIDATION_FAILED');
  });
});

describe(`email server from JXC_SMTP_URL ${dialectLabel}`, () => {
  it('takes the place of the saved server, shows where it comes from and never the password; bad values stop the start', async () => {
    expect(() => loadConfig({ JXC_SMTP_URL: 'http://mail.example.com' })).toThrow(/JXC_SMTP_URL/);
    expect(() => loadConfig({ JXC_DISPATCHER: 'maybe' })).toThrow(/JXC_DISPATCHER/);
    expect(loadConfig({ JXC_DISPATCHER: 'off' }).dispatcher).toBe(false);
    const t = await createTestApp({ env: { JXC_SMTP_URL: 'smtps://shop%40example.com:p%40ss-word@smtp.example.com', JXC_SMTP_FROM: '鑫源商贸 <shop@example.com>' } });
    try {
      const admin = await t.setupAdmin();
      const res = await admin.get('/api/v1/settings/notifications');
      expect(res.body).toMatchObject({ source: 'env', host: 'smtp.example.com', port: 465, secure: true, user: 'shop@example.com', passwordSet: true, from: '鑫源商贸 <shop@example.com>', configured: true });
      expect(JSON.stringify(res.body)).not.toContain('p@ss-word');
    } finally {
      await t.close();
    }
  });
});
