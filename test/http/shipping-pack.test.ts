import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp } from '../support/index.js';
import { pickAll, shippingWorld, type World } from './shipping-fixtures.js';

describe(`shipping: packing by scan ${dialectLabel}`, () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await shippingWorld(t);
  });
  afterAll(() => t.close());

  it('packs scanned items against what is picked; refuses a wrong item and one too many with a clear message, writing nothing', async () => {
    const { admin, cola, tea } = w;
    const o = await w.order([{ productId: cola.id, quantity: 7 }, { productId: tea.id, quantity: 1 }]);
    await pickAll(admin, [o.id]);
    const url = `/api/v1/fulfillment/orders/${o.id}/pack-scans`;
    const first = await admin.post(url, { barcode: '6900000000028' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.line).toMatchObject({ sku: 'COLA', added: 6, picked: 7, packed: 6, toPack: 1 });
    expect(first.body.package).toMatchObject({ seq: 1, status: 'open', items: [{ sku: 'COLA', quantity: 6 }] });
    // a case of 6 when 1 is left is one too many
    const en = { headers: { 'accept-language': 'en' } };
    const tooMany = await admin.post(url, { barcode: '6900000000028' }, en);
    expectError(tooMany, 409, 'PACK_TOO_MANY');
    expect(tooMany.body.error.message).toBe('One too many: COLA 可乐 picked 7, packed 6, this scan 6');
    const wrong = await admin.post(url, { barcode: '6900000000059' }, { headers: { 'accept-language': 'zh-CN' } });
    expectError(wrong, 422, 'PACK_WRONG_ITEM');
    expect(wrong.body.error.message).toContain('装错商品');
    expect(wrong.body.error.details[0].field).toBe('barcode');
    expectError(await admin.post(url, { barcode: '0000' }), 404, 'BARCODE_UNKNOWN');
    expect((await admin.post(url, { barcode: '6900000000011' })).body.line).toMatchObject({ packed: 7, toPack: 0 });
    expect((await admin.post(url, { barcode: 'TEA' })).body.package.items.map((i: Json) => [i.sku, i.quantity])).toEqual([['COLA', 7], ['TEA', 1]]);
    expectError(await admin.post(url, { barcode: 'TEA' }), 409, 'PACK_TOO_MANY');
    const f = (await admin.get(`/api/v1/fulfillment/orders/${o.id}`)).body;
    expect(f.lines.map((l: Json) => [l.sku, l.reserved, l.picked, l.packed])).toEqual([['COLA', 7, 7, 7], ['TEA', 1, 1, 1]]);
    expect(f.packages).toHaveLength(1);
  });

  it('refuses to pack what is not picked yet; packages carry weight and size; an open package can be opened up again', async () => {
    const { admin, nuts } = w;
    const o = await w.order([{ productId: nuts.id, quantity: 2 }]);
    const url = `/api/v1/fulfillment/orders/${o.id}/pack-scans`;
    expectError(await admin.post(url, { barcode: '6900000000042' }), 409, 'PACK_TOO_MANY');
    await pickAll(admin, [o.id]);
    const box = (await admin.post(`/api/v1/fulfillment/orders/${o.id}/packages`, { weightG: 1200, lengthMm: 300, widthMm: 200, heightMm: 100 }));
    expect(box.status, JSON.stringify(box.body)).toBe(201);
    const scanned = (await admin.post(url, { barcode: '6900000000042', packageId: box.body.id })).body;
    expect(scanned.package).toMatchObject({ id: box.body.id, weightG: 1200, items: [{ quantity: 1 }] });
    const patched = await admin.patch(`/api/v1/packages/${box.body.id}`, { weightG: 1500 });
    expect(patched.body).toMatchObject({ weightG: 1500, lengthMm: 300 });
    expectError(await admin.patch(`/api/v1/packages/${box.body.id}`, { weightG: 0 }), 400, 'VALIDATION_FAILED');
    expect((await admin.delete(`/api/v1/packages/${box.body.id}`)).status).toBe(204);
    const f = (await admin.get(`/api/v1/fulfillment/orders/${o.id}`)).body;
    expect(f.lines[0]).toMatchObject({ picked: 2, packed: 0 });
    expect(f.packages).toEqual([]);
  });

  it('refuses packing a cancelled order', async () => {
    const { admin, tea } = w;
    const o = await w.order([{ productId: tea.id, quantity: 1 }]);
    await admin.post(`/api/v1/sales-orders/${o.id}/cancel`);
    expectError(await admin.post(`/api/v1/fulfillment/orders/${o.id}/pack-scans`, { barcode: 'TEA' }), 409, 'ORDER_STATE');
    expectError(await admin.post('/api/v1/fulfillment/orders/nope/pack-scans', { barcode: 'TEA' }), 404, 'NOT_FOUND');
    await w.clean();
  });
});
