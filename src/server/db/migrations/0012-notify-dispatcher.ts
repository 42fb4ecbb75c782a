import { sql, type Kysely } from 'kysely';

// The outbox dispatcher: a claim lease on each message (who holds it, until when), a log row per
// delivery attempt (one `sent` row per message, channel and recipient at most) and the email
// channel's settings (one row). Messages already in the outbox were written before anything sent
// them; they become `dead` so an admin can resend what still matters instead of customers getting
// old notices.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s.alterTable('outbox').addColumn('locked_until', 'text').execute();
  await s.alterTable('outbox').addColumn('locked_by', 'text').execute();
  await db.updateTable('outbox').set({ status: 'dead', last_error: 'written before the dispatcher existed (migration 0012); resend to send it' }).where('status', '=', 'pending').execute();
  await s.createIndex('outbox_created_idx').on('outbox').column('created_at').execute();
  await s
    .createTable('message_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('outbox_id', 'text', (c) => c.notNull().references('outbox.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('provider_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('message_deliveries_outbox_idx').on('message_deliveries').columns(['outbox_id', 'at']).execute();
  // The database refuses a second `sent` row for one message, channel and recipient.
  await s.createIndex('message_deliveries_sent_uq').on('message_deliveries').columns(['outbox_id', 'channel', 'recipient']).unique().where(sql<boolean>`status = 'sent'`).execute();
  await s
    .createTable('notify_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('smtp_host', 'text')
    .addColumn('smtp_port', 'integer', (c) => c.notNull().defaultTo(465))
    .addColumn('smtp_secure', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('smtp_user', 'text')
    .addColumn('smtp_password', 'text')
    .addColumn('smtp_from', 'text')
    .addColumn('shop_name', 'text')
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(8))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('notify_settings').values({ id: 'default', updated_at: new Date().toISOString() }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notify_settings').execute();
  await db.schema.dropTable('message_deliveries').execute();
  await db.schema.dropIndex('outbox_created_idx').execute();
  await db.schema.alterTable('outbox').dropColumn('locked_by').execute();
  await db.schema.alterTable('outbox').dropColumn('locked_until').execute();
}
