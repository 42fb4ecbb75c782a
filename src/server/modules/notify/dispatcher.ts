import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../../config.js';
import type { DbHandle } from '../../db/create-db.js';
import { buildChannels, ChannelError, type Channel } from './channels.js';
import { emailChannel, type EmailChannel, type SmtpSettings } from './email.js';
import { deliveriesFor, type Delivery } from './notify-routing.js';
import { dispatchSettings, smtpSettings } from './notify-settings.service.js';
import { claimDue, finishClaim, logDelivery, renewClaim, wasSent, type ClaimedMessage } from './outbox.repository.js';
import { render } from './templates.js';

// Sends what the outbox holds. Each round claims a small batch under a lease, delivers each message
// to each of its recipients (skipping any the log shows as sent), and marks it sent, failed (retry
// later, with backoff) or dead. A worker that dies leaves its lease to expire; the next round picks
// the message up again. docs/decisions.md §18.

type Logger = { info(o: object, msg?: string): void; warn(o: object, msg?: string): void; error(o: object, msg?: string): void };

export type DispatcherOptions = {
  /** Pause between rounds when nothing was due (ms). */
  intervalMs?: number;
  /** Messages claimed per round. */
  batchSize?: number;
  /** How long a claim holds a message (ms); longer than the slowest send of a batch. */
  leaseMs?: number;
  /** First retry delay (ms), doubled per attempt, capped at maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  smtpTimeoutMs?: number;
  workerId?: string;
  /** Public base URL of jxc for tracking links in messages. */
  publicUrl?: string;
  logger?: Logger;
};

export type Dispatcher = {
  /** Starts the timer loop. */
  start(): void;
  /** Stops the loop, waits for the round in flight and closes SMTP connections. */
  stop(): Promise<void>;
  /** One round: claims due messages and handles them; resolves to how many it handled. */
  runOnce(): Promise<number>;
  /** Claims due messages without handling them (what a worker that dies right after claiming leaves behind). */
  claim(limit?: number): Promise<ClaimedMessage[]>;
};

type Channels = Partial<Record<Delivery['channel'], Channel | EmailChannel>>;

/** Thrown when a claim's lease ran out and another worker took the message. */
class LeaseLost extends Error {}

/** The retry delay after `attempts` failed attempts: backoff × 2^(attempts−1), at most the cap. */
export function backoffDelay(attempts: number, baseMs = 30_000, capMs = 3_600_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

/** A stable Message-ID per message and recipient, so a receiver can drop a copy sent again after a crash. */
export function messageIdFor(outboxId: string, channel: string, recipient: string): string {
  return `<${outboxId}.${createHash('sha256').update(`${channel}:${recipient.toLowerCase()}`).digest('hex').slice(0, 16)}@jxc.outbox>`;
}

/** A dispatcher over `database`'s outbox (not started). */
export function createDispatcher(database: DbHandle, config: Config, opts: DispatcherOptions = {}): Dispatcher {
  const { db, dialect } = database;
  const o = { intervalMs: 1000, batchSize: 10, leaseMs: 5 * 60_000, backoffMs: 30_000, maxBackoffMs: 3_600_000, ...opts };
  const workerId = o.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  let email: { key: string; channel: EmailChannel } | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = true;

  const emailFor = (settings: SmtpSettings | null): EmailChannel | null => {
    const key = JSON.stringify(settings);
    if (email?.key === key) return email.channel;
    email?.channel.close();
    email = settings ? { key, channel: emailChannel(settings, { timeoutMs: o.smtpTimeoutMs }) } : null;
    return email?.channel ?? null;
  };

  const claim = (limit = o.batchSize) => {
    const now = Date.now();
    return claimDue(db, dialect, { token: `${workerId}:${randomBytes(4).toString('hex')}`, now: new Date(now).toISOString(), until: new Date(now + o.leaseMs).toISOString(), limit });
  };

  async function deliver(m: ClaimedMessage, d: Delivery, channels: Channels): Promise<ChannelError | null> {
    const channel = channels[d.channel];
    // A batch that outlived its lease may have lost the message to another worker: never send then.
    if (!(await renewClaim(db, m, new Date(Date.now() + o.leaseMs).toISOString()))) throw new LeaseLost(m.id);
    if (await wasSent(db, m.id, d.channel, d.recipient)) return null;
    const attempt = m.attempts + 1;
    try {
      if (!channel) throw new ChannelError(d.channel, d.channel === 'email' ? 'no SMTP server is set up (notification settings or JXC_SMTP_URL)' : `channel ${d.channel} is not enabled`, true);
      const message = await render(db, d.event, d.lang, d.data);
      const sent = await channel.send(d.recipient, message, { messageId: messageIdFor(m.id, d.channel, d.recipient) });
      await logDelivery(db, { outboxId: m.id, channel: d.channel, recipient: d.recipient, attempt, status: 'sent', providerId: sent.providerId, at: new Date().toISOString() });
      return null;
    } catch (err) {
      const e = err instanceof ChannelError ? err : new ChannelError(d.channel, (err as Error).message, true);
      await logDelivery(db, { outboxId: m.id, channel: d.channel, recipient: d.recipient, attempt, status: 'failed', error: e.message, at: new Date().toISOString() });
      return e;
    }
  }

  async function handle(m: ClaimedMessage, settings: { shopName: string; maxAttempts: number }, channels: Channels): Promise<void> {
    let failures: ChannelError[] = [];
    try {
      const deliveries = await deliveriesFor(db, m.topic, JSON.parse(m.payload) as Record<string, unknown>, { shopName: settings.shopName, publicUrl: o.publicUrl });
      for (const d of deliveries) {
        const failed = await deliver(m, d, channels);
        if (failed) failures.push(failed);
      }
    } catch (err) {
      if (err instanceof LeaseLost) throw err;
      // A payload that cannot be read or a database error: counted as an attempt, so it ends dead instead of looping.
      failures = [new ChannelError('email', `could not prepare the message: ${(err as Error).message}`, true)];
    }
    const now = new Date();
    if (failures.length === 0) {
      await finishClaim(db, m, { status: 'sent', at: now.toISOString() });
      return;
    }
    const attempts = m.attempts + 1;
    const error = failures.map((f) => f.message).join('; ');
    const dead = attempts >= settings.maxAttempts || failures.some((f) => !f.retryable);
    const nextAttemptAt = new Date(now.getTime() + backoffDelay(attempts, o.backoffMs, o.maxBackoffMs)).toISOString();
    await finishClaim(db, m, dead ? { status: 'dead', at: now.toISOString(), error } : { status: 'failed', at: now.toISOString(), nextAttemptAt, error });
    o.logger?.warn({ outboxId: m.id, topic: m.topic, attempts, dead, error }, 'outbox message not delivered');
  }

  async function runOnce(): Promise<number> {
    const batch = await claim();
    if (batch.length === 0) return 0;
    const [settings, smtp, robots] = await Promise.all([dispatchSettings(db), smtpSettings(db, config), buildChannels(db, { timeoutMs: o.smtpTimeoutMs })]);
    const channels: Channels = { ...robots, email: emailFor(smtp) ?? undefined };
    await Promise.all(batch.map((m) => handle(m, settings, channels).catch((err: unknown) => {
      if (err instanceof LeaseLost) return o.logger?.warn({ outboxId: m.id }, 'outbox message lease ran out; another worker has it');
      // The lease runs out and another round retries it.
      o.logger?.error({ err, outboxId: m.id }, 'outbox message handling failed');
    })));
    return batch.length;
  }

  const loop = async () => {
    timer = null;
    let handled = 0;
    try {
      handled = await runOnce();
    } catch (err) {
      o.logger?.error({ err }, 'outbox dispatcher round failed');
    }
    if (!stopped) timer = setTimeout(() => { running = loop(); }, handled >= o.batchSize ? 0 : o.intervalMs);
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      o.logger?.info({ workerId }, 'outbox dispatcher started');
      running = loop();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      email?.channel.close();
      email = null;
    },
    runOnce,
    claim,
  };
}
