import { describe, expect, it } from 'vitest';
import { variation, variationOfSums } from '../../src/server/modules/analytics/abc-xyz.js';
import { planMonths } from '../../src/server/modules/analytics/sales-source.js';

describe('planMonths: months from the rollup, the ends from the fewest facts', () => {
  it('takes whole months as they are', () => {
    expect(planMonths('2024-01-01', '2024-03-31', '2026-11-29')).toEqual({ months: { from: '2024-01-01', to: '2024-03-31' }, add: [], subtract: [] });
  });
  it('adds a short end and subtracts the rest of a long one', () => {
    // Jan 28–31 in (4 days) vs 27 out: added. Mar 1–25 in vs 26–31 out: the month less 6 days.
    expect(planMonths('2024-01-28', '2024-03-25', '2026-11-29')).toEqual({
      months: { from: '2024-02-01', to: '2024-03-31' }, add: [{ from: '2024-01-28', to: '2024-01-31' }], subtract: [{ from: '2024-03-26', to: '2024-03-31' }],
    });
  });
  it('counts no facts after today: a range up to today reads the current month whole', () => {
    expect(planMonths('2026-10-31', '2026-11-20', '2026-11-20')).toEqual({
      months: { from: '2026-11-01', to: '2026-11-30' }, add: [{ from: '2026-10-31', to: '2026-10-31' }], subtract: [{ from: '2026-11-21', to: '2026-11-30' }],
    });
  });
  it('inside one month: the month less both sides when they are shorter', () => {
    expect(planMonths('2024-05-03', '2024-05-29', '2026-11-29')).toEqual({
      months: { from: '2024-05-01', to: '2024-05-31' }, add: [], subtract: [{ from: '2024-05-01', to: '2024-05-02' }, { from: '2024-05-30', to: '2024-05-31' }],
    });
    expect(planMonths('2024-05-03', '2024-05-09', '2026-11-29')).toEqual({ months: null, add: [{ from: '2024-05-03', to: '2024-05-09' }], subtract: [] });
  });
});

describe('variationOfSums equals the variation over the months', () => {
  it('for regular, alternating, lumpy and empty series', () => {
    for (const xs of [[10, 10, 10], [2, 8, 2, 8, 2, 8], [0, 0, 30, 0, 0, 30], [0, 0, 0], [5], [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]) {
      const sum = xs.reduce((a, b) => a + b, 0);
      const squares = xs.reduce((a, b) => a + b * b, 0);
      const want = variation(xs);
      const got = variationOfSums(xs.length, sum, squares);
      if (want === null) expect(got).toBeNull();
      else expect(got).toBeCloseTo(want, 10);
    }
  });
});
