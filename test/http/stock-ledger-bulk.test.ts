import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../src/server/db/create-db.js';
import { changeStock, verifyStock } from '../../src/server/modules/inventory/index.js';
import type { StockMove } from '../../src/server/modules/inventory/stock-ledger.js';
import { systemActor } from '../../src/server/platform/actor.js';
import { DomainError } from '../../src/server/platform/errors.js';
import { createTestApp, dialectLabel, type TestApp } from '../support/index.js';

// Documents of many products: on PostgreSQL the ledger books them set-based (stock-ledger-bulk.ts),
// on SQLite row by row. Both must give exactly what the moving-average rules give by hand.

const now = new Date().toISOString();
const product = (id: string, costPrice: number) => ({
  id, sku: id.toUpperCase(), name: id, spec: null, model: null, categoryId: null, brand: null, baseUnit: '个',
  listPrice: 0, wholesalePrice: null, costPrice, taxRate: 13, attributes: '[]', notes: null, status: 'active', createdAt: now, updatedAt: now,
});
const ids = Array.from({ length: 40 }, (_, i) => `b${String(i).padStart(2, '0')}`);
const actor = systemActor('bulk test');

/** The ledger's cost rules in plain numbers (decisions.md §8, §14). */
class Model {
  cost = new Map<string, { quantity: number; value: number }>();
  level = new Map<string, number>();
  book(m: StockMove, fallback: number): number {
    const c = this.cost.get(m.productId) ?? { quantity: 0, value: 0 };
    const q = m.quantity;
    const half = (a: number, b: number) => Math.floor((2 * a + b) / (2 * b));
    const delta = q > 0
      ? q * (m.unitCost ?? (c.quantity > 0 ? half(c.value, c.quantity) : fallback))
      : m.unitCost != null
        ? -(c.quantity > -q && c.value >= -q * m.unitCost ? -q * m.unitCost : c.value)
        : -(c.quantity >= -q && c.quantity > 0 ? Math.floor((2 * c.value * -q + c.quantity) / (2 * c.quantity)) : c.value);
    this.cost.set(m.productId, { quantity: c.quantity + q, value: c.value + delta });
    const k = `${m.productId}/${m.warehouseId}`;
    this.level.set(k, (this.level.get(k) ?? 0) + q);
    return delta;
  }
}

describe(`the ledger on documents of many products ${dialectLabel}`, () => {
  let t: TestApp;
  const post = (moves: StockMove[], id = 'doc') => t.db.transaction().execute((trx) => changeStock(trx as Tx, actor, { type: 'test', id }, { moves }));
  const levels = async () => Object.fromEntries((await t.db.selectFrom('stockLevels').selectAll().execute()).map((l) => [`${l.productId}/${l.warehouseId}`, [Number(l.onHand), Number(l.reserved)]]));
  const costs = async () => Object.fromEntries((await t.db.selectFrom('productCosts').select(['productId', 'quantity', 'value']).execute()).map((c) => [c.productId, { quantity: Number(c.quantity), value: Number(c.value) }]));

  beforeAll(async () => {
    t = await createTestApp();
    await t.db.insertInto('warehouses').values(['w1', 'w2', 'w3'].map((id) => ({ id, code: id, name: id, address: null, manager: null, phone: null, isDefault: 0, notes: null, status: 'active', createdAt: now, updatedAt: now }))).execute();
    await t.db.insertInto('products').values(ids.map((id, i) => product(id, 100 + i))).execute();
  });
  afterAll(() => t.close());

  it('books costs and balances exactly as the rules say: in at cost or average (or the cost price), out at average or a given cost, several moves of a product in one call', async () => {
    const model = new Model();
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor(seed / 65536) % n; // the high bits: the low ones of this generator repeat quickly
    };
    for (let doc = 0; doc < 12; doc++) {
      const moves: StockMove[] = [];
      for (const productId of ids) {
        if (rnd(4) === 0) continue; // most products, not all
        for (const warehouseId of doc === 0 ? ['w1', 'w2'] : [['w1', 'w2'][rnd(2)]]) {
          const have = model.level.get(`${productId}/${warehouseId}`) ?? 0;
          const pending = moves.filter((m) => m.productId === productId && m.warehouseId === warehouseId).reduce((s, m) => s + m.quantity, 0);
          const kind = doc === 0 ? 0 : rnd(5);
          if (kind <= 1 || have + pending < 2) moves.push({ kind: 'adjust_gain', productId, warehouseId, quantity: 1 + rnd(50), unitCost: kind === 1 ? null : 50 + rnd(300) });
          else if (kind === 2) moves.push({ kind: 'adjust_loss', productId, warehouseId, quantity: -(1 + rnd(have + pending)) });
          else if (kind === 3) moves.push({ kind: 'purchase_return_out', productId, warehouseId, quantity: -(1 + rnd(have + pending)), unitCost: 50 + rnd(400) });
          else {
            // Two moves of one product in one call: the second sees the first.
            moves.push({ kind: 'adjust_gain', productId, warehouseId, quantity: 5, unitCost: 999 });
            moves.push({ kind: 'adjust_loss', productId, warehouseId, quantity: -(1 + rnd(have + pending + 5)) });
          }
        }
      }
      expect(moves.length).toBeGreaterThanOrEqual(16);
      const posted = await post(moves, `doc${doc}`);
      const fallback = (id: string) => 100 + ids.indexOf(id);
      expect(posted.map((p) => p.costAmount)).toEqual(moves.map((m) => model.book(m, fallback(m.productId))));
      expect(posted.every((p, i) => p.unitCost === Math.round(Math.abs(p.costAmount) / Math.abs(moves[i].quantity)))).toBe(true);
    }
    expect(await costs()).toEqual(Object.fromEntries(model.cost));
    const l = await levels();
    for (const [k, q] of model.level) expect(l[k]).toEqual([q, 0]);
    const report = await verifyStock(t.db);
    expect(report.mismatches).toEqual([]);
  });

  it('refuses the whole call when one balance would go below zero: the first refused (product, warehouse) is named, nothing is left changed', async () => {
    const before = await levels();
    const beforeCosts = await costs();
    const moves: StockMove[] = [
      ...ids.slice(0, 30).map((productId): StockMove => ({ kind: 'adjust_gain', productId, warehouseId: 'w3', quantity: 3, unitCost: 100 })), // new balance rows
      ...ids.slice(0, 30).map((productId): StockMove => ({ kind: 'adjust_loss', productId, warehouseId: 'w1', quantity: -1 })),
      { kind: 'adjust_loss', productId: ids[20], warehouseId: 'w2', quantity: -1_000_000 }, // more than there is
      { kind: 'adjust_loss', productId: ids[25], warehouseId: 'w3', quantity: -1_000_000 },
      { kind: 'adjust_loss', productId: ids[35], warehouseId: 'w9', quantity: -1 }, // never stocked there
    ];
    await t.db.transaction().execute(async (trx) => {
      const err = await changeStock(trx as Tx, actor, { type: 'test', id: 'refused' }, { moves }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('INSUFFICIENT_STOCK');
      expect((err as DomainError).details).toMatchObject([{ productId: ids[20], warehouseId: 'w2' }]);
      // In the same transaction the caller sees the stock as it was: at most empty rows where stock was coming in.
      const rows = await trx.selectFrom('stockLevels').selectAll().execute();
      for (const r of rows) {
        const k = `${r.productId}/${r.warehouseId}`;
        expect([Number(r.onHand), Number(r.reserved)], k).toEqual(before[k] ?? [0, 0]);
        if (!before[k]) expect(r.warehouseId, k).toBe('w3');
      }
      expect(rows.some((r) => r.warehouseId === 'w9')).toBe(false);
    });
    // The caller carried on and committed: the same, but for empty balance rows where stock was to come in.
    const after = Object.entries(await levels()).filter(([k, v]) => before[k] || !(k.endsWith('/w3') && v[0] === 0 && v[1] === 0));
    expect(Object.fromEntries(after)).toEqual(before);
    expect(await costs()).toEqual(beforeCosts);
    expect((await verifyStock(t.db)).ok).toBe(true);
  });

  it('many-product calls racing each other and single-product calls, in opposite orders: no deadlock, no lost update', async () => {
    const before = await levels();
    const forward = ids.slice(0, 32);
    const backward = [...forward].reverse();
    const many = (list: string[], sign: 1 | -1, i: number) => post(list.map((productId) => ({ kind: sign > 0 ? 'adjust_gain' : 'adjust_loss', productId, warehouseId: 'w1', quantity: sign, unitCost: sign > 0 ? 100 : null })), `race${i}`);
    const one = (productId: string, i: number) => post([{ kind: 'adjust_gain', productId, warehouseId: 'w1', quantity: 1, unitCost: 100 }, { kind: 'adjust_gain', productId: forward[31 - (i % 32)], warehouseId: 'w1', quantity: 1, unitCost: 100 }], `one${i}`);
    const results = await Promise.allSettled(Array.from({ length: 24 }, (_, i) =>
      i % 3 === 0 ? many(forward, 1, i) : i % 3 === 1 ? many(backward, 1, i) : one(forward[i % 32], i)));
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const after = await levels();
    const expected = new Map<string, number>();
    for (const p of forward) expected.set(p, 16); // 8 + 8 calls of all 32
    for (let i = 2; i < 24; i += 3) {
      expected.set(forward[i % 32], (expected.get(forward[i % 32]) ?? 0) + 1);
      expected.set(forward[31 - (i % 32)], (expected.get(forward[31 - (i % 32)]) ?? 0) + 1);
    }
    for (const p of forward) expect(after[`${p}/w1`][0] - before[`${p}/w1`][0], p).toBe(expected.get(p));
    expect((await verifyStock(t.db)).ok).toBe(true);
  });
});
