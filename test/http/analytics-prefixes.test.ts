import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abcXyz, variation } from '../../src/server/modules/analytics/abc-xyz.js';
import { rebuildAnalytics, verifyAnalytics } from '../../src/server/modules/analytics/analytics-rebuild.js';
import { resolveFilters } from '../../src/server/modules/analytics/filters.js';
import { slowMoving } from '../../src/server/modules/analytics/stock-age.js';
import { salesBy, salesFromFacts } from '../../src/server/modules/analytics/sales-source.js';
import { movedSince } from '../../src/server/modules/analytics/stock-turnover.js';
import { addToStockMonths, rebuildStockMonths } from '../../src/server/modules/inventory/stock-months.js';
import { dayStart } from '../../src/server/platform/business-months.js';
import { businessDate } from '../../src/server/platform/clock.js';
import { newId } from '../../src/server/platform/ids.js';
import { prefixDifferences } from '../../src/server/platform/rollup-prefixes.js';
import { createTestApp, dialectLabel, type TestApp } from '../support/index.js';
import { shippingWorld, type World } from './shipping-fixtures.js';

// Running totals of the monthly rollups (platform/rollup-prefixes.ts): a figure over many months
// reads two prefixes instead of every month between. They are made on first use, and a write into
// an earlier month (an imported history order, a backdated movement) drops the later ones, so the
// answer always equals the sum straight from the facts or the movements.

const today = businessDate();
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const monthsBack = (n: number) => addDays(`${today.slice(0, 7)}-15`, -30 * n).slice(0, 7);

describe(`rollup running totals ${dialectLabel}`, () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp();
    w = await shippingWorld(t);
    w.ok(await w.admin.post('/api/v1/customers', { code: 'C2', name: '社区超市' }));
  });
  afterAll(async () => t?.close());

  const listed = async (rollup: string) => (await t.db.selectFrom('rollupPrefixMonths').select('month').where('rollup', '=', rollup).orderBy('month').execute()).map((r) => r.month);

  const importHistory = async (rows: string[][]) => {
    const csv = [['OrderID', 'CustomerID', 'OrderDate', 'ShippedDate', 'ProductID', 'Quantity', 'UnitPrice'], ...rows].map((r) => r.join(',')).join('\n');
    const mapping = { orderNo: 'OrderID', customer: 'CustomerID', orderDate: 'OrderDate', shipDate: 'ShippedDate', sku: 'ProductID', quantity: 'Quantity', unitPrice: 'UnitPrice' };
    const res = await w.admin.upload('/api/v1/imports/sales-orders/commit', { name: 'history.csv', content: csv, type: 'text/csv' }, { mapping: JSON.stringify(mapping), confirm: 'true' });
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
  };

  /** Sales by product and by customer over each range, from the rollups (prefixes where they apply) and from the facts. */
  const expectSalesEqualFacts = async (ranges: Array<[string, string]>, warehouseId?: string) => {
    for (const [from, to] of ranges) {
      const f = await resolveFilters(t.db, { from, to, ...(warehouseId ? { warehouseId } : {}) });
      for (const group of ['product', 'customer'] as const) {
        expect(Object.fromEntries(await salesBy(t.db, f, group)), `${group} ${from}…${to}${warehouseId ? ' W1' : ''}`)
          .toEqual(Object.fromEntries(await salesFromFacts(t.db, f, group)));
      }
    }
  };

  it('sums sales over many months from two running totals, equal to the facts, and drops them when history lands in an earlier month', async () => {
    // History spread over the last eight months and the current one, some a year and more back.
    const month = (n: number, day: string) => `${monthsBack(n)}-${day}`;
    await importHistory([
      ['P1', 'C1', month(14, '02'), month(14, '03'), 'COLA', '10', '3.00'],
      ['P2', 'C1', month(8, '05'), month(8, '09'), 'TEA', '4', '5.00'],
      ['P3', 'C2', month(6, '11'), month(6, '12'), 'NUTS', '2', '12.34'],
      ['P4', 'C2', month(4, '20'), month(4, '28'), 'COLA', '7', '3.50'],
      ['P5', 'C1', month(3, '01'), month(3, '01'), 'TEA', '3', '4.00'],
      ['P6', 'C2', month(2, '15'), month(2, '16'), 'NUTS', '1', '9.90'],
      ['P7', 'C1', month(1, '27'), month(1, '28'), 'COLA', '5', '3.10'],
    ]);
    const ranges: Array<[string, string]> = [
      [addDays(today, -364), today], [`${monthsBack(9)}-01`, today], [`${monthsBack(7)}-10`, `${monthsBack(2)}-20`],
      [`${monthsBack(15)}-01`, `${monthsBack(1)}-05`], [addDays(today, -29), today],
    ];
    await expectSalesEqualFacts(ranges);
    await expectSalesEqualFacts(ranges, w.w1.id);
    const made = await listed('sales_monthly_product_totals');
    expect(made.length).toBeGreaterThan(1);
    expect(made.every((m) => m <= today.slice(0, 7))).toBe(true);
    expect(await listed('sales_monthly_customer_totals')).not.toEqual([]);

    // History lands five months back: the running totals after it go, the ones before it stay.
    await importHistory([['P8', 'C2', month(5, '07'), month(5, '08'), 'TEA', '6', '4.50']]);
    const after = await listed('sales_monthly_product_totals');
    expect(after.every((m) => m <= monthsBack(5))).toBe(true);
    expect(after).toEqual(made.filter((m) => m <= monthsBack(5)));
    await expectSalesEqualFacts(ranges);
    await expectSalesEqualFacts(ranges, w.w1.id);
    expect(await prefixDifferences(t.db)).toEqual([]);
    expect((await verifyAnalytics(t.db)).mismatches).toEqual([]);

    // A running total broken behind its back is found.
    const [broken] = await t.db.selectFrom('salesProductPrefixes').select(['month', 'productId']).where('net', '<>', 0).limit(1).execute();
    await t.db.updateTable('salesProductPrefixes').set((eb) => ({ net: eb('net', '+', 1) })).where('month', '=', broken.month).where('productId', '=', broken.productId).execute();
    expect((await verifyAnalytics(t.db)).mismatches).toEqual([expect.objectContaining({ table: 'sales_product_prefixes', key: `${broken.month} / ${broken.productId} / net` })]);
    await t.db.updateTable('salesProductPrefixes').set((eb) => ({ net: eb('net', '-', 1) })).where('month', '=', broken.month).where('productId', '=', broken.productId).execute();
    expect(await prefixDifferences(t.db)).toEqual([]);

    // ABC × XYZ over the same ranges: revenue and the variation of monthly units, equal to the facts.
    for (const [from, to] of ranges) {
      const f = await resolveFilters(t.db, { from, to });
      const got = await abcXyz(t.db, f, { aPercent: 80, bPercent: 15, xMax: 0.5, yMax: 1 });
      const { rows } = await sql<{ productId: string; month: string; units: unknown; net: unknown }>`select product_id as "productId", substr(day, 1, 7) as month,
        sum(case when kind = 'sale' then quantity else 0 end) as units, sum(net) as net from sales_facts where day >= ${from} and day <= ${to} group by product_id, substr(day, 1, 7)`.execute(t.db);
      const want = new Map<string, { revenue: number; units: Map<string, number> }>();
      for (const r of rows) {
        const p = want.get(r.productId) ?? want.set(r.productId, { revenue: 0, units: new Map() }).get(r.productId)!;
        p.revenue += Number(r.net);
        p.units.set(r.month, Number(r.units));
      }
      expect(Object.fromEntries(got.rows.map((r) => [r.productId, [r.revenue, r.cv]])), `ABC × XYZ ${from}…${to}`).toEqual(Object.fromEntries([...want].map(([id, p]) => {
        const cv = variation(got.months.map((m) => p.units.get(m) ?? 0));
        return [id, [p.revenue, cv === null ? null : Math.round(cv * 100) / 100]];
      })));
    }

    // Slow-moving (stock with no sale in the last N days, read from the last sale of each product × warehouse) against the facts.
    for (const days of [30, 120, 250, 500]) {
      const since = addDays(today, -(days - 1));
      const f = await resolveFilters(t.db, {});
      const got = await slowMoving(t.db, f, days);
      const { rows: sold } = await sql<{ productId: string; warehouseId: string }>`select distinct product_id as "productId", warehouse_id as "warehouseId"
        from sales_facts where kind = 'sale' and quantity > 0 and day >= ${since}`.execute(t.db);
      const recent = new Set(sold.map((r) => `${r.productId}/${r.warehouseId}`));
      const stock = await t.db.selectFrom('stockLevels').select(['productId', 'warehouseId']).where('onHand', '>', 0).execute();
      expect(got.rows.map((r) => `${r.productId}/${r.warehouseId}`).sort(), `slow-moving, ${days} days`)
        .toEqual(stock.map((r) => `${r.productId}/${r.warehouseId}`).filter((k) => !recent.has(k)).sort());
    }

    // A last sale day changed behind its back is found by analytics-verify.
    const [last] = await t.db.selectFrom('productLastSales').selectAll().limit(1).execute();
    await t.db.updateTable('productLastSales').set({ lastDay: '2000-01-01' }).where('productId', '=', last.productId).where('warehouseId', '=', last.warehouseId).execute();
    expect((await verifyAnalytics(t.db)).mismatches).toEqual([expect.objectContaining({ table: 'product_last_sales', key: `${last.productId} / ${last.warehouseId}` })]);

    // A rebuild drops them, rows and all; the next read makes them again from the rebuilt rollups.
    await rebuildAnalytics(t.db);
    expect(await listed('sales_monthly_product_totals')).toEqual([]);
    expect(await t.db.selectFrom('salesProductPrefixes').select('month').execute()).toEqual([]);
    await expectSalesEqualFacts(ranges);
    expect(await listed('sales_monthly_product_totals')).not.toEqual([]);
    expect((await verifyAnalytics(t.db)).mismatches).toEqual([]);
  });

  it('reads the value moved since a day many months back from two running totals of the ledger, and drops them on a backdated movement', async () => {
    await w.ok(await w.admin.post('/api/v1/stock/adjustments', { warehouseId: w.w1.id, lines: [{ productId: w.cola.id, quantity: -3, reason: '破损' }, { productId: w.tea.id, quantity: 4, reason: '盘盈', unitCost: 260 }] }));
    // Spread the movements over eleven months back.
    const ids = (await t.db.selectFrom('stockMovements').select('id').orderBy('id').execute()).map((r) => r.id);
    for (const [i, id] of ids.entries()) {
      const at = new Date(Date.now() - ((i * 41) % 330) * 86_400_000 - (i % 5) * 3_600_000).toISOString();
      await t.db.updateTable('stockMovements').set({ at }).where('id', '=', id).execute();
    }
    await rebuildStockMonths(t.db);
    const straight = async (day: string, warehouseId?: string) => {
      const { rows } = await sql<{ productId: string; warehouseId: string; v: unknown }>`select product_id as "productId", warehouse_id as "warehouseId", sum(cost_amount) as v from stock_movements
        where at >= ${dayStart(day)} ${warehouseId ? sql`and warehouse_id = ${warehouseId}` : sql``} group by product_id, warehouse_id`.execute(t.db);
      return new Map(rows.map((r) => [`${r.productId}/${r.warehouseId}`, Number(r.v)]));
    };
    const check = async () => {
      for (const day of [addDays(today, -300), `${monthsBack(6)}-01`, addDays(today, -100), addDays(today, -70), addDays(today, -20)]) {
        for (const warehouseId of [undefined, w.w1.id]) {
          const f = await resolveFilters(t.db, { from: day, to: today, ...(warehouseId ? { warehouseId } : {}) });
          const got = await movedSince(t.db, f, day, addDays(today, 1));
          const want = await straight(day, warehouseId);
          const have = new Map(got.filter((r) => r.value !== 0 || want.has(`${r.productId}/${r.warehouseId}`)).map((r) => [`${r.productId}/${r.warehouseId}`, r.value]));
          expect(have, `moved since ${day}${warehouseId ? ' in W1' : ''}`).toEqual(want);
        }
      }
    };
    await check();
    const made = await listed('stock_value_months');
    expect(made.length).toBeGreaterThan(1);
    // A movement booked now keeps them; one booked four months back (as a repair would) drops the later ones.
    await w.ok(await w.admin.post('/api/v1/stock/adjustments', { warehouseId: w.w2.id, lines: [{ productId: w.tea.id, quantity: -2, reason: '过期' }] }));
    expect(await listed('stock_value_months')).toEqual(made);
    await check();
    const back = new Date(Date.now() - 120 * 86_400_000).toISOString();
    await t.db.transaction().execute(async (trx) => {
      const move = { productId: w.nuts.id, warehouseId: w.w1.id, quantity: 2, costAmount: 1234 };
      await trx.insertInto('stockMovements').values({
        id: newId(), at: back, kind: 'adjustment', ...move, binId: null, unitCost: 617, sourceType: 'test', sourceId: 'backdated', sourceLineId: null, reason: null, actorType: 'system', actorId: null, actorName: null,
      }).execute();
      await addToStockMonths(trx, back, [move]);
    });
    expect((await listed('stock_value_months')).every((m) => m <= businessDate(new Date(back)).slice(0, 7))).toBe(true);
    await check();
    expect(await prefixDifferences(t.db)).toEqual([]);
  });
});
