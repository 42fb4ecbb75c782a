import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db/create-db.js';
import { verifyStock } from '../../src/server/modules/inventory/index.js';
import { createTestApp, dialectLabel, type TestApp, type TestClient } from '../support/index.js';

const now = new Date().toISOString();
const product = (id: string) => ({
  id, sku: id.toUpperCase(), name: id, spec: null, model: null, categoryId: null, brand: null, baseUnit: '个',
  listPrice: 0, wholesalePrice: null, costPrice: 0, taxRate: 13, attributes: '[]', notes: null, status: 'active', createdAt: now, updatedAt: now,
});
const movement = (id: string, productId: string, warehouseId: string, quantity: number) => ({
  id, at: now, kind: 'opening', productId, warehouseId, binId: null, quantity, unitCost: 1, costAmount: quantity,
  sourceType: 'test', sourceId: 'test', sourceLineId: null, reason: null, actorType: 'system', actorId: null, actorName: null,
});
const reservation = (id: string, productId: string, warehouseId: string, quantity: number) => ({
  id, productId, warehouseId, sourceType: 'test', sourceId: 'test', sourceLineId: id, quantity, createdAt: now, updatedAt: now,
});

async function inChunksOf<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/** 10,000 products × 2 warehouses, each balance with one movement and (mostly) one reservation, costs per product. */
async function seedLedger(db: Db) {
  await db.insertInto('warehouses').values(['w1', 'w2'].map((id) => ({ id, code: id, name: id, address: null, manager: null, phone: null, isDefault: 0, notes: null, status: 'active', createdAt: now, updatedAt: now }))).execute();
  const ids = Array.from({ length: 10_000 }, (_, i) => `p${String(i).padStart(5, '0')}`);
  const levels = ids.flatMap((p, i) => ['w1', 'w2'].map((w) => ({ productId: p, warehouseId: w, onHand: 10 + (i % 7), reserved: i % 3, updatedAt: now })));
  await db.transaction().execute(async (trx) => {
    await inChunksOf(ids, (c) => trx.insertInto('products').values(c.map(product)).execute());
    await inChunksOf(levels, (c) => trx.insertInto('stockLevels').values(c).execute());
    await inChunksOf(levels, (c) => trx.insertInto('stockMovements').values(c.map((l) => movement(`m${l.productId}${l.warehouseId}`, l.productId, l.warehouseId, l.onHand))).execute());
    await inChunksOf(levels.filter((l) => l.reserved > 0), (c) => trx.insertInto('stockReservations').values(c.map((l) => reservation(`r${l.productId}${l.warehouseId}`, l.productId, l.warehouseId, l.reserved))).execute());
    const costs = ids.map((p, i) => ({ productId: p, quantity: 2 * (10 + (i % 7)), value: 0, lastDelta: 0, updatedAt: now }));
    await inChunksOf(costs, (c) => trx.insertInto('productCosts').values(c).execute());
  });
}

describe(`verify-stock on a large ledger ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    await seedLedger(t.db);
  });
  afterAll(() => t.close());

  it('checks 20,000 balances in under 3 s (full outer joins took 26 s on SQLite)', async () => {
    const start = performance.now();
    const res = await admin.get('/api/v1/admin/verify-stock');
    const ms = performance.now() - start;
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    expect(res.body).toEqual({ ok: true, checked: { levels: 20_000, products: 10_000 }, mismatches: [] });
    expect(ms).toBeLessThan(3000);
  });

  it('reports every mismatch in both directions', async () => {
    await t.db.insertInto('products').values(['x1', 'x2', 'x3', 'x4'].map(product)).execute();
    await t.db.updateTable('stockLevels').set({ onHand: 99 }).where('productId', '=', 'p00001').where('warehouseId', '=', 'w1').execute(); // was 11
    await t.db.insertInto('stockMovements').values(movement('mx1', 'x1', 'w1', 7)).execute(); // movements without a balance row
    await t.db.insertInto('stockLevels').values({ productId: 'x2', warehouseId: 'w2', onHand: 5, reserved: 0, updatedAt: now }).execute(); // a balance without movements or cost
    await t.db.updateTable('stockLevels').set({ reserved: 9 }).where('productId', '=', 'p00002').where('warehouseId', '=', 'w2').execute(); // was 2
    await t.db.insertInto('stockReservations').values(reservation('rx3', 'x3', 'w1', 3)).execute(); // a reservation without a balance row
    await t.db.insertInto('productCosts').values({ productId: 'x4', quantity: 4, value: 40, lastDelta: 0, updatedAt: now }).execute(); // a cost without balances
    await t.db.updateTable('productCosts').set({ value: -5 }).where('productId', '=', 'p00003').execute(); // a negative value
    await t.db.insertInto('productCosts').values({ productId: 'x1', quantity: 0, value: 7, lastDelta: 0, updatedAt: now }).execute(); // value with nothing costed
    const report = await verifyStock(t.db);
    const sorted = [...report.mismatches].sort((a, b) => `${a.kind}${a.productId}`.localeCompare(`${b.kind}${b.productId}`));
    expect(sorted).toEqual([
      { kind: 'cost_quantity', productId: 'p00001', warehouseId: null, expected: 110, actual: 22 },
      { kind: 'cost_quantity', productId: 'x2', warehouseId: null, expected: 5, actual: 0 },
      { kind: 'cost_quantity', productId: 'x4', warehouseId: null, expected: 0, actual: 4 },
      { kind: 'cost_value', productId: 'p00003', warehouseId: null, expected: 0, actual: -5 },
      { kind: 'cost_value', productId: 'x1', warehouseId: null, expected: 0, actual: 7 },
      { kind: 'on_hand', productId: 'p00001', warehouseId: 'w1', expected: 11, actual: 99 },
      { kind: 'on_hand', productId: 'x1', warehouseId: 'w1', expected: 7, actual: 0 },
      { kind: 'on_hand', productId: 'x2', warehouseId: 'w2', expected: 0, actual: 5 },
      { kind: 'reserved', productId: 'p00002', warehouseId: 'w2', expected: 2, actual: 9 },
      { kind: 'reserved', productId: 'x3', warehouseId: 'w1', expected: 3, actual: 0 },
    ]);
    expect(report.ok).toBe(false);
  });
});
