import { sql, type Kysely } from 'kysely';

// Purchasing, second part: purchase returns (采购退货单 CGTH-…) against a receipt with what each
// receipt line has had returned, a minimal supplier payable ledger (应付: receipts add, returns
// credit; finance builds on it), reorder rules per product × warehouse (再订货点/安全库存 or
// 最低/最高库存) with the state of their alert, a priority on sales orders for allocating
// backorders, and the supplier's pack size per product for rounding suggestions.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s.alterTable('purchase_receipt_lines').addColumn('returned', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await s
    .createTable('purchase_returns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('receipt_id', 'text', (c) => c.notNull().references('purchase_receipts.id'))
    .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('cost_amount', 'bigint', (c) => c.notNull())
    .addColumn('credit_net', 'bigint', (c) => c.notNull())
    .addColumn('credit_tax', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('purchase_returns_receipt_idx').on('purchase_returns').column('receipt_id').execute();
  await s.createIndex('purchase_returns_created_idx').on('purchase_returns').column('created_at').execute();
  await s
    .createTable('purchase_return_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('return_id', 'text', (c) => c.notNull().references('purchase_returns.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('receipt_line_id', 'text', (c) => c.notNull().references('purchase_receipt_lines.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('factor', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('base_quantity', 'bigint', (c) => c.notNull())
    .addColumn('unit_cost', 'bigint', (c) => c.notNull())
    .addColumn('credit_amount', 'bigint', (c) => c.notNull())
    .addColumn('cost_amount', 'bigint', (c) => c.notNull())
    .execute();
  await s.createIndex('purchase_return_lines_return_idx').on('purchase_return_lines').columns(['return_id', 'line_no']).execute();
  await s
    .createTable('supplier_payables')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('source_number', 'text', (c) => c.notNull())
    .addColumn('net', 'bigint', (c) => c.notNull())
    .addColumn('tax', 'bigint', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('supplier_payables_supplier_idx').on('supplier_payables').columns(['supplier_id', 'created_at']).execute();
  await s
    .createTable('reorder_rules')
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('reorder_point', 'bigint', (c) => c.notNull())
    .addColumn('safety_stock', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('max_stock', 'bigint')
    .addColumn('supplier_id', 'text', (c) => c.references('suppliers.id'))
    .addColumn('below_since', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reorder_rules_pk', ['product_id', 'warehouse_id'])
    .addCheckConstraint('reorder_rules_ck', sql`reorder_point >= 0 and safety_stock >= 0 and (max_stock is null or max_stock >= reorder_point)`)
    .execute();
  await s.createIndex('reorder_rules_warehouse_idx').on('reorder_rules').column('warehouse_id').execute();
  await s.alterTable('sales_orders').addColumn('priority', 'text', (c) => c.notNull().defaultTo('normal')).execute();
  await s.createIndex('sales_order_lines_product_wh_idx').on('sales_order_lines').columns(['product_id', 'warehouse_id']).execute();
  await s.alterTable('supplier_products').addColumn('pack_size', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('supplier_products').dropColumn('pack_size').execute();
  await db.schema.dropIndex('sales_order_lines_product_wh_idx').ifExists().execute();
  await db.schema.alterTable('sales_orders').dropColumn('priority').execute();
  for (const t of ['reorder_rules', 'supplier_payables', 'purchase_return_lines', 'purchase_returns']) await db.schema.dropTable(t).ifExists().execute();
  await db.schema.alterTable('purchase_receipt_lines').dropColumn('returned').execute();
}
