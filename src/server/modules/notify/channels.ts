import { createHmac } from 'node:crypto';
import type { DbOrTx } from '../../db/create-db.js';
import { nowIso } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import type { RenderedMessage } from './templates.js';

// Where messages go. A channel sends one rendered message to one recipient and either resolves
// (with the provider's id when it gives one) or throws a ChannelError saying what went wrong. Group
// robots post to their group, so their `to` is only a label for the delivery log.

export type Channel = { kind: 'email' | 'wecom' | 'dingtalk' | 'sms'; send(to: string, message: RenderedMessage): Promise<{ providerId?: string }> };
export type RobotKind = 'wecom' | 'dingtalk';

/** A failed send: `retryable` is false when retrying cannot help (the robot refused the request itself). */
export class ChannelError extends Error {
  constructor(readonly kind: Channel['kind'], message: string, readonly retryable: boolean) {
    super(message);
    this.name = 'ChannelError';
  }
}

export const DEFAULT_TIMEOUT_MS = 10_000;
const WECOM_MAX_BYTES = 4096;
const DINGTALK_MAX_BYTES = 20_000;

/** Cuts text to at most `max` UTF-8 bytes without splitting a character. */
export function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch + '…') > max) break;
    out += ch;
  }
  return `${out}…`;
}

const robotNames = { wecom: 'WeCom robot', dingtalk: 'DingTalk robot' } as const;

// Both robots answer HTTP 200 with {errcode, errmsg}; errcode 0 is success, anything else a refusal.
async function postRobot(kind: RobotKind, url: string, body: unknown, timeoutMs: number): Promise<void> {
  const name = robotNames[kind];
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message);
    throw new ChannelError(kind, `${name} unreachable: ${why}`, true);
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) throw new ChannelError(kind, `${name} answered HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`, res.status >= 500 || res.status === 429);
  let reply: { errcode?: unknown; errmsg?: unknown };
  try {
    reply = JSON.parse(text);
  } catch {
    throw new ChannelError(kind, `${name} answered something that is not JSON: ${text.slice(0, 200)}`, true);
  }
  if (reply.errcode !== 0) throw new ChannelError(kind, `${name} refused the message: errcode ${String(reply.errcode)} ${String(reply.errmsg ?? '')}`.trim(), false);
}

/** 企业微信 group robot: POST {msgtype: markdown, markdown: {content}} to its webhook URL. */
export function wecomChannel(opts: { webhookUrl: string; timeoutMs?: number }): Channel {
  return {
    kind: 'wecom',
    async send(_to, message) {
      await postRobot('wecom', opts.webhookUrl, { msgtype: 'markdown', markdown: { content: truncateBytes(message.markdown, WECOM_MAX_BYTES) } }, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      return {};
    },
  };
}

/** DingTalk's signature: base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)), URL-encoded in `sign`. */
export function dingtalkSignedUrl(webhookUrl: string, secret: string, timestamp = Date.now()): string {
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  return `${webhookUrl}${webhookUrl.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
}

/** 钉钉 group robot: POST {msgtype: markdown, markdown: {title, text}}, signed when the robot has a secret (加签). */
export function dingtalkChannel(opts: { webhookUrl: string; secret?: string | null; timeoutMs?: number }): Channel {
  return {
    kind: 'dingtalk',
    async send(_to, message) {
      const url = opts.secret ? dingtalkSignedUrl(opts.webhookUrl, opts.secret) : opts.webhookUrl;
      await postRobot('dingtalk', url, { msgtype: 'markdown', markdown: { title: message.subject, text: truncateBytes(message.markdown, DINGTALK_MAX_BYTES) } }, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      return {};
    },
  };
}

/**
 * An SMS provider. A real one (阿里云短信, 腾讯云短信, …) implements `send` with its SDK or HTTP API
 * and is registered under a name with registerSmsAdapter; the `sms` channel setting picks it.
 * `text` is the message's subject, which the templates keep short and signed (【店铺】…).
 */
export type SmsAdapter = { name: string; send(to: string, text: string): Promise<{ providerId?: string }> };
export type SmsAdapterFactory = (db: DbOrTx, settings: { secret: string | null }) => SmsAdapter;

/** The built-in adapter: writes each SMS to the sms_log table instead of sending it. */
export const logSmsAdapter: SmsAdapterFactory = (db) => ({
  name: 'log',
  async send(to, text) {
    const id = newId();
    await db.insertInto('smsLog').values({ id, recipient: to, text, adapter: 'log', createdAt: nowIso() }).execute();
    return { providerId: id };
  },
});

const smsAdapters = new Map<string, SmsAdapterFactory>([['log', logSmsAdapter]]);

/** Makes an SMS adapter available under `name` (call at start-up, before the dispatcher runs). */
export function registerSmsAdapter(name: string, factory: SmsAdapterFactory): void {
  smsAdapters.set(name, factory);
}

/** Names of the registered SMS adapters. */
export const smsAdapterNames = () => [...smsAdapters.keys()];

const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;

/** The SMS channel over an adapter; refuses a recipient that is not a phone number. */
export function smsChannel(adapter: SmsAdapter): Channel {
  return {
    kind: 'sms',
    async send(to, message) {
      if (!PHONE.test(to)) throw new ChannelError('sms', `not a phone number: "${to}"`, false);
      return adapter.send(to.replace(/[ -]/g, ''), message.subject);
    },
  };
}

export type NotifyChannels = Partial<Record<RobotKind | 'sms', Channel>>;

/** The enabled, configured webhook and SMS channels from the notify_channels settings (email is the dispatcher's own). */
export async function buildChannels(db: DbOrTx, opts: { timeoutMs?: number } = {}): Promise<NotifyChannels> {
  const rows = await db.selectFrom('notifyChannels').selectAll().where('enabled', '=', 1).execute();
  const out: NotifyChannels = {};
  for (const r of rows) {
    if (r.kind === 'wecom' && r.webhookUrl) out.wecom = wecomChannel({ webhookUrl: r.webhookUrl, timeoutMs: opts.timeoutMs });
    if (r.kind === 'dingtalk' && r.webhookUrl) out.dingtalk = dingtalkChannel({ webhookUrl: r.webhookUrl, secret: r.secret, timeoutMs: opts.timeoutMs });
    if (r.kind === 'sms') {
      const factory = smsAdapters.get(r.adapter ?? 'log');
      if (factory) out.sms = smsChannel(factory(db, { secret: r.secret }));
    }
  }
  return out;
}
