import { createServer, type Server } from 'node:http';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchServer } from '../../bench/support/server.js';
import { createDb } from '../../src/server/db/create-db.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';
import { pgWanted, seed, sessionOn, signIn, start, verify } from './support.js';

// Several app processes on one PostgreSQL database (README "Scaling out"): two servers started at
// once (migrations under the migrator's lock), a session opened on one used on the other, orders
// racing for the last units through both never oversell, and every outbox event reaches a webhook
// receiver exactly once although both servers run the dispatcher.

describe.runIf(pgWanted)('two app processes on one PostgreSQL database', () => {
  let db: TestDatabase;
  const servers: BenchServer[] = [];
  let receiver: Server | undefined;
  let smtp: TestSmtpServer | undefined;
  afterAll(async () => {
    for (const s of servers) await s.stop();
    await smtp?.close();
    await new Promise((r) => (receiver ? receiver.close(r) : r(undefined)));
    await db?.drop();
  });

  it('shares sessions, never oversells and handles each outbox message once', async () => {
    db = await createTestDatabase('postgres');
    const seeded = await seed(db.url, 3, 4);
    smtp = await startSmtpServer();
    const mail = { JXC_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, JXC_SMTP_FROM: 'Shop <shop@jxc.test>' };
    servers.push(...(await Promise.all([start(db.url, mail), start(db.url, mail)])));
    const [a, b] = servers;

    // A session opened on A works on B, reads and writes (cookie and CSRF token).
    const onA = await signIn(a.base);
    const onB = sessionOn(b.base, onA.cookie, onA.csrf);
    expect((await onB.call('GET', '/auth/me')).status).toBe(200);

    // A webhook receiver counting what arrives.
    const got: Array<{ delivery: string; event: string }> = [];
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        got.push({ delivery: String(req.headers['x-jxc-delivery']), event: (JSON.parse(body) as { id: string }).id });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => receiver!.listen(0, '127.0.0.1', r));
    const port = (receiver.address() as { port: number }).port;
    const sub = await onB.call('POST', '/webhooks/subscriptions', { url: `http://127.0.0.1:${port}/hook`, events: ['*'] });
    expect(sub.status, JSON.stringify(sub.body)).toBeLessThan(300);

    // Customers with an email address: each confirmed order mails its customer once.
    const customers: string[] = [];
    for (let i = 0; i < 4; i++) {
      const c = await onA.call('POST', '/customers', { code: `MAIL${i}`, name: `邮件客户 ${i}`, email: `c${i}@customer.test` });
      expect(c.status, JSON.stringify(c.body)).toBeLessThan(300);
      customers.push(c.body.id);
    }
    // 30 units of one product; 60 one-unit orders at once, half through each server.
    const [w1] = seeded.warehouseIds;
    const product = seeded.productIds[0];
    expect((await onB.call('POST', '/stock/opening', { warehouseId: w1, lines: [{ productId: product, quantity: 30, unitCost: 400 }] })).status).toBeLessThan(300);
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? onA : onB).call('POST', '/sales-orders', {
      customerId: customers[i % customers.length], warehouseId: w1, lines: [{ productId: product, quantity: 1 }], confirm: true,
    })));
    const codes = results.map((r) => r.status);
    expect(codes.filter((c) => c >= 500), JSON.stringify(results.find((r) => r.status >= 500)?.body)).toEqual([]);
    expect(codes.filter((c) => c === 201 || c === 200)).toHaveLength(30);
    expect(results.filter((r) => r.status >= 400).every((r) => r.body.error.code === 'INSUFFICIENT_STOCK')).toBe(true);
    const d = createDb(db.url, { poolSize: 1 });
    try {
      const level = await d.db.selectFrom('stockLevels').select(['onHand', 'reserved']).where('productId', '=', product).where('warehouseId', '=', w1).executeTakeFirstOrThrow();
      expect([Number(level.onHand), Number(level.reserved)]).toEqual([30, 30]);
      expect((await verify(db.url)).mismatches).toEqual([]);

      // Every outbox event goes out once: fanned out once per subscription, received once.
      const expected = async () => Number((await sql<{ n: string | number }>`select count(*) as n from outbox where created_at >= ${sub.body.createdAt}`.execute(d.db)).rows[0].n);
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline && new Set(got.map((g) => g.event)).size < (await expected())) await new Promise((r) => setTimeout(r, 250));
      await new Promise((r) => setTimeout(r, 3000)); // time for a second, wrong delivery to arrive
      const events = await expected();
      expect(events).toBeGreaterThanOrEqual(30);
      const deliveries = await d.db.selectFrom('webhookDeliveries').select(['id', 'eventId']).execute();
      expect(new Set(deliveries.map((x) => x.eventId)).size, 'one delivery per event').toBe(deliveries.length);
      expect(deliveries).toHaveLength(events);
      expect(got.map((g) => g.event).sort(), 'each event received once').toEqual(deliveries.map((x) => x.eventId).sort());
      expect(new Set(got.map((g) => g.delivery)).size).toBe(got.length);
      // And each confirmation mail is sent once, whichever process's dispatcher took it.
      const numbers = results.filter((r) => r.status < 300).map((r) => r.body.number as string);
      const mailed = () => numbers.filter((n) => smtp!.received.some((m) => m.subject.includes(n)));
      for (let i = 0; i < 300 && mailed().length < numbers.length; i++) await new Promise((r) => setTimeout(r, 100));
      expect(mailed()).toEqual(numbers);
      for (const n of numbers) expect(smtp.received.filter((m) => m.subject.includes(n)), `mails for ${n}`).toHaveLength(1);
      console.log(`[postgres] 2 processes: 60 orders raced for 30 units, 30 confirmed, 30 refused; ${events} outbox events, each delivered once to the webhook (${got.length} requests) and ${numbers.length} confirmation mails, one each`);
    } finally {
      await d.close();
    }
  });
});
