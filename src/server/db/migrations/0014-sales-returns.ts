import type { Kysely } from 'kysely';

// Sales returns (销售退货单 TH-…): the request with its lines, what each order line has had asked
// back on open or finished returns (the guard against over-return), the return's history, the
// return policy (window, auto-approval threshold, approver role) and per-category windows.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('sales_returns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'text', (c) => c.notNull().references('sales_orders.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('requested_value', 'bigint', (c) => c.notNull())
    .addColumn('approval_role', 'text')
    .addColumn('approval_reasons', 'text')
    .addColumn('decision_comment', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('write_off_amount', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('refund_amount', 'bigint')
    .addColumn('restocking_fee', 'bigint')
    .addColumn('refund_method', 'text')
    .addColumn('refund_reference', 'text')
    .addColumn('exchange_order_id', 'text', (c) => c.references('sales_orders.id'))
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('sales_returns_order_idx').on('sales_returns').column('order_id').execute();
  await s.createIndex('sales_returns_customer_idx').on('sales_returns').columns(['customer_id', 'created_at']).execute();
  await s.createIndex('sales_returns_created_idx').on('sales_returns').column('created_at').execute();
  await s
    .createTable('sales_return_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('return_id', 'text', (c) => c.notNull().references('sales_returns.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('order_line_id', 'text', (c) => c.notNull().references('sales_order_lines.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('factor', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('base_quantity', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('paid_amount', 'bigint', (c) => c.notNull())
    .addColumn('received', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('grade', 'text')
    .addColumn('disposition', 'text')
    .addColumn('warehouse_id', 'text', (c) => c.references('warehouses.id'))
    .addColumn('unit_cost', 'bigint')
    .addColumn('cost_amount', 'bigint')
    .addColumn('write_off_amount', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await s.createIndex('sales_return_lines_return_idx').on('sales_return_lines').columns(['return_id', 'line_no']).execute();
  await s.createIndex('sales_return_lines_order_line_idx').on('sales_return_lines').column('order_line_id').execute();
  await s
    .createTable('sales_return_quantities')
    .addColumn('order_line_id', 'text', (c) => c.primaryKey().references('sales_order_lines.id'))
    .addColumn('requested', 'bigint', (c) => c.notNull())
    .execute();
  await s
    .createTable('sales_return_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('return_id', 'text', (c) => c.notNull().references('sales_returns.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('actor_name', 'text')
    .execute();
  await s.createIndex('sales_return_history_return_idx').on('sales_return_history').columns(['return_id', 'at']).execute();
  await s
    .createTable('return_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('window_days', 'integer', (c) => c.notNull())
    .addColumn('auto_approve_max', 'bigint', (c) => c.notNull())
    .addColumn('approver_role', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createTable('return_category_windows')
    .addColumn('category_id', 'text', (c) => c.primaryKey().references('categories.id').onDelete('cascade'))
    .addColumn('window_days', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('return_settings').values({ id: 'default', window_days: 30, auto_approve_max: 50000, approver_role: 'admin', updated_at: new Date().toISOString() }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['return_category_windows', 'return_settings', 'sales_return_history', 'sales_return_quantities', 'sales_return_lines', 'sales_returns']) {
    await db.schema.dropTable(t).execute();
  }
}
