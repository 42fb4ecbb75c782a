import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStock } from '../../src/server/modules/inventory/index.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`purchase returns: stock out, at most what was received, payable credited ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let w1: Json;
  let cola: Json;
  let tea: Json;
  let acme: Json;
  let other: Json;
  let receipt: Json;
  const en = { headers: { 'accept-language': 'en' } };
  const count = async (table: 'purchaseReturns' | 'purchaseReturnLines' | 'stockMovements' | 'supplierPayables') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const counts = () => Promise.all([count('purchaseReturns'), count('purchaseReturnLines'), count('stockMovements'), count('supplierPayables')]);
  const stock = async (productId: string) => (await admin.get('/api/v1/stock', { query: { productId, warehouseId: w1.id } })).body.items[0];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    w1 = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true })).body;
    cola = (await admin.post('/api/v1/products', { sku: 'COLA', name: '可乐', baseUnit: '瓶', units: [{ name: '箱', factor: 24 }], listPrice: 350, costPrice: 200 })).body;
    tea = (await admin.post('/api/v1/products', { sku: 'TEA', name: '绿茶', baseUnit: '瓶', listPrice: 400, costPrice: 250, taxRate: 9 })).body;
    acme = (await admin.post('/api/v1/suppliers', { code: 'S1', name: '饮料批发', products: [{ productId: cola.id, price: 180 }] })).body;
    other = (await admin.post('/api/v1/suppliers', { code: 'S2', name: '别家' })).body;
    await admin.post('/api/v1/stock/opening', { warehouseId: w1.id, lines: [{ productId: cola.id, quantity: 24, unitCost: 150 }] });
    // 2 箱 at 4520 incl. 13% VAT: net 8000 for 48 bottles → 167 a bottle; tea 10 at 109 incl. 9% → 100 a bottle.
    const po = (await admin.post('/api/v1/purchase-orders', { supplierId: acme.id, submit: true, lines: [{ productId: cola.id, quantity: 2, unit: '箱', unitPrice: 4520 }, { productId: tea.id, quantity: 10, unitPrice: 109 }] })).body;
    const res = await admin.post('/api/v1/purchase-receipts', { orderId: po.id, lines: [{ orderLineId: po.lines[0].id, quantity: 2 }, { orderLineId: po.lines[1].id, quantity: 10 }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    receipt = res.body;
  });
  afterAll(() => t.close());

  it('books the receipt as a payable, returns part of it: stock out, credit at the receipt’s cost with VAT', async () => {
    const payable = (await admin.get('/api/v1/purchasing/payables', { query: { supplierId: acme.id } })).body;
    // 48 × 167 = 8016 + 13% = 1042 (1042.08); 10 × 100 = 1000 + 9% = 90
    expect(payable).toMatchObject({ balance: 8016 + 1042 + 1000 + 90, total: 1 });
    expect(payable.items[0]).toMatchObject({ kind: 'receipt', sourceNumber: receipt.number, net: 9016, tax: 1132 });
    const res = await admin.post('/api/v1/purchase-returns', { supplierId: acme.id, receiptId: receipt.id, reason: '破损', lines: [{ receiptLineId: receipt.lines[0].id, quantity: 1 }, { productId: tea.id, quantity: 4, unit: '瓶' }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const r = res.body;
    expect(r.number).toMatch(/^CGTH-\d{8}-\d{4}$/);
    expect(r).toMatchObject({ receiptNumber: receipt.number, supplierName: '饮料批发', lineCount: 2, creditNet: 24 * 167 + 400, creditTax: 521 + 36, reason: '破损' });
    expect(r.lines[0]).toMatchObject({ unitName: '箱', quantity: 1, baseQuantity: 24, unitCost: 167, creditAmount: 4008 });
    expect(r.lines[1]).toMatchObject({ baseQuantity: 4, unitCost: 100, creditAmount: 400, costAmount: 400 });
    // Cola leaves at the receipt's 167, not at the moving average ((24 × 150 + 48 × 167) / 72 = 161.3):
    // value 3600 + 8016 − 4008 = 7608 over 48 bottles → average 158.5, rounded half up 159.
    expect(r.lines[0]).toMatchObject({ costAmount: 4008 });
    expect(r.costAmount).toBe(4008 + 400);
    expect(await stock(cola.id)).toMatchObject({ avgCost: 159, value: 7608 });
    const colaMoves = (await admin.get('/api/v1/stock/movements', { query: { productId: cola.id } })).body.items;
    expect(colaMoves[0]).toMatchObject({ kind: 'purchase_return_out', quantity: -24, unitCost: 167, costAmount: -4008 });
    expect(await stock(cola.id)).toMatchObject({ onHand: 48 });
    expect(await stock(tea.id)).toMatchObject({ onHand: 6 });
    const moves = (await admin.get('/api/v1/stock/movements', { query: { productId: tea.id } })).body.items;
    expect(moves[0]).toMatchObject({ kind: 'purchase_return_out', quantity: -4, sourceType: 'purchase_return', sourceId: r.id });
    const after = (await admin.get('/api/v1/purchasing/payables', { query: { supplierId: acme.id } })).body;
    expect(after.balance).toBe(payable.balance - r.creditTotal);
    expect(after.items[0]).toMatchObject({ kind: 'purchase_return', sourceNumber: r.number, amount: -r.creditTotal });
    expect((await admin.get('/api/v1/purchase-returns', { query: { receiptId: receipt.id } })).body.items.map((x: Json) => x.number)).toEqual([r.number]);
    expect((await admin.get(`/api/v1/purchase-returns/${r.id}`)).body.lines).toHaveLength(2);
    const outbox = await t.db.selectFrom('outbox').select('topic').where('topic', '=', 'purchase_return.posted').execute();
    expect(outbox).toHaveLength(1);
    expect((await verifyStock(t.db)).ok).toBe(true);
  });

  it('refuses returning more than received minus returned, another supplier’s receipt, unknown lines: a code, the field, nothing written', async () => {
    const before = await counts();
    const over = await admin.post('/api/v1/purchase-returns', { supplierId: acme.id, receiptId: receipt.id, lines: [{ productId: tea.id, quantity: 7 }] }, en);
    expectError(over, 409, 'OVER_RETURN');
    expect(over.body.error.message).toBe('Too many of TEA 绿茶 returned: received 10, returned 4, at most 6 more, this return 7');
    expect(over.body.error.details[0]).toMatchObject({ field: 'lines.0.quantity', allowed: 6, requested: 7 });
    // Two lines of one receipt line add up.
    expectError(await admin.post('/api/v1/purchase-returns', { supplierId: acme.id, receiptId: receipt.id, lines: [{ productId: tea.id, quantity: 3 }, { productId: tea.id, quantity: 4 }] }), 409, 'OVER_RETURN');
    const wrong = await admin.post('/api/v1/purchase-returns', { supplierId: other.id, receiptId: receipt.id, lines: [{ productId: tea.id, quantity: 1 }] });
    expectError(wrong, 422, 'RETURN_SUPPLIER_MISMATCH');
    expect(wrong.body.error.message).toContain('饮料批发');
    expect(wrong.body.error.details[0].field).toBe('supplierId');
    const unknown = await admin.post('/api/v1/purchase-returns', { supplierId: acme.id, receiptId: receipt.id, lines: [{ productId: 'nope', quantity: 1 }] });
    expectError(unknown, 422, 'NOT_ON_RECEIPT');
    expect(unknown.body.error.details[0].field).toBe('lines.0.productId');
    const noReceipt = await admin.post('/api/v1/purchase-returns', { supplierId: acme.id, receiptId: 'nope', lines: [{ productId: tea.id, quantity: 1 }] });
    expectError(noReceipt, 404, 'NOT_FOUND');
    expect(noReceipt.body.error.details[0].field).toBe('receiptId');
    const badUnit = await admin.post('/api/v1/purchase-returns', { supplierId: acme.id, receiptId: receipt.id, lines: [{ productId: tea.id, quantity: 1, unit: '箱' }] });
    expectError(badUnit, 400, 'VALIDATION_FAILED');
    expectError(await admin.post('/api/v1/purchase-returns', { supplierId: acme.id, receiptId: receipt.id, lines: [{ productId: tea.id, quantity: -1 }] }), 400, 'VALIDATION_FAILED');
    expect(await counts()).toEqual(before);
    // What is still there can go back; the receipt line is then used up.
    expect((await admin.post('/api/v1/purchase-returns', { supplierId: acme.id, receiptId: receipt.id, lines: [{ productId: tea.id, quantity: 6 }] })).status).toBe(201);
    expectError(await admin.post('/api/v1/purchase-returns', { supplierId: acme.id, receiptId: receipt.id, lines: [{ productId: tea.id, quantity: 1 }] }), 409, 'OVER_RETURN');
    expect((await verifyStock(t.db)).ok).toBe(true);
  });

  it('refuses a return of stock already reserved for orders (INSUFFICIENT_STOCK), nothing written', async () => {
    const shop = (await admin.post('/api/v1/customers', { code: 'C1', name: '小店' })).body;
    const so = await admin.post('/api/v1/sales-orders', { customerId: shop.id, confirm: true, lines: [{ productId: cola.id, quantity: 40 }] });
    expect(so.status, JSON.stringify(so.body)).toBe(201);
    const before = await counts();
    expectError(await admin.post('/api/v1/purchase-returns', { supplierId: acme.id, receiptId: receipt.id, lines: [{ productId: cola.id, quantity: 1, unit: '箱' }] }), 409, 'INSUFFICIENT_STOCK');
    expect(await counts()).toEqual(before);
    const line = await t.db.selectFrom('purchaseReceiptLines').select('returned').where('id', '=', receipt.lines[0].id).executeTakeFirstOrThrow();
    expect(Number(line.returned)).toBe(24);
  });

  it('moving average after a return at the receipt’s cost: 10 @ 100 + 10 @ 200, 5 back at 200 → 2000 over 15 = 133; the last units take what is left', async () => {
    const ink = (await admin.post('/api/v1/products', { sku: 'INK', name: '墨水', baseUnit: '瓶', listPrice: 500, costPrice: 100 })).body;
    const receive = async (unitCost: number) => {
      const res = await admin.post('/api/v1/purchase-receipts', { warehouseId: w1.id, supplierId: acme.id, lines: [{ productId: ink.id, quantity: 10, unitCost }] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    await receive(100);
    const second = await receive(200);
    expect(await stock(ink.id)).toMatchObject({ onHand: 20, avgCost: 150, value: 3000 });
    const ret = async (quantity: number) => {
      const res = await admin.post('/api/v1/purchase-returns', { supplierId: acme.id, receiptId: second.id, lines: [{ productId: ink.id, quantity }] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    const r = await ret(5);
    expect(r.lines[0]).toMatchObject({ unitCost: 200, creditAmount: 1000, costAmount: 1000 });
    // 3000 − 5 × 200 = 2000 over 15: 133.33 → 133 (half up), the row's value stays the whole 2000.
    expect(await stock(ink.id)).toMatchObject({ onHand: 15, avgCost: 133, value: 2000 });
    const cost = await t.db.selectFrom('productCosts').select(['quantity', 'value']).where('productId', '=', ink.id).executeTakeFirstOrThrow();
    expect([Number(cost.quantity), Number(cost.value)]).toEqual([15, 2000]);
    // 10 written off at the average (round(2000 × 10 / 15) = 1333): 667 left over 5. Returning 4 at 200
    // would need 800, so they take the 667 that is left (value 0, average 0, never negative) and the line
    // shows it; the last unit then leaves at 0.
    const loss = await admin.post('/api/v1/stock/adjustments', { warehouseId: w1.id, lines: [{ productId: ink.id, quantity: -10, reason: '破损' }] });
    expect(loss.status, JSON.stringify(loss.body)).toBe(201);
    expect(await stock(ink.id)).toMatchObject({ onHand: 5, value: 667 });
    const short = await ret(4);
    expect(short.lines[0]).toMatchObject({ unitCost: 200, creditAmount: 800, costAmount: 667 });
    expect(await stock(ink.id)).toMatchObject({ onHand: 1, avgCost: 0, value: 0 });
    expect((await verifyStock(t.db)).ok).toBe(true);
    const last = await ret(1);
    expect(last.lines[0]).toMatchObject({ creditAmount: 200, costAmount: 0 });
    expect(await stock(ink.id)).toMatchObject({ onHand: 0, value: 0 });
    const after = await t.db.selectFrom('productCosts').select(['quantity', 'value']).where('productId', '=', ink.id).executeTakeFirstOrThrow();
    expect([Number(after.quantity), Number(after.value)]).toEqual([0, 0]);
    expect((await verifyStock(t.db)).ok).toBe(true);
  });
});
