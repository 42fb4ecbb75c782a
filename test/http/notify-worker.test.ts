import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/server/modules/notify/index.js';
import { createTestApp, dialectLabel, type Json, type TestApp, type TestClient } from '../support/index.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`npm run worker: a process of its own sends what was committed while nothing was sending ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let smtp: TestSmtpServer;
  let worker: ChildProcess | null = null;
  let customer: Json;
  let cola: Json;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp();
    admin = await t.setupAdmin();
    const w1 = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true })).body;
    cola = (await admin.post('/api/v1/products', { sku: 'COLA', name: '可乐', baseUnit: '瓶', listPrice: 350 })).body;
    customer = (await admin.post('/api/v1/customers', { code: 'C1', name: 'Corner Shop', email: 'shop@customer.test' })).body;
    await admin.post('/api/v1/stock/opening', { warehouseId: w1.id, lines: [{ productId: cola.id, quantity: 100, unitCost: 200 }] });
  });
  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      worker.kill('SIGKILL');
      await once(worker, 'exit');
    }
    await t?.close();
    await smtp?.close();
  });

  it('orders confirmed before it starts, one of them held by a worker that died, are each mailed once; SIGTERM exits 0', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await admin.post('/api/v1/sales-orders', { customerId: customer.id, confirm: true, lines: [{ productId: cola.id, quantity: 1 }] });
      expect(res.status).toBe(201);
      numbers.push(res.body.number as string);
    }
    // A worker that claimed everything and died: its lease runs out after 1.5 s.
    expect(await createDispatcher(t.app.deps.database, t.config, { leaseMs: 1500 }).claim(100)).not.toHaveLength(0);
    worker = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/worker.ts'], {
      env: { ...process.env, DATABASE_URL: t.config.databaseUrl, JXC_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, JXC_SMTP_FROM: 'Shop <shop@jxc.test>', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const mailed = () => numbers.filter((n) => smtp.received.some((m) => m.subject.includes(n)));
    for (let i = 0; i < 150 && mailed().length < numbers.length; i++) await sleep(100);
    expect(mailed()).toEqual(numbers);
    await sleep(1200); // more rounds: nothing is sent twice
    for (const n of numbers) expect(smtp.received.filter((m) => m.subject.includes(n))).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ to: ['shop@customer.test'], from: 'shop@jxc.test' });
    worker.kill('SIGTERM');
    const [code] = await once(worker, 'exit');
    expect(code).toBe(0);
  });
});
