import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, type Json, type TestApp } from '../support/index.js';
import { shippingWorld, type World } from './shipping-fixtures.js';

describe(`finance: allocations racing for one invoice, one payment, one key ${dialectLabel}`, () => {
  let t: TestApp;
  let w: World;
  let invoice: { id: string; total: number };
  const R = '/api/v1/finance/receivables';

  beforeAll(async () => {
    t = await createTestApp();
    w = await shippingWorld(t);
    const own = (await w.admin.get('/api/v1/carriers')).body.items.find((c: Json) => c.code === 'OWN');
    // 8 tea at 400: one invoice of 3200.
    const o = await w.order([{ productId: w.tea.id, quantity: 8 }]);
    w.ok(await w.admin.post('/api/v1/shipments', { orderId: o.id, carrierId: own.id }));
    const row = await t.db.selectFrom('customerInvoices').select(['id', 'total']).where('orderId', '=', o.id).executeTakeFirstOrThrow();
    invoice = { id: row.id, total: Number(row.total) };
    expect(invoice.total).toBe(3200);
  });
  afterAll(() => t.close());

  const sums = async () => {
    const inv = await t.db.selectFrom('customerInvoices').select('settled').where('id', '=', invoice.id).executeTakeFirstOrThrow();
    const alloc = await t.db.selectFrom('receivableAllocations').select((eb) => eb.fn.sum<number>('amount').as('s')).where('invoiceId', '=', invoice.id).executeTakeFirst();
    const pays = await t.db.selectFrom('customerPayments').select((eb) => eb.fn.sum<number>('allocated').as('s')).executeTakeFirst();
    return { settled: Number(inv.settled), allocations: Number(alloc?.s ?? 0), paymentsAllocated: Number(pays?.s ?? 0) };
  };

  it('eight payments allocating a quarter each at once: exactly four pass, the invoice is never over-settled', async () => {
    const payments = await Promise.all(Array.from({ length: 8 }, () => w.admin.post(`${R}/payments`, { customerId: w.shop.id, amount: 800 })));
    const results = await Promise.all(payments.map((p) => w.admin.post(`${R}/payments/${p.body.id}/allocations`, { allocations: [{ itemId: invoice.id, amount: 800 }] })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 409, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'OVER_ALLOCATION')).toBe(true);
    expect(await sums()).toEqual({ settled: 3200, allocations: 3200, paymentsAllocated: 3200 });
  });

  it('one payment allocated from many requests at once never goes past its amount; one key sent 20 times makes one payment', async () => {
    const o = await w.order([{ productId: w.nuts.id, quantity: 10 }]);
    const own = (await w.admin.get('/api/v1/carriers')).body.items.find((c: Json) => c.code === 'OWN');
    w.ok(await w.admin.post('/api/v1/shipments', { orderId: o.id, carrierId: own.id }));
    const inv = await t.db.selectFrom('customerInvoices').select('id').where('orderId', '=', o.id).executeTakeFirstOrThrow();
    const headers = { 'idempotency-key': 'same-key' };
    const sent = await Promise.all(Array.from({ length: 20 }, () => w.admin.post(`${R}/payments`, { customerId: w.shop.id, amount: 1000 }, { headers })));
    expect(new Set(sent.map((r) => r.body.id)).size).toBe(1);
    expect(sent.every((r) => r.status === 201 || r.status === 200)).toBe(true);
    const pay = sent[0].body;
    const results = await Promise.all(Array.from({ length: 6 }, () => w.admin.post(`${R}/payments/${pay.id}/allocations`, { allocations: [{ itemId: inv.id, amount: 300 }] })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'PAYMENT_OVER_ALLOCATED')).toBe(true);
    expect((await w.admin.get(`${R}/payments/${pay.id}`)).body).toMatchObject({ allocated: 900, unallocated: 100 });
  });
});
