import { describe, expect, it } from 'vitest';
import { addDays, ageItems, bucketOf, daysBetween, mulDivRound, shareOf, statementOf } from './ledger.js';

describe('finance ledger rules', () => {
  it.each([
    [2450, 4200, 7, 12], [282, 483, 7, 12], [3, 5, 1, 2], [-3, -5, 1, 2], [2, 7, 1, 4], [1, 1, 1, 2], [0, 0, 3, 4],
  ])('mulDivRound gives %i for %i × %i / %i (half away from zero)', (want, a, b, c) => expect(mulDivRound(a, b, c)).toBe(want));

  it('invoices of a line shipped in parts add up to the line', () => {
    for (const [figure, ordered, parts] of [[4200, 12, [7, 5]], [483, 12, [1, 1, 1, 9]], [999, 7, [3, 3, 1]], [-354, 3, [1, 1, 1]]] as Array<[number, number, number[]]>) {
      let before = 0;
      let sum = 0;
      for (const q of parts) { sum += shareOf(figure, ordered, before, q); before += q; }
      expect(sum).toBe(figure);
    }
  });

  it.each([
    ['2026-11-29', '2026-11-29', 'current'], ['2026-11-29', '2026-11-28', 'current'], ['2026-11-29', '2026-11-30', 'd1_30'], ['2026-11-01', '2026-12-01', 'd1_30'],
    ['2026-11-01', '2026-12-02', 'd31_60'], ['2026-11-01', '2026-12-31', 'd31_60'], ['2026-11-01', '2027-01-01', 'd61_90'], ['2026-11-01', '2027-01-30', 'd61_90'], ['2026-11-01', '2027-01-31', 'over90'],
  ])('due %s, as of %s: %s', (due, asOf, bucket) => expect(bucketOf(due, asOf)).toBe(bucket));

  it('counts days across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 30)).toBe('2027-01-30');
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
    expect(daysBetween('0001-01-01', '0001-01-31')).toBe(30);
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
  });

  it('ages open items, unapplied credits and payments add to the balance', () => {
    const a = ageItems([{ total: 1000, settled: 400, dueDate: '2026-11-01' }, { total: 500, settled: 0, dueDate: '2026-12-31' }, { total: -200, settled: -50, dueDate: '2026-11-01' }, { total: 300, settled: 300, dueDate: '2026-01-01' }], 70, '2026-11-29');
    expect(a).toEqual({ current: 500, d1_30: 600, d31_60: 0, d61_90: 0, over90: 0, unapplied: -220, balance: 880 });
  });

  it('builds a statement with the running balance in date order', () => {
    const s = statementOf(100, [
      { date: '2026-11-02', at: 'b', id: '2', kind: 'payment', number: 'SK-2', sourceNumber: null, charged: 0, paid: 300 },
      { date: '2026-11-01', at: 'a', id: '1', kind: 'invoice', number: 'FP-1', sourceNumber: 'CK-1', charged: 500, paid: 0 },
    ]);
    expect(s.lines.map((l) => [l.number, l.balance])).toEqual([['FP-1', 600], ['SK-2', 300]]);
    expect(s).toMatchObject({ opening: 100, charged: 500, paid: 300, closing: 300 });
  });
});
