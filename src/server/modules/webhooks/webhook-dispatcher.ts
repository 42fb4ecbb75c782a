import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { DbHandle } from '../../db/create-db.js';
import { hasDueWork, claimDueDeliveries, fanOutDue, finishDelivery, logAttempt, renewDeliveryClaim, type ClaimedDelivery } from './webhook.repository.js';
import { excerpt, retryDelay, retrySchedule, signatureFor } from './webhooks.js';

// Sends webhooks. Each round fans new outbox messages out to the subscriptions (one delivery row per
// subscription, each message once), then claims due deliveries under a lease and POSTs them, signed.
// A failed attempt waits 1 min, 5 min, 30 min, 2 h, 12 h; the sixth failure makes it dead (an admin
// can resend it). A worker that dies leaves its lease to expire. docs/api.md, Webhooks.

type Logger = { info(o: object, msg?: string): void; warn(o: object, msg?: string): void; error(o: object, msg?: string): void };

export type WebhookDispatcherOptions = {
  /** Pause between rounds when nothing was due (ms). */
  intervalMs?: number;
  /** Outbox messages fanned out per round. */
  fanOutBatch?: number;
  /** Deliveries claimed per round. */
  batchSize?: number;
  /** How long a claim holds a delivery (ms); longer than the slowest request of a batch. */
  leaseMs?: number;
  /** Timeout of one request (ms). */
  timeoutMs?: number;
  /** Waits after the 1st, 2nd, … failure (ms); one more failure than it has entries is dead. */
  retrySchedule?: readonly number[];
  workerId?: string;
  logger?: Logger;
};

export type WebhookDispatcher = {
  start(): void;
  /** Stops the loop and waits for the round in flight. */
  stop(): Promise<void>;
  /** One round: fans out what is new, sends what is due; resolves to how many messages and deliveries it handled. */
  runOnce(): Promise<number>;
  /** Claims due deliveries without sending them (what a worker that dies right after claiming leaves behind). */
  claim(limit?: number): Promise<ClaimedDelivery[]>;
};

/** The JSON body of a delivery: the event's id (the outbox message's), type, time and data. */
export function deliveryBody(d: { eventId: string; eventType: string; occurredAt: string; payload: string }): string {
  return JSON.stringify({ id: d.eventId, type: d.eventType, occurredAt: d.occurredAt, data: JSON.parse(d.payload) as unknown });
}

/** A webhook dispatcher over `database` (not started). */
export function createWebhookDispatcher(database: DbHandle, opts: WebhookDispatcherOptions = {}): WebhookDispatcher {
  const { db, dialect } = database;
  const o = { intervalMs: 1000, fanOutBatch: 200, batchSize: 10, leaseMs: 5 * 60_000, timeoutMs: 10_000, retrySchedule, ...opts };
  const workerId = o.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = true;

  const claim = (limit = o.batchSize) => {
    const now = Date.now();
    return claimDueDeliveries(db, dialect, { token: `${workerId}:${randomBytes(4).toString('hex')}`, now: new Date(now).toISOString(), until: new Date(now + o.leaseMs).toISOString(), limit });
  };

  /** POSTs one delivery; resolves to the outcome, never throws for the receiver's faults. */
  async function post(d: ClaimedDelivery) {
    const body = deliveryBody(d);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const started = performance.now();
    try {
      const res = await fetch(d.url, {
        method: 'POST', body, redirect: 'manual', signal: AbortSignal.timeout(o.timeoutMs),
        headers: {
          'content-type': 'application/json', 'user-agent': 'jxc-webhooks/1',
          'x-jxc-event': d.eventType, 'x-jxc-delivery': d.id, 'x-jxc-timestamp': timestamp, 'x-jxc-signature': signatureFor(d.secret, timestamp, body),
        },
      });
      const text = await res.text().catch(() => '');
      const ok = res.status >= 200 && res.status < 300;
      return { ok, statusCode: res.status, durationMs: Math.round(performance.now() - started), error: ok ? null : `HTTP ${res.status}`, responseExcerpt: excerpt(text) };
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      const reason = e.name === 'TimeoutError' ? `no answer within ${o.timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message);
      return { ok: false, statusCode: null, durationMs: Math.round(performance.now() - started), error: reason, responseExcerpt: null };
    }
  }

  async function send(d: ClaimedDelivery): Promise<void> {
    // A batch that outlived its lease may have lost the delivery to another worker: never send then.
    if (!(await renewDeliveryClaim(db, d, new Date(Date.now() + o.leaseMs).toISOString()))) {
      o.logger?.warn({ deliveryId: d.id }, 'webhook delivery lease ran out; another worker has it');
      return;
    }
    const r = await post(d);
    const at = new Date();
    await logAttempt(db, { deliveryId: d.id, at: at.toISOString(), ...r });
    if (r.ok) {
      await finishDelivery(db, d, { status: 'delivered', at: at.toISOString(), statusCode: r.statusCode, error: null });
      return;
    }
    const wait = retryDelay(d.attempts + 1, o.retrySchedule);
    await finishDelivery(db, d, wait === null
      ? { status: 'dead', at: at.toISOString(), statusCode: r.statusCode, error: r.error }
      : { status: 'failed', at: at.toISOString(), statusCode: r.statusCode, error: r.error, nextAttemptAt: new Date(at.getTime() + wait).toISOString() });
    o.logger?.warn({ deliveryId: d.id, url: d.url, attempts: d.attempts + 1, dead: wait === null, error: r.error }, 'webhook not delivered');
  }

  async function runOnce(): Promise<number> {
    if (!(await hasDueWork(db, new Date().toISOString()))) return 0;
    const fanned = await fanOutDue(db, dialect, { now: new Date().toISOString(), limit: o.fanOutBatch });
    const batch = await claim();
    await Promise.all(batch.map((d) => send(d).catch((err: unknown) => {
      // The lease runs out and another round retries it.
      o.logger?.error({ err, deliveryId: d.id }, 'webhook delivery failed');
    })));
    return fanned + batch.length;
  }

  const loop = async () => {
    timer = null;
    let handled = 0;
    try {
      handled = await runOnce();
    } catch (err) {
      o.logger?.error({ err }, 'webhook dispatcher round failed');
    }
    if (!stopped) timer = setTimeout(() => { running = loop(); }, handled > 0 ? 0 : o.intervalMs);
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      o.logger?.info({ workerId }, 'webhook dispatcher started');
      running = loop();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    runOnce,
    claim,
  };
}
