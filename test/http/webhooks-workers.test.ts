import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/server/platform/outbox.js';
import { createTestApp, dialectLabel, type TestApp, type TestClient } from '../support/index.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`webhooks from three npm run worker processes at once: every event delivered once ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let hooks: WebhookReceiver;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    hooks = await startWebhookReceiver();
    t = await createTestApp();
    admin = await t.setupAdmin();
  });
  afterAll(async () => {
    for (const w of workers) {
      if (w.exitCode === null) {
        w.kill('SIGKILL');
        await once(w, 'exit');
      }
    }
    await t?.close();
    await hooks?.close();
  });

  it('fans out and sends 60 events, each once, signed; SIGTERM exits 0', async () => {
    const sub = (await admin.post('/api/v1/webhooks/subscriptions', { url: hooks.url(), events: ['stock.low'] })).body;
    hooks.secret = sub.secret as string;
    for (let i = 0; i < 60; i++) await enqueue(t.db, 'stock.low', { sku: `SKU-${i}` });
    for (let i = 0; i < 3; i++) {
      workers.push(spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/worker.ts'], {
        env: { ...process.env, DATABASE_URL: t.config.databaseUrl, LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'inherit', 'inherit'],
      }));
    }
    for (let i = 0; i < 300 && hooks.received.length < 60; i++) await sleep(100);
    await sleep(1500); // more rounds: nothing is sent twice
    const skus = hooks.received.map((h) => String(h.body.data.sku));
    expect(skus).toHaveLength(60);
    expect(new Set(skus).size).toBe(60);
    expect(hooks.received.every((h) => h.signatureValid)).toBe(true);
    const rows = await t.db.selectFrom('webhookDeliveries').select(['status']).where('subscriptionId', '=', sub.id as string).execute();
    expect(rows).toHaveLength(60);
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);
    for (const w of workers) w.kill('SIGTERM');
    const codes = await Promise.all(workers.map(async (w) => (w.exitCode ?? (await once(w, 'exit'))[0]) as number));
    expect(codes).toEqual([0, 0, 0]);
  });
});
