import { sql, type Kysely } from 'kysely';

// API key scopes and outbound webhooks (docs/api.md). `api_keys.scopes` is a JSON array of scopes,
// null for a key that has everything its role has (keys made before scopes existed). Webhooks read
// the outbox: `outbox.webhooks_at` is when a message was fanned out to the subscriptions (one
// delivery row each), set by the statement that claims it, so each message is fanned out once
// whatever number of processes run. Messages already there count as fanned out: a subscription only
// gets them by an explicit replay.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s.alterTable('api_keys').addColumn('scopes', 'text').execute();
  await s.alterTable('outbox').addColumn('webhooks_at', 'text').execute();
  await sql`update outbox set webhooks_at = created_at`.execute(db);
  await s.createIndex('outbox_webhooks_due_idx').on('outbox').column('created_at').where(sql<boolean>`webhooks_at is null`).execute();
  await s
    .createTable('webhook_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subscription_id', 'text', (c) => c.notNull().references('webhook_subscriptions.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('outbox.id'))
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    // 'live' for the fan-out, 'replay:<id>' for a replay: one delivery of an event per subscription and source.
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .execute();
  await s.createIndex('webhook_deliveries_source_uq').on('webhook_deliveries').columns(['subscription_id', 'event_id', 'source']).unique().execute();
  await s.createIndex('webhook_deliveries_due_idx').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
  await s.createIndex('webhook_deliveries_subscription_idx').on('webhook_deliveries').columns(['subscription_id', 'created_at']).execute();
  await s
    .createTable('webhook_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('delivery_id', 'text', (c) => c.notNull().references('webhook_deliveries.id').onDelete('cascade'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('response_excerpt', 'text')
    .execute();
  await s.createIndex('webhook_attempts_delivery_idx').on('webhook_attempts').columns(['delivery_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webhook_attempts').execute();
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('webhook_subscriptions').execute();
  await db.schema.dropIndex('outbox_webhooks_due_idx').execute();
  await db.schema.alterTable('outbox').dropColumn('webhooks_at').execute();
  await db.schema.alterTable('api_keys').dropColumn('scopes').execute();
}
