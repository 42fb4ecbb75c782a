import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStock } from '../../src/server/modules/inventory/index.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`sales orders: entry, pricing, reservation ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let w1: Json;
  let w2: Json;
  let cola: Json;
  let tea: Json;
  let shop: Json;
  let trader: Json;
  const available = async (productId: string, warehouseId: string) =>
    (await admin.get('/api/v1/stock', { query: { productId, warehouseId } })).body.items[0]?.available;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    w1 = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true })).body;
    w2 = (await admin.post('/api/v1/warehouses', { code: 'W2', name: '门店仓' })).body;
    cola = (await admin.post('/api/v1/products', { sku: 'COLA', name: '可乐', baseUnit: '瓶', units: [{ name: '箱', factor: 24 }], listPrice: 350, wholesalePrice: 300, costPrice: 200 })).body;
    tea = (await admin.post('/api/v1/products', { sku: 'TEA', name: '绿茶', baseUnit: '瓶', listPrice: 400, taxRate: 9 })).body;
    shop = (await admin.post('/api/v1/customers', { code: 'C1', name: '便利店', addresses: [{ address: '中山路 1 号', city: '厦门', isDefault: true }] })).body;
    trader = (await admin.post('/api/v1/customers', { code: 'C2', name: '批发商', priceTier: 'wholesale' })).body;
    await admin.post('/api/v1/stock/opening', { warehouseId: w1.id, lines: [{ productId: cola.id, quantity: 100, unitCost: 200 }, { productId: tea.id, quantity: 5, unitCost: 250 }] });
    await admin.post('/api/v1/stock/opening', { warehouseId: w2.id, lines: [{ productId: tea.id, quantity: 8, unitCost: 250 }] });
  });
  afterAll(() => t.close());

  it('creates a draft numbered SO-yyyymmdd-nnnn with prices from the customer tier and pack units in base units', async () => {
    const res = await admin.post('/api/v1/sales-orders', { customerId: trader.id, lines: [{ productId: cola.id, quantity: 2, unit: '箱' }, { productId: tea.id, quantity: 1 }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const o = res.body;
    expect(o.number).toMatch(/^SO-\d{8}-\d{4}$/);
    expect(o).toMatchObject({ status: 'draft', warehouseId: w1.id, pricesIncludeTax: true });
    expect(o.lines.map((l: Json) => [l.sku, l.unitName, l.quantity, l.baseQuantity, l.unitPrice, l.total, l.reserved])).toEqual([
      ['COLA', '箱', 2, 48, 7200, 14400, 0],
      ['TEA', '瓶', 1, 1, 400, 400, 0],
    ]);
    // tax out of 14400 at 13% = round(1656.64) = 1657; out of 400 at 9% = round(33.03) = 33
    expect(o).toMatchObject({ total: 14800, tax: 1690, net: 13110 });
    expect(await available(cola.id, w1.id)).toBe(100);
  });

  it('confirms with confirm: true, reserving every line, and fills the shipping address from the customer', async () => {
    const res = await admin.post('/api/v1/sales-orders', { customerId: shop.id, confirm: true, lines: [{ productId: cola.id, quantity: 10 }] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'confirmed', shippingAddress: { address: '中山路 1 号', city: '厦门' } });
    expect(res.body.lines[0]).toMatchObject({ unitPrice: 350, reserved: 10 });
    expect(await available(cola.id, w1.id)).toBe(90);
  });

  it('refuses to confirm when a line is short, reserving nothing, and says where else the stock is', async () => {
    const res = await admin.post('/api/v1/sales-orders', { customerId: shop.id, confirm: true, lines: [{ productId: cola.id, quantity: 1 }, { productId: tea.id, quantity: 6 }] }, { headers: { 'accept-language': 'en' } });
    expectError(res, 409, 'INSUFFICIENT_STOCK');
    const short = res.body.error.details;
    expect(short).toHaveLength(1);
    expect(short[0]).toMatchObject({ field: 'lines.1.quantity', requested: 6, available: 5, elsewhere: [{ warehouseId: w2.id, warehouseName: '门店仓', available: 8 }] });
    expect(await available(cola.id, w1.id)).toBe(90);
    const drafts = (await admin.get('/api/v1/sales-orders', { query: { customerId: shop.id } })).body.items;
    expect(drafts).toHaveLength(1);
  });

  it('confirm and cancel by id: cancelling releases the reservation; a cancelled order cannot be confirmed', async () => {
    const draft = (await admin.post('/api/v1/sales-orders', { customerId: shop.id, lines: [{ productId: tea.id, quantity: 3, warehouseId: w2.id }] })).body;
    const confirmed = await admin.post(`/api/v1/sales-orders/${draft.id}/confirm`);
    expect(confirmed.body.status).toBe('confirmed');
    expect(await available(tea.id, w2.id)).toBe(5);
    const cancelled = await admin.post(`/api/v1/sales-orders/${draft.id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    expect(cancelled.body.lines[0].reserved).toBe(0);
    expect(await available(tea.id, w2.id)).toBe(8);
    const again = await admin.post(`/api/v1/sales-orders/${draft.id}/confirm`, undefined, { headers: { 'accept-language': 'zh-CN' } });
    expectError(again, 409, 'ORDER_STATE');
    expect(again.body.error.message).toContain('已作废');
    expect((await verifyStock(t.db)).ok).toBe(true);
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const before = (await admin.get('/api/v1/sales-orders')).body.total;
    const cases: Array<[Json, number, string]> = [
      [{ customerId: shop.id, lines: [{ productId: cola.id, quantity: 0 }] }, 400, 'lines.0.quantity'],
      [{ customerId: shop.id, lines: [{ productId: cola.id, quantity: 1.5 }] }, 400, 'lines.0.quantity'],
      [{ customerId: shop.id, lines: [{ productId: cola.id, quantity: 1, unit: '托' }] }, 400, 'lines.0.unit'],
      [{ customerId: shop.id, lines: [{ productId: cola.id, quantity: 1, unitPrice: -1 }] }, 400, 'lines.0.unitPrice'],
      [{ customerId: shop.id, lines: [{ productId: 'nope', quantity: 1 }] }, 404, 'lines.0.productId'],
      [{ customerId: 'nope', lines: [{ productId: cola.id, quantity: 1 }] }, 404, 'customerId'],
      [{ customerId: shop.id, lines: [] }, 400, 'lines'],
      [{ customerId: shop.id, lines: [{ productId: cola.id, quantity: 1 }], orderDiscount: 100000 }, 400, 'orderDiscount'],
    ];
    for (const [body, status, field] of cases) {
      const res = await admin.post('/api/v1/sales-orders', body);
      expect(res.status, `${field}: ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body.error.details.map((d: Json) => d.field)).toContain(field);
    }
    expect((await admin.get('/api/v1/sales-orders')).body.total).toBe(before);
  });

  it('an Idempotency-Key retry returns the same order (201, then 200); another body with it is 422', async () => {
    const body = { customerId: shop.id, lines: [{ productId: cola.id, quantity: 1 }], confirm: true };
    const first = await admin.post('/api/v1/sales-orders', body, { headers: { 'idempotency-key': 'order-1' } });
    const second = await admin.post('/api/v1/sales-orders', body, { headers: { 'idempotency-key': 'order-1' } });
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body).toEqual(first.body);
    expectError(await admin.post('/api/v1/sales-orders', { ...body, lines: [{ productId: cola.id, quantity: 2 }] }, { headers: { 'idempotency-key': 'order-1' } }), 422, 'IDEMPOTENCY_MISMATCH');
  });

  it('only sales and admin may enter orders; everyone may read them', async () => {
    const keeper = await t.loginAs('warehouse');
    expectError(await keeper.post('/api/v1/sales-orders', { customerId: shop.id, lines: [{ productId: cola.id, quantity: 1 }] }), 403, 'FORBIDDEN');
    expect((await keeper.get('/api/v1/sales-orders')).status).toBe(200);
    const clerk = await t.apiKeyClient('sales');
    expect((await clerk.post('/api/v1/sales-orders', { customerId: shop.id, lines: [{ productId: cola.id, quantity: 1 }] })).status).toBe(201);
  });

  it('answers create, confirm and cancel with exactly the order a later GET reads (the reply is built without reading back)', async () => {
    const same = async (res: { status: number; body: Json }) => {
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      expect(res.body).toEqual((await admin.get(`/api/v1/sales-orders/${res.body.id}`)).body);
      return res.body;
    };
    const draft = await same(await admin.post('/api/v1/sales-orders', { customerId: trader.id, notes: '备注', requestedDate: '2026-12-01', lines: [{ productId: cola.id, quantity: 1, unit: '箱', discountPercent: 5 }, { productId: tea.id, quantity: 2, warehouseId: w2.id }] }));
    await same(await admin.post(`/api/v1/sales-orders/${draft.id}/confirm`, {}));
    await same(await admin.post(`/api/v1/sales-orders/${draft.id}/cancel`, {}));
    const confirmed = await same(await admin.post('/api/v1/sales-orders', { customerId: shop.id, confirm: true, lines: [{ productId: cola.id, quantity: 2 }] }));
    expect(confirmed.lines[0]).toMatchObject({ reserved: 2, backordered: 0 });
    const backordered = await same(await admin.post('/api/v1/sales-orders', { customerId: shop.id, confirm: true, shortage: 'backorder', lines: [{ productId: tea.id, quantity: 9, warehouseId: w2.id }] }));
    expect(backordered.lines[0]).toMatchObject({ reserved: 8, backordered: 1 });
    await same(await admin.post(`/api/v1/sales-orders/${confirmed.id}/cancel`, {}));
    await same(await admin.post(`/api/v1/sales-orders/${backordered.id}/cancel`, {}));
  });
});

describe(`sales orders under contention ${dialectLabel}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('200 concurrent single-unit orders on a stock of 100: exactly 100 confirmed, available 0, ledger clean', async () => {
    const admin = await t.setupAdmin();
    const wh = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '仓' })).body;
    const p = (await admin.post('/api/v1/products', { sku: 'LAST', name: '最后一批', listPrice: 100 })).body;
    const c = (await admin.post('/api/v1/customers', { code: 'C1', name: '客户' })).body;
    await admin.post('/api/v1/stock/opening', { warehouseId: wh.id, lines: [{ productId: p.id, quantity: 100, unitCost: 50 }] });
    const api = await t.apiKeyClient('sales');
    const results = await Promise.all(Array.from({ length: 200 }, () => api.post('/api/v1/sales-orders', { customerId: c.id, lines: [{ productId: p.id, quantity: 1 }], confirm: true })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(100);
    expect(results.filter((r) => r.status === 409 && r.body.error.code === 'INSUFFICIENT_STOCK')).toHaveLength(100);
    const row = (await admin.get('/api/v1/stock', { query: { productId: p.id } })).body.items[0];
    expect(row).toMatchObject({ onHand: 100, reserved: 100, available: 0 });
    expect((await verifyStock(t.db)).ok).toBe(true);
    const confirmed = (await admin.get('/api/v1/sales-orders', { query: { status: 'confirmed', pageSize: 500 } })).body.total;
    expect(confirmed).toBe(100);
  });

  it('20 concurrent retries of one confirmed order with one Idempotency-Key on the last unit: one order, every reply is it', async () => {
    const admin = await t.setupAdmin();
    const wh = (await admin.post('/api/v1/warehouses', { code: 'W2', name: '仓二' })).body;
    const p = (await admin.post('/api/v1/products', { sku: 'ONE', name: '仅剩一件', listPrice: 100 })).body;
    const c = (await admin.post('/api/v1/customers', { code: 'C2', name: '客户二' })).body;
    await admin.post('/api/v1/stock/opening', { warehouseId: wh.id, lines: [{ productId: p.id, quantity: 1, unitCost: 50 }] });
    const api = await t.apiKeyClient('sales');
    const body = { customerId: c.id, warehouseId: wh.id, lines: [{ productId: p.id, quantity: 1 }], confirm: true };
    const results = await Promise.all(Array.from({ length: 20 }, () => api.post('/api/v1/sales-orders', body, { headers: { 'idempotency-key': 'retry-storm' } })));
    expect(results.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results[0].body).toMatchObject({ status: 'confirmed' });
    const orders = (await admin.get('/api/v1/sales-orders', { query: { customerId: c.id } })).body.total;
    expect(orders).toBe(1);
    expect((await verifyStock(t.db)).ok).toBe(true);
  });
});

describe(`sales order list: sort and export ${dialectLabel}`, () => {
  it('sorts by total and exports CSV; an unknown sort is a 400', async () => {
    const t = await createTestApp();
    try {
      const admin = await t.setupAdmin();
      await admin.post('/api/v1/warehouses', { code: 'W1', name: '仓' });
      const p = (await admin.post('/api/v1/products', { sku: 'P', name: '商品', listPrice: 100 })).body;
      const c = (await admin.post('/api/v1/customers', { code: 'C', name: '客户甲' })).body;
      for (const quantity of [3, 1, 2]) await admin.post('/api/v1/sales-orders', { customerId: c.id, lines: [{ productId: p.id, quantity }] });
      const sorted = (await admin.get('/api/v1/sales-orders', { query: { sort: '-total' } })).body.items.map((o: Json) => o.total);
      expect(sorted).toEqual([300, 200, 100]);
      expectError(await admin.get('/api/v1/sales-orders', { query: { sort: 'colour' } }), 400, 'VALIDATION_FAILED');
      const csv = await admin.get('/api/v1/sales-orders/export', { query: { format: 'csv', sort: 'total' } });
      expect(csv.status).toBe(200);
      const text = String(csv.body);
      expect(text).toContain('价税合计');
      expect(text.trim().split('\r\n')).toHaveLength(4);
    } finally {
      await t.close();
    }
  });
});
