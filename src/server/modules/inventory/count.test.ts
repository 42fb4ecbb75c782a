import { describe, expect, it } from 'vitest';
import { isWholeWarehouse, nextCountStatus, varianceOf } from './count.js';

describe('stock count rules', () => {
  it.each([
    ['counting', 'scan', 'counting'],
    ['counting', 'approve', 'approved'],
    ['approved', 'approve', null],
    ['approved', 'scan', null],
    ['cancelled', 'approve', null],
    ['counting', 'cancel', 'cancelled'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextCountStatus(from, action)).toBe(to);
  });

  it.each([
    // snapshot, movements since, counted, uncounted as zero → expected, variance, outcome
    [10, 0, 8, false, 10, -2, 'loss'],
    [10, -3, 7, false, 7, 0, 'match'],
    [10, -3, 9, false, 7, 2, 'gain'],
    [0, 5, 5, false, 5, 0, 'match'],
    [4, 0, null, false, 4, null, 'uncounted'],
    [4, 1, null, true, 5, -5, 'loss'],
  ] as const)('snapshot %i, movements %i, counted %s (zero: %s)', (snapshot, movements, counted, zero, expected, variance, outcome) => {
    expect(varianceOf({ snapshot, movements, counted }, zero)).toMatchObject({ expected, variance, outcome });
  });

  it('knows a whole-warehouse count', () => {
    expect(isWholeWarehouse({})).toBe(true);
    expect(isWholeWarehouse({ binIds: [] })).toBe(true);
    expect(isWholeWarehouse({ zone: 'A' })).toBe(false);
  });
});
