import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStock } from '../../src/server/modules/inventory/index.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`receiving by scanning, with suggested bins ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let keeper: TestClient;
  let w1: Json;
  let cola: Json;
  let tea: Json;
  let po: Json;
  const bin = (code: string) => w1.bins.find((b: Json) => b.code === code).id;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    keeper = await t.loginAs('warehouse');
    w1 = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true, bins: [{ code: 'A-01' }, { code: 'B-02' }] })).body;
    cola = (await admin.post('/api/v1/products', { sku: 'COLA', name: '可乐', baseUnit: '瓶', units: [{ name: '箱', factor: 6 }], barcodes: [{ barcode: '6900000000011' }, { barcode: '6900000000028', unit: '箱' }], listPrice: 350, costPrice: 200 })).body;
    tea = (await admin.post('/api/v1/products', { sku: 'TEA', name: '绿茶', baseUnit: '瓶', barcodes: [{ barcode: '6900000000035' }], listPrice: 400, costPrice: 250 })).body;
    const supplier = (await admin.post('/api/v1/suppliers', { code: 'S1', name: '饮料批发' })).body;
    expect((await admin.request('PUT', '/api/v1/product-bins', { productId: cola.id, warehouseId: w1.id, binId: bin('A-01') })).status).toBeLessThan(300);
    await admin.post('/api/v1/stock/opening', { warehouseId: w1.id, lines: [{ productId: tea.id, quantity: 1, unitCost: 250, binId: bin('B-02') }] });
    po = (await admin.post('/api/v1/purchase-orders', { supplierId: supplier.id, submit: true, lines: [{ productId: cola.id, quantity: 4, unit: '箱' }, { productId: tea.id, quantity: 12 }] })).body;
  });
  afterAll(() => t.close());

  it('lists the open lines with barcodes and the suggested bin (assigned, else where stock last came in)', async () => {
    const res = await keeper.get(`/api/v1/purchase-orders/${po.id}/receiving`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.lines.map((l: Json) => [l.sku, l.open, l.barcodes, l.suggestedBin?.binCode])).toEqual([
      ['COLA', 24, ['6900000000011', '6900000000028'], 'A-01'],
      ['TEA', 12, ['6900000000035'], 'B-02'],
    ]);
  });

  it('receives scanned codes (a case barcode counts its factor; a SKU works too) into the suggested bins', async () => {
    const res = await keeper.post('/api/v1/purchase-receipts', { orderId: po.id, lines: [{ barcode: '6900000000028', quantity: 3 }, { barcode: '6900000000011', quantity: 2 }, { barcode: 'TEA', quantity: 12, binId: bin('A-01') }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.lines.map((l: Json) => [l.sku, l.unitName, l.quantity, l.baseQuantity, l.binCode])).toEqual([
      ['COLA', '箱', 3, 18, 'A-01'], ['COLA', '瓶', 2, 2, 'A-01'], ['TEA', '瓶', 12, 12, 'A-01'],
    ]);
    const after = (await keeper.get(`/api/v1/purchase-orders/${po.id}/receiving`)).body;
    expect(after.status).toBe('partially_received');
    expect(after.lines.map((l: Json) => [l.sku, l.open])).toEqual([['COLA', 4]]);
    const moves = (await admin.get('/api/v1/stock/movements', { query: { productId: cola.id } })).body.items;
    expect(moves.every((m: Json) => m.binId === bin('A-01'))).toBe(true);
    expect((await verifyStock(t.db)).ok).toBe(true);
  });

  it('refuses an unknown code or a code of another product than the line names, writing nothing', async () => {
    const before = (await admin.get('/api/v1/purchase-receipts')).body.total;
    const unknown = await keeper.post('/api/v1/purchase-receipts', { orderId: po.id, lines: [{ barcode: '6900000000011', quantity: 1 }, { barcode: '123', quantity: 1 }] }, { headers: { 'accept-language': 'en' } });
    expectError(unknown, 404, 'BARCODE_UNKNOWN');
    expect(unknown.body.error.details).toEqual([{ field: 'lines.1.barcode', message: 'Unknown barcode' }]);
    const clash = await keeper.post('/api/v1/purchase-receipts', { orderId: po.id, lines: [{ barcode: '6900000000011', productId: tea.id, quantity: 1 }] });
    expectError(clash, 400, 'VALIDATION_FAILED');
    expect(clash.body.error.details[0].field).toBe('lines.0.barcode');
    expect((await admin.get('/api/v1/purchase-receipts')).body.total).toBe(before);
  });
});
