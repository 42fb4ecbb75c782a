import type { Config } from '../../config.js';
import type { Db, DbOrTx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { emailChannel, smtpFromUrl, type SmtpSettings } from './email.js';

export type NotifySettingsInput = {
  host?: string | null; port?: number; secure?: boolean; user?: string | null; password?: string | null; from?: string | null;
  shopName?: string | null; maxAttempts?: number;
};

const DEFAULT_SHOP_NAME = 'jxc';

const settingsRow = (db: DbOrTx) => db.selectFrom('notifySettings').selectAll().where('id', '=', 'default').executeTakeFirstOrThrow();

/** The SMTP server in force: JXC_SMTP_URL when set, else the saved settings when host and sender are filled in, else null. */
export async function smtpSettings(db: DbOrTx, config: Config): Promise<SmtpSettings | null> {
  const row = await settingsRow(db);
  if (config.smtpUrl) return smtpFromUrl(config.smtpUrl, config.smtpFrom ?? row.smtpFrom ?? undefined);
  if (!row.smtpHost || !row.smtpFrom) return null;
  return { host: row.smtpHost, port: row.smtpPort, secure: row.smtpSecure === 1, user: row.smtpUser, password: row.smtpPassword, from: row.smtpFrom };
}

/** What the dispatcher needs besides the SMTP server: the shop's name for templates and how often to try. */
export async function dispatchSettings(db: DbOrTx): Promise<{ shopName: string; maxAttempts: number }> {
  const row = await settingsRow(db);
  return { shopName: row.shopName ?? DEFAULT_SHOP_NAME, maxAttempts: row.maxAttempts };
}

/** The settings as an admin sees them: the password never, only whether one is saved. */
export async function getNotifySettings(db: DbOrTx, config: Config) {
  const row = await settingsRow(db);
  const env = config.smtpUrl ? smtpFromUrl(config.smtpUrl, config.smtpFrom ?? row.smtpFrom ?? undefined) : null;
  return {
    source: env ? ('env' as const) : ('settings' as const),
    host: env?.host ?? row.smtpHost, port: env?.port ?? row.smtpPort, secure: env?.secure ?? row.smtpSecure === 1,
    user: env ? env.user : row.smtpUser, passwordSet: env ? env.password !== null : row.smtpPassword !== null,
    from: env?.from ?? row.smtpFrom, shopName: row.shopName, maxAttempts: row.maxAttempts,
    configured: env !== null || (row.smtpHost !== null && row.smtpFrom !== null),
    updatedAt: row.updatedAt,
  };
}

/** Saves the fields given (password: omitted keeps it, null clears it), audited without the password. */
export async function updateNotifySettings(db: Db, config: Config, actor: Actor, input: NotifySettingsInput) {
  await db.transaction().execute(async (trx) => {
    const before = await getNotifySettings(trx, config);
    const set = {
      ...(input.host !== undefined ? { smtpHost: input.host } : {}),
      ...(input.port !== undefined ? { smtpPort: input.port } : {}),
      ...(input.secure !== undefined ? { smtpSecure: input.secure ? 1 : 0 } : {}),
      ...(input.user !== undefined ? { smtpUser: input.user } : {}),
      ...(input.password !== undefined ? { smtpPassword: input.password } : {}),
      ...(input.from !== undefined ? { smtpFrom: input.from } : {}),
      ...(input.shopName !== undefined ? { shopName: input.shopName } : {}),
      ...(input.maxAttempts !== undefined ? { maxAttempts: input.maxAttempts } : {}),
    };
    await trx.updateTable('notifySettings').set({ ...set, updatedBy: actor.id, updatedAt: nowIso() }).where('id', '=', 'default').execute();
    const after = await getNotifySettings(trx, config);
    await writeAudit(trx, actor, { action: 'update', entity: 'notifySettings', entityId: 'default', summary: 'notification settings', before, after });
  });
  return getNotifySettings(db, config);
}

/** Sends a test email now; SMTP_FAILED (422) with the server's reply when it fails, SMTP_NOT_CONFIGURED without a server. */
export async function sendTestEmail(db: DbOrTx, config: Config, to: string, opts: { timeoutMs?: number } = {}) {
  const settings = await smtpSettings(db, config);
  if (!settings) throw new DomainError('SMTP_NOT_CONFIGURED');
  const { shopName } = await dispatchSettings(db);
  const channel = emailChannel({ ...settings }, opts);
  try {
    const text = `这是来自 ${shopName} 的测试邮件，邮件设置可以正常使用。\nThis is a test message from ${shopName}: the email settings work.`;
    const sent = await channel.send(to, { subject: `【${shopName}】测试邮件 / Test email`, text, html: `<p>${escapeHtml(text).replace('\n', '<br>')}</p>`, markdown: text });
    return { ok: true as const, to, providerId: sent.providerId };
  } catch (err) {
    const e = err as Error & { smtp?: { code?: string; responseCode?: number; response?: string } };
    throw new DomainError('SMTP_FAILED', { reason: e.message }, { host: settings.host, port: settings.port, ...e.smtp });
  } finally {
    channel.close();
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
