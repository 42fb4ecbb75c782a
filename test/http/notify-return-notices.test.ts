import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticesFor } from '../../src/server/modules/notify/notice-data.js';
import { render } from '../../src/server/modules/notify/templates.js';
import { createTestApp, dialectLabel, type TestApp } from '../support/index.js';

describe(`return.* outbox messages become customer notices with their templates filled ${dialectLabel}`, () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(() => t.close());
  // What returns' announce() enqueues.
  const payload = (refundAmount: number | null) => ({
    returnId: 'r1', number: 'TH-20261205-0003', orderId: 'o1', orderNumber: 'SO-20261201-0007', customerId: 'c1', customerName: '便利店', status: 'approved',
    lines: [{ sku: 'A-1', productName: '可乐', quantity: 2, received: 0, unit: '瓶', reason: 'damaged', disposition: null }],
    amounts: { requestedValue: 700, refundable: 700, refundAmount, restockingFee: refundAmount === null ? null : 100, writeOffAmount: 0 }, comment: null,
  });

  for (const topic of ['return.approved', 'return.received', 'return.refunded']) {
    it(`${topic}: to the customer, the return and order numbers in zh and en, no placeholder left`, async () => {
      const [n] = await noticesFor(t.db, topic, payload(topic === 'return.refunded' ? 600 : null), { shopName: '鑫源商贸' });
      expect(n).toMatchObject({ event: topic, audience: 'customer', customerId: 'c1', orderId: 'o1' });
      for (const lang of ['zh-CN', 'en'] as const) {
        const m = await render(t.db, topic, lang, n.data);
        expect(m.subject).toContain('TH-20261205-0003');
        expect(m.text).toContain('SO-20261201-0007');
        expect(m.text).not.toContain('{{');
      }
    });
  }

  it('return.approved lists the lines; return.refunded shows the amount and the fee', async () => {
    const [a] = await noticesFor(t.db, 'return.approved', payload(null), { shopName: '鑫源商贸' });
    expect((await render(t.db, 'return.approved', 'zh-CN', a.data)).text).toContain('· 可乐 × 2瓶');
    const [r] = await noticesFor(t.db, 'return.refunded', payload(600), { shopName: '鑫源商贸' });
    const m = await render(t.db, 'return.refunded', 'zh-CN', r.data);
    expect(m.subject).toContain('¥6.00');
    expect(m.text).toContain('¥1.00');
  });
});
