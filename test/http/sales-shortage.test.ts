import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`shortage handling, alerts and the outbox ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let clerk: TestClient;
  let buyer: TestClient;
  let w1: Json;
  let w2: Json;
  let red: Json;
  let blue: Json;
  let pricey: Json;
  let shop: Json;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    clerk = await t.loginAs('sales');
    buyer = await t.loginAs('purchasing');
    w1 = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true })).body;
    w2 = (await admin.post('/api/v1/warehouses', { code: 'W2', name: '门店仓' })).body;
    const cat = (await admin.post('/api/v1/categories', { name: 'T恤' })).body;
    const tee = (over: Json) => admin.post('/api/v1/products', { categoryId: cat.id, listPrice: 5000, ...over }).then((r) => r.body);
    red = await tee({ sku: 'TEE-RED-M', name: 'T恤 红 M', attributes: [{ key: '尺码', value: 'M' }, { key: '颜色', value: '红' }] });
    blue = await tee({ sku: 'TEE-BLU-M', name: 'T恤 蓝 M', listPrice: 5200, attributes: [{ key: '尺码', value: 'M' }, { key: '颜色', value: '蓝' }] });
    pricey = await tee({ sku: 'TEE-SILK', name: '真丝 T恤', listPrice: 20000, attributes: [{ key: '尺码', value: 'M' }] });
    const other = await tee({ sku: 'TEE-BLU-L', name: 'T恤 蓝 L', attributes: [{ key: '尺码', value: 'L' }, { key: '颜色', value: '蓝' }] });
    await admin.post('/api/v1/suppliers', { code: 'S1', name: '服装厂', leadTimeDays: 12, products: [{ productId: red.id, price: 2000, leadTimeDays: 7 }] });
    shop = (await admin.post('/api/v1/customers', { code: 'C1', name: '服装店' })).body;
    await admin.post('/api/v1/stock/opening', { warehouseId: w1.id, lines: [{ productId: red.id, quantity: 2, unitCost: 2000 }, { productId: blue.id, quantity: 30, unitCost: 2000 }, { productId: pricey.id, quantity: 30, unitCost: 9000 }, { productId: other.id, quantity: 30, unitCost: 2000 }] });
    await admin.post('/api/v1/stock/opening', { warehouseId: w2.id, lines: [{ productId: red.id, quantity: 4, unitCost: 2000 }] });
  });
  afterAll(() => t.close());

  it('a short line gets availability here and elsewhere, ranked substitutes, a restock date and the choices', async () => {
    const res = await clerk.post('/api/v1/sales-orders', { customerId: shop.id, confirm: true, lines: [{ productId: red.id, quantity: 5 }] });
    expectError(res, 409, 'INSUFFICIENT_STOCK');
    const [d] = res.body.error.details;
    expect(d).toMatchObject({ lineNo: 1, sku: 'TEE-RED-M', requested: 5, available: 2, elsewhere: [{ warehouseName: '门店仓', available: 4 }], options: ['backorder', 'split', 'wait', 'substitute'] });
    // blue M shares the size and is within the price band; silk is too dear
    expect(d.substitutes.map((s: Json) => s.sku)).toEqual(['TEE-BLU-M', 'TEE-BLU-L']);
    expect(d.substitutes[0]).toMatchObject({ matchingAttributes: 1, available: 30, warehouseName: '主仓库' });
    expect(d.restock.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const days = (Date.parse(d.restock.date) - Date.parse(new Date().toISOString().slice(0, 10))) / 86400000;
    expect(days).toBeGreaterThanOrEqual(6);
    expect(days).toBeLessThanOrEqual(8);
  });

  it('raises one shortage alert for purchasing per product and warehouse, with an unread count', async () => {
    await clerk.post('/api/v1/sales-orders', { customerId: shop.id, confirm: true, lines: [{ productId: red.id, quantity: 9 }] });
    const alerts = (await buyer.get('/api/v1/alerts')).body.items.filter((a: Json) => a.kind === 'shortage');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ targetRole: 'purchasing', entityId: red.id, read: false, status: 'open' });
    expect(alerts[0].title.zh).toContain('缺货：TEE-RED-M');
    expect((await buyer.get('/api/v1/alerts/unread-count')).body.count).toBe(1);
    expect((await clerk.get('/api/v1/alerts')).body.items).toHaveLength(0);
    await buyer.post(`/api/v1/alerts/${alerts[0].id}/read`);
    expect((await buyer.get('/api/v1/alerts/unread-count')).body.count).toBe(0);
  });

  it('stock coming in resolves the shortage alert; the next shortage raises a new one', async () => {
    await admin.post('/api/v1/stock/adjustments', { warehouseId: w1.id, lines: [{ productId: red.id, quantity: 1, reason: '找到一件' }] });
    expect((await buyer.get('/api/v1/alerts', { query: { status: 'open' } })).body.items.filter((a: Json) => a.kind === 'shortage')).toHaveLength(0);
    await clerk.post('/api/v1/sales-orders', { customerId: shop.id, confirm: true, lines: [{ productId: red.id, quantity: 50 }] });
    expect((await buyer.get('/api/v1/alerts/unread-count')).body.count).toBe(1);
  });

  it('a confirmed order writes order.confirmed to the outbox in the same transaction; a refused one writes nothing', async () => {
    const ok = await clerk.post('/api/v1/sales-orders', { customerId: shop.id, confirm: true, lines: [{ productId: blue.id, quantity: 3 }] });
    expect(ok.body.status).toBe('confirmed');
    const events = await t.db.selectFrom('outbox').selectAll().where('topic', '=', 'order.confirmed').execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].payload)).toMatchObject({ number: ok.body.number, total: ok.body.total, lines: [{ sku: 'TEE-BLU-M', quantity: 3 }] });
  });

  it('an order held for approval alerts the approver role, and approving clears it', async () => {
    await admin.post('/api/v1/approval-rules', { name: '大额', kind: 'total_over', threshold: 10000, approverRole: 'finance' });
    const finance = await t.loginAs('finance');
    const held = (await clerk.post('/api/v1/sales-orders', { customerId: shop.id, confirm: true, lines: [{ productId: blue.id, quantity: 5 }] })).body;
    expect(held.status).toBe('pending_approval');
    const mine = (await finance.get('/api/v1/alerts', { query: { status: 'open' } })).body.items;
    expect(mine.map((a: Json) => [a.kind, a.entityId])).toEqual([['approval_needed', held.id]]);
    const byKind = async (kind: string) => (await admin.get('/api/v1/alerts', { query: { status: 'open', kind } })).body.items.map((a: Json) => a.kind);
    expect(await byKind('approval_needed')).toEqual(['approval_needed']);
    expect(new Set(await byKind('shortage'))).toEqual(new Set(['shortage']));
    expectError(await admin.get('/api/v1/alerts', { query: { kind: 'nonsense' } }), 400, 'VALIDATION_FAILED');
    await finance.post(`/api/v1/sales-orders/${held.id}/approve`, {});
    expect((await finance.get('/api/v1/alerts', { query: { status: 'open' } })).body.items).toHaveLength(0);
    expect(await t.db.selectFrom('outbox').select('topic').where('topic', 'in', ['order.approval_needed', 'order.confirmed']).execute()).toHaveLength(3);
  });
});

describe(`a refused order describes only its short lines ${dialectLabel}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lines reserved before the short one fit and are not reported (nothing of the refused order counts against them)', async () => {
    const admin = await t.setupAdmin();
    const wh = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库' })).body;
    const first = (await admin.post('/api/v1/products', { sku: 'FIRST', name: '先建商品', listPrice: 100 })).body; // sorts first, so it is reserved first
    const late = (await admin.post('/api/v1/products', { sku: 'LATE', name: '后建商品', listPrice: 100 })).body;
    const shop = (await admin.post('/api/v1/customers', { code: 'C1', name: '门店' })).body;
    await admin.post('/api/v1/stock/opening', { warehouseId: wh.id, lines: [{ productId: first.id, quantity: 5, unitCost: 50 }, { productId: late.id, quantity: 1, unitCost: 50 }] });
    const res = await admin.post('/api/v1/sales-orders', { customerId: shop.id, confirm: true, lines: [{ productId: first.id, quantity: 5 }, { productId: late.id, quantity: 2 }] });
    expectError(res, 409, 'INSUFFICIENT_STOCK');
    expect(res.body.error.details.map((d: Json) => [d.field, d.sku, d.available])).toEqual([['lines.1.quantity', 'LATE', 1]]);
    // a product never stocked in the warehouse: the message names it, not its id
    const never = (await admin.post('/api/v1/products', { sku: 'NEVER', name: '从未进货', listPrice: 100 })).body;
    const none = await admin.post('/api/v1/sales-orders', { customerId: shop.id, confirm: true, lines: [{ productId: never.id, quantity: 1 }] }, { headers: { 'accept-language': 'en' } });
    expectError(none, 409, 'INSUFFICIENT_STOCK');
    expect(none.body.error.message).toContain('NEVER 从未进货');
    expect(none.body.error.message).toContain('主仓库');
    expect((await admin.get('/api/v1/stock', { query: { productId: first.id } })).body.items[0]).toMatchObject({ reserved: 0, available: 5 });
  });
});

describe(`backorders: reserve what is there, the rest waits ${dialectLabel}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('confirms with shortage: backorder, reserving what is available and showing the rest as backordered', async () => {
    const admin = await t.setupAdmin();
    const wh = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '仓' })).body;
    const a = (await admin.post('/api/v1/products', { sku: 'A', name: 'A', listPrice: 100 })).body;
    const b = (await admin.post('/api/v1/products', { sku: 'B', name: 'B', listPrice: 100 })).body;
    const c = (await admin.post('/api/v1/customers', { code: 'C', name: 'C' })).body;
    await admin.post('/api/v1/stock/opening', { warehouseId: wh.id, lines: [{ productId: a.id, quantity: 3, unitCost: 50 }, { productId: b.id, quantity: 10, unitCost: 50 }] });
    const draft = (await admin.post('/api/v1/sales-orders', { customerId: c.id, lines: [{ productId: a.id, quantity: 5 }, { productId: b.id, quantity: 4 }] })).body;
    expectError(await admin.post(`/api/v1/sales-orders/${draft.id}/confirm`, {}), 409, 'INSUFFICIENT_STOCK');
    const res = await admin.post(`/api/v1/sales-orders/${draft.id}/confirm`, { shortage: 'backorder' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('confirmed');
    expect(res.body.lines.map((l: Json) => [l.sku, l.reserved, l.backordered])).toEqual([['A', 3, 2], ['B', 4, 0]]);
    const stock = (await admin.get('/api/v1/stock', { query: { warehouseId: wh.id } })).body.items.map((r: Json) => [r.sku, r.available]);
    expect(stock).toEqual([['A', 0], ['B', 6]]);
    const cancelled = await admin.post(`/api/v1/sales-orders/${draft.id}/cancel`);
    expect(cancelled.body.lines.map((l: Json) => l.reserved)).toEqual([0, 0]);
    expect((await admin.get('/api/v1/admin/verify-stock')).body.ok).toBe(true);
  });

  it('concurrent backorder confirmations never reserve more than exists', async () => {
    const admin = await t.setupAdmin();
    const wh = (await admin.post('/api/v1/warehouses', { code: 'W2', name: '仓2' })).body;
    const p = (await admin.post('/api/v1/products', { sku: 'HOT2', name: 'HOT2', listPrice: 100 })).body;
    const c = (await admin.post('/api/v1/customers', { code: 'C2', name: 'C2' })).body;
    await admin.post('/api/v1/stock/opening', { warehouseId: wh.id, lines: [{ productId: p.id, quantity: 10, unitCost: 50 }] });
    const results = await Promise.all(Array.from({ length: 15 }, () =>
      admin.post('/api/v1/sales-orders', { customerId: c.id, warehouseId: wh.id, confirm: true, shortage: 'backorder', lines: [{ productId: p.id, quantity: 3 }] })));
    expect(results.every((r) => r.status === 201 && r.body.status === 'confirmed')).toBe(true);
    const reserved = results.reduce((s, r) => s + r.body.lines[0].reserved, 0);
    const backordered = results.reduce((s, r) => s + r.body.lines[0].backordered, 0);
    expect([reserved, backordered]).toEqual([10, 35]);
    expect((await admin.get('/api/v1/admin/verify-stock')).body.ok).toBe(true);
  });
});

describe(`back-in-stock notices ${dialectLabel}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('a subscribed customer gets one stock.back_in_stock event in the outbox when stock arrives', async () => {
    const admin = await t.setupAdmin();
    const wh = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '仓' })).body;
    const p = (await admin.post('/api/v1/products', { sku: 'GONE', name: '断货品', listPrice: 100 })).body;
    const c = (await admin.post('/api/v1/customers', { code: 'C', name: '等货的客户' })).body;
    expectError(await admin.post('/api/v1/back-in-stock', { customerId: c.id, productId: 'nope' }), 404, 'NOT_FOUND');
    const sub = await admin.post('/api/v1/back-in-stock', { customerId: c.id, productId: p.id, warehouseId: wh.id });
    expect(sub.status).toBe(201);
    expect(sub.body.status).toBe('waiting');
    await admin.post('/api/v1/stock/opening', { warehouseId: wh.id, lines: [{ productId: p.id, quantity: 6, unitCost: 50 }] });
    await admin.post('/api/v1/stock/adjustments', { warehouseId: wh.id, lines: [{ productId: p.id, quantity: 1, reason: 'more' }] });
    const events = await t.db.selectFrom('outbox').selectAll().where('topic', '=', 'stock.back_in_stock').execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].payload)).toMatchObject({ customerId: c.id, productId: p.id, sku: 'GONE', available: 6 });
    expect((await admin.get('/api/v1/back-in-stock', { query: { customerId: c.id } })).body.items[0].status).toBe('notified');
  });
});
