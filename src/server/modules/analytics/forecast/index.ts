// Demand forecasting: pure functions over weekly quantity series, no I/O. See docs/forecast.md.
export { ADI_CUTOFF, CV2_CUTOFF, MIN_HISTORY, classify, demandStats, type DemandClass, type DemandStats } from './classify.js';
export type { Fitted } from './fit.js';
export { fitHolt, fitSes, holt, ses, HOLT_GRID, SES_ALPHAS, type HoltParams, type SesParams } from './smoothing.js';
export {
  fitHoltWinters, hasTwoSeasons, holtWinters, HOLT_WINTERS_GRID, WEEKS_PER_YEAR, type HoltWintersParams,
} from './holt-winters.js';
export { croston, fitCroston, fitSba, sba, CROSTON_ALPHAS, type CrostonParams } from './intermittent.js';
export {
  fitMovingAverage, fitNaiveSeasonal, movingAverage, naiveSeasonal, MOVING_AVERAGE_WINDOWS,
  type MovingAverageParams, type NaiveSeasonalParams,
} from './baselines.js';
export { METHOD_NAMES, runMethod, type MethodName, type MethodParams, type MethodRun } from './methods.js';
export {
  backtest, chooseMethod, defaultHoldout, forecastProduct, overallWape, wapeOf,
  DEFAULT_HORIZON, HOLDOUT_LONG, HOLDOUT_SHORT, type Backtest, type ProductForecast,
} from './forecast.js';
export { bucketWeekly, isoWeek, weekStart, type DatedQuantity, type WeeklySeries } from './iso-week.js';
