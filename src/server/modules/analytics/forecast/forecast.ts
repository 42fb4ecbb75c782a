// Method selection, backtest on held-back weeks and the one call the service makes per product.
import { classify, type DemandClass } from './classify.js';
import { mse } from './fit.js';
import { hasTwoSeasons } from './holt-winters.js';
import { runMethod, type MethodName, type MethodParams } from './methods.js';
import { fitHolt, fitSes } from './smoothing.js';

/** Default weeks held back: a quarter when the history allows it, else two months. */
export const HOLDOUT_LONG = 13;
export const HOLDOUT_SHORT = 8;
export const DEFAULT_HORIZON = 13;

export interface Backtest {
  /** The method that ran on the training weeks (Holt-Winters short of two seasons runs as 'holt'). */
  method: MethodName;
  holdout: number;
  actual: number[];
  forecast: number[];
  /** Σ|actual − forecast| over the held-back weeks, kept so WAPE can be aggregated exactly. */
  absError: number;
  /** Σ actual over the held-back weeks. */
  actualSum: number;
  /** absError / actualSum; null when nothing was sold in the held-back weeks. */
  wape: number | null;
}

export interface ProductForecast {
  method: MethodName;
  class: DemandClass;
  /** Weekly quantities, the first element being the week after the history. */
  forecast: number[];
  backtest: Backtest;
  params: MethodParams;
}

/** The method for a series by its SBC class (see docs/forecast.md, "Selection"). */
export function chooseMethod(series: readonly number[]): MethodName {
  switch (classify(series)) {
    case 'none':
      return 'zeros';
    case 'short':
      return 'moving-average';
    case 'intermittent':
    case 'lumpy':
      return 'sba';
    case 'smooth':
    case 'erratic':
      if (hasTwoSeasons(series)) return 'holt-winters';
      return mse(fitHolt(series)) < mse(fitSes(series)) ? 'holt' : 'ses';
  }
}

/** HOLDOUT_LONG weeks once the history is over a year plus that, else HOLDOUT_SHORT. */
export function defaultHoldout(length: number): number {
  return length >= 52 + HOLDOUT_LONG ? HOLDOUT_LONG : HOLDOUT_SHORT;
}

/** Sums of absolute errors and actuals, and their ratio (null on zero actuals). */
export function wapeOf(actual: readonly number[], forecast: readonly number[]): Pick<Backtest, 'absError' | 'actualSum' | 'wape'> {
  let absError = 0;
  let actualSum = 0;
  for (let i = 0; i < actual.length; i++) {
    absError += Math.abs(actual[i] - (forecast[i] ?? 0));
    actualSum += actual[i];
  }
  return { absError, actualSum, wape: actualSum > 0 ? absError / actualSum : null };
}

/** Overall WAPE of many backtests: Σ absolute errors / Σ actuals (not a mean of the ratios). */
export function overallWape(backtests: readonly Pick<Backtest, 'absError' | 'actualSum'>[]): number | null {
  let absError = 0;
  let actualSum = 0;
  for (const b of backtests) { absError += b.absError; actualSum += b.actualSum; }
  return actualSum > 0 ? absError / actualSum : null;
}

/**
 * Fits on all but the last `holdout` weeks and scores the forecast of those weeks. At least one week
 * stays for training; `method` defaults to what chooseMethod picks on the training weeks.
 */
export function backtest(series: readonly number[], holdout = defaultHoldout(series.length), method?: MethodName): Backtest {
  const h = Math.max(0, Math.min(Math.floor(holdout), series.length - 1));
  const train = series.slice(0, series.length - h);
  const actual = series.slice(series.length - h);
  const run = runMethod(method ?? chooseMethod(train), train, h);
  return { method: run.method, holdout: h, actual, forecast: run.forecast, ...wapeOf(actual, run.forecast) };
}

/** Negative or missing weeks count as no demand; weeks before the first sale are not history. */
function demandHistory(series: readonly number[]): number[] {
  const clean = series.map((y) => (Number.isFinite(y) && y > 0 ? y : 0));
  const first = clean.findIndex((y) => y > 0);
  return first < 0 ? clean : clean.slice(first);
}

/**
 * Classifies a product's weekly demand, picks its method, backtests that method on the last
 * `holdout` weeks and forecasts `horizon` weeks from the whole history.
 */
export function forecastProduct(series: readonly number[], options: { horizon?: number; holdout?: number } = {}): ProductForecast {
  const history = demandHistory(series);
  const horizon = Math.max(0, Math.floor(options.horizon ?? DEFAULT_HORIZON));
  const method = chooseMethod(history);
  const run = runMethod(method, history, horizon);
  return {
    method: run.method,
    class: classify(history),
    forecast: run.forecast,
    backtest: backtest(history, options.holdout ?? defaultHoldout(history.length), method),
    params: run.params,
  };
}
