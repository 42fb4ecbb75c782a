import { describe, expect, it } from 'vitest';
import { approvalDecision, canDo, lastReturnDay, paidFor, restockingFee } from './sales-return.js';

describe('sales return rules', () => {
  it.each([
    [40000, ['damaged'], true],
    [50000, ['defective'], true],
    [50001, ['damaged'], false],
    [100, ['damaged', 'other'], false],
  ])('value %i with reasons %j: auto-approved %s', (value, reasons, auto) => {
    expect(approvalDecision(value, reasons, 50000).auto).toBe(auto);
  });

  it('moves only along the table', () => {
    expect(canDo('requested', 'approve')).toBe(true);
    expect(canDo('received', 'cancel')).toBe(false);
    expect(canDo('inspected', 'refund')).toBe(true);
    expect(canDo('refunded', 'refund')).toBe(false);
  });

  it('counts the window from the day, across months', () => {
    expect(lastReturnDay('2026-11-20', 30)).toBe('2026-12-20');
    expect(lastReturnDay('2026-02-27', 2)).toBe('2026-03-01');
  });

  it('pays back pro rata, half up; the fee never exceeds the refundable', () => {
    expect(paidFor(3332, 3, 1)).toBe(1111);
    expect(paidFor(3255, 3, 2)).toBe(2170);
    expect(restockingFee(1000, { percent: 15 })).toBe(150);
    expect(restockingFee(1000, { amount: 2000 })).toBe(1000);
    expect(restockingFee(1000, {})).toBe(0);
  });
});
