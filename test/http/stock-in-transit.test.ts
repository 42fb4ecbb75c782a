import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStock } from '../../src/server/modules/inventory/index.js';
import { createTestApp, dialectLabel, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`in transit on the stock list ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let w1: Json;
  let w2: Json;
  let pen: Json;
  let ink: Json;
  const ok = (res: { status: number; body: Json }, status = 201) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };
  const transfer = (from: Json, to: Json, lines: Json[], ship = true) =>
    admin.post('/api/v1/stock-transfers', { fromWarehouseId: from.id, toWarehouseId: to.id, ship, lines }).then((r) => ok(r));
  const row = async (productId: string, warehouseId: string) => (await admin.get('/api/v1/stock', { query: { productId, warehouseId } })).body.items[0];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    w1 = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true })).body;
    w2 = (await admin.post('/api/v1/warehouses', { code: 'W2', name: '门店' })).body;
    pen = (await admin.post('/api/v1/products', { sku: 'PEN', name: '中性笔', baseUnit: '支', costPrice: 100 })).body;
    ink = (await admin.post('/api/v1/products', { sku: 'INK', name: '墨水', baseUnit: '瓶', costPrice: 500 })).body;
    await admin.post('/api/v1/stock/opening', { warehouseId: w1.id, lines: [{ productId: pen.id, quantity: 50, unitCost: 100 }, { productId: ink.id, quantity: 10, unitCost: 500 }] });
    await admin.post('/api/v1/stock/opening', { warehouseId: w2.id, lines: [{ productId: pen.id, quantity: 2, unitCost: 100 }, { productId: ink.id, quantity: 1, unitCost: 500 }] });
  });
  afterAll(() => t.close());

  it('counts what open transfers carry to each warehouse: shipped − received − returned; drafts, received and cancelled transfers not', async () => {
    await transfer(w1, w2, [{ productId: pen.id, quantity: 4 }, { productId: ink.id, quantity: 2 }]); // in transit
    const part = await transfer(w1, w2, [{ productId: pen.id, quantity: 5 }]);
    ok(await admin.post(`/api/v1/stock-transfers/${part.id}/receive`, { lines: [{ productId: pen.id, quantity: 2 }] }), 200); // 3 still on the way
    await transfer(w1, w2, [{ productId: pen.id, quantity: 6 }], false); // a draft: nothing left yet
    const cancelled = await transfer(w1, w2, [{ productId: pen.id, quantity: 7 }]);
    ok(await admin.post(`/api/v1/stock-transfers/${cancelled.id}/cancel`), 200); // back at the source
    const done = await transfer(w1, w2, [{ productId: pen.id, quantity: 1 }]);
    ok(await admin.post(`/api/v1/stock-transfers/${done.id}/receive`), 200);
    await transfer(w2, w1, [{ productId: ink.id, quantity: 1 }]); // the other way
    expect(await row(pen.id, w2.id)).toMatchObject({ onHand: 2 + 2 + 1, inTransit: 4 + 3, incoming: 0 });
    expect(await row(ink.id, w2.id)).toMatchObject({ onHand: 0, inTransit: 2 });
    expect(await row(pen.id, w1.id)).toMatchObject({ onHand: 50 - 4 - 5 - 1, inTransit: 0 });
    expect(await row(ink.id, w1.id)).toMatchObject({ onHand: 8, inTransit: 1 });
    // The same figures as the in-transit endpoint, and incoming (purchase orders) stays apart.
    const listed = (await admin.get('/api/v1/stock-transfers/in-transit', { query: { warehouseId: w2.id } })).body.items;
    expect(Object.fromEntries(listed.map((i: Json) => [i.sku, i.inTransit]))).toEqual({ PEN: 7, INK: 2 });
    const acme = ok(await admin.post('/api/v1/suppliers', { code: 'S1', name: '文具厂' }));
    ok(await admin.post('/api/v1/purchase-orders', { supplierId: acme.id, warehouseId: w2.id, submit: true, lines: [{ productId: pen.id, quantity: 10, unitPrice: 113 }] }));
    expect(await row(pen.id, w2.id)).toMatchObject({ inTransit: 7, incoming: 10 });
    // Every row of a page carries it (the list, not only a filtered row).
    const page = (await admin.get('/api/v1/stock', { query: { warehouseId: w2.id } })).body.items;
    expect(Object.fromEntries(page.map((r: Json) => [r.sku, r.inTransit]))).toEqual({ PEN: 7, INK: 2 });
    expect((await verifyStock(t.db)).ok).toBe(true);
  });

  it('is in the OpenAPI document of the stock row', async () => {
    const doc = (await admin.get('/api/openapi.json')).body;
    const schema = doc.paths['/api/v1/stock'].get.responses['200'].content['application/json'].schema;
    const items = schema.properties.items.items;
    const props = items.properties ?? doc.components?.schemas?.[String(items.$ref ?? '').split('/').pop() ?? '']?.properties;
    expect(props.inTransit).toMatchObject({ type: 'integer' });
  });
});
