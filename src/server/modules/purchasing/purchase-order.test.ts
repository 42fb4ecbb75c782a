import { describe, expect, it } from 'vitest';
import { nextPurchaseStatus, openQuantity, purchaseApproval, receiptAction, receiveLimit, unitCostOf } from './purchase-order.js';

describe('purchase order rules', () => {
  it.each([
    ['draft', 'submit', 'ordered'],
    ['pending_approval', 'approve', 'ordered'],
    ['pending_approval', 'reject', 'draft'],
    ['ordered', 'cancel', 'cancelled'],
    ['partially_received', 'cancel', null],
    ['partially_received', 'close', 'closed'],
    ['received', 'close', 'closed'],
    ['closed', 'receive_part', null],
    ['cancelled', 'receive_rest', null],
    ['ordered', 'receive_rest', 'received'],
    ['ordered', 'edit', null],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextPurchaseStatus(from, action)).toBe(to);
  });

  it.each([
    [100, 0, 100], [100, 500, 105], [10, 500, 10], [24, 1000, 26], [1, 10000, 2],
  ])('ordered %i with tolerance %i bp may receive %i in all', (base, bp, limit) => {
    expect(receiveLimit(base, bp)).toBe(limit);
  });

  it('counts open quantities, decides partial or full, and costs per base unit without VAT', () => {
    expect(openQuantity(10, 4)).toBe(6);
    expect(openQuantity(10, 12)).toBe(0);
    expect(receiptAction([{ baseQuantity: 10, received: 10 }, { baseQuantity: 5, received: 6 }])).toBe('receive_rest');
    expect(receiptAction([{ baseQuantity: 10, received: 10 }, { baseQuantity: 5, received: 4 }])).toBe('receive_part');
    expect(unitCostOf(8000, 48)).toBe(167);
    expect(unitCostOf(100, 8)).toBe(13);
    expect(purchaseApproval(100, null)).toBeNull();
    expect(purchaseApproval(100, 100)).toBeNull();
    expect(purchaseApproval(10001, 10000)).toEqual({ zh: '采购金额 ¥100.01 超过 ¥100.00', en: 'Purchase total ¥100.01 is over ¥100.00' });
  });
});
