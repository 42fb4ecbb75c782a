import type { Kysely } from 'kysely';

// Message templates edited by an admin (per event and language; the built-in defaults live in code),
// the settings of the WeCom/DingTalk group robots and the SMS adapter, and the log the built-in SMS
// adapter writes to.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('message_templates')
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_templates_pk', ['event', 'lang'])
    .execute();
  await s
    .createTable('notify_channels')
    .addColumn('kind', 'text', (c) => c.primaryKey())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('webhook_url', 'text')
    .addColumn('secret', 'text')
    .addColumn('adapter', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  await db.insertInto('notify_channels').values([
    { kind: 'wecom', enabled: 0, updated_at: now },
    { kind: 'dingtalk', enabled: 0, updated_at: now },
    { kind: 'sms', enabled: 0, adapter: 'log', updated_at: now },
  ]).execute();
  await s
    .createTable('sms_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('adapter', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('sms_log_created_idx').on('sms_log').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sms_log').execute();
  await db.schema.dropTable('notify_channels').execute();
  await db.schema.dropTable('message_templates').execute();
}
