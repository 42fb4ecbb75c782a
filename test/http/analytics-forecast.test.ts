import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyWindow } from '../../src/server/modules/analytics/forecast.service.js';
import { bucketWeekly, forecastProduct, weekStart } from '../../src/server/modules/analytics/forecast/index.js';
import { forecastOver } from '../../src/server/modules/purchasing/replenishment.js';
import { businessDate } from '../../src/server/platform/clock.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

// Demand forecasts from shipped history (imported orders on past ship dates), stored by a run,
// read per product and as overall accuracy, and fed into the replenishment suggestions.

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe(`analytics: demand forecast and replenishment ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let w1: Json;
  let cola: Json;
  let nuts: Json;
  let idle: Json;
  const today = businessDate();
  const w = historyWindow(today);
  // 80 weeks of cola: 40 a week with a ±6 wobble, shipped on each week's Wednesday; nuts: 5 every 4th week.
  const weeks = 80;
  const colaWeeks = Array.from({ length: weeks }, (_, i) => 40 + [0, 6, -3, 4, -6, 2, -1, 3][i % 8]);
  const nutsWeeks = Array.from({ length: weeks }, (_, i) => (i % 4 === 1 ? 5 : 0));
  const wednesday = (i: number) => addDays(weekStart(w.to), -7 * (weeks - 1 - i) + 2);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    w1 = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true })).body;
    cola = (await admin.post('/api/v1/products', { sku: 'COLA', name: '可乐', baseUnit: '瓶', listPrice: 350, costPrice: 200 })).body;
    nuts = (await admin.post('/api/v1/products', { sku: 'NUTS', name: '坚果', baseUnit: '袋', listPrice: 900 })).body;
    idle = (await admin.post('/api/v1/products', { sku: 'IDLE', name: '滞销品', baseUnit: '个', listPrice: 100 })).body;
    await admin.post('/api/v1/customers', { code: 'C1', name: '小店' });
    await admin.post('/api/v1/suppliers', { code: 'S1', name: '饮料批发', leadTimeDays: 10, products: [{ productId: cola.id, price: 180 }] });
    const rows = [['OrderID', 'CustomerID', 'OrderDate', 'ShippedDate', 'ProductID', 'Quantity', 'UnitPrice']];
    for (let i = 0; i < weeks; i++) {
      const d = wednesday(i);
      rows.push([`W${i}`, 'C1', d, d, 'COLA', String(colaWeeks[i]), '3.50']);
      if (nutsWeeks[i]) rows.push([`W${i}`, 'C1', d, d, 'NUTS', String(nutsWeeks[i]), '9.00']);
    }
    const mapping = { orderNo: 'OrderID', customer: 'CustomerID', orderDate: 'OrderDate', shipDate: 'ShippedDate', sku: 'ProductID', quantity: 'Quantity', unitPrice: 'UnitPrice' };
    const res = await admin.upload('/api/v1/imports/sales-orders/commit', { name: 'history.csv', content: rows.map((r) => r.join(',')).join('\n'), type: 'text/csv' }, { mapping: JSON.stringify(mapping), confirm: 'true' });
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    expect(res.body.created).toBe(weeks);
  });
  afterAll(() => t.close());

  it('forecasts a regular seller and an intermittent one with the method their series call for, backtested', async () => {
    const res = await admin.get(`/api/v1/analytics/forecast/products/${cola.id}`);
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    const [s] = res.body.series;
    // The same weeks, the same answer as the library on the test's own series.
    const expected = forecastProduct(bucketWeekly(colaWeeks.map((q, i) => ({ date: wednesday(i), quantity: q })), w).quantities, { horizon: 26 });
    expect(s).toMatchObject({ warehouseId: w1.id, method: expected.method, demandClass: 'smooth', historyWeeks: weeks, firstWeek: weekStart(today) });
    expect(s.history.quantities.slice(-weeks)).toEqual(colaWeeks);
    expect(s.weekly[0]).toBeCloseTo(expected.forecast[0], 2);
    expect(s.weekly[0]).toBeGreaterThan(34);
    expect(s.weekly[0]).toBeLessThan(46);
    expect(s.wape).toBeCloseTo(expected.backtest.wape!, 6);
    expect(s.wape).toBeLessThan(0.2);
    const n = (await admin.get(`/api/v1/analytics/forecast/products/${nuts.id}`)).body.series[0];
    expect(n).toMatchObject({ method: 'sba', demandClass: 'intermittent' });
    // 5 every 4 weeks: about 1.25 a week.
    expect(n.weekly[0]).toBeGreaterThan(0.8);
    expect(n.weekly[0]).toBeLessThan(1.6);
  });

  it('explains a product with no history instead of failing, and refuses an unknown product', async () => {
    const res = await admin.get(`/api/v1/analytics/forecast/products/${idle.id}`, { headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ series: [], overallWape: null });
    expect(res.body.explanation.zh).toContain('没有发货记录');
    expectError(await admin.get('/api/v1/analytics/forecast/products/nope'), 400, 'VALIDATION_FAILED');
    expectError(await admin.post('/api/v1/analytics/forecast/run', { warehouseId: 'nope' }), 400, 'VALIDATION_FAILED');
  });

  it('runs every series, stores them, and reports the overall WAPE as Σ errors ÷ Σ actual', async () => {
    const run = await admin.post('/api/v1/analytics/forecast/run', {});
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(run.body.series).toBe(2);
    const acc = (await admin.get('/api/v1/analytics/forecast/accuracy')).body;
    expect(acc.total).toBe(2);
    const sumErr = acc.items.reduce((s: number, r: Json) => s + r.absError, 0);
    const sumAct = acc.items.reduce((s: number, r: Json) => s + r.actualSum, 0);
    expect(acc.overallWape).toBeCloseTo(sumErr / sumAct, 9);
    expect(acc.byMethod.map((m: Json) => m.key).sort()).toEqual([acc.items.find((r: Json) => r.sku === 'COLA').method, 'sba'].sort());
    // Worst first: cola's errors are in bottles by the dozen, nuts' by the bag.
    expect(acc.items[0].sku).toBe('COLA');
  });

  it('feeds the stored forecast into replenishment: demand over the lead time from the forecast weeks, said in the reason', async () => {
    await admin.request('PUT', '/api/v1/reorder-rules', { productId: cola.id, warehouseId: w1.id, reorderPoint: 30, safetyStock: 10 });
    const res = await admin.get('/api/v1/replenishment/suggestions', { query: { warehouseId: w1.id, productId: cola.id } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [s] = res.body.items;
    const stored = (await admin.get('/api/v1/analytics/forecast/accuracy')).body.items.find((r: Json) => r.sku === 'COLA');
    expect(s).toMatchObject({ demandSource: 'forecast', forecast: { method: stored.method, demandClass: 'smooth' }, leadTimeDays: 10 });
    expect(s.demandOverLeadTime).toBe(Math.ceil(forecastOver(stored.weekly, 10) - 1e-9));
    expect(s.demandOverLeadTime).toBeGreaterThan(45);
    expect(s.reason.zh).toContain('需求预测');
    // Asked for the average: the last 8 weeks' orders over the lead time, as before.
    const avg = (await admin.get('/api/v1/replenishment/suggestions', { query: { warehouseId: w1.id, productId: cola.id, demand: 'average' } })).body.items[0];
    expect(avg).toMatchObject({ demandSource: 'average', forecast: null });
    expect(avg.demandOverLeadTime).toBe(Math.ceil((avg.soldInPeriod * 10) / 56 - 1e-9));
    expect(avg.reason.zh).toContain('近 8 周平均每周销售');
  });
});
