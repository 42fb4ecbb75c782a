import { describe, expect, it } from 'vitest';
import {
  backtest, bucketWeekly, chooseMethod, classify, croston, demandStats, fitHoltWinters, fitSes, forecastProduct,
  holt, holtWinters, isoWeek, movingAverage, naiveSeasonal, overallWape, runMethod, sba, ses, wapeOf, weekStart,
  METHOD_NAMES,
} from '../../src/server/modules/analytics/forecast/index.js';

// Deterministic noise (mulberry32), so the generated series and the expectations never drift.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const repeat = (pattern: number[], times: number) => Array.from({ length: times }, () => pattern).flat();

// Three years of a yearly wave around 100 with ±10 noise.
function seasonalSeries(seed: number, weeks = 156): number[] {
  const r = random(seed);
  return Array.from({ length: weeks }, (_, t) => Math.round(100 + 40 * Math.sin((2 * Math.PI * t) / 52) + (r() - 0.5) * 20));
}
// A quarter of the weeks sell 1–9 units: mean demand 0.25 × 5 = 1.25 a week.
function intermittentSeries(seed: number, weeks: number): number[] {
  const r = random(seed);
  return Array.from({ length: weeks }, () => (r() < 0.25 ? 1 + Math.floor(r() * 9) : 0));
}

describe('forecast methods on hand-worked series', () => {
  it('SES: level 10 → 11 → 9.5 → 11.75 with α = 0.5, flat ahead', () => {
    expect(ses([10, 12, 8, 14], 3, { alpha: 0.5 })).toEqual([11.75, 11.75, 11.75]);
  });

  it('SES fit: a clean step is followed fastest by the largest α in the grid', () => {
    const fit = fitSes([0, 0, 0, 10, 10, 10, 10, 10]);
    expect(fit.params.alpha).toBe(1);
    expect(fit.sse).toBe(100);
    expect(fit.points).toBe(7);
    // A constant series scores 0 for every α: the tie goes to the smoothest.
    expect(fitSes([7, 7, 7, 7]).params.alpha).toBe(0.05);
  });

  it('Holt (φ = 1): trend starts at (22 − 10)/4, four updates by hand with α = β = 0.5', () => {
    // t=1 f 13 → l 12.5 b 2.75; t=2 f 15.25 → l 15.125 b 2.6875; t=3 f 17.8125 → l 16.90625 b 2.234375;
    // t=4 f 19.140625 → l 20.5703125 b 2.94921875
    expect(holt([10, 12, 15, 16, 22], 2, { alpha: 0.5, beta: 0.5, phi: 1 })).toEqual([23.51953125, 26.46875]);
  });

  it('damped Holt: the trend adds φ + φ² + … and levels off at l + bφ/(1 − φ)', () => {
    // l 14, b 2 after [10, 12, 14] with α = β = 1; φ = 0.5 adds 1, 1.5, 1.75, … towards 2.
    expect(holt([10, 12, 14], 3, { alpha: 1, beta: 1, phi: 0.5 })).toEqual([15, 15.5, 15.75]);
    expect(holt([10, 12, 14], 60, { alpha: 1, beta: 1, phi: 0.5 })[59]).toBeCloseTo(16, 10);
    // α = β = φ = 0.5: t=1 f 11 → l 11.5 b 1.25; t=2 f 12.125 → l 13.0625 b 1.09375
    expect(holt([10, 12, 14], 2, { alpha: 0.5, beta: 0.5, phi: 0.5 })).toEqual([13.609375, 13.8828125]);
  });

  it('Holt-Winters reproduces an exact trend + season from its two-season start', () => {
    const season = [5, -5, 3, -3];
    const y = Array.from({ length: 12 }, (_, t) => 10 + t + season[t % 4]);
    const out = holtWinters(y, 4, { alpha: 0.3, beta: 0.1, gamma: 0.1, phi: 1, season: 4 });
    out.forEach((v, i) => expect(v).toBeCloseTo([27, 18, 27, 22][i], 10));
  });

  it('Holt-Winters moves level and seasonal index on a surprise (α 0.5, γ 0.25)', () => {
    // Start: level 7, trend 0, season [5, −5, 5, −5]; 20 arrives where 12 was due: e = 8,
    // level 7 + 0.5·8 = 11, index 5 + 0.25·8 = 7 for that week of the season.
    const y = [12, 2, 12, 2, 12, 2, 12, 2, 20];
    expect(holtWinters(y, 4, { alpha: 0.5, beta: 0, gamma: 0.25, phi: 1, season: 4 })).toEqual([6, 16, 6, 18]);
  });

  it('Croston and SBA on [0,0,4,0,0,0,6,0,2,0] with α = 0.5: size 3.5 over interval 2.75', () => {
    // first demand 4 after 3 weeks (z 4, p 3); 6 after 4: z 5, p 3.5; 2 after 2: z 3.5, p 2.75
    const y = [0, 0, 4, 0, 0, 0, 6, 0, 2, 0];
    expect(croston(y, 2, { alpha: 0.5 })).toEqual([3.5 / 2.75, 3.5 / 2.75]);
    expect(sba(y, 1, { alpha: 0.5 })[0]).toBeCloseTo(0.75 * (3.5 / 2.75), 12);
  });

  it('baselines: moving average of the last window, seasonal naive one season back', () => {
    expect(movingAverage([1, 2, 3, 4, 5, 6], 2, { window: 4 })).toEqual([4.5, 4.5]);
    const y = Array.from({ length: 60 }, (_, t) => t);
    expect(naiveSeasonal(y, 3)).toEqual([8, 9, 10]);
    expect(naiveSeasonal([3, 9], 2)).toEqual([9, 9]);
  });

  it('never forecasts below zero, and every method gives `horizon` zeros on an empty history', () => {
    expect(holt([100, 80, 60, 40, 20, 5], 5, { alpha: 0.5, beta: 0.1, phi: 1 })).toEqual([0, 0, 0, 0, 0]);
    for (const method of METHOD_NAMES) expect(runMethod(method, [], 4).forecast).toEqual([0, 0, 0, 0]);
  });
});

describe('classify (Syntetos–Boylan–Croston)', () => {
  it('puts ADI 1.32 and CV² 0.49 on the irregular / variable side of the cutoffs', () => {
    const sparse = (demands: number, periods: number) => Array.from({ length: periods }, (_, t) => (t < demands ? 10 : 0));
    expect(demandStats(sparse(25, 33)).adi).toBe(1.32);
    expect(classify(sparse(25, 33))).toBe('intermittent');
    expect(classify(sparse(26, 33))).toBe('smooth');
    expect(demandStats(repeat([17, 3], 5)).cv2).toBe(0.49);
    expect(classify(repeat([17, 3], 5))).toBe('erratic');
    expect(classify(repeat([16, 4], 5))).toBe('smooth');
    expect(classify(repeat([17, 0, 3, 0], 3))).toBe('lumpy');
    expect(classify(repeat([16, 0, 4, 0], 3))).toBe('intermittent');
  });

  it("says 'none' without demand and 'short' under 8 weeks", () => {
    expect(classify([])).toBe('none');
    expect(classify([0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe('none');
    expect(classify([5, 5, 5, 5, 5, 5, 5])).toBe('short');
    expect(classify([5, 5, 5, 5, 5, 5, 5, 5])).toBe('smooth');
  });
});

describe('method selection and backtest', () => {
  it('seasonal series: Holt-Winters is chosen and beats SES on the 13 held-back weeks', () => {
    const y = seasonalSeries(1);
    expect(chooseMethod(y)).toBe('holt-winters');
    const hw = backtest(y, 13, 'holt-winters');
    const flat = backtest(y, 13, 'ses');
    expect(hw.method).toBe('holt-winters');
    expect(hw.actual).toEqual(y.slice(-13));
    expect(hw.wape!).toBeLessThan(0.15);
    expect(hw.wape!).toBeLessThan(flat.wape! / 2);
  });

  it('under two seasons Holt-Winters falls back to damped Holt, and regular series pick Holt or SES', () => {
    const y = seasonalSeries(1, 103);
    expect(fitHoltWinters(y)).toBeNull();
    expect(runMethod('holt-winters', y, 4).method).toBe('holt');
    const r = random(3);
    const trend = Array.from({ length: 60 }, (_, t) => Math.round(20 + 2 * t + (r() - 0.5) * 8));
    const level = Array.from({ length: 60 }, () => Math.round(50 + (r() - 0.5) * 20));
    expect(chooseMethod(trend)).toBe('holt');
    expect(chooseMethod(level)).toBe('ses');
  });

  it('intermittent series: SBA is chosen and is nearly unbiased where SES runs high after each sale', () => {
    const y = intermittentSeries(1, 520);
    expect(classify(y.slice(0, 104))).toBe('intermittent');
    expect(chooseMethod(y.slice(0, 104))).toBe('sba');
    // Forecasts issued right after a sale (when a reorder is triggered), against the next 13 weeks.
    let viaSes = 0;
    let viaSba = 0;
    let viaCroston = 0;
    let actual = 0;
    let origins = 0;
    for (let t = 52; t <= y.length - 13; t++) {
      if (y[t - 1] === 0) continue;
      const history = y.slice(0, t);
      viaSes += ses(history, 1)[0];
      viaSba += sba(history, 1)[0];
      viaCroston += croston(history, 1)[0];
      actual += sum(y.slice(t, t + 13)) / 13;
      origins++;
    }
    const bias = (total: number) => (total - actual) / origins;
    expect(origins).toBeGreaterThan(100);
    expect(bias(viaSes)).toBeGreaterThan(0.15);
    expect(Math.abs(bias(viaSba))).toBeLessThan(0.05);
    expect(bias(viaCroston)).toBeGreaterThan(bias(viaSba));
  });

  it('WAPE per product, and overall as Σ abs errors / Σ actuals, not a mean of ratios', () => {
    const a = wapeOf([10, 10], [5, 5]);
    const b = wapeOf([100, 100], [90, 110]);
    const c = wapeOf([0, 0], [1, 2]);
    expect([a.wape, b.wape, c.wape]).toEqual([0.5, 0.1, null]);
    expect(c.absError).toBe(3);
    expect(overallWape([a, b, c])).toBe(33 / 220);
    expect(overallWape([c])).toBeNull();
    expect(overallWape([])).toBeNull();
  });

  it('backtest fits on the weeks before the holdout only', () => {
    const bt = backtest([4, 4, 4, 4, 4, 4, 8, 0], 2, 'moving-average');
    expect(bt).toMatchObject({ holdout: 2, actual: [8, 0], forecast: [4, 4], absError: 8, actualSum: 8, wape: 1 });
    // A holdout longer than the series keeps one week to fit on.
    expect(backtest([3, 5], 8, 'moving-average')).toMatchObject({ holdout: 1, actual: [5], forecast: [3], wape: 0.4 });
  });

  it('forecastProduct: one call gives method, class, forecast, backtest and parameters', () => {
    const y = seasonalSeries(2);
    const out = forecastProduct(y, { horizon: 8, holdout: 13 });
    expect(out.method).toBe('holt-winters');
    expect(out.class).toBe('smooth');
    expect(out.forecast).toHaveLength(8);
    expect(out.backtest.holdout).toBe(13);
    expect(out.backtest.actual).toEqual(y.slice(-13));
    expect(out.params).toMatchObject({ season: 52 });
    expect(out.params.alpha).toBeGreaterThan(0);
  });
});

describe('forecastProduct on empty, zero and short histories', () => {
  it('no history or no demand: zeros, no WAPE', () => {
    for (const y of [[], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]) {
      const out = forecastProduct(y, { horizon: 4 });
      expect(out).toMatchObject({ method: 'zeros', class: 'none', forecast: [0, 0, 0, 0] });
      expect(out.backtest.wape).toBeNull();
      expect(out.backtest.absError).toBe(0);
    }
  });

  it('short history: moving average; weeks before the first sale do not count', () => {
    expect(forecastProduct([3, 5, 4], { horizon: 2 })).toMatchObject({ method: 'moving-average', class: 'short', forecast: [4, 4] });
    const launched = [...new Array<number>(100).fill(0), 5, 6, 5, 6, 5, 6];
    expect(forecastProduct(launched, { horizon: 1 })).toMatchObject({ method: 'moving-average', class: 'short' });
    expect(forecastProduct([4, -2, 4], { horizon: 1 }).forecast[0]).toBeCloseTo(8 / 3, 12);
  });
});

describe('ISO weeks', () => {
  it('labels weeks by the year of their Thursday', () => {
    expect(isoWeek('2020-12-31')).toBe('2020-W53');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2021-01-04')).toBe('2021-W01');
    expect(isoWeek('2019-12-30')).toBe('2020-W01');
    expect(isoWeek('2008-12-29')).toBe('2009-W01');
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-06-15')).toBe('2024-W24');
    expect(weekStart('2021-01-01')).toBe('2020-12-28');
    expect(weekStart('2021-01-04')).toBe('2021-01-04');
  });

  it('buckets daily rows into consecutive weeks across the year end, with 0 for empty weeks', () => {
    const rows = [
      { date: '2021-01-05', quantity: 4 },
      { date: '2020-12-20', quantity: 2 },
      { date: '2020-12-31', quantity: 1 },
      { date: '2021-01-03', quantity: 3 },
    ];
    expect(bucketWeekly(rows)).toEqual({
      weeks: ['2020-W51', '2020-W52', '2020-W53', '2021-W01'],
      starts: ['2020-12-14', '2020-12-21', '2020-12-28', '2021-01-04'],
      quantities: [2, 0, 4, 4],
    });
    const ranged = bucketWeekly(rows, { from: '2020-12-24', to: '2021-01-20' });
    expect(ranged.weeks).toEqual(['2020-W52', '2020-W53', '2021-W01', '2021-W02', '2021-W03']);
    expect(ranged.quantities).toEqual([0, 4, 4, 0, 0]);
    expect(bucketWeekly([])).toEqual({ weeks: [], starts: [], quantities: [] });
  });

  it('refuses dates that are not real YYYY-MM-DD dates', () => {
    expect(() => isoWeek('2021-02-30')).toThrow(RangeError);
    expect(() => bucketWeekly([{ date: '2021/01/04', quantity: 1 }])).toThrow(RangeError);
  });
});
