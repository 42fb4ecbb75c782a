import { expect } from 'vitest';
import { verifyStock } from '../../src/server/modules/inventory/index.js';
import type { Json, TestApp, TestClient } from '../support/index.js';

/** A small business to ship from: two warehouses with bins, three products with barcodes, stock, a customer. */
export async function shippingWorld(t: TestApp) {
  const admin = await t.setupAdmin();
  const ok = (res: { status: number; body: Json }) => {
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body;
  };
  const w1 = ok(await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true, bins: [{ code: 'C-03', sortOrder: 3 }, { code: 'A-01', sortOrder: 1 }, { code: 'B-02', sortOrder: 2 }] }));
  const w2 = ok(await admin.post('/api/v1/warehouses', { code: 'W2', name: '南仓', bins: [{ code: 'S-01' }] }));
  const bin = (w: Json, code: string) => w.bins.find((b: Json) => b.code === code).id as string;
  const cola = ok(await admin.post('/api/v1/products', { sku: 'COLA', name: '可乐', baseUnit: '瓶', units: [{ name: '箱', factor: 6 }], barcodes: [{ barcode: '6900000000011' }, { barcode: '6900000000028', unit: '箱' }], listPrice: 350, costPrice: 200 }));
  const tea = ok(await admin.post('/api/v1/products', { sku: 'TEA', name: '绿茶', baseUnit: '瓶', barcodes: [{ barcode: '6900000000035' }], listPrice: 400 }));
  const nuts = ok(await admin.post('/api/v1/products', { sku: 'NUTS', name: '坚果', baseUnit: '袋', barcodes: [{ barcode: '6900000000042' }], listPrice: 900 }));
  const stray = ok(await admin.post('/api/v1/products', { sku: 'STRAY', name: '不在订单上', baseUnit: '个', barcodes: [{ barcode: '6900000000059' }], listPrice: 100 }));
  ok(await admin.post('/api/v1/stock/opening', { warehouseId: w1.id, lines: [
    { productId: cola.id, quantity: 100, unitCost: 200, binId: bin(w1, 'C-03') },
    { productId: tea.id, quantity: 50, unitCost: 250, binId: bin(w1, 'A-01') },
    { productId: nuts.id, quantity: 30, unitCost: 600 },
  ] }));
  ok(await admin.post('/api/v1/stock/opening', { warehouseId: w2.id, lines: [{ productId: tea.id, quantity: 20, unitCost: 250 }] }));
  const shop = ok(await admin.post('/api/v1/customers', { code: 'C1', name: '便利店', addresses: [{ address: '中山路 1 号', city: '厦门', recipient: '王五', isDefault: true }] }));
  const order = async (lines: Json[], extra: Json = {}) => ok(await admin.post('/api/v1/sales-orders', { customerId: shop.id, confirm: true, lines, ...extra }));
  const level = async (productId: string, warehouseId: string) => (await admin.get('/api/v1/stock', { query: { productId, warehouseId } })).body.items[0] as Json;
  const clean = async () => {
    const v = await verifyStock(t.db);
    expect(v.mismatches).toEqual([]);
  };
  return { admin, ok, w1, w2, bin, cola, tea, nuts, stray, shop, order, level, clean };
}

export type World = Awaited<ReturnType<typeof shippingWorld>>;

/** Picks every line of an order in full through a pick list; returns the confirmed list. */
export async function pickAll(c: TestClient, orderIds: string[]) {
  const list = (await c.post('/api/v1/pick-lists', { orderIds })).body;
  const res = await c.post(`/api/v1/pick-lists/${list.id}/confirm`, { lines: list.lines.map((l: Json) => ({ lineId: l.id, picked: l.quantity })) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
