import type { Db, DbOrTx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { buildChannels, ChannelError, smsAdapterNames } from './channels.js';
import { exampleData } from './notification-events.js';
import { eventOrThrow, render, type Lang } from './templates.js';

export type ChannelKind = 'wecom' | 'dingtalk' | 'sms';
export type ChannelPatch = { enabled?: boolean; webhookUrl?: string | null; secret?: string | null; adapter?: string };

type Row = { kind: string; enabled: number; webhookUrl: string | null; secret: string | null; adapter: string | null; updatedAt: string };
// The secret is write-only: replies and the audit log only say whether one is set.
const view = (r: Row) => ({ kind: r.kind as ChannelKind, enabled: r.enabled === 1, webhookUrl: r.webhookUrl, secretSet: Boolean(r.secret), adapter: r.adapter, updatedAt: r.updatedAt });

const rowOf = (db: DbOrTx, kind: ChannelKind) => db.selectFrom('notifyChannels').selectAll().where('kind', '=', kind).executeTakeFirstOrThrow();

/** The settings of the WeCom, DingTalk and SMS channels. */
export async function listChannels(db: DbOrTx) {
  const rows = await db.selectFrom('notifyChannels').selectAll().orderBy('kind').execute();
  return rows.map(view);
}

const invalid = (field: string, zh: string, en: string) => new DomainError('VALIDATION_FAILED', { summary: field }, [{ field, message: { zh, en } }]);

/** Changes a channel's settings; a robot cannot be enabled without a webhook URL. Audited. */
export async function updateChannel(db: Db, actor: Actor, kind: ChannelKind, patch: ChannelPatch) {
  if (patch.adapter !== undefined && kind !== 'sms') throw invalid('adapter', '只有短信渠道有适配器', 'Only the SMS channel has an adapter');
  if (patch.adapter !== undefined && !smsAdapterNames().includes(patch.adapter)) {
    throw invalid('adapter', `没有名为「${patch.adapter}」的短信适配器（可用：${smsAdapterNames().join('、')}）`, `No SMS adapter "${patch.adapter}" (available: ${smsAdapterNames().join(', ')})`);
  }
  return db.transaction().execute(async (trx) => {
    const before = await rowOf(trx, kind);
    const changes = {
      ...(patch.enabled === undefined ? {} : { enabled: patch.enabled ? 1 : 0 }),
      ...(patch.webhookUrl === undefined ? {} : { webhookUrl: patch.webhookUrl || null }),
      ...(patch.secret === undefined ? {} : { secret: patch.secret || null }),
      ...(patch.adapter === undefined ? {} : { adapter: patch.adapter }),
    };
    const after = { ...before, ...changes, updatedAt: nowIso() };
    if (after.enabled === 1 && kind !== 'sms' && !after.webhookUrl) throw invalid('webhookUrl', '启用群机器人前请填写 Webhook 地址', 'Set the webhook URL before enabling the robot');
    await trx.updateTable('notifyChannels').set({ ...changes, updatedAt: after.updatedAt }).where('kind', '=', kind).execute();
    await writeAudit(trx, actor, { action: 'update', entity: 'notifyChannel', entityId: kind, summary: kind, before: view(before), after: view(after) });
    return view(after);
  });
}

/** Sends an event's example message through a channel now; NOTIFY_CHANNEL_FAILED with the channel's error. */
export async function testChannel(db: Db, kind: ChannelKind, input: { to?: string; event?: string; lang?: Lang }) {
  const channel = (await buildChannels(db))[kind];
  if (!channel) throw new DomainError('NOTIFY_CHANNEL_FAILED', { channel: kind, reason: { zh: '渠道未启用或未配置', en: 'the channel is not enabled or not set up' } });
  const e = eventOrThrow(input.event ?? 'order.confirmed');
  const message = await render(db, e.event, input.lang ?? 'zh-CN', exampleData(e));
  try {
    return { ok: true as const, ...(await channel.send(input.to ?? 'test', message)) };
  } catch (err) {
    if (err instanceof ChannelError) throw new DomainError('NOTIFY_CHANNEL_FAILED', { channel: kind, reason: err.message });
    throw err;
  }
}
