import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, type Json, type TestApp, type TestClient } from '../support/index.js';
import { northwindCsv, northwindFile, records } from '../support/northwind.js';

// Real order history (issue 7): Superstore and Northwind imported through the import API, then
// the dashboard's figures checked against what this test adds up itself from the shared CSV files,
// in integer fen. The data is read from ../shared, never copied into the repository.

const superstoreDir = path.resolve(import.meta.dirname, '../../../shared/datasets/superstore');
const superstoreCsv = (name: string) => readFileSync(path.join(superstoreDir, `${name}.csv`));

/** Decimal text × 10^4 as an exact BigInt, sign included ("-3.816" → -38160n). */
function tenThousandths(text: string): bigint {
  const negative = text.startsWith('-');
  const [whole, frac = ''] = text.replace(/^-/, '').split('.');
  if (frac.length > 4) throw new Error(`${text} has more than 4 decimals`);
  const v = BigInt(whole) * 10000n + BigInt(frac.padEnd(4, '0'));
  return negative ? -v : v;
}
/** a / b rounded half up (a, b ≥ 0). */
const halfUp = (a: bigint, b: bigint) => (2n * a + b) / (2n * b);
/** Ten-thousandths of a yuan (≥ 0) as text with 4 decimals. */
const decimal4 = (v: bigint) => `${v / 10000n}.${String(v % 10000n).padStart(4, '0')}`;
/** Basis points as a percent with 2 decimals (1500 → "15.00"). */
const percentText = (bp: bigint) => `${bp / 100n}.${String(bp % 100n).padStart(2, '0')}`;

const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
const toCsv = (head: string[], body: string[][]) => [head, ...body].map((r) => r.map(quote).join(',')).join('\n');
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 100);
const add = <K>(m: Map<K, bigint>, k: K, v: bigint) => m.set(k, (m.get(k) ?? 0n) + v);

/** Average (2 decimals, as the API rounds) and median of whole days. */
function dayStats(days: number[]) {
  const s = [...days].sort((a, b) => a - b);
  const n = s.length;
  return {
    average: n ? Math.round((s.reduce((a, b) => a + b, 0) / n) * 100) / 100 : null,
    median: n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : null,
  };
}

type Helpers = { admin: TestClient; get: (url: string, query?: Json) => Promise<Json>; upload: (entity: string, name: string, content: string | Buffer, mapping: Json) => Promise<Json> };

async function helpers(t: TestApp): Promise<Helpers> {
  const admin = await t.setupAdmin();
  const get = async (url: string, query: Json = {}) => {
    const res = await admin.get(url, { query });
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    return res.body;
  };
  const upload = async (entity: string, name: string, content: string | Buffer, mapping: Json) => {
    const res = await admin.upload(`/api/v1/imports/${entity}/commit`, { name, content, type: 'text/csv' }, { mapping: JSON.stringify(mapping) }, { lang: 'en' });
    expect(res.status, JSON.stringify(res.body).slice(0, 800)).toBe(200);
    return res.body;
  };
  return { admin, get, upload };
}

/** Top-level categories by name, and every category by name. */
async function categoryIds(h: Helpers) {
  const items: Json[] = (await h.get('/api/v1/categories')).items;
  return new Map(items.map((c) => [c.name as string, c.id as string]));
}

describe(`analytics on real data: Superstore ${dialectLabel}`, () => {
  let t: TestApp;
  let h: Helpers;
  const timings: Record<string, number> = {};
  const lines = records(superstoreCsv('orders').toString('utf8'));
  const returnedIds = new Set(records(superstoreCsv('returns').toString('utf8')).map((r) => r['Order ID']));

  // What each line is worth, from the CSV alone: the amount and cost as the import rounds them (once, half up).
  const priced = lines.map((l) => {
    const sales = tenThousandths(l.Sales);
    const cost = sales - tenThousandths(l.Profit);
    return { f: l, amount: halfUp(sales, 100n), cost: halfUp(cost, 100n), costText: decimal4(cost), returned: returnedIds.has(l['Order ID']) };
  });
  const orders = new Map(priced.map((l) => [l.f['Order ID'], l]));
  const years = [...new Set(priced.map((l) => l.f['Ship Date'].slice(0, 4)))].sort();

  beforeAll(async () => {
    t = await createTestApp();
    h = await helpers(t);
    await h.admin.post('/api/v1/warehouses', { code: 'W1', name: 'Main', isDefault: true });
    const clock = async (name: string, work: () => Promise<unknown>) => { const t0 = Date.now(); await work(); timings[name] = Date.now() - t0; };
    // Master data derived in memory: one product per Product ID (first name; category path Category/Sub-Category, 0% tax), one customer per Customer ID.
    const products = new Map<string, Record<string, string>>();
    for (const l of lines) if (!products.has(l['Product ID'])) products.set(l['Product ID'], l);
    const customers = new Map(lines.map((l) => [l['Customer ID'], l['Customer Name']]));
    await clock('products', async () => {
      const body = await h.upload('products', 'superstore-products.csv', toCsv(['Product ID', 'Product Name', 'Category', 'Tax'], [...products.values()].map((p) => [p['Product ID'], p['Product Name'], `${p.Category}/${p['Sub-Category']}`, '0'])),
        { sku: 'Product ID', name: 'Product Name', category: 'Category', taxRate: 'Tax' });
      expect(body).toEqual({ created: 1862, updated: 0 });
    });
    await clock('customers', async () => {
      const body = await h.upload('customers', 'superstore-customers.csv', toCsv(['Customer ID', 'Customer Name'], [...customers].map(([id, name]) => [id, name])), { code: 'Customer ID', name: 'Customer Name' });
      expect(body).toEqual({ created: 793, updated: 0 });
    });
    // Every order line: Sales as the line amount, Sales − Profit as its cost, the discount as a percent.
    const orderCsv = toCsv(['Order ID', 'Customer ID', 'Order Date', 'Ship Date', 'Product ID', 'Quantity', 'Sales', 'Discount %', 'Cost'],
      priced.map((l) => [l.f['Order ID'], l.f['Customer ID'], l.f['Order Date'], l.f['Ship Date'], l.f['Product ID'], l.f.Quantity, l.f.Sales, percentText(tenThousandths(l.f.Discount)), l.costText]));
    await clock('orders', async () => {
      const body = await h.upload('sales-orders', 'superstore-orders.csv', orderCsv,
        { orderNo: 'Order ID', customer: 'Customer ID', orderDate: 'Order Date', shipDate: 'Ship Date', sku: 'Product ID', quantity: 'Quantity', lineAmount: 'Sales', discountPercent: 'Discount %', lineCost: 'Cost' });
      expect(body.created).toBe(5009);
    });
    // returns.csv as it is: the whole order, on its ship date.
    await clock('returns', async () => {
      const body = await h.upload('sales-returns', 'superstore-returns.csv', superstoreCsv('returns'), { orderNo: 'Order ID' });
      expect(body.created).toBe(296);
    });
  }, 600_000);
  afterAll(async () => {
    console.log(`superstore import ${dialectLabel} (ms):`, JSON.stringify(timings));
    await t?.close();
  });

  it('keeps every line’s amount to the fen and the order totals as their sums', async () => {
    const stored = await t.db.selectFrom('salesOrderLines').select((eb) => [eb.fn.sum<number>('total').as('total'), eb.fn.sum<number>('net').as('net'), eb.fn.countAll<number>().as('n')]).executeTakeFirstOrThrow();
    const sum = priced.reduce((s, l) => s + l.amount, 0n);
    expect({ n: Number(stored.n), total: Number(stored.total), net: Number(stored.net) }).toEqual({ n: 9994, total: Number(sum), net: Number(sum) });
    const heads = await t.db.selectFrom('salesOrders').select((eb) => [eb.fn.sum<number>('total').as('total'), eb.fn.countAll<number>().as('n')]).where('status', '=', 'closed').executeTakeFirstOrThrow();
    expect({ n: Number(heads.n), total: Number(heads.total) }).toEqual({ n: 5009, total: Number(sum) });
    expect(Number((await t.db.selectFrom('stockMovements').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
  });

  it('refuses returns of unknown orders, of products not on the order and of more than sold or left, row by row', async () => {
    const lineCount = new Map<string, number>();
    for (const l of priced) lineCount.set(l.f['Order ID'], (lineCount.get(l.f['Order ID']) ?? 0) + 1);
    const kept = [...orders.values()].find((o) => !o.returned && lineCount.get(o.f['Order ID']) === 1 && Number(o.f.Quantity) < 5)!;
    const returned = [...orders.values()].find((o) => o.returned)!;
    const elsewhere = priced.find((l) => l.f['Product ID'] !== kept.f['Product ID'])!.f['Product ID'];
    const file = toCsv(['Order ID', 'Product ID', 'Quantity'], [
      ['NO-SUCH-1', '', ''], [kept.f['Order ID'], 'OFF-NOT-THERE', '1'], [kept.f['Order ID'], elsewhere, '1'], [kept.f['Order ID'], kept.f['Product ID'], '5'], [returned.f['Order ID'], '', ''],
    ]);
    const res = await h.admin.upload('/api/v1/imports/sales-returns/preview', { name: 'bad-returns.csv', content: file, type: 'text/csv' }, { mapping: JSON.stringify({ orderNo: 'Order ID', sku: 'Product ID', quantity: 'Quantity' }) }, { lang: 'en' });
    expect(res.status).toBe(200);
    expect(res.body.errors.map((e: Json) => [e.row, e.field, e.message])).toEqual([
      [2, 'orderNo', 'No imported order "NO-SUCH-1"'],
      [3, 'sku', 'No product with SKU or barcode "OFF-NOT-THERE"'],
      [4, 'sku', `Product "${elsewhere}" is not on order "${kept.f['Order ID']}"`],
      [5, 'quantity', `More than can be returned: order "${kept.f['Order ID']}" sold ${kept.f.Quantity}, ${kept.f.Quantity} left to return, this row 5`],
      [6, 'orderNo', `Order "${returned.f['Order ID']}" has been returned in full already`],
    ]);
  });

  it('revenue, returns, cost and gross profit by year (ship date) equal the CSV’s sums', async () => {
    for (const y of years) {
      const inYear = priced.filter((l) => l.f['Ship Date'].startsWith(y));
      const sales = inYear.reduce((s, l) => s + l.amount, 0n);
      const returns = inYear.filter((l) => l.returned).reduce((s, l) => s + l.amount, 0n);
      const cost = inYear.reduce((s, l) => s + l.cost, 0n);
      const profit = inYear.reduce((s, l) => s + (l.amount - l.cost), 0n);
      const orderCount = new Set(priced.filter((l) => l.f['Order Date'].startsWith(y)).map((l) => l.f['Order ID'])).size;
      const s = (await h.get('/api/v1/analytics/sales/summary', { from: `${y}-01-01`, to: `${y}-12-31` })).current;
      expect({ year: y, net: s.net, returnedNet: s.returnedNet, revenue: s.revenue, cost: s.cost, salesProfit: s.net - s.cost, grossProfit: s.grossProfit, orders: s.orders }).toEqual({
        year: y, net: Number(sales), returnedNet: Number(returns), revenue: Number(sales - returns), cost: Number(cost),
        // Σ Profit (each line rounded as imported); returned goods take their revenue back and keep their cost.
        salesProfit: Number(profit), grossProfit: Number(profit - returns), orders: orderCount,
      });
    }
  });

  it('revenue by category and year, and by sub-category over all years', async () => {
    const ids = await categoryIds(h);
    for (const category of ['Furniture', 'Office Supplies', 'Technology']) {
      for (const y of years) {
        const expected = priced.filter((l) => l.f.Category === category && l.f['Ship Date'].startsWith(y)).reduce((s, l) => s + (l.returned ? 0n : l.amount), 0n);
        const s = (await h.get('/api/v1/analytics/sales/summary', { from: `${y}-01-01`, to: `${y}-12-31`, categoryId: ids.get(category) })).current;
        expect([category, y, s.revenue]).toEqual([category, y, Number(expected)]);
      }
    }
    const bySub = new Map<string, bigint>();
    for (const l of priced) add(bySub, l.f['Sub-Category'], l.returned ? 0n : l.amount);
    const top = await h.get('/api/v1/analytics/sales/top', { from: '2014-01-01', to: '2018-12-31', by: 'category', limit: 50 });
    expect(top.count).toBe(17);
    expect(Object.fromEntries(top.rows.map((r: Json) => [r.name, r.revenue]))).toEqual(Object.fromEntries([...bySub].map(([k, v]) => [k, Number(v)])));
  });

  it('top 10 customers by revenue', async () => {
    const byCustomer = new Map<string, bigint>();
    for (const l of priced) add(byCustomer, l.f['Customer ID'], l.returned ? 0n : l.amount);
    const expected = [...byCustomer].sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : 0)).slice(0, 11);
    expect(new Set(expected.map((e) => e[1])).size).toBe(11); // no ties around the cut
    const top = await h.get('/api/v1/analytics/sales/top', { from: '2014-01-01', to: '2018-12-31', by: 'customer', limit: 10 });
    expect(top.rows.map((r: Json) => [r.code, r.revenue])).toEqual(expected.slice(0, 10).map(([code, v]) => [code, Number(v)]));
  });

  it('days from order to ship and the return rate by order year', async () => {
    for (const y of [...new Set(priced.map((l) => l.f['Order Date'].slice(0, 4)))].sort()) {
      const inYear = [...orders.values()].filter((o) => o.f['Order Date'].startsWith(y));
      const days = dayStats(inYear.map((o) => daysBetween(o.f['Order Date'], o.f['Ship Date'])));
      const returned = inYear.filter((o) => o.returned).length;
      const f = (await h.get('/api/v1/analytics/fulfilment', { from: `${y}-01-01`, to: `${y}-12-31` })).current;
      expect({ y, orders: f.orders, shipped: f.shipped, average: f.averageDaysToShip, median: f.medianDaysToShip, returned: f.returned, returnPercent: f.returnPercent }).toEqual({
        y, orders: inYear.length, shipped: inYear.length, average: days.average, median: days.median, returned, returnPercent: rate(returned, inYear.length),
      });
    }
  });
});

describe(`analytics on real data: Northwind ${dialectLabel}`, () => {
  let t: TestApp;
  let h: Helpers;
  const categories = new Map(northwindCsv('categories').map((c) => [c.CategoryID, c.CategoryName]));
  const productCategory = new Map(northwindCsv('products').map((p) => [p.ProductID, categories.get(p.CategoryID)!]));
  const orders = new Map(northwindCsv('orders').filter((o) => o.ShippedDate).map((o) => [o.OrderID, o]));
  const details = northwindCsv('order_details').filter((d) => orders.has(d.OrderID)).map((d) => {
    const o = orders.get(d.OrderID)!;
    const bp = tenThousandths(d.Discount); // 0.15 → 1500 basis points
    // Northwind's revenue: UnitPrice × Quantity × (1 − Discount), rounded half up to the fen; no tax.
    const amount = halfUp(tenThousandths(d.UnitPrice) / 100n * BigInt(d.Quantity) * (10000n - bp), 10000n);
    return { f: d, bp, amount, customer: o.CustomerID, shipYear: o.ShippedDate.slice(0, 4), category: productCategory.get(d.ProductID)! };
  });
  const years = [...new Set(details.map((d) => d.shipYear))].sort();

  beforeAll(async () => {
    t = await createTestApp();
    h = await helpers(t);
    await h.admin.post('/api/v1/warehouses', { code: 'W1', name: 'Main', isDefault: true });
    const products = northwindCsv('products').map((p) => [p.ProductID, p.ProductName, categories.get(p.CategoryID)!, '0']);
    expect(await h.upload('products', 'northwind-products.csv', toCsv(['ProductID', 'ProductName', 'Category', 'TaxRate'], products), { sku: 'ProductID', name: 'ProductName', category: 'Category', taxRate: 'TaxRate' })).toEqual({ created: 77, updated: 0 });
    expect((await h.upload('customers', 'customers.csv', northwindFile('customers'), { code: 'CustomerID', name: 'CompanyName' })).created).toBe(91);
    const rows = details.map((d) => {
      const o = orders.get(d.f.OrderID)!;
      return [o.OrderID, o.CustomerID, o.OrderDate, o.RequiredDate, o.ShippedDate, d.f.ProductID, d.f.UnitPrice, d.f.Quantity, percentText(d.bp)];
    });
    const body = await h.upload('sales-orders', 'northwind-orders.csv', toCsv(['OrderID', 'CustomerID', 'OrderDate', 'RequiredDate', 'ShippedDate', 'ProductID', 'UnitPrice', 'Quantity', 'DiscountPercent'], rows),
      { orderNo: 'OrderID', customer: 'CustomerID', orderDate: 'OrderDate', shipDate: 'ShippedDate', requestedDate: 'RequiredDate', sku: 'ProductID', quantity: 'Quantity', unitPrice: 'UnitPrice', discountPercent: 'DiscountPercent' });
    expect(body.created).toBe(orders.size);
  }, 600_000);
  afterAll(() => t?.close());

  it('revenue by year and by category and year (ship date), with no cost known', async () => {
    const ids = await categoryIds(h);
    for (const y of years) {
      const inYear = details.filter((d) => d.shipYear === y);
      const s = (await h.get('/api/v1/analytics/sales/summary', { from: `${y}-01-01`, to: `${y}-12-31` })).current;
      expect([y, s.revenue, s.quantity, s.costedNet, s.marginPercent]).toEqual([y, Number(inYear.reduce((a, d) => a + d.amount, 0n)), inYear.reduce((a, d) => a + Number(d.f.Quantity), 0), 0, null]);
      for (const c of categories.values()) {
        const expected = inYear.filter((d) => d.category === c).reduce((a, d) => a + d.amount, 0n);
        // The import reads "Grains/Cereals" as a path: Cereals under Grains; Grains holds it all.
        const sc = (await h.get('/api/v1/analytics/sales/summary', { from: `${y}-01-01`, to: `${y}-12-31`, categoryId: ids.get(c.split('/')[0]) })).current;
        expect([y, c, sc.revenue]).toEqual([y, c, Number(expected)]);
      }
    }
  });

  it('top 10 customers by revenue', async () => {
    const byCustomer = new Map<string, bigint>();
    for (const d of details) add(byCustomer, d.customer, d.amount);
    const expected = [...byCustomer].sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : 0)).slice(0, 11);
    expect(new Set(expected.map((e) => e[1])).size).toBe(11);
    const top = await h.get('/api/v1/analytics/sales/top', { from: '1996-01-01', to: '1998-12-31', by: 'customer', limit: 10 });
    expect(top.rows.map((r: Json) => [r.code, r.revenue])).toEqual(expected.slice(0, 10).map(([code, v]) => [code, Number(v)]));
  });

  it('days from order to ship by order year', async () => {
    for (const y of [...new Set([...orders.values()].map((o) => o.OrderDate.slice(0, 4)))].sort()) {
      const inYear = [...orders.values()].filter((o) => o.OrderDate.startsWith(y));
      const days = dayStats(inYear.map((o) => daysBetween(o.OrderDate, o.ShippedDate)));
      const onTime = inYear.filter((o) => o.ShippedDate <= o.RequiredDate).length;
      const f = (await h.get('/api/v1/analytics/fulfilment', { from: `${y}-01-01`, to: `${y}-12-31` })).current;
      expect({ y, shipped: f.shipped, average: f.averageDaysToShip, median: f.medianDaysToShip, onTime: f.onTime, returned: f.returned }).toEqual({
        y, shipped: inYear.length, average: days.average, median: days.median, onTime, returned: 0,
      });
    }
  });
});
