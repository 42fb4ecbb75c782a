import nodemailer from 'nodemailer';
import { ChannelError, type Channel } from './channels.js';
import type { RenderedMessage } from './templates.js';

// The email channel: nodemailer over SMTP. A connection pool per settings; errors become a
// ChannelError that says what the server answered, retryable unless the server refused for good (5xx).

export type SmtpSettings = { host: string; port: number; secure: boolean; user: string | null; password: string | null; from: string };
export type EmailChannel = Channel & {
  send(to: string, message: RenderedMessage, opts?: { messageId?: string }): Promise<{ providerId?: string }>;
  close(): void;
};

export const DEFAULT_SMTP_TIMEOUT_MS = 30_000;

/** SMTP settings from a `smtp://user:password@host:port` (STARTTLS when offered) or `smtps://…` (TLS from the start) URL. */
export function smtpFromUrl(url: string, from: string | undefined): SmtpSettings {
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  const user = u.username ? decodeURIComponent(u.username) : null;
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    user,
    password: u.password ? decodeURIComponent(u.password) : null,
    from: from ?? u.searchParams.get('from') ?? user ?? `jxc@${u.hostname}`,
  };
}

type SmtpFailure = Error & { code?: string; responseCode?: number; response?: string; command?: string };

/** The channel error for a nodemailer failure: the server's reply when there is one, else the network error. */
export function smtpError(err: unknown, settings: Pick<SmtpSettings, 'host' | 'port'>): ChannelError & { smtp: { code?: string; responseCode?: number; response?: string } } {
  const e = err as SmtpFailure;
  const where = `${settings.host}:${settings.port}`;
  const reason = e.response
    ? `SMTP server ${where} answered${e.command ? ` ${e.command}` : ''}: ${e.response}`
    : `SMTP server ${where}: ${e.code ? `${e.code} ` : ''}${e.message}`;
  // 5xx is a permanent refusal (no such mailbox, relaying denied, bad credentials): retrying cannot help.
  const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.code !== 'ECONNECTION';
  return Object.assign(new ChannelError('email', reason, !permanent), { smtp: { code: e.code, responseCode: e.responseCode, response: e.response } });
}

/** An email channel sending through `settings` (pooled connections; close() when done). */
export function emailChannel(settings: SmtpSettings, opts: { timeoutMs?: number } = {}): EmailChannel {
  const timeout = opts.timeoutMs ?? DEFAULT_SMTP_TIMEOUT_MS;
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    pool: true,
    maxConnections: 3,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    kind: 'email',
    async send(to: string, message: RenderedMessage, sendOpts: { messageId?: string } = {}) {
      try {
        const info = await transport.sendMail({
          from: settings.from, to, subject: message.subject, text: message.text, html: message.html,
          ...(sendOpts.messageId ? { messageId: sendOpts.messageId } : {}),
        });
        return { providerId: info.messageId };
      } catch (err) {
        throw smtpError(err, settings);
      }
    },
    close: () => transport.close(),
  };
}
