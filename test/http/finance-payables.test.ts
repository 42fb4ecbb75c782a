import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/server/modules/finance/index.js';
import { businessDate } from '../../src/server/platform/clock.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`finance: payables — payments made with allocation to receipts, statements, ageing, balances ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let acme: Json;
  let idle: Json;
  let cola: Json;
  let receipts: Json[];
  let rows: Json[];
  const P = '/api/v1/finance/payables';
  const en = { headers: { 'accept-language': 'en' } };
  const today = businessDate();
  const ok = (res: { status: number; body: Json }) => {
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body;
  };
  const count = async (table: 'supplierPayments' | 'payableAllocations' | 'supplierPayables') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const snapshot = async () => [await count('supplierPayments'), await count('payableAllocations'), (await t.db.selectFrom('supplierPayables').select(['id', 'settled']).orderBy('id').execute()).map((r) => [r.id, Number(r.settled)])];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    const w1 = ok(await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true }));
    cola = ok(await admin.post('/api/v1/products', { sku: 'COLA', name: '可乐', baseUnit: '瓶', listPrice: 350, costPrice: 200, taxRate: 13 }));
    acme = ok(await admin.post('/api/v1/suppliers', { code: 'S1', name: '饮料批发', paymentTermsDays: 15 }));
    idle = ok(await admin.post('/api/v1/suppliers', { code: 'S2', name: '没往来' }));
    receipts = [];
    // Two receipts of 10 bottles at 113 incl. 13% VAT: net 1000, tax 130 each.
    for (let i = 0; i < 2; i++) {
      const po = ok(await admin.post('/api/v1/purchase-orders', { supplierId: acme.id, warehouseId: w1.id, submit: true, lines: [{ productId: cola.id, quantity: 10, unitPrice: 113 }] }));
      receipts.push(ok(await admin.post('/api/v1/purchase-receipts', { orderId: po.id, lines: [{ orderLineId: po.lines[0].id, quantity: 10 }] })));
    }
    rows = ok(await admin.get(`${P}/items`, { query: { supplierId: acme.id, kind: 'receipt' } })).items.reverse();
  });
  afterAll(() => t.close());

  it('dates each receipt’s payable and makes it due after the supplier’s terms; a purchase return’s credit settles its receipt', async () => {
    expect(acme.paymentTermsDays).toBe(15);
    expect(rows.map((r: Json) => [r.sourceNumber, r.total, r.docDate, r.dueDate, r.open])).toEqual(receipts.map((r) => [r.number, 1130, today, addDays(today, 15), 1130]));
    const ret = ok(await admin.post('/api/v1/purchase-returns', { supplierId: acme.id, receiptId: receipts[0].id, lines: [{ productId: cola.id, quantity: 2 }] }));
    expect(ret.creditTotal).toBe(226);
    const credit = ok(await admin.get(`${P}/items`, { query: { supplierId: acme.id, kind: 'purchase_return' } })).items[0];
    expect(credit).toMatchObject({ number: ret.number, total: -226, settled: -226, open: 0, dueDate: today });
    const first = ok(await admin.get(`${P}/items/${rows[0].id}`));
    expect(first).toMatchObject({ settled: 226, open: 904 });
    expect(first.allocations.map((a: Json) => [a.creditNumber, a.amount])).toEqual([[ret.number, 226]]);
  });

  it('refuses allocations beyond a payable’s open amount or the payment, and to a credit: nothing written', async () => {
    const before = await snapshot();
    const over = await admin.post(`${P}/payments`, { supplierId: acme.id, amount: 2000, allocations: [{ itemId: rows[0].id, amount: 905 }] }, en);
    expectError(over, 409, 'OVER_ALLOCATION');
    expect(over.body.error.message).toBe(`The allocation is more than ${receipts[0].number} has open: ¥9.04 open, this allocation ¥9.05`);
    expect(over.body.error.details[0]).toMatchObject({ field: 'allocations.0.amount', open: 904 });
    expectError(await admin.post(`${P}/payments`, { supplierId: acme.id, amount: 1000, allocations: [{ itemId: rows[0].id, amount: 904 }, { itemId: rows[1].id, amount: 97 }] }), 409, 'PAYMENT_OVER_ALLOCATED');
    const credit = ok(await admin.get(`${P}/items`, { query: { supplierId: acme.id, kind: 'purchase_return' } })).items[0];
    expectError(await admin.post(`${P}/payments`, { supplierId: acme.id, amount: 100, allocations: [{ itemId: credit.id, amount: 100 }] }), 422, 'ALLOCATION_MISMATCH');
    expectError(await admin.post(`${P}/payments`, { supplierId: idle.id, amount: 100, allocations: [{ itemId: rows[0].id, amount: 100 }] }), 422, 'ALLOCATION_MISMATCH');
    expectError(await admin.post(`${P}/payments`, { supplierId: acme.id, amount: 100, allocations: [{ itemId: rows[0].id, amount: -5 }] }), 400, 'VALIDATION_FAILED');
    expect(await snapshot()).toEqual(before);
  });

  it('records a payment made (付款单) allocated to receipts; the rest is allocated later', async () => {
    const pay = ok(await admin.post(`${P}/payments`, { supplierId: acme.id, amount: 1500, method: 'bank', allocations: [{ itemId: rows[0].id, amount: 904 }] }));
    expect(pay.number).toMatch(/^FK-\d{8}-\d{4}$/);
    expect(pay).toMatchObject({ partyName: '饮料批发', amount: 1500, allocated: 904, unallocated: 596 });
    const more = ok(await admin.post(`${P}/payments/${pay.id}/allocations`, { allocations: [{ itemId: rows[1].id, amount: 596 }] }));
    expect(more).toMatchObject({ allocated: 1500, unallocated: 0 });
    expect(ok(await admin.get(`${P}/items`, { query: { supplierId: acme.id, status: 'open' } })).items.map((x: Json) => [x.number, x.open])).toEqual([[receipts[1].number, 1130 - 596]]);
    expect(ok(await admin.get(`${P}/payments`, { query: { supplierId: acme.id } })).items.map((x: Json) => x.number)).toEqual([pay.number]);
  });

  it('lists every supplier’s balance, a statement by period and the ageing', async () => {
    const bal = ok(await admin.get(`${P}/balances`));
    expect(bal.items.map((r: Json) => [r.partyCode, r.charged, r.paid, r.balance, r.open, r.overdue])).toEqual([['S1', 2260 - 226, 1500, 534, 534, 0], ['S2', 0, 0, 0, 0, 0]]);
    expect(bal.balance).toBe(534);
    expect(ok(await admin.get(`${P}/balances`, { query: { nonZero: 'true' } })).items.map((r: Json) => r.partyCode)).toEqual(['S1']);
    const s = ok(await admin.get(`/api/v1/finance/suppliers/${acme.id}/statement`, { query: { from: today, to: today } }));
    expect(s).toMatchObject({ opening: 0, charged: 2034, paid: 1500, closing: 534 });
    expect(s.lines.map((l: Json) => [l.kind, l.charged, l.paid, l.balance])).toEqual([['receipt', 1130, 0, 1130], ['receipt', 1130, 0, 2260], ['purchase_return', -226, 0, 2034], ['payment', 0, 1500, 534]]);
    const age = async (days: number) => ok(await admin.get(`${P}/ageing`, { query: { asOf: addDays(today, days) } }));
    expect((await age(0)).rows).toEqual([expect.objectContaining({ partyCode: 'S1', current: 534, balance: 534 })]);
    expect((await age(16)).rows[0]).toMatchObject({ current: 0, d1_30: 534 });
    expect((await age(200)).totals).toMatchObject({ over90: 534, balance: 534 });
    expectError(await admin.get(`${P}/ageing`, { query: { asOf: 'yesterday' } }), 400, 'VALIDATION_FAILED');
    expectError(await admin.get(`/api/v1/finance/suppliers/nope/statement`, { query: { from: today, to: today } }), 404, 'NOT_FOUND');
  });

  it('documents the finance routes in the OpenAPI document from their schemas', async () => {
    const doc = ok(await admin.get('/api/openapi.json'));
    for (const path of ['/api/v1/finance/receivables/invoices', '/api/v1/finance/receivables/payments', '/api/v1/finance/customers/{id}/statement', '/api/v1/finance/receivables/ageing',
      '/api/v1/finance/payables/payments', '/api/v1/finance/suppliers/{id}/statement', '/api/v1/finance/payables/ageing', '/api/v1/finance/payables/balances']) expect(doc.paths).toHaveProperty([path]);
    const body = doc.paths['/api/v1/finance/payables/payments'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['supplierId', 'amount']));
    expect(body.properties.allocations.items.properties).toHaveProperty('itemId');
    expect(doc.paths['/api/v1/finance/suppliers/{id}/statement'].get.parameters.map((p: Json) => p.name)).toEqual(expect.arrayContaining(['id', 'from', 'to']));
  });

  it('keeps payments to finance', async () => {
    const purchasing = await t.loginAs('purchasing');
    expectError(await purchasing.post(`${P}/payments`, { supplierId: acme.id, amount: 100 }), 403, 'FORBIDDEN');
    expectError(await purchasing.get(`${P}/balances`), 403, 'FORBIDDEN');
    const finance = await t.loginAs('finance');
    expect((await finance.get(`${P}/balances`)).status).toBe(200);
  });

  it('applies a credit left open (its receipt already paid) to another receipt by hand, within what both have open', async () => {
    const ret = ok(await admin.post('/api/v1/purchase-returns', { supplierId: acme.id, receiptId: receipts[0].id, lines: [{ productId: cola.id, quantity: 1 }] }));
    expect(ret.creditTotal).toBe(113);
    const credit = ok(await admin.get(`${P}/items`, { query: { supplierId: acme.id, q: ret.number } })).items[0];
    expect(credit).toMatchObject({ kind: 'purchase_return', total: -113, settled: 0, open: -113 });
    const before = await snapshot();
    expectError(await admin.post(`${P}/items/${credit.id}/allocations`, { allocations: [{ itemId: rows[1].id, amount: 114 }] }), 409, 'PAYMENT_OVER_ALLOCATED');
    expectError(await admin.post(`${P}/items/${credit.id}/allocations`, { allocations: [{ itemId: rows[0].id, amount: 1 }] }), 409, 'OVER_ALLOCATION');
    expectError(await admin.post(`${P}/items/${rows[1].id}/allocations`, { allocations: [{ itemId: rows[0].id, amount: 1 }] }), 422, 'ALLOCATION_MISMATCH');
    expect(await snapshot()).toEqual(before);
    const applied = ok(await admin.post(`${P}/items/${credit.id}/allocations`, { allocations: [{ itemId: rows[1].id, amount: 113 }] }));
    expect(applied).toMatchObject({ settled: -113, open: 0 });
    expect(applied.allocations.map((a: Json) => [a.itemNumber, a.creditNumber, a.amount])).toEqual([[receipts[1].number, ret.number, 113]]);
    expect(ok(await admin.get(`${P}/items/${rows[1].id}`))).toMatchObject({ open: 534 - 113 });
    expect(ok(await admin.get(`${P}/balances`, { query: { q: 'S1' } })).items[0]).toMatchObject({ balance: 421, open: 421, unapplied: 0 });
  });
});
