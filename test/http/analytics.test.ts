import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/server/platform/access.js';
import { businessDate } from '../../src/server/platform/clock.js';
import { rebuildAnalytics, verifyAnalytics } from '../../src/server/modules/analytics/analytics-rebuild.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp } from '../support/index.js';
import { shippingWorld, type World } from './shipping-fixtures.js';

// The dashboard's sales and fulfilment figures against what the test adds up itself from the
// documents it made: shipments (revenue share, cost), a return (restocked and scrapped), imported
// history in other months (the monthly rollups' edges), a cancelled and a backordered order.

describe(`analytics: sales, fulfilment and inventory figures ${dialectLabel}`, () => {
  let t: TestApp;
  let w: World;
  let own: Json;
  let drinks: Json;
  let teaCat: Json;
  let other: Json;
  const today = businessDate();
  const shipped: Json[] = [];
  let returned = { net: 0, restockedCost: 0, quantity: 0 };
  const get = async (url: string, query: Json = {}) => {
    const res = await w.admin.get(url, { query });
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    return res.body;
  };
  const ship = async (orderId: string, lines?: Json[]) => {
    const s = w.ok(await w.admin.post('/api/v1/shipments', { orderId, carrierId: own.id, ...(lines ? { lines } : {}) }));
    shipped.push(s);
    return s;
  };
  const line = (o: Json, productId: string) => o.lines.find((l: Json) => l.productId === productId);

  // History in other months: Jan 15, Feb 10, Mar 31 and Apr 2 of 2024 (sold on the ship date).
  const history = [
    ['H1', 'C1', '2024-01-10', '2024-01-15', 'COLA', '10', '3.00'],
    ['H2', 'C1', '2024-02-01', '2024-02-10', 'TEA', '4', '5.00'],
    ['H2', 'C1', '2024-02-01', '2024-02-10', 'NUTS', '1', '12.34'],
    ['H3', 'C2', '2024-03-30', '2024-03-31', 'COLA', '7', '3.50'],
    ['H4', 'C2', '2024-03-30', '2024-04-02', 'TEA', '3', '4.00'],
  ];

  beforeAll(async () => {
    t = await createTestApp();
    w = await shippingWorld(t);
    own = (await w.admin.get('/api/v1/carriers')).body.items.find((c: Json) => c.code === 'OWN');
    drinks = w.ok(await w.admin.post('/api/v1/categories', { name: '饮料' }));
    teaCat = w.ok(await w.admin.post('/api/v1/categories', { name: '茶饮', parentId: drinks.id }));
    w.ok(await w.admin.patch(`/api/v1/products/${w.cola.id}`, { categoryId: drinks.id }));
    w.ok(await w.admin.patch(`/api/v1/products/${w.tea.id}`, { categoryId: teaCat.id }));
    other = w.ok(await w.admin.post('/api/v1/customers', { code: 'C2', name: '社区超市' }));

    // o1: 2 箱 cola and 5 tea, ¥1 off, shipped whole; o2: 10 nuts shipped as 3 then 7; o3: tea from W2 for C2.
    const o1 = await w.order([{ productId: w.cola.id, quantity: 2, unit: '箱' }, { productId: w.tea.id, quantity: 5 }], { orderDiscount: 100, requestedDate: '2099-01-01' });
    await ship(o1.id);
    const o2 = await w.order([{ productId: w.nuts.id, quantity: 10, unitPrice: 777 }]);
    await ship(o2.id, [{ lineId: o2.lines[0].id, quantity: 3 }]);
    await ship(o2.id, [{ lineId: o2.lines[0].id, quantity: 7 }]);
    const o3 = w.ok(await w.admin.post('/api/v1/sales-orders', { customerId: other.id, warehouseId: w.w2.id, confirm: true, lines: [{ productId: w.tea.id, quantity: 4, warehouseId: w.w2.id }], requestedDate: '2000-01-01' }));
    await ship(o3.id);
    // o4 waits for nuts (20 left, 25 asked); o5 is cancelled.
    w.ok(await w.admin.post('/api/v1/sales-orders', { customerId: w.shop.id, confirm: true, shortage: 'backorder', lines: [{ productId: w.nuts.id, quantity: 25 }] }));
    const o5 = await w.order([{ productId: w.cola.id, quantity: 1 }]);
    w.ok(await w.admin.post(`/api/v1/sales-orders/${o5.id}/cancel`, {}));

    // A return of o1: 1 箱 cola restocked, 2 tea scrapped.
    const o1now = await get(`/api/v1/sales-orders/${o1.id}`);
    const r = w.ok(await w.admin.post('/api/v1/sales-returns', { orderId: o1.id, lines: [
      { orderLineId: line(o1now, w.cola.id).id, quantity: 1, unit: '箱', reason: 'damaged' }, { orderLineId: line(o1now, w.tea.id).id, quantity: 2, reason: 'defective' },
    ] }));
    if (r.status === 'requested') w.ok(await w.admin.post(`/api/v1/sales-returns/${r.id}/approve`, {}));
    w.ok(await w.admin.post(`/api/v1/sales-returns/${r.id}/receive`, { scans: [{ code: '6900000000028' }, { code: 'TEA' }, { code: 'TEA' }] }));
    const insp = w.ok(await w.admin.post(`/api/v1/sales-returns/${r.id}/inspect`, { lines: [
      { lineId: r.lines[0].id, grade: 'A', disposition: 'restock', warehouseId: w.w1.id }, { lineId: r.lines[1].id, grade: 'C', disposition: 'scrap' },
    ] }));
    const colaLine = line(o1now, w.cola.id);
    const teaLine = line(o1now, w.tea.id);
    // Revenue taken back: 6 of 12 units and 2 of 5 of each line's revenue without tax, rounded half up.
    returned = {
      net: Math.round((colaLine.net * 6) / 12) + Math.round((teaLine.net * 2) / 5),
      restockedCost: insp.lines[0].costAmount, quantity: 8,
    };

    const csv = [['OrderID', 'CustomerID', 'OrderDate', 'ShippedDate', 'ProductID', 'Quantity', 'UnitPrice'], ...history].map((r) => r.join(',')).join('\n');
    const mapping = { orderNo: 'OrderID', customer: 'CustomerID', orderDate: 'OrderDate', shipDate: 'ShippedDate', sku: 'ProductID', quantity: 'Quantity', unitPrice: 'UnitPrice' };
    const res = await w.admin.upload('/api/v1/imports/sales-orders/commit', { name: 'history.csv', content: csv, type: 'text/csv' }, { mapping: JSON.stringify(mapping), confirm: 'true' });
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    expect(res.body.created).toBe(4);
  });
  afterAll(() => t.close());

  /** Revenue without tax of each imported history order, from its lines. */
  async function historyNet(): Promise<Record<string, number>> {
    const rows = await t.db.selectFrom('salesOrderLines as l').innerJoin('salesOrders as o', 'o.id', 'l.orderId').select(['o.externalRef', 'l.net']).where('o.externalRef', 'is not', null).execute();
    const out: Record<string, number> = {};
    for (const r of rows) out[r.externalRef!] = (out[r.externalRef!] ?? 0) + Number(r.net);
    return out;
  }

  /** What the test's own shipments add up to today. */
  async function expectedToday(filter: (l: Json, s: Json) => boolean = () => true) {
    let net = 0;
    let cost = 0;
    let quantity = 0;
    const shippedBefore = new Map<string, number>();
    for (const s of shipped) {
      const order = await get(`/api/v1/sales-orders/${s.orderId}`);
      for (const sl of s.lines) {
        const l = order.lines.find((x: Json) => x.id === sl.orderLineId);
        const before = shippedBefore.get(l.id) ?? 0;
        shippedBefore.set(l.id, before + sl.quantity);
        if (!filter(l, s)) continue;
        net += Math.round((l.net * (before + sl.quantity)) / l.baseQuantity) - Math.round((l.net * before) / l.baseQuantity);
        cost += sl.costAmount;
        quantity += sl.quantity;
      }
    }
    return { net, cost, quantity };
  }

  it('sums today’s sales, cost of goods and the return netted, with the previous period beside them', async () => {
    const e = await expectedToday();
    const s = await get('/api/v1/analytics/sales/summary', { from: today, to: today });
    expect(s.current).toMatchObject({
      net: e.net, quantity: e.quantity, returnedQuantity: returned.quantity, returnedNet: returned.net,
      revenue: e.net - returned.net, cost: e.cost - returned.restockedCost, costedNet: e.net - returned.net,
      grossProfit: e.net - returned.net - (e.cost - returned.restockedCost),
      orders: 4,
    });
    expect(s.current.marginPercent).toBeCloseTo((100 * s.current.grossProfit) / s.current.costedNet, 2);
    expect(s.previous).toMatchObject({ net: 0, revenue: 0, orders: 0 });
    expect(s.change.revenue).toBeNull();
    // Parts of one line add up to the line: nuts shipped 3 + 7.
    const nuts = await get('/api/v1/analytics/sales/top', { from: today, to: today, by: 'product', limit: 50 });
    const o2 = await get(`/api/v1/sales-orders/${shipped[1].orderId}`);
    expect(nuts.rows.find((r: Json) => r.id === w.nuts.id).revenue).toBe(o2.lines[0].net);
  });

  it('filters by warehouse, category with its subcategories, customer and product, the same whichever table answers', async () => {
    const w2 = await expectedToday((_l, s) => s.warehouseId === w.w2.id);
    const s2 = await get('/api/v1/analytics/sales/summary', { from: today, to: today, warehouseId: w.w2.id });
    expect(s2.current).toMatchObject({ net: w2.net, cost: w2.cost, returnedNet: 0 });
    const drinksToday = await expectedToday((l) => l.productId === w.cola.id || l.productId === w.tea.id);
    const sd = await get('/api/v1/analytics/sales/summary', { from: today, to: today, categoryId: drinks.id });
    expect(sd.current).toMatchObject({ net: drinksToday.net, returnedNet: returned.net, orders: null });
    const st = await get('/api/v1/analytics/sales/summary', { from: today, to: today, categoryId: teaCat.id });
    expect(st.current.net).toBe((await expectedToday((l) => l.productId === w.tea.id)).net);
    const sc = await get('/api/v1/analytics/sales/summary', { from: today, to: today, customerId: other.id });
    expect(sc.current).toMatchObject({ net: w2.net, orders: 1 });
    const byCategory = await get('/api/v1/analytics/sales/top', { from: today, to: today, by: 'category' });
    expect(byCategory.rows.find((r: Json) => r.id === teaCat.id)).toMatchObject({ name: '茶饮' });
    expect(byCategory.rows.find((r: Json) => r.id === null)).toMatchObject({ revenue: (await expectedToday((l) => l.productId === w.nuts.id)).net });
  });

  it('answers ranges cut across months the same from the monthly rollups as from the lines themselves', async () => {
    const ranges = [['2024-01-01', '2024-12-31'], ['2024-01-20', '2024-03-31'], ['2024-01-15', '2024-01-15'], ['2024-02-11', '2024-04-01'], ['2024-03-31', '2024-04-02'], ['2023-12-01', today], ['2024-01-01', '2024-03-30'], ['2024-02-02', '2024-03-30']];
    for (const [from, to] of ranges) {
      for (const by of ['product', 'customer']) {
        const top = await get('/api/v1/analytics/sales/top', { from, to, by, limit: 500 });
        const lines = await get('/api/v1/analytics/drill/sales', { from, to, pageSize: 500 });
        const sum = (pick: (l: Json) => string) => {
          const m = new Map<string, number>();
          for (const l of lines.items) m.set(pick(l), (m.get(pick(l)) ?? 0) + l.net);
          return m;
        };
        const want = sum((l) => (by === 'product' ? l.productId : l.customerId));
        expect(new Map(top.rows.map((r: Json) => [r.id, r.revenue])), `${from}..${to} by ${by}`).toEqual(want);
        expect(top.totalRevenue).toBe(lines.sums.net);
      }
    }
    // History is priced as imported (prices include tax: revenue is without it), cost unknown: no margin.
    const h = await historyNet();
    const y = await get('/api/v1/analytics/sales/summary', { from: '2024-01-01', to: '2024-12-31' });
    expect(y.current).toMatchObject({ net: h.H1 + h.H2 + h.H3 + h.H4, cost: 0, costedNet: 0, marginPercent: null, orders: 4 });
    expect(h.H2).toBeLessThan(2000 + 1234);
    const m = await get('/api/v1/analytics/sales/trend', { from: '2024-01-01', to: '2024-04-30', granularity: 'month' });
    expect(m.points.map((p: Json) => [p.period, p.revenue])).toEqual([['2024-01', h.H1], ['2024-02', h.H2], ['2024-03', h.H3], ['2024-04', h.H4]]);
    expect(m.previous.map((p: Json) => p.period)).toEqual(['2023-09', '2023-10', '2023-11', '2023-12']);
    const wk = await get('/api/v1/analytics/sales/trend', { from: '2024-03-25', to: '2024-04-07', granularity: 'week' });
    expect(wk.points.map((p: Json) => [p.period, p.revenue])).toEqual([['2024-03-25', h.H3], ['2024-04-01', h.H4]]);
  });

  it('gives fulfilment figures with the orders behind them', async () => {
    const f = await get('/api/v1/analytics/fulfilment', { from: today, to: today });
    // o1, o2, o3 shipped; o4 waits (backordered); o5 cancelled is left out; o1 has a return; o3 was due in 2000.
    expect(f.current).toMatchObject({ orders: 4, shipped: 3, backordered: 1, backorderPercent: 25, returned: 1, dueShipped: 2, onTime: 1, onTimePercent: 50, averageDaysToShip: 0, medianDaysToShip: 0 });
    expect(f.current.daysToShip[0]).toEqual({ upTo: 0, count: 3 });
    const late = await get('/api/v1/analytics/drill/orders', { from: today, to: today, onTime: 'false' });
    expect(late.items.map((o: Json) => o.orderId)).toEqual([shipped[3].orderId]);
    const back = await get('/api/v1/analytics/drill/orders', { from: today, to: today, backordered: 'true' });
    expect(back.total).toBe(1);
    const hist = await get('/api/v1/analytics/fulfilment', { from: '2024-01-01', to: '2024-12-31' });
    // Order → ship days of the history: 5, 9, 1, 3.
    expect(hist.current).toMatchObject({ orders: 4, shipped: 4, averageDaysToShip: 4.5, medianDaysToShip: 4 });
  });

  it('values inventory by warehouse and category to the fen of the stock list', async () => {
    const stock = (await w.admin.get('/api/v1/stock', { query: { pageSize: 500 } })).body.items as Json[];
    const total = stock.reduce((s, r) => s + r.value, 0);
    const byW = await get('/api/v1/analytics/inventory/value', { by: 'warehouse' });
    expect(byW.total).toBe(total);
    for (const wh of [w.w1, w.w2]) expect(byW.rows.find((r: Json) => r.id === wh.id).value).toBe(stock.filter((r) => r.warehouseId === wh.id).reduce((s, r) => s + r.value, 0));
    const byC = await get('/api/v1/analytics/inventory/value', { by: 'category', categoryId: drinks.id });
    expect(byC.total).toBe(stock.filter((r) => r.productId === w.cola.id || r.productId === w.tea.id).reduce((s, r) => s + r.value, 0));
  });

  it('exports a figure as .xlsx with the figure’s numbers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/analytics/export?figure=sales-trend&granularity=month&from=2024-01-01&to=2024-04-30', headers: { cookie: `${SESSION_COOKIE}=${w.admin.cookie}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toContain('净销售额');
    expect(ws.getRow(3).getCell(1).value).toBe('2024-02');
    expect(ws.getRow(3).getCell(6).value).toBe((await historyNet()).H2 / 100);
  });

  it('refuses a range ending before it starts, unknown filter values and impossible dates, naming the field', async () => {
    const en = { headers: { 'accept-language': 'en' } };
    const bad = await w.admin.get('/api/v1/analytics/sales/summary', { query: { from: '2024-03-01', to: '2024-02-01' }, ...en });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.error.details[0]).toMatchObject({ field: 'to', message: 'The end date 2024-02-01 is before the start date 2024-03-01' });
    const zh = await w.admin.get('/api/v1/analytics/sales/top', { query: { warehouseId: 'nope', categoryId: 'nah' } });
    expectError(zh, 400, 'VALIDATION_FAILED');
    expect(zh.body.error.details.map((d: Json) => [d.field, d.message])).toEqual([['warehouseId', '没有这个仓库'], ['categoryId', '没有这个商品分类']]);
    expectError(await w.admin.get('/api/v1/analytics/fulfilment', { query: { from: '2024-02-30' } }), 400, 'VALIDATION_FAILED');
    expectError(await w.admin.get('/api/v1/analytics/sales/trend', { query: { from: '2000-01-01', to: '2024-01-01', granularity: 'day' } }), 400, 'VALIDATION_FAILED');
    expectError(await w.admin.get('/api/v1/analytics/sales/top', { query: { by: 'supplier' } }), 400, 'VALIDATION_FAILED');
  });

  it('keeps every rollup row equal to its facts, finds a row changed behind its back, and rebuilds the same figures from the documents', async () => {
    expect(await verifyAnalytics(t.db)).toMatchObject({ ok: true, mismatches: [] });
    const figures = async () => [
      await get('/api/v1/analytics/sales/summary', { from: '2024-01-01', to: today }),
      await get('/api/v1/analytics/sales/top', { from: '2024-01-20', to: today, by: 'customer' }),
      await get('/api/v1/analytics/sales/trend', { from: '2024-01-01', to: today, granularity: 'month' }),
      (await get('/api/v1/analytics/drill/sales', { from: '2024-01-01', to: today, pageSize: 500 })).items.map((l: Json) => [l.orderLineId, l.kind, l.day, l.quantity, l.net, l.cost]).sort(),
    ];
    const before = await figures();
    await t.db.updateTable('salesDaily').set((eb) => ({ net: eb('net', '+', 1) })).where('day', '=', today).where('warehouseId', '=', w.w2.id).execute();
    const broken = await verifyAnalytics(t.db);
    expect(broken.ok).toBe(false);
    expect(broken.mismatches).toHaveLength(1);
    expect(broken.mismatches[0]).toMatchObject({ table: 'sales_daily', key: expect.stringContaining(today) });
    expect(broken.mismatches[0].actual!.net - broken.mismatches[0].expected!.net).toBe(1);
    const built = await rebuildAnalytics(t.db);
    expect(built).toMatchObject({ saleLines: 5, historyOrders: 4, returnLines: 2 });
    expect(await verifyAnalytics(t.db)).toMatchObject({ ok: true });
    const after = await figures();
    expect(after).toEqual(before);
  });
});
