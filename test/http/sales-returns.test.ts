import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStock } from '../../src/server/modules/inventory/index.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp } from '../support/index.js';
import { shippingWorld, type World } from './shipping-fixtures.js';

describe(`sales returns: request, approval, receipt by scanning, inspection, refund ${dialectLabel}`, () => {
  let t: TestApp;
  let w: World;
  let own: Json;
  let sold: Json;
  const en = { headers: { 'accept-language': 'en' } };
  const count = async (table: 'salesReturns' | 'salesReturnLines' | 'stockMovements' | 'outbox' | 'salesReturnHistory') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const requested = async () => (await t.db.selectFrom('salesReturnQuantities').select(['orderLineId', 'requested']).orderBy('orderLineId').execute()).map((r) => [r.orderLineId, Number(r.requested)]);
  const snapshot = async () => [await count('salesReturns'), await count('salesReturnLines'), await count('stockMovements'), await count('outbox'), await count('salesReturnHistory'), await requested()];
  const ship = async (orderId: string) => w.ok(await w.admin.post('/api/v1/shipments', { orderId, carrierId: own.id }));
  const shippedOrder = async (lines: Json[], extra: Json = {}) => {
    const o = await w.order(lines, extra);
    await ship(o.id);
    return (await w.admin.get(`/api/v1/sales-orders/${o.id}`)).body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await shippingWorld(t);
    own = (await w.admin.get('/api/v1/carriers')).body.items.find((c: Json) => c.code === 'OWN');
    // 2 箱 of cola (12 bottles at 350) and 5 tea at 400, ¥1.00 off the order: shares 68 and 32.
    sold = await shippedOrder([{ productId: w.cola.id, quantity: 2, unit: '箱' }, { productId: w.tea.id, quantity: 5 }], { orderDiscount: 100 });
  });
  afterAll(() => t.close());

  it('runs a return from request to refund: one line restocked at the original cost, one scrapped with its write-off value', async () => {
    const [colaLine, teaLine] = sold.lines;
    expect([colaLine.total, teaLine.total]).toEqual([4132, 1968]);
    // Cola's average moves off the sale's cost: 88 left at 200, 12 more come in at 300 → 21200 over 100.
    w.ok(await w.admin.post('/api/v1/stock/adjustments', { warehouseId: w.w1.id, lines: [{ productId: w.cola.id, quantity: 12, reason: '盘盈', unitCost: 300 }] }));
    const res = await w.admin.post('/api/v1/sales-returns', { orderId: sold.id, note: '客户来电', lines: [
      { orderLineId: colaLine.id, quantity: 1, unit: '箱', reason: 'damaged' },
      { orderLineId: teaLine.id, quantity: 2, reason: 'defective', note: '漏液' },
    ] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const r = res.body;
    expect(r.number).toMatch(/^TH-\d{8}-\d{4}$/);
    // Paid: 6/12 of 4132 and 2/5 of 1968 (787.2 → 787); under the threshold, no 'other': approved at once.
    expect(r).toMatchObject({ status: 'approved', orderNumber: sold.number, customerId: w.shop.id, source: 'staff', requestedValue: 2066 + 787, decidedBy: 'auto' });
    expect(r.lines.map((l: Json) => [l.unitName, l.quantity, l.baseQuantity, l.paidAmount])).toEqual([['箱', 1, 6, 2066], ['瓶', 2, 2, 787]]);

    const recv = await w.admin.post(`/api/v1/sales-returns/${r.id}/receive`, { scans: [{ code: '6900000000028' }, { code: 'TEA' }] });
    expect(recv.status, JSON.stringify(recv.body)).toBe(200);
    expect(recv.body).toMatchObject({ status: 'partially_received', refundable: 2066 + 394 });
    const rest = await w.admin.post(`/api/v1/sales-returns/${r.id}/receive`, { scans: [{ code: '6900000000035' }] });
    expect(rest.body.status).toBe('received');
    expect(rest.body.lines.map((l: Json) => l.received)).toEqual([6, 2]);

    const before = { cola: await w.level(w.cola.id, w.w1.id), tea: await w.level(w.tea.id, w.w1.id) };
    expect(before.cola).toMatchObject({ onHand: 100, value: 21200, avgCost: 212 });
    const insp = await w.admin.post(`/api/v1/sales-returns/${r.id}/inspect`, { lines: [
      { lineId: r.lines[0].id, grade: 'A', disposition: 'restock', warehouseId: w.w1.id },
      { lineId: r.lines[1].id, grade: 'C', disposition: 'scrap' },
    ] });
    expect(insp.status, JSON.stringify(insp.body)).toBe(200);
    expect(insp.body).toMatchObject({ status: 'inspected', writeOffAmount: 2 * 250 });
    expect(insp.body.lines[0]).toMatchObject({ grade: 'A', disposition: 'restock', warehouseId: w.w1.id, unitCost: 200, costAmount: 1200, writeOffAmount: 0 });
    expect(insp.body.lines[1]).toMatchObject({ grade: 'C', disposition: 'scrap', warehouseId: null, unitCost: 250, costAmount: 0, writeOffAmount: 500 });
    // Back in at the sale's 200, not the average of 212: 21200 + 1200 over 106.
    expect(await w.level(w.cola.id, w.w1.id)).toMatchObject({ onHand: 106, value: 22400, avgCost: 211 });
    expect(await w.level(w.tea.id, w.w1.id)).toMatchObject({ onHand: before.tea.onHand, value: before.tea.value });
    const moves = (await w.admin.get('/api/v1/stock/movements', { query: { productId: w.cola.id } })).body.items;
    expect(moves[0]).toMatchObject({ kind: 'return_in', quantity: 6, unitCost: 200, costAmount: 1200, sourceType: 'sales_return', sourceId: r.id });

    // Refundable 2853, 10% restocking fee 285: at most 2568.
    const over = await w.admin.post(`/api/v1/sales-returns/${r.id}/refund`, { method: 'bank', restockingFeePercent: 10, amount: 2600 }, en);
    expectError(over, 409, 'OVER_REFUND');
    expect(over.body.error.message).toBe('The refund is more than can be refunded: at most ¥25.68, this refund ¥26.00');
    expect(over.body.error.details[0]).toMatchObject({ field: 'amount', refundable: 2853, restockingFee: 285, allowed: 2568 });
    const refund = await w.admin.post(`/api/v1/sales-returns/${r.id}/refund`, { method: 'original', restockingFeePercent: 10, reference: 'WX-0001' });
    expect(refund.status, JSON.stringify(refund.body)).toBe(200);
    expect(refund.body).toMatchObject({ status: 'refunded', refundAmount: 2568, restockingFee: 285, refundMethod: 'original', refundReference: 'WX-0001' });
    expectError(await w.admin.post(`/api/v1/sales-returns/${r.id}/refund`, { method: 'cash' }), 409, 'RETURN_STATE');

    const detail = (await w.admin.get(`/api/v1/sales-returns/${r.id}`)).body;
    expect(detail.history.map((h: Json) => h.toStatus)).toEqual(['requested', 'approved', 'partially_received', 'received', 'inspected', 'refunded']);
    const topics = (await t.db.selectFrom('outbox').select(['topic', 'payload']).where('topic', 'like', 'return.%').execute());
    expect(topics.map((x) => x.topic).sort()).toEqual(['return.approved', 'return.received', 'return.received', 'return.refunded', 'return.requested']);
    const refunded = JSON.parse(topics.find((x) => x.topic === 'return.refunded')!.payload);
    expect(refunded).toMatchObject({ number: r.number, orderNumber: sold.number, customerId: w.shop.id, amounts: { refundAmount: 2568, restockingFee: 285, writeOffAmount: 500 } });
    expect(refunded.lines).toHaveLength(2);
    const list = (await w.admin.get('/api/v1/sales-returns', { query: { status: 'refunded', customerId: w.shop.id } })).body;
    expect(list.items.map((x: Json) => x.number)).toEqual([r.number]);
    expect((await w.admin.get('/api/v1/sales-returns', { query: { orderId: w.cola.id } })).body.total).toBe(0);
    // Several statuses at once (a list tab such as 已完成 = refunded or closed); an unknown one is refused.
    expect((await w.admin.get('/api/v1/sales-returns', { query: { status: 'refunded,closed', customerId: w.shop.id } })).body.items.map((x: Json) => x.number)).toEqual([r.number]);
    expect((await w.admin.get('/api/v1/sales-returns', { query: { status: 'approved,partially_received', customerId: w.shop.id } })).body.items.map((x: Json) => x.number)).not.toContain(r.number);
    expect((await w.admin.get('/api/v1/sales-returns', { query: { status: 'refunded,lost' } })).status).toBe(400);
    await w.clean();

    const rates = (await w.admin.get('/api/v1/reports/return-rates', { query: { groupBy: 'product' } })).body;
    expect(rates.items.find((x: Json) => x.key === w.cola.id)).toMatchObject({ returned: 6, shipped: 12, rate: 0.5 });
    const reasons = (await w.admin.get('/api/v1/reports/return-rates', { query: { groupBy: 'reason' } })).body;
    expect(reasons.items.find((x: Json) => x.key === 'defective')).toMatchObject({ returned: 2, shipped: 17 });
  });

  it('refuses over-return, unshipped orders, lines of another order, another customer’s order and a closed window: a code, the field, nothing written', async () => {
    const [colaLine, teaLine] = sold.lines;
    const open = await w.order([{ productId: w.tea.id, quantity: 1 }]);
    const other = w.ok(await w.admin.post('/api/v1/customers', { code: 'C2', name: '别家超市' }));
    const before = await snapshot();
    const over = await w.admin.post('/api/v1/sales-returns', { orderId: sold.id, lines: [{ orderLineId: colaLine.id, quantity: 7, reason: 'damaged' }] }, en);
    expectError(over, 409, 'OVER_RETURN');
    expect(over.body.error.message).toBe('Too many of COLA 可乐 returned: shipped 12, returned 6, at most 6 more, this return 7');
    expect(over.body.error.details[0]).toMatchObject({ field: 'lines.0.quantity', allowed: 6, requested: 7 });
    const zh = await w.admin.post('/api/v1/sales-returns', { orderId: sold.id, lines: [{ orderLineId: teaLine.id, quantity: 2, reason: 'damaged' }, { orderLineId: teaLine.id, quantity: 2, reason: 'other' }] });
    expectError(zh, 409, 'OVER_RETURN');
    expect(zh.body.error.details[0].message).toContain('超出可退数量');

    const notShipped = await w.admin.post('/api/v1/sales-returns', { orderId: open.id, lines: [{ orderLineId: open.lines[0].id, quantity: 1, reason: 'damaged' }] });
    expectError(notShipped, 409, 'ORDER_STATE');
    expect(notShipped.body.error.details[0].field).toBe('orderId');
    const foreign = await w.admin.post('/api/v1/sales-returns', { orderId: sold.id, lines: [{ orderLineId: open.lines[0].id, quantity: 1, reason: 'damaged' }] });
    expectError(foreign, 422, 'RETURN_NOT_ON_ORDER');
    expect(foreign.body.error.details[0].field).toBe('lines.0.orderLineId');
    const mismatch = await w.admin.post('/api/v1/sales-returns', { orderId: sold.id, customerId: other.id, lines: [{ orderLineId: teaLine.id, quantity: 1, reason: 'damaged' }] });
    expectError(mismatch, 403, 'RETURN_NOT_YOUR_ORDER');
    const badReason = await w.admin.post('/api/v1/sales-returns', { orderId: sold.id, lines: [{ orderLineId: teaLine.id, quantity: 1, reason: 'bored' }] });
    expectError(badReason, 400, 'VALIDATION_FAILED');
    expect(badReason.body.error.details[0].field).toBe('lines.0.reason');
    expect(await snapshot()).toEqual(before);
    w.ok(await w.admin.post(`/api/v1/sales-orders/${open.id}/cancel`, {}));

    // Shipped 40 days ago: past the default 30 days; nuts' category allows 60.
    const snacks = w.ok(await w.admin.post('/api/v1/categories', { name: '零食' }));
    w.ok(await w.admin.patch(`/api/v1/products/${w.nuts.id}`, { categoryId: snacks.id }));
    w.ok(await w.admin.patch('/api/v1/sales-returns/settings', { categoryWindows: [{ categoryId: snacks.id, windowDays: 60 }] }));
    const old = await shippedOrder([{ productId: w.tea.id, quantity: 1 }, { productId: w.nuts.id, quantity: 1 }]);
    const longAgo = new Date(Date.now() - 40 * 86400_000);
    await t.db.updateTable('shipments').set({ shippedAt: longAgo.toISOString() }).where('orderId', '=', old.id).execute();
    const before2 = await snapshot();
    const closed = await w.admin.post('/api/v1/sales-returns', { orderId: old.id, lines: [{ orderLineId: old.lines[1].id, quantity: 1, reason: 'damaged' }, { orderLineId: old.lines[0].id, quantity: 1, reason: 'damaged' }] });
    expectError(closed, 422, 'RETURN_WINDOW_CLOSED');
    const d = new Date(longAgo.getTime() + 8 * 3600_000 + 30 * 86400_000).toISOString().slice(0, 10);
    expect(closed.body.error.message).toBe(`TEA 绿茶 已过退货期限（最后退货日 ${d}）`);
    expect(closed.body.error.details).toEqual([expect.objectContaining({ field: 'lines.1.orderLineId', lastDay: d })]);
    expect(await snapshot()).toEqual(before2);
    const nuts = await w.admin.post('/api/v1/sales-returns', { orderId: old.id, lines: [{ orderLineId: old.lines[1].id, quantity: 1, reason: 'wrong_item' }] });
    expect(nuts.status, JSON.stringify(nuts.body)).toBe(201);
  });

  it('holds a return with reason "other" for the approver role; rejecting gives its quantity back; scanning refuses unknown codes, other items and too many', async () => {
    const o = await shippedOrder([{ productId: w.tea.id, quantity: 3 }, { productId: w.cola.id, quantity: 1 }]);
    const held = w.ok(await w.admin.post('/api/v1/sales-returns', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, quantity: 3, reason: 'other', note: '不想要了' }] }));
    expect(held).toMatchObject({ status: 'requested', approvalRole: 'admin', approvalReasons: ['reason_other'] });
    const alert = () => t.db.selectFrom('alerts').select(['titleZh', 'status']).where('entityId', '=', held.id).executeTakeFirst();
    expect(await alert()).toMatchObject({ status: 'open', titleZh: `待审核：退货单 ${held.number}（退货原因为“其他”）` });
    const sales = await t.loginAs('sales');
    expectError(await sales.post(`/api/v1/sales-returns/${held.id}/approve`, { comment: '行' }), 403, 'FORBIDDEN');
    expectError(await w.admin.post(`/api/v1/sales-returns/${held.id}/receive`, { scans: [{ code: 'TEA' }] }), 409, 'RETURN_STATE');
    const rejected = await w.admin.post(`/api/v1/sales-returns/${held.id}/reject`, { comment: '已拆封，不予退货' });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionComment: '已拆封，不予退货' });
    expect(rejected.body.history.at(-1)).toMatchObject({ action: 'rejected', comment: '已拆封，不予退货' });
    expect((await alert())?.status).toBe('resolved');
    expectError(await w.admin.post(`/api/v1/sales-returns/${held.id}/reject`, {}), 400, 'VALIDATION_FAILED');

    const again = w.ok(await w.admin.post('/api/v1/sales-returns', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, quantity: 3, reason: 'other' }] }));
    const approved = await w.admin.post(`/api/v1/sales-returns/${again.id}/approve`, { comment: '同意退货' });
    expect(approved.body).toMatchObject({ status: 'approved', decisionComment: '同意退货' });
    const audit = (await w.admin.get('/api/v1/audit-log', { query: { entity: 'salesReturn', entityId: again.id } })).body.items;
    expect(audit.some((a: Json) => String(a.summary).includes('同意退货'))).toBe(true);

    const before = await snapshot();
    expectError(await w.admin.post(`/api/v1/sales-returns/${again.id}/receive`, { scans: [{ code: '0000000000000' }] }), 404, 'BARCODE_UNKNOWN');
    expectError(await w.admin.post(`/api/v1/sales-returns/${again.id}/receive`, { scans: [{ code: 'STRAY' }] }), 422, 'RETURN_WRONG_ITEM');
    const tooMany = await w.admin.post(`/api/v1/sales-returns/${again.id}/receive`, { scans: [{ code: 'TEA', quantity: 2 }, { code: '6900000000035', quantity: 2 }] });
    expectError(tooMany, 409, 'RETURN_TOO_MANY');
    expect(tooMany.body.error.details[0]).toMatchObject({ asked: 3, received: 0, scanned: 4 });
    expect(await snapshot()).toEqual(before);
    w.ok(await w.admin.post(`/api/v1/sales-returns/${again.id}/receive`, { scans: [{ code: 'TEA', quantity: 1 }] }));
    expectError(await w.admin.post(`/api/v1/sales-returns/${again.id}/cancel`, {}), 409, 'RETURN_STATE');
    const inspectMissing = await w.admin.post(`/api/v1/sales-returns/${again.id}/inspect`, { lines: [{ lineId: 'nope', grade: 'A', disposition: 'restock' }] });
    expectError(inspectMissing, 400, 'VALIDATION_FAILED');
    // Inspected as partly received: 1 of 3 back, to be returned to the supplier, stocked in meanwhile.
    const insp = w.ok(await w.admin.post(`/api/v1/sales-returns/${again.id}/inspect`, { lines: [{ lineId: again.lines[0].id, grade: 'B', disposition: 'return_to_supplier', warehouseId: w.w2.id }] }));
    expect(insp.lines[0]).toMatchObject({ disposition: 'return_to_supplier', warehouseId: w.w2.id, unitCost: 250, costAmount: 250 });
    expect(insp.refundable).toBe(Math.round(o.lines[0].total / 3));
    // The 2 that never came back may be asked for again.
    expect(await requested()).toContainEqual([o.lines[0].id, 1]);
    await w.clean();
  });

  it('takes the customer’s request through the tracking link, refuses another customer’s order and unknown links', async () => {
    const o = await shippedOrder([{ productId: w.nuts.id, quantity: 2 }]);
    const link = w.ok(await w.admin.post(`/api/v1/fulfillment/orders/${o.id}/tracking-link`, {}));
    const anon = t.client();
    const res = await anon.post(`/api/v1/track/${link.token}/returns`, { lines: [{ orderLineId: o.lines[0].id, quantity: 1, reason: 'not_as_described', note: '颜色不对' }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ source: 'customer', orderId: o.id, customerId: w.shop.id, actorName: 'customer' });
    const stranger = w.ok(await w.admin.post('/api/v1/customers', { code: 'C3', name: '陌生人' }));
    const theirs = (await w.admin.post('/api/v1/sales-orders', { customerId: stranger.id, confirm: true, lines: [{ productId: w.nuts.id, quantity: 1 }] })).body;
    await ship(theirs.id);
    const before = await snapshot();
    const refused = await anon.post(`/api/v1/track/${link.token}/returns`, { orderId: theirs.id, lines: [{ orderLineId: theirs.lines[0].id, quantity: 1, reason: 'damaged' }] });
    expectError(refused, 403, 'RETURN_NOT_YOUR_ORDER');
    expectError(await anon.post('/api/v1/track/AAAAAAAAAAAAAAAAAAAAAAAA/returns', { lines: [{ orderLineId: o.lines[0].id, quantity: 1, reason: 'damaged' }] }), 404, 'NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });

  it('accepts concurrent requests for one line only up to what was shipped', async () => {
    const o = await shippedOrder([{ productId: w.tea.id, quantity: 5 }]);
    const results = await Promise.all(Array.from({ length: 8 }, () =>
      w.admin.post('/api/v1/sales-returns', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, quantity: 2, reason: 'damaged' }] })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    for (const r of results.filter((x) => x.status !== 201)) expectError(r, 409, 'OVER_RETURN');
    const rows = await t.db.selectFrom('salesReturnLines').select('baseQuantity').where('orderLineId', '=', o.lines[0].id).execute();
    expect(rows.reduce((s, r) => s + Number(r.baseQuantity), 0)).toBe(4);
    expect(await requested()).toContainEqual([o.lines[0].id, 4]);
  });

  it('creates an exchange order for the same customer through the sales rules, with its reservation', async () => {
    const o = await shippedOrder([{ productId: w.nuts.id, quantity: 2 }]);
    const r = w.ok(await w.admin.post('/api/v1/sales-returns', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, quantity: 1, reason: 'wrong_item' }] }));
    const level = await w.level(w.tea.id, w.w1.id);
    const ex = await w.admin.post(`/api/v1/sales-returns/${r.id}/exchange`, { lines: [{ productId: w.tea.id, quantity: 2 }] });
    expect(ex.status, JSON.stringify(ex.body)).toBe(201);
    expect(ex.body).toMatchObject({ orderStatus: 'confirmed', salesReturn: { exchangeOrderId: ex.body.orderId } });
    const order = (await w.admin.get(`/api/v1/sales-orders/${ex.body.orderId}`)).body;
    expect(order).toMatchObject({ customerId: w.shop.id, status: 'confirmed' });
    expect(order.lines[0]).toMatchObject({ productId: w.tea.id, reserved: 2 });
    expect(await w.level(w.tea.id, w.w1.id)).toMatchObject({ reserved: level.reserved + 2 });
    expectError(await w.admin.post(`/api/v1/sales-returns/${r.id}/exchange`, { lines: [{ productId: w.tea.id, quantity: 1 }] }), 409, 'RETURN_STATE');
    expect((await w.admin.get(`/api/v1/sales-returns/${r.id}`)).body.history.at(-1)).toMatchObject({ action: 'exchanged', comment: order.number });
    expect((await verifyStock(t.db)).ok).toBe(true);
  });
  it('reports return rates by category and limits the customer’s requests per address', async () => {
    const snacks = (await t.db.selectFrom('categories').select('id').where('name', '=', '零食').executeTakeFirstOrThrow()).id;
    const rates = (await w.admin.get('/api/v1/reports/return-rates', { query: { groupBy: 'category' } })).body;
    // Nuts: 1 + 2 + 1 + 2 shipped on the orders above, 3 asked back (one each).
    expect(rates.items.find((x: Json) => x.key === snacks)).toMatchObject({ name: '零食', returned: 3, shipped: 6, rate: 0.5 });
    const anon = t.client();
    const replies = [];
    for (let i = 0; i < 20; i++) replies.push(await anon.post('/api/v1/track/AAAAAAAAAAAAAAAAAAAAAAAA/returns', { lines: [{ orderLineId: 'x', quantity: 1, reason: 'damaged' }] }));
    expectError(replies.at(-1)!, 429, 'RATE_LIMITED');
  });
});
