import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp } from '../support/index.js';
import { pickAll, shippingWorld, type World } from './shipping-fixtures.js';

describe(`shipping: shipments ${dialectLabel}`, () => {
  let t: TestApp;
  let w: World;
  let sf: Json;
  let own: Json;
  const carrier = async (code: string) => (await w.admin.get('/api/v1/carriers')).body.items.find((c: Json) => c.code === code);
  beforeAll(async () => {
    t = await createTestApp();
    w = await shippingWorld(t);
    sf = await carrier('SF');
    own = await carrier('OWN');
  });
  afterAll(() => t.close());

  it('seeds the carrier list', async () => {
    const items = (await w.admin.get('/api/v1/carriers')).body.items;
    expect(items.map((c: Json) => c.code)).toEqual(['SF', 'ZTO', 'YTO', 'JD', 'EMS', 'OWN', 'SIM']);
    expect(items[0]).toMatchObject({ name: '顺丰速运', nameEn: 'SF Express', adapter: 'manual', issuesWaybills: false, trackingRequired: true, hasCallbackSecret: false, callbackSecretSource: null, status: 'active' });
    expect(items[5]).toMatchObject({ name: '自送', trackingRequired: false });
    // The simulator, last, for development and demos: it issues waybills and needs no setup.
    expect(items[6]).toMatchObject({ name: '模拟快递（演示）', nameEn: 'Simulator (demo)', adapter: 'simulator', issuesWaybills: true, hasCallbackSecret: false, status: 'active' });
  });

  it('ships a picked and packed order in one transaction: stock out at moving-average cost, reservation released, order shipped, packages attached, event in the outbox', async () => {
    const { admin, cola, tea, w1 } = w;
    const before = { cola: await w.level(cola.id, w1.id), tea: await w.level(tea.id, w1.id) };
    const o = await w.order([{ productId: cola.id, quantity: 1, unit: '箱' }, { productId: tea.id, quantity: 2 }]);
    await pickAll(admin, [o.id]);
    for (const code of ['6900000000028', 'TEA', 'TEA']) expect((await admin.post(`/api/v1/fulfillment/orders/${o.id}/pack-scans`, { barcode: code })).status).toBe(200);
    const res = await admin.post('/api/v1/shipments', { orderId: o.id, carrierId: sf.id, trackingNumber: 'SF1234567890', trackingSource: 'scanned' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const s = res.body;
    expect(s.number).toMatch(/^CK-\d{8}-\d{4}$/);
    expect(s).toMatchObject({ orderId: o.id, orderNumber: o.number, carrierCode: 'SF', trackingNumber: 'SF1234567890', trackingSource: 'scanned', status: 'shipped', warehouseId: w1.id, costAmount: 6 * 200 + 2 * 250 });
    expect(s.lines.map((l: Json) => [l.sku, l.quantity, l.costAmount])).toEqual([['COLA', 6, 1200], ['TEA', 2, 500]]);
    expect(s.packages).toHaveLength(1);
    expect(s.packages[0]).toMatchObject({ status: 'shipped', shipmentId: s.id });
    // the reply is built without reading back: it must be what a later GET reads
    expect(s).toEqual((await admin.get(`/api/v1/shipments/${s.id}`)).body);
    expect(s.expectedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const after = { cola: await w.level(cola.id, w1.id), tea: await w.level(tea.id, w1.id) };
    expect([after.cola.onHand, after.cola.reserved, after.tea.onHand, after.tea.reserved]).toEqual([before.cola.onHand - 6, before.cola.reserved, before.tea.onHand - 2, before.tea.reserved]);
    const order = (await admin.get(`/api/v1/sales-orders/${o.id}`)).body;
    expect(order.status).toBe('shipped');
    expect(order.lines.map((l: Json) => [l.reserved, l.shipped, l.backordered])).toEqual([[0, 6, 0], [0, 2, 0]]);
    const moves = (await admin.get('/api/v1/stock/movements', { query: { productId: cola.id, warehouseId: w1.id } })).body.items;
    expect(moves[0]).toMatchObject({ kind: 'sale_out', quantity: -6, costAmount: -1200 });
    const f = (await admin.get(`/api/v1/fulfillment/orders/${o.id}`)).body;
    expect(f.trackingPath).toMatch(/^\/t\/[A-Za-z0-9_-]{24}$/);
    expect(f.lines.map((l: Json) => [l.picked, l.packed, l.shipped])).toEqual([[0, 0, 6], [0, 0, 2]]);
    const events = await t.db.selectFrom('outbox').select(['topic', 'payload']).where('topic', '=', 'shipment.shipped').execute();
    expect(events.map((e) => JSON.parse(e.payload).number)).toContain(s.number);
    const audit = (await admin.get('/api/v1/audit-log', { query: { entity: 'shipment', entityId: s.id } })).body.items;
    expect(audit).toHaveLength(1);
    expect((await admin.get('/api/v1/shipments', { query: { q: 'SF1234567890' } })).body.items.map((x: Json) => x.id)).toEqual([s.id]);
    expect((await admin.get(`/api/v1/shipments/${s.id}`)).body).toEqual(s);
    await w.clean();
  });

  it('partial shipments leave the rest reserved; shipping the rest moves the order to shipped', async () => {
    const { admin, tea } = w;
    const o = await w.order([{ productId: tea.id, quantity: 5 }]);
    const lineId = o.lines[0].id;
    const first = await admin.post('/api/v1/shipments', { orderId: o.id, carrierId: own.id, lines: [{ lineId, quantity: 2 }] });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ trackingNumber: null, trackingSource: 'none', packages: [], events: [] });
    expect(first.body).toEqual((await admin.get(`/api/v1/shipments/${first.body.id}`)).body);
    let order = (await admin.get(`/api/v1/sales-orders/${o.id}`)).body;
    expect(order.status).toBe('partially_shipped');
    expect(order.lines[0]).toMatchObject({ reserved: 3, shipped: 2, backordered: 0 });
    expect((await admin.post('/api/v1/shipments', { orderId: o.id, carrierId: own.id })).status).toBe(201);
    order = (await admin.get(`/api/v1/sales-orders/${o.id}`)).body;
    expect(order.status).toBe('shipped');
    expect(order.lines[0]).toMatchObject({ reserved: 0, shipped: 5 });
    await w.clean();
  });

  it('ships one order from two warehouses as two shipments; asks which warehouse when it is not clear', async () => {
    const { admin, tea, w1, w2 } = w;
    const o = await w.order([{ productId: tea.id, quantity: 1 }, { productId: tea.id, quantity: 2, warehouseId: w2.id }]);
    const unclear = await admin.post('/api/v1/shipments', { orderId: o.id, carrierId: own.id });
    expectError(unclear, 400, 'VALIDATION_FAILED');
    expect(unclear.body.error.details[0].field).toBe('warehouseId');
    const mixed = await admin.post('/api/v1/shipments', { orderId: o.id, carrierId: own.id, lines: [{ lineId: o.lines[0].id, quantity: 1 }, { lineId: o.lines[1].id, quantity: 2 }] });
    expectError(mixed, 400, 'VALIDATION_FAILED');
    expect(mixed.body.error.details[0].field).toBe('lines.1.lineId');
    const a = (await admin.post('/api/v1/shipments', { orderId: o.id, carrierId: own.id, warehouseId: w1.id })).body;
    const b = (await admin.post('/api/v1/shipments', { orderId: o.id, carrierId: own.id, warehouseId: w2.id })).body;
    expect([a.warehouseId, b.warehouseId, a.lines[0].quantity, b.lines[0].quantity]).toEqual([w1.id, w2.id, 1, 2]);
    expect((await admin.get(`/api/v1/sales-orders/${o.id}`)).body.status).toBe('shipped');
    expect((await admin.get(`/api/v1/fulfillment/orders/${o.id}`)).body.shipments).toHaveLength(2);
    await w.clean();
  });

  it('backordered lines ship later, once stock has arrived and is allocated to the order', async () => {
    const { admin, nuts, w1 } = w;
    const avail = (await w.level(nuts.id, w1.id)).available;
    const o = w.ok(await admin.post('/api/v1/sales-orders', { customerId: w.shop.id, confirm: true, shortage: 'backorder', lines: [{ productId: nuts.id, quantity: avail + 4 }] }));
    expect(o.lines[0]).toMatchObject({ reserved: avail, backordered: 4 });
    const tooMany = await admin.post('/api/v1/shipments', { orderId: o.id, carrierId: own.id, lines: [{ lineId: o.lines[0].id, quantity: avail + 1 }] });
    expectError(tooMany, 409, 'SHIP_TOO_MANY');
    expect(tooMany.body.error.details[0]).toMatchObject({ field: 'lines.0.quantity', reserved: avail, available: avail, requested: avail + 1 });
    expect((await admin.post('/api/v1/shipments', { orderId: o.id, carrierId: own.id })).status).toBe(201);
    expect((await admin.get(`/api/v1/sales-orders/${o.id}`)).body).toMatchObject({ status: 'partially_shipped', lines: [{ reserved: 0, shipped: avail, backordered: 4 }] });
    expectError(await admin.post('/api/v1/shipments', { orderId: o.id, carrierId: own.id }), 409, 'SHIP_NOTHING');
    w.ok(await admin.post('/api/v1/stock/adjustments', { warehouseId: w1.id, lines: [{ productId: nuts.id, quantity: 10, reason: '到货', unitCost: 600 }] }));
    const allocated = (await admin.post(`/api/v1/fulfillment/orders/${o.id}/allocate`)).body;
    expect(allocated.lines[0]).toMatchObject({ reserved: 4, backordered: 0, toShip: 4 });
    expect((await admin.post('/api/v1/shipments', { orderId: o.id, carrierId: own.id })).status).toBe(201);
    expect((await admin.get(`/api/v1/sales-orders/${o.id}`)).body.status).toBe('shipped');
    await w.clean();
  });

  it('refuses bad input with a 4xx, the field at fault, and changes nothing', async () => {
    const { admin, tea, w1 } = w;
    const o = await w.order([{ productId: tea.id, quantity: 2 }]);
    const other = await w.order([{ productId: tea.id, quantity: 1 }]);
    const cancelled = await w.order([{ productId: tea.id, quantity: 1 }]);
    await admin.post(`/api/v1/sales-orders/${cancelled.id}/cancel`);
    const level = await w.level(tea.id, w1.id);
    const count = (await admin.get('/api/v1/shipments')).body.total;
    const lineId = o.lines[0].id;
    const cases: Array<[Json, number, string, string]> = [
      [{ orderId: o.id, carrierId: own.id, lines: [{ lineId, quantity: 3 }] }, 409, 'SHIP_TOO_MANY', 'lines.0.quantity'],
      [{ orderId: o.id, carrierId: own.id, lines: [{ lineId, quantity: 0 }] }, 400, 'VALIDATION_FAILED', 'lines.0.quantity'],
      [{ orderId: o.id, carrierId: own.id, lines: [{ lineId: other.lines[0].id, quantity: 1 }] }, 404, 'NOT_FOUND', 'lines.0.lineId'],
      [{ orderId: o.id, carrierId: own.id, lines: [{ lineId, quantity: 1 }, { lineId, quantity: 1 }] }, 400, 'VALIDATION_FAILED', 'lines.1.lineId'],
      [{ orderId: cancelled.id, carrierId: own.id }, 409, 'ORDER_STATE', 'orderId'],
      [{ orderId: 'nope', carrierId: own.id }, 404, 'NOT_FOUND', 'orderId'],
      [{ orderId: o.id, carrierId: 'nope' }, 404, 'NOT_FOUND', 'carrierId'],
      [{ orderId: o.id, carrierId: sf.id }, 400, 'VALIDATION_FAILED', 'trackingNumber'],
      [{ orderId: o.id, carrierId: sf.id, trackingNumber: 'SF1234567890' }, 409, 'DUPLICATE', 'trackingNumber'],
      [{ orderId: o.id, carrierId: sf.id, trackingNumber: 'bad number!' }, 400, 'VALIDATION_FAILED', 'trackingNumber'],
      [{ orderId: o.id, carrierId: sf.id, issueWaybill: true }, 422, 'CARRIER_NO_ADAPTER', 'issueWaybill'],
      [{ orderId: o.id, carrierId: own.id, expectedDate: '2020-01-01' }, 400, 'VALIDATION_FAILED', 'expectedDate'],
      [{ orderId: o.id, carrierId: own.id, expectedDate: '2099-02-30' }, 400, 'VALIDATION_FAILED', 'expectedDate'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await admin.post('/api/v1/shipments', body);
      expectError(res, status, code);
      expect(res.body.error.details.map((d: Json) => d.field), `${code} ${JSON.stringify(res.body)}`).toContain(field);
    }
    const zto = await carrier('ZTO');
    await admin.post(`/api/v1/carriers/${zto.id}/deactivate`);
    expectError(await admin.post('/api/v1/shipments', { orderId: o.id, carrierId: zto.id, trackingNumber: 'ZTO1' }), 400, 'INACTIVE');
    await admin.post(`/api/v1/carriers/${zto.id}/activate`);
    expect(await w.level(tea.id, w1.id)).toEqual(level);
    expect((await admin.get('/api/v1/shipments')).body.total).toBe(count);
    expect((await admin.get(`/api/v1/sales-orders/${o.id}`)).body).toMatchObject({ status: 'confirmed', lines: [{ reserved: 2, shipped: 0 }] });
    await w.clean();
  });

  it('the simulator adapter issues the waybill number; an Idempotency-Key retry returns the same shipment and ships once', async () => {
    const { admin, tea, w1 } = w;
    const jd = await carrier('JD');
    expect((await admin.patch(`/api/v1/carriers/${jd.id}`, { adapter: 'simulator' })).body).toMatchObject({ adapter: 'simulator', issuesWaybills: true });
    const o = await w.order([{ productId: tea.id, quantity: 1 }]);
    const before = await w.level(tea.id, w1.id);
    const body = { orderId: o.id, carrierId: jd.id, issueWaybill: true };
    const first = await admin.post('/api/v1/shipments', body, { headers: { 'idempotency-key': 'ship-1' } });
    const again = await admin.post('/api/v1/shipments', body, { headers: { 'idempotency-key': 'ship-1' } });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body);
    expect(first.body).toMatchObject({ trackingSource: 'adapter' });
    expect(first.body.trackingNumber).toMatch(/^JD\d{14}$/);
    expect((await w.level(tea.id, w1.id)).onHand).toBe(before.onHand - 1);
    await w.clean();
  });

  it('only warehouse staff and admins ship; admins manage carriers', async () => {
    const clerk = await t.loginAs('sales');
    const keeper = await t.loginAs('warehouse');
    const o = await w.order([{ productId: w.tea.id, quantity: 1 }]);
    expectError(await clerk.post('/api/v1/shipments', { orderId: o.id, carrierId: own.id }), 403, 'FORBIDDEN');
    expectError(await keeper.post('/api/v1/carriers', { code: 'DBL', name: '德邦' }), 403, 'FORBIDDEN');
    expect((await keeper.post('/api/v1/shipments', { orderId: o.id, carrierId: own.id })).status).toBe(201);
    const added = await w.admin.post('/api/v1/carriers', { code: 'dbl', name: '德邦快递', nameEn: 'Deppon', transitDays: 2, callbackSecret: 'x'.repeat(32) });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({ code: 'DBL', hasCallbackSecret: true, sortOrder: 7 });
    expect(JSON.stringify(added.body)).not.toContain('xxxx');
    expectError(await w.admin.post('/api/v1/carriers', { code: 'DBL', name: '重复' }), 409, 'DUPLICATE');
  });
});

describe(`shipping: concurrent shipments of one order line ${dialectLabel}`, () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await shippingWorld(t);
  });
  afterAll(() => t.close());

  it('never ships more than the line holds reserved; the ledger stays equal to the balances', async () => {
    const { admin, tea, w1 } = w;
    const own = (await admin.get('/api/v1/carriers')).body.items.find((c: Json) => c.code === 'OWN');
    const o = await w.order([{ productId: tea.id, quantity: 10 }]);
    const before = await w.level(tea.id, w1.id);
    const results = await Promise.all(Array.from({ length: 8 }, () => admin.post('/api/v1/shipments', { orderId: o.id, carrierId: own.id, lines: [{ lineId: o.lines[0].id, quantity: 3 }] })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    for (const r of results.filter((x) => x.status !== 201)) expect(r.body.error.code).toBe('SHIP_TOO_MANY');
    const order = (await admin.get(`/api/v1/sales-orders/${o.id}`)).body;
    expect(order.lines[0]).toMatchObject({ shipped: 9, reserved: 1 });
    expect(order.status).toBe('partially_shipped');
    const after = await w.level(tea.id, w1.id);
    expect([after.onHand, after.reserved]).toEqual([before.onHand - 9, before.reserved - 9]);
    await w.clean();
  });
});
