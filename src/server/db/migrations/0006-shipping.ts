import { sql, type Kysely } from 'kysely';
import { newId } from '../../platform/ids.js';

// Shipping: default pick bins, carriers, pick lists, packages, shipments, tracking events and the
// customer tracking token; and, on each sales order line, what is on open pick lists, picked and
// packed (always within what the line holds reserved).
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  // SQLite adds one column per ALTER TABLE.
  for (const c of ['picking', 'picked', 'packed']) {
    await s.alterTable('sales_order_lines').addColumn(c, 'bigint', (col) => col.notNull().defaultTo(0)).execute();
  }
  await s
    .createTable('product_bins')
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id').onDelete('cascade'))
    .addColumn('bin_id', 'text', (c) => c.notNull().references('bins.id').onDelete('cascade'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('product_bins_pk', ['product_id', 'warehouse_id'])
    .execute();
  await s
    .createTable('carriers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('adapter', 'text', (c) => c.notNull())
    .addColumn('tracking_required', 'integer', (c) => c.notNull())
    .addColumn('transit_days', 'integer', (c) => c.notNull())
    .addColumn('callback_secret', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  const seed: Array<[string, string, string, number, number]> = [
    ['SF', '顺丰速运', 'SF Express', 1, 1], ['ZTO', '中通快递', 'ZTO Express', 1, 3], ['YTO', '圆通速递', 'YTO Express', 1, 3],
    ['JD', '京东物流', 'JD Logistics', 1, 2], ['EMS', 'EMS', 'EMS', 1, 4], ['OWN', '自送', 'Own delivery', 0, 1],
  ];
  await db.insertInto('carriers').values(seed.map(([code, name, nameEn, trackingRequired, transitDays], i) => ({
    id: newId(), code, name, name_en: nameEn, adapter: 'manual', tracking_required: trackingRequired, transit_days: transitDays,
    callback_secret: null, sort_order: i, status: 'active', created_at: now, updated_at: now,
  }))).execute();
  await s
    .createTable('pick_lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('order_count', 'integer', (c) => c.notNull())
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await s.createIndex('pick_lists_status_idx').on('pick_lists').columns(['status', 'created_at']).execute();
  await s
    .createTable('pick_list_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pick_list_id', 'text', (c) => c.notNull().references('pick_lists.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().references('sales_orders.id'))
    .addColumn('order_line_id', 'text', (c) => c.notNull().references('sales_order_lines.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('bin_id', 'text')
    .addColumn('bin_code', 'text')
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('scanned', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('picked', 'bigint')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addCheckConstraint('pick_list_lines_ck', sql`scanned >= 0 and scanned <= quantity`)
    .execute();
  await s.createIndex('pick_list_lines_list_idx').on('pick_list_lines').columns(['pick_list_id', 'seq']).execute();
  await s.createIndex('pick_list_lines_order_idx').on('pick_list_lines').column('order_id').execute();
  await s
    .createTable('shipments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'text', (c) => c.notNull().references('sales_orders.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('carrier_id', 'text', (c) => c.notNull().references('carriers.id'))
    .addColumn('tracking_number', 'text')
    .addColumn('tracking_source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('expected_date', 'text')
    .addColumn('cost_amount', 'bigint', (c) => c.notNull())
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('shipped_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('shipments_tracking_uq', ['carrier_id', 'tracking_number'])
    .execute();
  await s.createIndex('shipments_order_idx').on('shipments').column('order_id').execute();
  await s.createIndex('shipments_shipped_idx').on('shipments').column('shipped_at').execute();
  await s
    .createTable('shipment_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shipment_id', 'text', (c) => c.notNull().references('shipments.id').onDelete('cascade'))
    .addColumn('order_line_id', 'text', (c) => c.notNull().references('sales_order_lines.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('cost_amount', 'bigint', (c) => c.notNull())
    .execute();
  await s.createIndex('shipment_lines_shipment_idx').on('shipment_lines').column('shipment_id').execute();
  await s
    .createTable('packages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('sales_orders.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('weight_g', 'integer')
    .addColumn('length_mm', 'integer')
    .addColumn('width_mm', 'integer')
    .addColumn('height_mm', 'integer')
    .addColumn('shipment_id', 'text', (c) => c.references('shipments.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('packages_order_idx').on('packages').columns(['order_id', 'status']).execute();
  await s
    .createTable('package_items')
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id').onDelete('cascade'))
    .addColumn('order_line_id', 'text', (c) => c.notNull().references('sales_order_lines.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('package_items_pk', ['package_id', 'order_line_id'])
    .execute();
  await s
    .createTable('tracking_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('carrier_id', 'text', (c) => c.notNull().references('carriers.id'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('shipment_id', 'text', (c) => c.notNull().references('shipments.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('sales_orders.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('tracking_events_uq', ['carrier_id', 'event_id'])
    .execute();
  await s.createIndex('tracking_events_order_idx').on('tracking_events').columns(['order_id', 'at']).execute();
  await s
    .createTable('order_tracking')
    .addColumn('order_id', 'text', (c) => c.primaryKey().references('sales_orders.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['order_tracking', 'tracking_events', 'package_items', 'packages', 'shipment_lines', 'shipments', 'pick_list_lines', 'pick_lists', 'carriers', 'product_bins']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  for (const c of ['packed', 'picked', 'picking']) await db.schema.alterTable('sales_order_lines').dropColumn(c).execute();
}
