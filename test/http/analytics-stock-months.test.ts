import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movedSince } from '../../src/server/modules/analytics/stock-turnover.js';
import { resolveFilters } from '../../src/server/modules/analytics/filters.js';
import { dayStart } from '../../src/server/platform/business-months.js';
import { businessDate } from '../../src/server/platform/clock.js';
import { rebuildStockMonths, stockMonthDifferences } from '../../src/server/modules/inventory/stock-months.js';
import { createTestApp, dialectLabel, type Json, type TestApp } from '../support/index.js';
import { shippingWorld, type World } from './shipping-fixtures.js';

// The ledger's monthly rollup (stock_value_months): every stock change adds to its business month
// in the same transaction, and turnover's "value moved since a day" read from whole months of it
// plus the movements of the days before equals the sum taken straight from the movements.

const today = businessDate();
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe(`ledger monthly rollup ${dialectLabel}`, () => {
  let t: TestApp;
  let w: World;
  const adjust = async (warehouseId: string, lines: Json[]) => w.ok(await w.admin.post('/api/v1/stock/adjustments', { warehouseId, lines }));

  beforeAll(async () => {
    t = await createTestApp();
    w = await shippingWorld(t);
  });
  afterAll(async () => t?.close());

  it('adds every stock change to its month as it is booked', async () => {
    await adjust(w.w1.id, [{ productId: w.cola.id, quantity: -3, reason: '破损' }, { productId: w.tea.id, quantity: 4, reason: '盘盈', unitCost: 260 }]);
    await adjust(w.w2.id, [{ productId: w.tea.id, quantity: -2, reason: '过期' }]);
    expect(await stockMonthDifferences(t.db)).toEqual([]);
    const month = today.slice(0, 7);
    const rows = await t.db.selectFrom('stockValueMonths').selectAll().where('month', '=', month).execute();
    const moved = await t.db.selectFrom('stockMovements').select(['productId', 'warehouseId', (eb) => eb.fn.sum<number>('quantity').as('q'), (eb) => eb.fn.sum<number>('costAmount').as('v')])
      .groupBy(['productId', 'warehouseId']).execute();
    expect(rows.map((r) => [r.productId, r.warehouseId, Number(r.quantity), Number(r.value)]).sort())
      .toEqual(moved.map((m) => [m.productId, m.warehouseId, Number(m.q), Number(m.v)]).sort());
    // Broken behind its back: found.
    await t.db.updateTable('stockValueMonths').set((eb) => ({ value: eb('value', '+', 1) })).where('productId', '=', w.tea.id).where('warehouseId', '=', w.w2.id).execute();
    expect(await stockMonthDifferences(t.db)).toEqual([expect.objectContaining({ productId: w.tea.id, warehouseId: w.w2.id, month })]);
    await rebuildStockMonths(t.db);
    expect(await stockMonthDifferences(t.db)).toEqual([]);
  });

  it('reads the value moved since any day from whole months and the days before them, equal to the movements', async () => {
    // Spread the movements over five months back: each gets a time a different number of days ago.
    const ids = (await t.db.selectFrom('stockMovements').select('id').orderBy('id').execute()).map((r) => r.id);
    for (const [i, id] of ids.entries()) {
      const at = new Date(Date.now() - ((i * 37) % 150) * 86_400_000 - (i % 5) * 3_600_000).toISOString();
      await t.db.updateTable('stockMovements').set({ at }).where('id', '=', id).execute();
    }
    await rebuildStockMonths(t.db);
    expect(await stockMonthDifferences(t.db)).toEqual([]);
    const months = await t.db.selectFrom('stockValueMonths').select('month').distinct().execute();
    expect(months.length).toBeGreaterThan(2);
    const straight = async (day: string, warehouseId?: string) => {
      const { rows } = await sql<{ productId: string; warehouseId: string; v: unknown }>`select product_id as "productId", warehouse_id as "warehouseId", sum(cost_amount) as v from stock_movements
        where at >= ${dayStart(day)} ${warehouseId ? sql`and warehouse_id = ${warehouseId}` : sql``} group by product_id, warehouse_id`.execute(t.db);
      return new Map(rows.map((r) => [`${r.productId}/${r.warehouseId}`, Number(r.v)]));
    };
    // First of a month, the middle of one, today, tomorrow, and far back.
    const days = [`${addDays(today, -60).slice(0, 7)}-01`, addDays(today, -100), addDays(today, -45), addDays(today, -1), today, addDays(today, 1), addDays(today, -400)];
    for (const day of days) {
      for (const warehouseId of [undefined, w.w1.id]) {
        const f = await resolveFilters(t.db, { from: addDays(today, -30), to: today, ...(warehouseId ? { warehouseId } : {}) });
        const got = await movedSince(t.db, f, day, addDays(today, 1));
        const want = await straight(day, warehouseId);
        const have = new Map(got.filter((r) => r.value !== 0 || want.has(`${r.productId}/${r.warehouseId}`)).map((r) => [`${r.productId}/${r.warehouseId}`, r.value]));
        expect(have, `moved since ${day}${warehouseId ? ' in W1' : ''}`).toEqual(want);
      }
    }
  });
});
