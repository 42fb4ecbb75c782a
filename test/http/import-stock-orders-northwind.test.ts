import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, type Json, type TestApp, type TestClient } from '../support/index.js';
import { northwindCsv, northwindFile } from '../support/northwind.js';

const file = northwindFile;
const csv = northwindCsv;

/** Decimal text × 10^shift as an exact BigInt ("9.8", 2 → 980n); throws if that leaves a fraction. */
function scaled(text: string, shift: number): bigint {
  const [whole, frac = ''] = text.split('.');
  const digits = frac.padEnd(shift, '0');
  if (/[1-9]/.test(digits.slice(shift))) throw new Error(`${text} has more than ${shift} decimals`);
  return BigInt(whole) * 10n ** BigInt(shift) + BigInt(digits.slice(0, shift) || '0');
}
/** a / b rounded half up (a, b ≥ 0). */
const halfUp = (a: bigint, b: bigint) => (2n * a + b) / (2n * b);

const ORDERS = 50;
const mappings = {
  products: { sku: 'ProductID', name: 'ProductName', spec: 'QuantityPerUnit', listPrice: 'UnitPrice' },
  customers: { code: 'CustomerID', name: 'CompanyName', contactName: 'ContactName', phone: 'Phone', address: 'Address', city: 'City', province: 'Region', postalCode: 'PostalCode', country: 'Country' },
  orders: { orderNo: 'OrderID', customer: 'CustomerID', orderDate: 'OrderDate', shipDate: 'ShippedDate', requestedDate: 'RequiredDate', sku: 'ProductID', quantity: 'Quantity', unitPrice: 'UnitPrice', discountPercent: 'DiscountPercent' },
};

describe(`imports: Northwind orders as history ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  const orders = csv('orders').slice(0, ORDERS);
  const byId = new Map(orders.map((o) => [o.OrderID, o]));
  const details = csv('order_details').filter((d) => byId.has(d.OrderID));
  // The file the test imports: one row per order line, order columns repeated, Discount as a percent.
  const header = ['OrderID', 'CustomerID', 'OrderDate', 'RequiredDate', 'ShippedDate', 'ProductID', 'UnitPrice', 'Quantity', 'DiscountPercent'];
  const rows = details.map((d) => {
    const o = byId.get(d.OrderID)!;
    const percent = scaled(d.Discount, 4); // basis points, exactly: 0.15 → 1500
    return [o.OrderID, o.CustomerID, o.OrderDate, o.RequiredDate, o.ShippedDate, d.ProductID, d.UnitPrice, d.Quantity, `${percent / 100n}.${String(percent % 100n).padStart(2, '0')}`];
  });
  const historyCsv = [header, ...rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');

  // Expected line totals, from the CSVs alone, in integer fen.
  const expected = details.map((d) => {
    const gross = scaled(d.UnitPrice, 2) * BigInt(d.Quantity);
    const bp = scaled(d.Discount, 4);
    return {
      key: `${d.OrderID}/${d.ProductID}`,
      // Northwind's revenue: UnitPrice × Quantity × (1 − Discount), rounded half up to the fen.
      revenue: halfUp(gross * (10000n - bp), 10000n),
      // docs/money.md rounds the discounted amount the same way.
      amount: halfUp(gross * (10000n - bp), 10000n),
    };
  });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    await admin.post('/api/v1/warehouses', { code: 'W1', name: 'Main', isDefault: true });
    for (const entity of ['products', 'customers'] as const) {
      const res = await admin.upload(`/api/v1/imports/${entity}/commit`, { name: `${entity}.csv`, content: file(entity), type: 'text/csv' }, { mapping: JSON.stringify(mappings[entity]) }, { lang: 'en' });
      expect(res.body).toEqual({ created: csv(entity).length, updated: 0 });
    }
  });
  afterAll(() => t.close());

  it(`imports the first ${ORDERS} orders as closed history with their lines and totals to the fen, moving no stock`, async () => {
    expect(rows.length).toBeGreaterThan(100);
    const upload = (step: string) => admin.upload(`/api/v1/imports/sales-orders/${step}`, { name: 'northwind-orders.csv', content: historyCsv, type: 'text/csv' }, { mapping: JSON.stringify(mappings.orders), confirm: 'true' }, { lang: 'en' });
    const preview = await upload('preview');
    expect(preview.body).toMatchObject({ errors: [], totalRows: rows.length, validRows: rows.length, toCreate: ORDERS });
    const commit = await upload('commit');
    expect(commit.status, JSON.stringify(commit.body).slice(0, 500)).toBe(200);
    expect(commit.body.created).toBe(ORDERS);
    expect(new Set(commit.body.documents.map((d: Json) => d.status))).toEqual(new Set(['closed']));

    const list = (await admin.get('/api/v1/sales-orders', { query: { pageSize: 500 } })).body;
    expect(list.total).toBe(ORDERS);
    const lines = await t.db.selectFrom('salesOrderLines as l').innerJoin('salesOrders as o', 'o.id', 'l.orderId').innerJoin('products as p', 'p.id', 'l.productId')
      .select(['o.externalRef', 'p.sku', 'l.total', 'l.quantity', 'l.reserved', 'l.shipped']).execute();
    expect(lines).toHaveLength(details.length);
    const got = new Map(lines.map((l) => [`${l.externalRef}/${l.sku}`, l]));
    for (const e of expected) expect(Number(got.get(e.key)?.total), e.key).toBe(Number(e.amount));
    const sum = (xs: bigint[]) => xs.reduce((s, x) => s + x, 0n);
    const total = sum(expected.map((e) => e.amount));
    expect(lines.reduce((s, l) => s + Number(l.total), 0)).toBe(Number(total));
    expect(list.items.reduce((s: number, o: Json) => s + o.total, 0)).toBe(Number(total));
    // Northwind's own revenue formula, line by line (10264/41 is 7.70 × 25 at 15% = 163.625 → 163.63).
    for (const e of expected) expect(e.amount, e.key).toBe(e.revenue);
    expect(lines.every((l) => Number(l.reserved) === 0 && Number(l.shipped) === Number(l.quantity))).toBe(true);

    const stored = await t.db.selectFrom('salesOrders').select(['externalRef', 'status', 'orderDate', 'shippedDate', 'requestedDate']).execute();
    expect(stored.sort((a, b) => Number(a.externalRef) - Number(b.externalRef))).toEqual(orders.map((o) => ({ externalRef: o.OrderID, status: 'closed', orderDate: o.OrderDate, shippedDate: o.ShippedDate, requestedDate: o.RequiredDate })));

    expect((await admin.get('/api/v1/admin/verify-stock')).body).toMatchObject({ ok: true, mismatches: [] });
    expect(Number((await t.db.selectFrom('stockMovements').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
    expect(Number((await t.db.selectFrom('stockReservations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
    expect((await admin.get('/api/v1/stock')).body.total).toBe(0);
  });
});
