import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp } from '../support/index.js';
import { pickAll, shippingWorld, type World } from './shipping-fixtures.js';

describe(`shipping: the fulfilment view and the 待打包 / 待发货 queues ${dialectLabel}`, () => {
  let t: TestApp;
  let w: World;
  let own: Json;
  beforeAll(async () => {
    t = await createTestApp();
    w = await shippingWorld(t);
    own = (await w.admin.get('/api/v1/carriers')).body.items.find((c: Json) => c.code === 'OWN');
  });
  afterAll(() => t.close());

  const queue = async (query: Json = {}) => {
    const res = await w.admin.get('/api/v1/fulfillment/orders', { query });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const numbers = (page: Json) => page.items.map((i: Json) => i.number);

  it('names each line’s and each package’s warehouse', async () => {
    const { admin, tea, w1, w2 } = w;
    const o = await w.order([{ productId: tea.id, quantity: 1 }, { productId: tea.id, quantity: 2, warehouseId: w2.id }]);
    await pickAll(admin, [o.id]);
    w.ok(await admin.post(`/api/v1/fulfillment/orders/${o.id}/pack-scans`, { barcode: 'TEA' }));
    const f = (await admin.get(`/api/v1/fulfillment/orders/${o.id}`)).body;
    expect(f.lines.map((l: Json) => [l.warehouseId, l.warehouseCode, l.warehouseName])).toEqual([[w1.id, 'W1', '主仓库'], [w2.id, 'W2', '南仓']]);
    expect(f.packages.map((p: Json) => p.warehouseName)).toEqual(['主仓库']);
  });

  it('lists orders picked and not all packed (to_pack), and packed and not shipped (to_ship), oldest first, with where they wait', async () => {
    const { admin, cola, tea, nuts, w1, w2 } = w;
    const notPicked = await w.order([{ productId: nuts.id, quantity: 1 }]);
    const picked = await w.order([{ productId: cola.id, quantity: 2 }]);
    await pickAll(admin, [picked.id]);
    const packed = await w.order([{ productId: tea.id, quantity: 1 }]);
    await pickAll(admin, [packed.id]);
    w.ok(await admin.post(`/api/v1/fulfillment/orders/${packed.id}/pack-scans`, { barcode: 'TEA' }));
    const half = await w.order([{ productId: cola.id, quantity: 1 }, { productId: tea.id, quantity: 1, warehouseId: w2.id }]);
    await pickAll(admin, [half.id]);
    w.ok(await admin.post(`/api/v1/fulfillment/orders/${half.id}/pack-scans`, { barcode: 'COLA' }));

    const toPack = await queue();
    const mine = (page: Json) => page.items.filter((i: Json) => [notPicked, picked, packed, half].some((o) => o.id === i.orderId));
    expect(mine(toPack).map((i: Json) => i.number)).toEqual([picked.number, half.number]);
    expect(mine(toPack)[0]).toMatchObject({ orderId: picked.id, status: 'confirmed', customerName: '便利店', lineCount: 1, toPack: 2, packed: 0, warehouses: [{ id: w1.id, code: 'W1', name: '主仓库' }] });
    // Only the tea in 南仓 still waits to be packed; the cola is boxed and waits to ship.
    expect(mine(toPack)[1]).toMatchObject({ lineCount: 1, toPack: 1, warehouses: [{ name: '南仓' }] });
    const toShip = await queue({ stage: 'to_ship' });
    expect(mine(toShip).map((i: Json) => [i.number, i.packed, i.warehouses.map((x: Json) => x.name)])).toEqual([[packed.number, 1, ['主仓库']], [half.number, 1, ['主仓库']]]);

    // Filters: warehouse, search, sort, page.
    expect(numbers(await queue({ warehouseId: w2.id }))).not.toContain(picked.number);
    expect(numbers(await queue({ warehouseId: w2.id }))).toContain(half.number);
    expect(numbers(await queue({ q: picked.number }))).toEqual([picked.number]);
    expect(numbers(await queue({ q: '便利店', sort: '-number' }))[0]).toBe(half.number);
    const first = await queue({ pageSize: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(toPack.total);

    // Shipped: off the queue.
    w.ok(await admin.post('/api/v1/shipments', { orderId: packed.id, carrierId: own.id }));
    expect(numbers(await queue({ stage: 'to_ship' }))).not.toContain(packed.number);
    // Cancelled: off the queue.
    w.ok(await admin.post(`/api/v1/sales-orders/${picked.id}/cancel`));
    expect(numbers(await queue())).not.toContain(picked.number);
    await w.clean();
  });

  it('refuses a bad stage, sort or page with the field at fault', async () => {
    for (const [query, field] of [[{ stage: 'lost' }, 'stage'], [{ sort: 'price' }, 'sort'], [{ page: '0' }, 'page']] as const) {
      const res = await w.admin.get('/api/v1/fulfillment/orders', { query, headers: { 'accept-language': 'zh-CN' } });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.error.details.map((d: Json) => d.field)).toContain(field);
    }
  });

  it('ships with the expected delivery date the user gives', async () => {
    const o = await w.order([{ productId: w.tea.id, quantity: 1 }]);
    const s = w.ok(await w.admin.post('/api/v1/shipments', { orderId: o.id, carrierId: own.id, expectedDate: '2099-12-31' }));
    expect(s.expectedDate).toBe('2099-12-31');
    const past = await w.admin.post('/api/v1/shipments', { orderId: o.id, carrierId: own.id, expectedDate: '2020-01-01' }, { headers: { 'accept-language': 'zh-CN' } });
    expectError(past, 400, 'VALIDATION_FAILED');
    expect(past.body.error.details[0]).toMatchObject({ field: 'expectedDate' });
    expect(past.body.error.details[0].message).toContain('预计送达日期不能早于今天');
  });
});
