import { describe, expect, it } from 'vitest';
import { formatWape, nextWeeksSum, paramsText, wapeColour } from '../../src/web/modules/forecast/forecast-view.js';

// The 需求预测 page's display rules: WAPE colours at 20% and 50%, the next 4 weeks from this week on, parameters in words.

describe('forecast view', () => {
  it.each([
    [0, 'green', '0.0%'], [0.199, 'green', '19.9%'], [0.2, 'orange', '20.0%'], [0.4999, 'orange', '50.0%'], [0.5, 'red', '50.0%'], [1.7, 'red', '170.0%'], [null, 'default', '—'],
  ] as const)('WAPE %s is %s, shown as %s', (wape, colour, text) => {
    expect(wapeColour(wape)).toBe(colour);
    expect(formatWape(wape)).toBe(text);
  });

  it('sums the next 4 weeks from this week, skipping weeks a stored run has already passed', () => {
    const weekly = [10, 11, 12, 13, 14, 15];
    // Wednesday 2026-11-25 is in the week of Monday 2026-11-23.
    expect(nextWeeksSum(weekly, '2026-11-23', 4, new Date(2026, 10, 25))).toBe(46);
    expect(nextWeeksSum(weekly, '2026-11-16', 4, new Date(2026, 10, 25))).toBe(50);
    expect(nextWeeksSum([0.33, 0.33, 0.33, 0.33], '2026-11-23', 4, new Date(2026, 10, 23))).toBe(1.3);
  });

  it('writes parameters with their symbols, window and season in words', () => {
    const words = { window: (n: number) => `近 ${n} 周`, season: (n: number) => `周期 ${n} 周` };
    expect(paramsText({ alpha: 0.2, beta: 0.05, phi: 0.98 }, words)).toBe('α=0.2 · β=0.05 · φ=0.98');
    expect(paramsText({ window: 8 }, words)).toBe('近 8 周');
    expect(paramsText({}, words)).toBe('');
  });
});
