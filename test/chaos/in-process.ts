import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Db, DialectName } from '../../src/server/db/create-db.js';
import type { Json, Reply, TestApp, TestClient } from '../support/index.js';

// Helpers for the chaos files that run the app in-process (app.inject) on each database.

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set, and always under CI=true. */
export const chaosDialects: DialectName[] = process.env.TEST_DATABASE_URL || process.env.CI === 'true' ? ['sqlite', 'postgres'] : ['sqlite'];

/** Every table's name: sqlite_master on SQLite, information_schema on PostgreSQL. */
export async function tableNames(db: Db, dialect: DialectName): Promise<string[]> {
  const q = dialect === 'sqlite'
    ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`
    : sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`;
  return (await q.execute(db)).rows.map((r) => r.name);
}

export type Fingerprint = Record<string, { rows: number; hash: string }>;

/**
 * Row count and a hash of every row of every table (all but `exclude`; columns in `omit` left out
 * of the hash). Rows are serialised and sorted, which orders them as the primary key would and
 * needs no key lookup per table.
 */
export async function fingerprint(db: Db, dialect: DialectName, exclude: readonly string[] = [], omit: Record<string, string[]> = {}): Promise<Fingerprint> {
  const out: Fingerprint = {};
  for (const name of await tableNames(db, dialect)) {
    if (exclude.includes(name)) continue;
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    for (const r of rows) for (const c of omit[name] ?? []) delete r[c];
    const lines = rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v))).sort();
    const hash = createHash('sha256');
    for (const l of lines) hash.update(l).update('\n');
    out[name] = { rows: rows.length, hash: hash.digest('hex') };
  }
  return out;
}

/** The tables whose fingerprint differs, with their row counts before and after. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n]?.hash !== after[n]?.hash).map((n) => `${n} (${before[n]?.rows ?? '-'} → ${after[n]?.rows ?? '-'} rows)`);
}

/** Asserts a 2xx and returns the body. */
export function ok(res: Reply): Json {
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}

/** Asserts the standard error body: `{ error: { code, message } }` with non-empty strings. */
export function expectEnvelope(res: { status: number; body: Json }, what: string): void {
  const e = res.body?.error;
  expect(typeof e?.code === 'string' && e.code !== '' && typeof e.message === 'string' && e.message !== '', `${what}: ${res.status} without the error envelope: ${JSON.stringify(res.body)?.slice(0, 500)}`).toBe(true);
}

export type World = {
  admin: TestClient;
  ids: Record<string, string>;
};

/**
 * A small business: two warehouses, a category, three products with stock, a customer, a
 * supplier, a confirmed and shipped sales order, an ordered purchase order, a payment received.
 * `ids` maps a collection's path segment (sales-orders, products, …) to one of its ids.
 */
export async function seedWorld(t: TestApp): Promise<World> {
  const admin = await t.setupAdmin();
  const w1 = ok(await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true, bins: [{ code: 'A-01' }] }));
  const w2 = ok(await admin.post('/api/v1/warehouses', { code: 'W2', name: '南仓' }));
  const category = ok(await admin.post('/api/v1/categories', { name: '饮料' }));
  const cola = ok(await admin.post('/api/v1/products', { sku: 'COLA', name: '可乐', baseUnit: '瓶', categoryId: category.id, units: [{ name: '箱', factor: 6 }], barcodes: [{ barcode: '6900000000011' }], listPrice: 350, costPrice: 200 }));
  const tea = ok(await admin.post('/api/v1/products', { sku: 'TEA', name: '绿茶', baseUnit: '瓶', listPrice: 400 }));
  const nuts = ok(await admin.post('/api/v1/products', { sku: 'NUTS', name: '坚果', baseUnit: '袋', listPrice: 900 }));
  ok(await admin.post('/api/v1/stock/opening', { warehouseId: w1.id, lines: [{ productId: cola.id, quantity: 500, unitCost: 200 }, { productId: tea.id, quantity: 300, unitCost: 250 }, { productId: nuts.id, quantity: 100, unitCost: 600 }] }));
  ok(await admin.post('/api/v1/stock/opening', { warehouseId: w2.id, lines: [{ productId: tea.id, quantity: 50, unitCost: 250 }] }));
  const customer = ok(await admin.post('/api/v1/customers', { code: 'C1', name: '便利店', addresses: [{ address: '中山路 1 号', city: '厦门', recipient: '王五', isDefault: true }] }));
  const supplier = ok(await admin.post('/api/v1/suppliers', { code: 'S1', name: '饮料批发' }));
  const order = ok(await admin.post('/api/v1/sales-orders', { customerId: customer.id, warehouseId: w1.id, confirm: true, lines: [{ productId: cola.id, quantity: 12 }, { productId: tea.id, quantity: 5 }] }));
  const carriers = ok(await admin.get('/api/v1/carriers'));
  const own = carriers.items.find((c: Json) => c.code === 'OWN') ?? carriers.items[0];
  const shipped = ok(await admin.post('/api/v1/sales-orders', { customerId: customer.id, warehouseId: w1.id, confirm: true, lines: [{ productId: nuts.id, quantity: 2 }] }));
  const shipment = ok(await admin.post('/api/v1/shipments', { orderId: shipped.id, carrierId: own.id }));
  const po = ok(await admin.post('/api/v1/purchase-orders', { supplierId: supplier.id, warehouseId: w1.id, lines: [{ productId: tea.id, quantity: 24 }] }));
  const payment = ok(await admin.post('/api/v1/finance/receivables/payments', { customerId: customer.id, amount: 1000 }));
  const me = ok(await admin.get('/api/v1/auth/me'));
  return {
    admin,
    ids: {
      warehouses: w1.id, warehouseId: w1.id, categories: category.id, products: cola.id, productId: cola.id, customers: customer.id, suppliers: supplier.id,
      'sales-orders': order.id, orders: order.id, shipments: shipment.id, carriers: own.id, 'purchase-orders': po.id, payments: payment.id, users: me.user.id,
      customerId: customer.id, supplierId: supplier.id, orderId: order.id, carrierId: own.id,
    },
  };
}
