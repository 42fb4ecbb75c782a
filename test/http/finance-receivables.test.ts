import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/server/modules/finance/index.js';
import { businessDate } from '../../src/server/platform/clock.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp } from '../support/index.js';
import { shippingWorld, type World } from './shipping-fixtures.js';

describe(`finance: receivables — invoices from shipments, payments with allocation, statements, ageing ${dialectLabel}`, () => {
  let t: TestApp;
  let w: World;
  let own: Json;
  let firm: Json;
  let order: Json;
  let inv1: Json;
  let inv2: Json;
  const R = '/api/v1/finance/receivables';
  const en = { headers: { 'accept-language': 'en' } };
  const today = businessDate();
  const count = async (table: 'customerPayments' | 'receivableAllocations' | 'customerInvoices' | 'auditLog') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const settled = async () => (await t.db.selectFrom('customerInvoices').select(['id', 'settled']).orderBy('id').execute()).map((r) => [r.id, Number(r.settled)]);
  const snapshot = async () => [await count('customerPayments'), await count('receivableAllocations'), await count('customerInvoices'), await count('auditLog'), await settled()];
  const invoicesOf = async (orderId: string) => (await t.db.selectFrom('customerInvoices').select('id').where('orderId', '=', orderId).orderBy('number').execute()).map((r) => r.id);
  const invoice = async (id: string) => w.ok(await w.admin.get(`${R}/invoices/${id}`));

  beforeAll(async () => {
    t = await createTestApp();
    w = await shippingWorld(t);
    own = (await w.admin.get('/api/v1/carriers')).body.items.find((c: Json) => c.code === 'OWN');
    firm = w.ok(await w.admin.post('/api/v1/customers', { code: 'C9', name: '贸易公司', paymentTermsDays: 30 }));
    // 2 箱 of cola (12 at 350) and 5 tea at 400, prices include 13% VAT: 4200 + 2000.
    order = await w.ok(await w.admin.post('/api/v1/sales-orders', { customerId: firm.id, confirm: true, lines: [{ productId: w.cola.id, quantity: 2, unit: '箱' }, { productId: w.tea.id, quantity: 5 }] }));
  });
  afterAll(() => t.close());

  it('books an invoice with each shipment: the shipped share of the order lines, due after the payment terms; the parts add up to the order', async () => {
    const first = w.ok(await w.admin.post('/api/v1/shipments', { orderId: order.id, carrierId: own.id, lines: [{ lineId: order.lines[0].id, quantity: 7 }] }));
    const second = w.ok(await w.admin.post('/api/v1/shipments', { orderId: order.id, carrierId: own.id }));
    [inv1, inv2] = await Promise.all((await invoicesOf(order.id)).map(invoice));
    expect(inv1).toMatchObject({ number: `FP-${first.number.slice(3)}`, kind: 'invoice', sourceType: 'shipment', sourceId: first.id, sourceNumber: first.number, partyId: firm.id, partyName: '贸易公司', docDate: today, dueDate: addDays(today, 30), settled: 0, daysOverdue: 0 });
    // 7 of 12 cola: 4200 × 7 / 12 = 2450; tax 483 × 7 / 12 = 281.75 → 282
    expect(inv1).toMatchObject({ total: 2450, tax: 282, net: 2168, open: 2450 });
    expect(inv2).toMatchObject({ sourceNumber: second.number, total: 6200 - 2450 });
    const o = (await w.admin.get(`/api/v1/sales-orders/${order.id}`)).body;
    expect([inv1.net + inv2.net, inv1.tax + inv2.tax, inv1.total + inv2.total]).toEqual([o.net, o.tax, o.total]);
    const list = w.ok(await w.admin.get(`${R}/invoices`, { query: { customerId: firm.id } }));
    expect(list.items.map((x: Json) => x.number)).toEqual([inv2.number, inv1.number]);
  });

  it('refuses an allocation beyond the invoice’s open amount, beyond the payment, to another customer’s invoice: a code, the field, nothing written', async () => {
    const before = await snapshot();
    const over = await w.admin.post(`${R}/payments`, { customerId: firm.id, amount: 5000, allocations: [{ itemId: inv1.id, amount: 2451 }] }, en);
    expectError(over, 409, 'OVER_ALLOCATION');
    expect(over.body.error.message).toBe(`The allocation is more than ${inv1.number} has open: ¥24.50 open, this allocation ¥24.51`);
    expect(over.body.error.details[0]).toMatchObject({ field: 'allocations.0.amount', open: 2450, requested: 2451 });
    const zh = await w.admin.post(`${R}/payments`, { customerId: firm.id, amount: 5000, allocations: [{ itemId: inv1.id, amount: 2000 }, { itemId: inv1.id, amount: 451 }] });
    expectError(zh, 409, 'OVER_ALLOCATION');
    expect(zh.body.error.message).toBe(`核销金额超出 ${inv1.number} 的未结金额：未结 24.50 元，本次 24.51 元`);
    expect(zh.body.error.details[0].field).toBe('allocations.1.amount');
    const beyond = await w.admin.post(`${R}/payments`, { customerId: firm.id, amount: 3000, allocations: [{ itemId: inv1.id, amount: 2450 }, { itemId: inv2.id, amount: 551 }] }, en);
    expectError(beyond, 409, 'PAYMENT_OVER_ALLOCATED');
    expect(beyond.body.error.details[0]).toMatchObject({ field: 'allocations', unallocated: 3000, requested: 3001 });
    const otherInvoice = (await t.db.selectFrom('customerInvoices').select('id').where('customerId', '=', w.shop.id).executeTakeFirst());
    const shopOrder = await w.order([{ productId: w.nuts.id, quantity: 1 }]);
    w.ok(await w.admin.post('/api/v1/shipments', { orderId: shopOrder.id, carrierId: own.id }));
    expect(otherInvoice).toBeUndefined();
    const shopInvoice = (await invoicesOf(shopOrder.id))[0];
    const before2 = await snapshot();
    const mismatch = await w.admin.post(`${R}/payments`, { customerId: firm.id, amount: 100, allocations: [{ itemId: shopInvoice, amount: 100 }] });
    expectError(mismatch, 422, 'ALLOCATION_MISMATCH');
    expect(mismatch.body.error.details[0].field).toBe('allocations.0.itemId');
    expectError(await w.admin.post(`${R}/payments`, { customerId: firm.id, amount: 0 }), 400, 'VALIDATION_FAILED');
    expectError(await w.admin.post(`${R}/payments`, { customerId: firm.id, amount: 100, date: '2026-02-30' }), 400, 'VALIDATION_FAILED');
    expectError(await w.admin.post(`${R}/payments`, { customerId: 'nope', amount: 100 }), 404, 'NOT_FOUND');
    expect(await snapshot()).toEqual(before2);
    expect((before[2] as number) + 1).toBe(before2[2]);
  });

  it('records a payment received with allocations, allocates the rest later, at most the payment; idempotent', async () => {
    const headers = { 'idempotency-key': 'pay-1' };
    const res = await w.admin.post(`${R}/payments`, { customerId: firm.id, amount: 3000, method: 'bank', reference: 'B-778', allocations: [{ itemId: inv1.id, amount: 2450 }, { itemId: inv2.id, amount: 150 }] }, { headers });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const pay = res.body;
    expect(pay.number).toMatch(/^SK-\d{8}-\d{4}$/);
    expect(pay).toMatchObject({ partyId: firm.id, docDate: today, amount: 3000, allocated: 2600, unallocated: 400, method: 'bank', reference: 'B-778' });
    expect(pay.allocations.map((a: Json) => [a.itemNumber, a.amount])).toEqual([[inv1.number, 2450], [inv2.number, 150]]);
    const again = await w.admin.post(`${R}/payments`, { customerId: firm.id, amount: 3000, method: 'bank', reference: 'B-778', allocations: [{ itemId: inv1.id, amount: 2450 }, { itemId: inv2.id, amount: 150 }] }, { headers });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(pay.id);
    expect(await count('customerPayments')).toBe(1);
    expect(await invoice(inv1.id)).toMatchObject({ settled: 2450, open: 0 });
    expectError(await w.admin.post(`${R}/payments/${pay.id}/allocations`, { allocations: [{ itemId: inv2.id, amount: 401 }] }), 409, 'PAYMENT_OVER_ALLOCATED');
    expectError(await w.admin.post(`${R}/payments/${pay.id}/allocations`, { allocations: [{ itemId: inv1.id, amount: 1 }] }), 409, 'OVER_ALLOCATION');
    const more = w.ok(await w.admin.post(`${R}/payments/${pay.id}/allocations`, { allocations: [{ itemId: inv2.id, amount: 400 }] }));
    expect(more).toMatchObject({ allocated: 3000, unallocated: 0 });
    const detail = await invoice(inv2.id);
    expect(detail).toMatchObject({ settled: 550, open: 3750 - 550 });
    expect(detail.allocations.map((a: Json) => [a.paymentNumber, a.amount])).toEqual([[pay.number, 150], [pay.number, 400]]);
    const open = w.ok(await w.admin.get(`${R}/invoices`, { query: { customerId: firm.id, status: 'open' } }));
    expect(open.items.map((x: Json) => x.number)).toEqual([inv2.number]);
    expect(w.ok(await w.admin.get(`${R}/payments`, { query: { customerId: firm.id } })).items.map((x: Json) => x.number)).toEqual([pay.number]);
  });

  it('credits refunded sales returns: a credit note settles the order’s invoices; money paid back shows as credit and refund', async () => {
    const ret = async (method: string) => {
      const r = w.ok(await w.admin.post('/api/v1/sales-returns', { orderId: order.id, lines: [{ orderLineId: order.lines[1].id, quantity: 1, reason: 'defective' }] }));
      w.ok(await w.admin.post(`/api/v1/sales-returns/${r.id}/receive`, { scans: [{ code: 'TEA' }] }));
      w.ok(await w.admin.post(`/api/v1/sales-returns/${r.id}/inspect`, { lines: [{ lineId: r.lines[0].id, grade: 'A', disposition: 'restock', warehouseId: w.w1.id }] }));
      return w.ok(await w.admin.post(`/api/v1/sales-returns/${r.id}/refund`, { method }));
    };
    const r1 = await ret('credit_note');
    expect(r1.refundAmount).toBe(400);
    const credits = w.ok(await w.admin.get(`${R}/invoices`, { query: { customerId: firm.id, kind: 'credit' } })).items;
    expect(credits).toHaveLength(1);
    // tax in the order's proportion: 400 × 713 / 6200 = 46
    expect(credits[0]).toMatchObject({ number: `HZ-${r1.number.slice(3)}`, sourceNumber: r1.number, total: -400, tax: -46, net: -354, settled: -400, open: 0 });
    expect(await invoice(inv2.id)).toMatchObject({ settled: 950, open: 2800 });
    const r2 = await ret('cash');
    const items = w.ok(await w.admin.get(`${R}/invoices`, { query: { customerId: firm.id, q: r2.number } })).items;
    expect(items.map((x: Json) => [x.kind, x.total, x.open]).sort()).toEqual([['credit', -400, 0], ['refund', 400, 0]]);
    const bal = w.ok(await w.admin.get(`${R}/balances`, { query: { q: 'C9' } }));
    expect(bal.items).toEqual([expect.objectContaining({ partyCode: 'C9', charged: 6200 - 400, paid: 3000, balance: 2800, open: 2800, overdue: 0, unapplied: 0 })]);
  });

  it('statement by period: opening balance, each document with the running balance, closing balance', async () => {
    const s = w.ok(await w.admin.get(`/api/v1/finance/customers/${firm.id}/statement`, { query: { from: addDays(today, -10), to: today } }));
    expect(s).toMatchObject({ party: { code: 'C9', name: '贸易公司' }, opening: 0, charged: 5800, paid: 3000, closing: 2800 });
    expect(s.lines.map((l: Json) => [l.kind, l.charged, l.paid, l.balance])).toEqual([
      ['invoice', 2450, 0, 2450], ['invoice', 3750, 0, 6200], ['payment', 0, 3000, 3200], ['credit', -400, 0, 2800], ['credit', -400, 0, 2400], ['refund', 400, 0, 2800],
    ]);
    const later = w.ok(await w.admin.get(`/api/v1/finance/customers/${firm.id}/statement`, { query: { from: addDays(today, 1), to: addDays(today, 31) } }));
    expect(later).toMatchObject({ opening: 2800, lines: [], closing: 2800 });
    expectError(await w.admin.get(`/api/v1/finance/customers/${firm.id}/statement`, { query: { from: today, to: addDays(today, -1) } }), 400, 'VALIDATION_FAILED');
    expectError(await w.admin.get(`/api/v1/finance/customers/${firm.id}/statement`, { query: { from: today } }), 400, 'VALIDATION_FAILED');
  });

  it('ages open invoices by days past the due date', async () => {
    const at = async (days: number) => w.ok(await w.admin.get(`${R}/ageing`, { query: { asOf: addDays(today, days), customerId: firm.id } })).rows[0];
    expect(await at(0)).toMatchObject({ current: 2800, d1_30: 0, balance: 2800 });
    expect(await at(31)).toMatchObject({ current: 0, d1_30: 2800 });
    expect(await at(61)).toMatchObject({ d31_60: 2800 });
    expect(await at(100)).toMatchObject({ d61_90: 2800 });
    expect(await at(121)).toMatchObject({ over90: 2800, balance: 2800 });
    // An unallocated payment shows as unapplied and lowers the balance.
    w.ok(await w.admin.post(`${R}/payments`, { customerId: firm.id, amount: 300, method: 'cash' }));
    const all = w.ok(await w.admin.get(`${R}/ageing`));
    expect(all.rows.find((r: Json) => r.partyId === firm.id)).toMatchObject({ current: 2800, unapplied: -300, balance: 2500 });
    expect(all.totals.balance).toBe(all.rows.reduce((s: number, r: Json) => s + r.balance, 0));
  });

  it('holds orders of customers over their credit (receivable + open orders) or with overdue invoices', async () => {
    const rule = w.ok(await w.admin.post('/api/v1/approval-rules', { name: '超信用额度', kind: 'over_credit', approverRole: 'finance' }));
    w.ok(await w.admin.patch(`/api/v1/customers/${firm.id}`, { creditLimit: 3000 }));
    const place = async () => (await w.admin.post('/api/v1/sales-orders', { customerId: firm.id, confirm: true, lines: [{ productId: w.nuts.id, quantity: 1 }] })).body;
    // Receivable 2500 + ¥9.00 = 3400 > 3000; the fully shipped order is not counted twice.
    const held = await place();
    expect(held.status).toBe('pending_approval');
    expect(held.approvalReasons[0]).toMatchObject({ kind: 'over_credit', zh: '应收余额 ¥25.00 加未完成订单 ¥9.00 超过信用额度 ¥30.00' });
    w.ok(await w.admin.post(`/api/v1/sales-orders/${held.id}/cancel`, {}));
    w.ok(await w.admin.patch(`/api/v1/customers/${firm.id}`, { creditLimit: 3400 }));
    const fine = await place();
    expect(fine.status).toBe('confirmed');
    w.ok(await w.admin.patch(`/api/v1/approval-rules/${rule.id}`, { status: 'inactive' }));
    w.ok(await w.admin.post('/api/v1/approval-rules', { name: '有逾期', kind: 'overdue', threshold: 0, approverRole: 'finance' }));
    expect((await place()).status).toBe('confirmed');
    // Make the open invoice 5 days overdue.
    await t.db.updateTable('customerInvoices').set({ dueDate: addDays(today, -5) }).where('id', '=', inv2.id).execute();
    const late = await place();
    expect(late.status).toBe('pending_approval');
    expect(late.approvalReasons[0]).toMatchObject({ kind: 'overdue', en: 'The customer has ¥28.00 overdue (up to 5 days)' });
    expect(w.ok(await w.admin.get(`${R}/invoices`, { query: { status: 'overdue' } })).items.map((x: Json) => [x.number, x.daysOverdue])).toEqual([[inv2.number, 5]]);
    expect(w.ok(await w.admin.get(`${R}/balances`, { query: { q: 'C9' } })).items[0]).toMatchObject({ overdue: 2800 });
  });

  it('reverses an allocation (反核销): the invoice and the payment open again; twice is a 404', async () => {
    const pay = w.ok(await w.admin.post(`${R}/payments`, { customerId: firm.id, amount: 1000, allocations: [{ itemId: inv2.id, amount: 600 }] }));
    const before = await invoice(inv2.id);
    const allocation = pay.allocations[0];
    const res = await w.admin.delete(`${R}/allocations/${allocation.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    expect(await invoice(inv2.id)).toMatchObject({ settled: before.settled - 600, open: before.open + 600 });
    expect(w.ok(await w.admin.get(`${R}/payments/${pay.id}`))).toMatchObject({ allocated: 0, unallocated: 1000, allocations: [] });
    expectError(await w.admin.delete(`${R}/allocations/${allocation.id}`), 404, 'NOT_FOUND');
    // A credit's allocation opens the credit again.
    const credit = w.ok(await w.admin.get(`${R}/invoices`, { query: { customerId: firm.id, kind: 'credit' } })).items.find((c: Json) => c.sourceType === 'sales_return' && c.settled === -400);
    const detail = await invoice(credit.id);
    expect((await w.admin.delete(`${R}/allocations/${detail.allocations[0].id}`)).status).toBe(204);
    expect(await invoice(credit.id)).toMatchObject({ settled: -400 + detail.allocations[0].amount });
    const audit = (await w.admin.get('/api/v1/audit-log', { query: { entity: 'customerPayment', entityId: pay.id } })).body.items;
    expect(audit.map((e: Json) => e.action)).toContain('delete');
  });

  it('lets finance record payments; sales reads; warehouse neither', async () => {
    const finance = await t.loginAs('finance');
    const sales = await t.loginAs('sales');
    const warehouse = await t.loginAs('warehouse');
    expect((await finance.post(`${R}/payments`, { customerId: firm.id, amount: 100 })).status).toBe(201);
    expect((await sales.get(`${R}/invoices`)).status).toBe(200);
    expectError(await sales.post(`${R}/payments`, { customerId: firm.id, amount: 100 }), 403, 'FORBIDDEN');
    expectError(await warehouse.get(`${R}/ageing`), 403, 'FORBIDDEN');
  });
});
