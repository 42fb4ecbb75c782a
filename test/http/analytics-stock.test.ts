import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/server/platform/access.js';
import { businessDate } from '../../src/server/platform/clock.js';
import { rebuildStockMonths } from '../../src/server/modules/inventory/stock-months.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp } from '../support/index.js';
import { shippingWorld, type World } from './shipping-fixtures.js';

// Stock, customer and supplier figures against what the test adds up from the documents it made:
// shipments today, opening stock and receipts moved back in time, imported history in 2024
// (monthly demand patterns, three customers), purchase orders received on time, late and not at all.

const today = businessDate();
const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const daysAgoIso = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

// History: cola 10 a month at ¥10 (X), nuts 2/8 alternating at ¥5 (Y), tea 30 in March and June at ¥0.50 (Z), OLD once in May.
const history = [
  ['H1', 'C1', '2024-01-15', 'COLA', '10', '10.00'], ['H2', 'C2', '2024-02-15', 'COLA', '10', '10.00'], ['H3', 'C1', '2024-03-15', 'COLA', '10', '10.00'],
  ['H4', 'C2', '2024-04-15', 'COLA', '10', '10.00'], ['H5', 'C1', '2024-05-15', 'COLA', '10', '10.00'], ['H6', 'C1', '2024-06-20', 'COLA', '10', '10.00'],
  ['H7', 'C1', '2024-01-16', 'NUTS', '2', '5.00'], ['H8', 'C3', '2024-02-16', 'NUTS', '8', '5.00'], ['H9', 'C3', '2024-03-16', 'NUTS', '2', '5.00'],
  ['H10', 'C3', '2024-04-16', 'NUTS', '8', '5.00'], ['H11', 'C3', '2024-05-16', 'NUTS', '2', '5.00'], ['H12', 'C2', '2024-06-10', 'NUTS', '8', '5.00'],
  ['H13', 'C2', '2024-03-17', 'TEA', '30', '0.50'], ['H14', 'C3', '2024-06-01', 'TEA', '30', '0.50'], ['H15', 'C3', '2024-05-15', 'OLD', '1', '1.00'],
];

describe(`analytics: stock, customer and supplier figures ${dialectLabel}`, () => {
  let t: TestApp;
  let w: World;
  let drinks: Json;
  let teaCat: Json;
  let old: Json;
  let s1: Json;
  let s2: Json;
  const shipments: Json[] = [];
  const customers: Record<string, Json> = {};
  const get = async (url: string, query: Json = {}) => {
    const res = await w.admin.get(url, { query });
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    return res.body;
  };
  /** Moves a document's stock movements back in time, and refills the ledger's monthly rollup to match. */
  const backdate = async (sourceId: string, days: number) => {
    await t.db.updateTable('stockMovements').set({ at: daysAgoIso(days) }).where('sourceId', '=', sourceId).execute();
    await rebuildStockMonths(t.db);
  };
  const receive = async (productId: string, quantity: number, unitCost: number) =>
    w.ok(await w.admin.post('/api/v1/purchase-receipts', { warehouseId: w.w1.id, supplierId: s1.id, lines: [{ productId, quantity, unitCost }] }));
  const po = async (supplierId: string, lines: Json[], expectedDate: string) => w.ok(await w.admin.post('/api/v1/purchase-orders', { supplierId, submit: true, lines, expectedDate }));

  beforeAll(async () => {
    t = await createTestApp();
    w = await shippingWorld(t);
    drinks = w.ok(await w.admin.post('/api/v1/categories', { name: '饮料' }));
    teaCat = w.ok(await w.admin.post('/api/v1/categories', { name: '茶饮', parentId: drinks.id }));
    w.ok(await w.admin.patch(`/api/v1/products/${w.cola.id}`, { categoryId: drinks.id }));
    w.ok(await w.admin.patch(`/api/v1/products/${w.tea.id}`, { categoryId: teaCat.id }));
    old = w.ok(await w.admin.post('/api/v1/products', { sku: 'OLD', name: '旧款', baseUnit: '个', listPrice: 100 }));
    customers.C1 = w.shop;
    customers.C2 = w.ok(await w.admin.post('/api/v1/customers', { code: 'C2', name: '社区超市' }));
    customers.C3 = w.ok(await w.admin.post('/api/v1/customers', { code: 'C3', name: '学校食堂' }));
    s1 = w.ok(await w.admin.post('/api/v1/suppliers', { code: 'S1', name: '饮料批发', leadTimeDays: 5 }));
    s2 = w.ok(await w.admin.post('/api/v1/suppliers', { code: 'S2', name: '干货批发', leadTimeDays: 2 }));
    const own = (await w.admin.get('/api/v1/carriers')).body.items.find((c: Json) => c.code === 'OWN');
    const ship = async (orderId: string, lines?: Json[]) => shipments.push(w.ok(await w.admin.post('/api/v1/shipments', { orderId, carrierId: own.id, ...(lines ? { lines } : {}) })));

    // The opening stock came in 10 days ago.
    const openings = await t.db.selectFrom('stockMovements').select('sourceId').where('kind', '=', 'opening').distinct().execute();
    for (const o of openings) await backdate(o.sourceId, 10);

    // Today: cola and tea from W1, nuts 3 + 7 from W1, tea from W2.
    const o1 = await w.order([{ productId: w.cola.id, quantity: 2, unit: '箱' }, { productId: w.tea.id, quantity: 5 }]);
    await ship(o1.id);
    const o2 = await w.order([{ productId: w.nuts.id, quantity: 10, unitPrice: 777 }]);
    await ship(o2.id, [{ lineId: o2.lines[0].id, quantity: 3 }]);
    await ship(o2.id, [{ lineId: o2.lines[0].id, quantity: 7 }]);
    const o3 = w.ok(await w.admin.post('/api/v1/sales-orders', { customerId: customers.C2.id, warehouseId: w.w2.id, confirm: true, lines: [{ productId: w.tea.id, quantity: 4, warehouseId: w.w2.id }] }));
    await ship(o3.id);

    // STRAY came in three times at ¥1: 5 units 200 days ago, 4 units 45 days ago, 3 units 5 days ago, and 6 were lost today; OLD 7 units 200 days ago.
    for (const [quantity, days] of [[5, 200], [4, 45], [3, 5]]) await backdate((await receive(w.stray.id, quantity, 100)).id, days);
    await backdate((await receive(old.id, 7, 300)).id, 200);
    w.ok(await w.admin.post('/api/v1/stock/adjustments', { warehouseId: w.w1.id, lines: [{ productId: w.stray.id, quantity: -6, reason: '破损' }] }));

    // Purchase orders: PO1 received whole on the day it was due; PO2 ordered 10 days ago, due 2 days ago, 6 of 10 received today; PO3 nothing received.
    const po1 = await po(s1.id, [{ productId: w.cola.id, quantity: 2, unit: '箱' }], inDays(5));
    w.ok(await w.admin.post('/api/v1/purchase-receipts', { orderId: po1.id, lines: [{ orderLineId: po1.lines[0].id, quantity: 2 }] }));
    await t.db.updateTable('purchaseOrders').set({ expectedDate: today }).where('id', '=', po1.id).execute();
    const po2 = await po(s1.id, [{ productId: w.tea.id, quantity: 10 }], inDays(3));
    w.ok(await w.admin.post('/api/v1/purchase-receipts', { orderId: po2.id, lines: [{ orderLineId: po2.lines[0].id, quantity: 6 }] }));
    await t.db.updateTable('purchaseOrders').set({ orderDate: inDays(-10), expectedDate: inDays(-2) }).where('id', '=', po2.id).execute();
    await po(s2.id, [{ productId: w.nuts.id, quantity: 5 }], inDays(1));

    const csv = [['OrderID', 'CustomerID', 'OrderDate', 'ShippedDate', 'ProductID', 'Quantity', 'UnitPrice'], ...history.map(([o, c, d, p, q, u]) => [o, c, d, d, p, q, u])].map((r) => r.join(',')).join('\n');
    const mapping = { orderNo: 'OrderID', customer: 'CustomerID', orderDate: 'OrderDate', shipDate: 'ShippedDate', sku: 'ProductID', quantity: 'Quantity', unitPrice: 'UnitPrice' };
    const res = await w.admin.upload('/api/v1/imports/sales-orders/commit', { name: 'history.csv', content: csv, type: 'text/csv' }, { mapping: JSON.stringify(mapping), confirm: 'true' });
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    expect(res.body.created).toBe(history.length);
  });
  afterAll(() => t.close());

  /** Revenue without tax of each imported history order, from its lines. */
  async function historyNet(): Promise<Record<string, number>> {
    const rows = await t.db.selectFrom('salesOrderLines as l').innerJoin('salesOrders as o', 'o.id', 'l.orderId').select(['o.externalRef', 'l.net']).where('o.externalRef', 'is not', null).execute();
    const out: Record<string, number> = {};
    for (const r of rows) out[r.externalRef!] = (out[r.externalRef!] ?? 0) + Number(r.net);
    return out;
  }
  const stockValue = async (productId: string) => ((await w.admin.get('/api/v1/stock', { query: { productId, pageSize: 500 } })).body.items as Json[]).reduce((s, r) => ({ units: s.units + r.onHand, value: s.value + r.value }), { units: 0, value: 0 });
  const shippedOf = (productId: string) => shipments.flatMap((s) => s.lines).filter((l: Json) => l.productId === productId).reduce((s, l: Json) => ({ units: s.units + l.quantity, cost: s.cost + l.costAmount }), { units: 0, cost: 0 });

  it('gives turnover from the cost of goods and the inventory value at the range’s ends, and days of supply', async () => {
    const now = await stockValue(w.nuts.id);
    const sold = shippedOf(w.nuts.id);
    expect(sold.units).toBe(10);
    // Six days: nuts were worth today's value plus what left today at the start and today's value at the end.
    const six = await get('/api/v1/analytics/stock/turnover', { from: inDays(-5), to: today, by: 'product' });
    const nuts = six.rows.find((r: Json) => r.id === w.nuts.id);
    expect(nuts).toMatchObject({ code: 'NUTS', cogs: sold.cost, unitsSold: 10, openingValue: now.value + sold.cost, closingValue: now.value, onHand: now.units, value: now.value });
    expect(nuts.turnover).toBeCloseTo(sold.cost / (now.value + sold.cost / 2), 2);
    expect(nuts.daysOfSupply).toBeCloseTo(now.units / (10 / 6), 2);
    // From before the opening stock came in, the range opens with nothing.
    const longer = await get('/api/v1/analytics/stock/turnover', { from: inDays(-12), to: today, productId: w.nuts.id });
    expect(longer.rows).toHaveLength(1);
    expect(longer.rows[0]).toMatchObject({ openingValue: 0, closingValue: now.value, averageValue: Math.round(now.value / 2) });
    expect(longer.total.turnover).toBeCloseTo(sold.cost / (now.value / 2), 2);
    // A range that ended before today closes at today's value less what moved since.
    const before = await get('/api/v1/analytics/stock/turnover', { from: inDays(-12), to: inDays(-1), productId: w.nuts.id });
    expect(before.rows[0]).toMatchObject({ cogs: 0, openingValue: 0, closingValue: now.value + sold.cost, turnover: 0, daysOfSupply: null });
    // By warehouse, W2 only had tea: 20 in 10 days ago, 4 out today.
    const byW = await get('/api/v1/analytics/stock/turnover', { from: inDays(-5), to: today, by: 'warehouse', warehouseId: w.w2.id });
    const teaW2 = shipments.flatMap((s) => (s.warehouseId === w.w2.id ? s.lines : [])).reduce((s, l: Json) => s + l.costAmount, 0);
    expect(byW.rows).toHaveLength(1);
    expect(byW.rows[0]).toMatchObject({ id: w.w2.id, name: '南仓', cogs: teaW2, unitsSold: 4, onHand: 16 });
    // Per product (summed in the database) and per warehouse (each warehouse's share) add up to the same totals.
    const totals = async (by: string) => (await get('/api/v1/analytics/stock/turnover', { from: inDays(-12), to: today, by })).total;
    const [p, wh, c] = [await totals('product'), await totals('warehouse'), await totals('category')];
    expect(p.value).toBeGreaterThan(0);
    expect(wh).toEqual(p);
    expect(c).toEqual(p);
  });

  it('classes products ABC by revenue and XYZ by monthly demand, the same across months cut at the edges', async () => {
    const h = await historyNet();
    const revenue: Record<string, number> = {};
    for (const [o, , , sku] of history) revenue[sku] = (revenue[sku] ?? 0) + h[o];
    const ranked = Object.entries(revenue).sort((a, b) => b[1] - a[1]);
    const total = ranked.reduce((s, [, r]) => s + r, 0);
    const classes = (a: number, b: number) => {
      let before = 0;
      return Object.fromEntries(ranked.map(([sku, r]) => { const c = (100 * before) / total < a ? 'A' : (100 * before) / total < a + b ? 'B' : 'C'; before += r; return [sku, c]; }));
    };
    const r = await get('/api/v1/analytics/stock/abc-xyz', { from: '2024-01-01', to: '2024-06-30' });
    expect(r.totalRevenue).toBe(total);
    expect(r.months).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
    const bySku = Object.fromEntries(r.rows.map((x: Json) => [x.sku, x]));
    expect(Object.fromEntries(r.rows.map((x: Json) => [x.sku, x.abc]))).toEqual(classes(80, 15));
    expect(bySku.COLA).toMatchObject({ rank: 1, revenue: revenue.COLA, monthlyUnits: [10, 10, 10, 10, 10, 10], cv: 0, xyz: 'X' });
    expect(bySku.NUTS).toMatchObject({ monthlyUnits: [2, 8, 2, 8, 2, 8], cv: 0.6, xyz: 'Y' });
    expect(bySku.TEA).toMatchObject({ monthlyUnits: [0, 0, 30, 0, 0, 30], cv: 1.41, xyz: 'Z' });
    expect(r.matrix).toHaveLength(9);
    expect(r.matrix.reduce((s: number, c: Json) => s + c.products, 0)).toBe(4);
    expect(r.matrix.find((c: Json) => c.abc === bySku.COLA.abc && c.xyz === 'X').products).toBeGreaterThanOrEqual(1);
    // Other limits move the classes; a range cut inside January and June reads the same lines.
    const tight = await get('/api/v1/analytics/stock/abc-xyz', { from: '2024-01-10', to: '2024-06-25', aPercent: 60, bPercent: 30, xMax: 0.7, yMax: 2 });
    expect(Object.fromEntries(tight.rows.map((x: Json) => [x.sku, x.abc]))).toEqual(classes(60, 30));
    expect(Object.fromEntries(tight.rows.map((x: Json) => [x.sku, [x.monthlyUnits, x.xyz]]))).toMatchObject({ NUTS: [[2, 8, 2, 8, 2, 8], 'X'], TEA: [[0, 0, 30, 0, 0, 30], 'Y'] });
  });

  it('lists stock with no recent sale and ages stock on hand by its latest in-moves', async () => {
    const slow = await get('/api/v1/analytics/stock/slow-moving');
    const stray = await stockValue(w.stray.id);
    const oldNow = await stockValue(old.id);
    expect(slow.rows.map((x: Json) => [x.sku, x.warehouseId, x.lastSaleDay, x.onHand, x.value])).toEqual([
      ['OLD', w.w1.id, '2024-05-15', 7, oldNow.value], ['STRAY', w.w1.id, null, 6, stray.value],
    ].sort((a, b) => (b[4] as number) - (a[4] as number)));
    expect(slow.value).toBe(stray.value + oldNow.value);
    // Within a day everything but what shipped today is slow.
    const day = await get('/api/v1/analytics/stock/slow-moving', { days: 1, warehouseId: w.w2.id });
    expect(day.rows).toEqual([]);

    const age = await get('/api/v1/analytics/stock/ageing', { productId: w.stray.id });
    expect(age.rows).toHaveLength(1);
    // 6 on hand at ¥1: the 3 of 5 days ago and 3 of the 4 of 45 days ago; OLD's 7 are older than 180 days.
    expect(age.rows[0]).toMatchObject({ onHand: 6, units: [3, 3, 0, 0, 0], values: [300, 300, 0, 0, 0], oldestBucket: '31-60' });
    const older = await get('/api/v1/analytics/stock/ageing', { productId: old.id });
    expect(older.rows[0]).toMatchObject({ onHand: 7, units: [0, 0, 0, 0, 7], values: [0, 0, 0, 0, 2100], oldestBucket: '>180' });
    const recent = await get('/api/v1/analytics/stock/ageing', { productId: w.nuts.id });
    expect(recent.rows[0]).toMatchObject({ onHand: 20, units: [20, 0, 0, 0, 0], oldestBucket: '0-30' });
    const all = await get('/api/v1/analytics/stock/ageing');
    const stock = (await w.admin.get('/api/v1/stock', { query: { pageSize: 500 } })).body.items as Json[];
    expect(all.value).toBe(stock.reduce((s, r) => s + r.value, 0));
    expect(all.totals.reduce((s: number, b: Json) => s + b.value, 0)).toBe(all.value);
    expect(all.totals[4]).toMatchObject({ bucket: '>180', units: 7, value: oldNow.value });
  });

  it('scores customers by recency, frequency and money and names their segment', async () => {
    const h = await historyNet();
    const money = (code: string) => history.filter((x) => x[1] === code).reduce((s, x) => s + h[x[0]], 0);
    const r = await get('/api/v1/analytics/customers/rfm', { from: '2024-01-01', to: '2024-06-30' });
    expect(r.rows.map((x: Json) => [x.code, x.lastOrderDay, x.recencyDays, x.frequency, x.monetary, x.r, x.f, x.m, x.segmentZh])).toEqual([
      ['C1', '2024-06-20', 10, 5, money('C1'), 5, 3, 5, '重要价值客户'],
      ['C2', '2024-06-10', 20, 4, money('C2'), 3, 1, 3, '重要发展客户'],
      ['C3', '2024-06-01', 29, 6, money('C3'), 1, 5, 1, '一般保持客户'],
    ]);
    expect(r.segments.find((s: Json) => s.segment === 'HHH')).toMatchObject({ en: 'Important value', customers: 1, monetary: money('C1') });
    const one = await get('/api/v1/analytics/customers/rfm', { from: '2024-01-01', to: '2024-06-30', customerId: customers.C3.id });
    expect(one.rows.map((x: Json) => [x.code, x.frequency])).toEqual([['C3', 6]]);
  });

  it('splits each customer’s revenue by category with shares', async () => {
    const h = await historyNet();
    const cat: Record<string, string | null> = { COLA: drinks.id, TEA: teaCat.id, NUTS: null, OLD: null };
    const want: Record<string, Record<string, number>> = {};
    for (const [o, c, , sku] of history) {
      const k = String(cat[sku]);
      want[c] = { ...want[c], [k]: (want[c]?.[k] ?? 0) + h[o] };
    }
    const r = await get('/api/v1/analytics/customers/categories', { from: '2024-01-10', to: '2024-06-30' });
    const got = Object.fromEntries(r.rows.map((x: Json) => [x.code, Object.fromEntries(x.categories.map((c: Json) => [String(c.categoryId), c.revenue]))]));
    expect(got).toEqual(want);
    const c3 = r.rows.find((x: Json) => x.code === 'C3');
    const c3Total = Object.values(want.C3).reduce((s, v) => s + v, 0);
    expect(c3.revenue).toBe(c3Total);
    expect(c3.categories.find((c: Json) => c.categoryId === teaCat.id).sharePercent).toBeCloseTo((100 * want.C3[teaCat.id]) / c3Total, 2);
    expect(r.categories.find((c: Json) => c.categoryId === drinks.id)).toMatchObject({ name: '饮料', revenue: want.C1[drinks.id] + want.C2[drinks.id] });
    const top1 = await get('/api/v1/analytics/customers/categories', { from: '2024-01-01', to: '2024-06-30', limit: 1, categoryId: drinks.id });
    expect(top1.rows.map((x: Json) => [x.code, x.revenue])).toEqual([['C1', want.C1[drinks.id]]]);
  });

  it('gives supplier on-time delivery, promised and actual lead time and fill rate, with the orders behind them', async () => {
    const r = await get('/api/v1/analytics/suppliers', { from: inDays(-30), to: today });
    expect(r.rows.find((x: Json) => x.supplierId === s1.id)).toMatchObject({
      code: 'S1', orders: 2, receipts: 2, receiptsDue: 2, onTime: 1, onTimePercent: 50, promisedLeadDaysAverage: 4, promisedLeadDaysMedian: 4,
      actualLeadDaysAverage: 5, actualLeadDaysMedian: 5, orderedUnits: 22, receivedUnits: 18, fillRatePercent: 81.82,
    });
    expect(r.rows.find((x: Json) => x.supplierId === s2.id)).toMatchObject({ orders: 1, receipts: 0, onTimePercent: null, promisedLeadDaysAverage: 1, actualLeadDaysAverage: null, fillRatePercent: 0 });
    expect(r.total).toMatchObject({ orders: 3, receipts: 2, orderedUnits: 27, receivedUnits: 18 });
    // PO2 was placed 10 days ago: a range from 5 days ago leaves it out.
    const recent = await get('/api/v1/analytics/suppliers', { from: inDays(-5), to: today, supplierId: s1.id });
    expect(recent.rows.map((x: Json) => [x.orders, x.onTimePercent, x.fillRatePercent])).toEqual([[1, 100, 100]]);
    const drill = await get('/api/v1/analytics/drill/supplier-orders', { from: inDays(-30), to: today, supplierId: s1.id, productId: w.tea.id });
    expect(drill.items).toHaveLength(1);
    expect(drill.items[0]).toMatchObject({ orderDate: inDays(-10), expectedDate: inDays(-2), promisedDays: 8, ordered: 10, received: 6 });
    expect(drill.items[0].receipts.map((x: Json) => [x.day, x.leadDays, x.onTime])).toEqual([[today, 10, false]]);
  });

  it('exports a figure as .xlsx with the figure’s numbers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/analytics/export-more?figure=rfm&from=2024-01-01&to=2024-06-30', headers: { cookie: `${SESSION_COOKIE}=${w.admin.cookie}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toContain('客户分群');
    expect(ws.getRow(2).getCell(1).value).toBe('C1');
    expect(ws.getRow(4).getCell(10).value).toBe('一般保持客户');
    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/analytics/export-more?figure=ageing&format=csv&productId=${w.stray.id}`, headers: { cookie: `${SESSION_COOKIE}=${w.admin.cookie}`, 'accept-language': 'en' } });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('>180 days units');
    expect(csv.body).toContain('STRAY');
  });

  it('refuses a range ending before it starts, unknown filter values and bad limits, naming the field', async () => {
    const en = { headers: { 'accept-language': 'en' } };
    for (const url of ['/api/v1/analytics/stock/turnover', '/api/v1/analytics/stock/abc-xyz', '/api/v1/analytics/customers/rfm', '/api/v1/analytics/suppliers']) {
      const bad = await w.admin.get(url, { query: { from: '2024-03-01', to: '2024-02-01' }, ...en });
      expectError(bad, 400, 'VALIDATION_FAILED');
      expect(bad.body.error.details[0], url).toMatchObject({ field: 'to' });
    }
    const unknown = await w.admin.get('/api/v1/analytics/stock/ageing', { query: { warehouseId: 'nope', categoryId: 'nah' } });
    expectError(unknown, 400, 'VALIDATION_FAILED');
    expect(unknown.body.error.details.map((d: Json) => d.field)).toEqual(['warehouseId', 'categoryId']);
    const supplier = await w.admin.get('/api/v1/analytics/suppliers', { query: { supplierId: 'nobody' }, ...en });
    expectError(supplier, 400, 'VALIDATION_FAILED');
    expect(supplier.body.error.details[0]).toMatchObject({ field: 'supplierId', message: 'No such supplier' });
    const limits = await w.admin.get('/api/v1/analytics/stock/abc-xyz', { query: { aPercent: '90', bPercent: '20' } });
    expectError(limits, 400, 'VALIDATION_FAILED');
    expect(limits.body.error.details[0].field).toBe('bPercent');
    expectError(await w.admin.get('/api/v1/analytics/stock/slow-moving', { query: { days: '0' } }), 400, 'VALIDATION_FAILED');
    expectError(await w.admin.get('/api/v1/analytics/stock/turnover', { query: { by: 'supplier' } }), 400, 'VALIDATION_FAILED');
  });
});
