import { describe, expect, it } from 'vitest';
import { checkApproval, mayApprove, type ApprovalRule, type OrderFacts } from './approval.js';

const rule = (kind: ApprovalRule['kind'], threshold = 0): ApprovalRule => ({ id: kind, name: kind, kind, threshold, approverRole: 'finance' });
const facts: OrderFacts = { total: 10000, maxDiscountBp: 0, belowCostLines: [], creditLimit: 0, openOrdersTotal: 0, hasHistory: true };

describe('checkApproval', () => {
  it.each([
    ['total over: equal is fine', rule('total_over', 10000), {}, false],
    ['total over: one fen more trips', rule('total_over', 9999), {}, true],
    ['discount over 10%: 10% is fine', rule('discount_over', 1000), { maxDiscountBp: 1000 }, false],
    ['discount over 10%: 10.5% trips', rule('discount_over', 1000), { maxDiscountBp: 1050 }, true],
    ['below cost', rule('below_cost'), { belowCostLines: [2] }, true],
    ['no credit limit never trips', rule('over_credit'), { openOrdersTotal: 1e9 }, false],
    ['credit: open + this over the limit trips', rule('over_credit'), { creditLimit: 15000, openOrdersTotal: 6000 }, true],
    ['credit: exactly at the limit is fine', rule('over_credit'), { creditLimit: 16000, openOrdersTotal: 6000 }, false],
    ['credit: the receivable counts too', rule('over_credit'), { creditLimit: 16000, openOrdersTotal: 6000, receivable: 1 }, true],
    ['credit: an unapplied payment (negative receivable) makes room', rule('over_credit'), { creditLimit: 15000, openOrdersTotal: 6000, receivable: -1000 }, false],
    ['overdue: nothing overdue', rule('overdue'), { overdueAmount: 0, daysOverdue: 0 }, false],
    ['overdue: any day late trips with no grace', rule('overdue'), { overdueAmount: 100, daysOverdue: 1 }, true],
    ['overdue: within the grace days is fine', rule('overdue', 7), { overdueAmount: 100, daysOverdue: 7 }, false],
    ['overdue: past the grace days trips', rule('overdue', 7), { overdueAmount: 100, daysOverdue: 8 }, true],
    ['new customer', rule('new_customer'), { hasHistory: false }, true],
    ['known customer', rule('new_customer'), {}, false],
  ] as Array<[string, ApprovalRule, Partial<OrderFacts>, boolean]>)('%s', (_name, r, f, trips) => {
    const hits = checkApproval([r], { ...facts, ...f });
    expect(hits.length > 0).toBe(trips);
    if (trips) expect(hits[0]).toMatchObject({ ruleId: r.id, approverRole: 'finance' });
  });

  it('states the reason with the figures, in both languages', () => {
    const [hit] = checkApproval([rule('total_over', 5000)], facts);
    expect(hit.zh).toBe('订单金额 ¥100.00 超过 ¥50.00');
    expect(hit.en).toBe('Order total ¥100.00 is over ¥50.00');
  });

  it('admins and the named role may approve', () => {
    expect([mayApprove('admin', 'finance'), mayApprove('finance', 'finance'), mayApprove('sales', 'finance')]).toEqual([true, true, false]);
  });
});
