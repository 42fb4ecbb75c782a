import type { Kysely } from 'kysely';

// Customer feedback (a rating link sent with the delivered notice) and complaints (投诉) with their
// history and the SLA hours per category.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('feedback_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().unique().references('sales_orders.id'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('rating', 'integer')
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .execute();
  await s.createIndex('feedback_requests_answered_idx').on('feedback_requests').column('answered_at').execute();
  await s
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('sales_orders.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('complaints_order_idx').on('complaints').column('order_id').execute();
  await s.createIndex('complaints_status_due_idx').on('complaints').columns(['status', 'due_at']).execute();
  await s
    .createTable('complaint_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('comment', 'text')
    .addColumn('actor_name', 'text')
    .execute();
  await s.createIndex('complaint_history_complaint_idx').on('complaint_history').columns(['complaint_id', 'at']).execute();
  await s
    .createTable('complaint_sla')
    .addColumn('category', 'text', (c) => c.primaryKey())
    .addColumn('hours', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('complaint_sla').values([
    { category: 'logistics', hours: 24 }, { category: 'quality', hours: 48 }, { category: 'service', hours: 24 },
    { category: 'price', hours: 24 }, { category: 'other', hours: 24 },
  ]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['complaint_sla', 'complaint_history', 'complaints', 'feedback_requests']) await db.schema.dropTable(t).execute();
}
