import { describe, expect, it } from 'vitest';
import { presetRange, sameRangeLastYear, type PresetKey } from '../../src/web/modules/analytics/date-presets.js';

// The dashboard's date presets on fixed days: weeks from Monday, quarters, month and year ends.

describe('analytics date presets', () => {
  const cases: Array<[string, PresetKey, string, string]> = [
    ['2026-11-29', 'today', '2026-11-29', '2026-11-29'],
    ['2026-11-29', 'thisWeek', '2026-11-23', '2026-11-29'], // a Sunday: the week began on Monday the 23rd
    ['2026-11-23', 'thisWeek', '2026-11-23', '2026-11-23'],
    ['2026-11-29', 'lastWeek', '2026-11-16', '2026-11-22'],
    ['2026-11-29', 'thisMonth', '2026-11-01', '2026-11-29'],
    ['2026-03-31', 'lastMonth', '2026-02-01', '2026-02-28'],
    ['2026-01-15', 'lastMonth', '2025-12-01', '2025-12-31'],
    ['2026-11-29', 'last30', '2026-10-31', '2026-11-29'],
    ['2026-11-29', 'thisQuarter', '2026-10-01', '2026-11-29'],
    ['2026-02-10', 'lastQuarter', '2025-10-01', '2025-12-31'],
    ['2026-11-29', 'thisYear', '2026-01-01', '2026-11-29'],
    ['2026-11-29', 'lastYear', '2025-01-01', '2025-12-31'],
  ];
  it.each(cases)('on %s, %s is %s ~ %s', (today, key, from, to) => {
    expect(presetRange(key, today)).toEqual({ from, to });
  });

  it('去年同期 shifts a range a year back, 29 Feb to 28 Feb', () => {
    expect(sameRangeLastYear({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(sameRangeLastYear({ from: '2026-11-01', to: '2026-11-29' })).toEqual({ from: '2025-11-01', to: '2025-11-29' });
  });
});
