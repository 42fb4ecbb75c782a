import { sql, type Kysely } from 'kysely';

// Purchasing: purchase orders (采购订单 PO-…) with their lines and what each line has received,
// purchase receipts (采购入库单 RK-…) against an order or unplanned, and the purchasing settings
// (over-receipt tolerance, the approval threshold and who approves).
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('purchase_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('prices_include_tax', 'integer', (c) => c.notNull())
    .addColumn('gross', 'bigint', (c) => c.notNull())
    .addColumn('net', 'bigint', (c) => c.notNull())
    .addColumn('tax', 'bigint', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addColumn('order_date', 'text', (c) => c.notNull())
    .addColumn('expected_date', 'text')
    .addColumn('over_receipt_bp', 'integer')
    .addColumn('notes', 'text')
    .addColumn('approval_reasons', 'text')
    .addColumn('approval_role', 'text')
    .addColumn('approval_comment', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('ordered_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('purchase_orders_supplier_idx').on('purchase_orders').column('supplier_id').execute();
  await s.createIndex('purchase_orders_status_idx').on('purchase_orders').columns(['status', 'created_at']).execute();
  await s
    .createTable('purchase_order_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('purchase_orders.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('factor', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('base_quantity', 'bigint', (c) => c.notNull())
    .addColumn('unit_price', 'bigint', (c) => c.notNull())
    .addColumn('tax_rate', 'integer', (c) => c.notNull())
    .addColumn('gross', 'bigint', (c) => c.notNull())
    .addColumn('net', 'bigint', (c) => c.notNull())
    .addColumn('tax', 'bigint', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addColumn('expected_date', 'text')
    .addColumn('received', 'bigint', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('purchase_order_lines_ck', sql`received >= 0 and base_quantity > 0`)
    .execute();
  await s.createIndex('purchase_order_lines_order_idx').on('purchase_order_lines').columns(['order_id', 'line_no']).execute();
  await s.createIndex('purchase_order_lines_product_idx').on('purchase_order_lines').columns(['product_id', 'warehouse_id']).execute();
  await s
    .createTable('purchase_receipts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'text', (c) => c.references('purchase_orders.id'))
    .addColumn('supplier_id', 'text', (c) => c.references('suppliers.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('cost_amount', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('purchase_receipts_order_idx').on('purchase_receipts').column('order_id').execute();
  await s.createIndex('purchase_receipts_created_idx').on('purchase_receipts').column('created_at').execute();
  await s
    .createTable('purchase_receipt_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('receipt_id', 'text', (c) => c.notNull().references('purchase_receipts.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('order_line_id', 'text', (c) => c.references('purchase_order_lines.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('bin_id', 'text')
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('factor', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('base_quantity', 'bigint', (c) => c.notNull())
    .addColumn('unit_cost', 'bigint', (c) => c.notNull())
    .addColumn('cost_amount', 'bigint', (c) => c.notNull())
    .execute();
  await s.createIndex('purchase_receipt_lines_receipt_idx').on('purchase_receipt_lines').columns(['receipt_id', 'line_no']).execute();
  await s.createIndex('purchase_receipt_lines_order_line_idx').on('purchase_receipt_lines').column('order_line_id').execute();
  await s
    .createTable('purchasing_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('over_receipt_bp', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('approval_threshold', 'bigint')
    .addColumn('approver_role', 'text', (c) => c.notNull().defaultTo('admin'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('purchasing_settings').values({ id: 'default', over_receipt_bp: 0, approval_threshold: null, approver_role: 'admin', updated_at: new Date().toISOString() }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['purchasing_settings', 'purchase_receipt_lines', 'purchase_receipts', 'purchase_order_lines', 'purchase_orders']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
