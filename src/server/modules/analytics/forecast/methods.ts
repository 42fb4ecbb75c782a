// The methods by name, so selection, backtests and the service can run any of them alike.
import { fitMovingAverage, fitNaiveSeasonal, movingAverage, naiveSeasonal } from './baselines.js';
import { flat, type Fitted } from './fit.js';
import { fitHoltWinters, holtWinters } from './holt-winters.js';
import { croston, fitCroston, fitSba, sba } from './intermittent.js';
import { fitHolt, fitSes, holt, ses } from './smoothing.js';

export type MethodName = 'zeros' | 'moving-average' | 'naive-seasonal' | 'ses' | 'holt' | 'holt-winters' | 'croston' | 'sba';

export const METHOD_NAMES: readonly MethodName[] = ['zeros', 'moving-average', 'naive-seasonal', 'ses', 'holt', 'holt-winters', 'croston', 'sba'];

/** Fitted parameters by name, as chosen by the grid (empty for 'zeros'). */
export type MethodParams = Readonly<Record<string, number>>;

export interface MethodRun {
  /** The method that actually ran: 'holt-winters' under two seasons runs as 'holt'. */
  method: MethodName;
  params: MethodParams;
  forecast: number[];
  fit: Fitted<MethodParams>;
}

type Params = object;
interface Method {
  fit(history: readonly number[]): Fitted<Params>;
  forecast(history: readonly number[], horizon: number, params: never): number[];
}

const METHODS: Record<Exclude<MethodName, 'holt-winters'>, Method> = {
  zeros: { fit: () => ({ params: {}, sse: 0, points: 0 }), forecast: (_h, horizon) => flat(0, horizon) },
  'moving-average': { fit: fitMovingAverage, forecast: movingAverage },
  'naive-seasonal': { fit: (h) => fitNaiveSeasonal(h), forecast: naiveSeasonal },
  ses: { fit: fitSes, forecast: ses },
  holt: { fit: fitHolt, forecast: holt },
  croston: { fit: fitCroston, forecast: croston },
  sba: { fit: fitSba, forecast: sba },
};

function runFixed(method: Exclude<MethodName, 'holt-winters'>, history: readonly number[], horizon: number): MethodRun {
  const m = METHODS[method];
  const fit = m.fit(history) as Fitted<MethodParams>;
  return { method, params: fit.params, forecast: m.forecast(history, horizon, fit.params as never), fit };
}

/** Fits `method` on the history (grid search) and forecasts `horizon` weeks. */
export function runMethod(method: MethodName, history: readonly number[], horizon: number): MethodRun {
  if (method !== 'holt-winters') return runFixed(method, history, horizon);
  const fit = fitHoltWinters(history);
  if (fit === null) return runFixed('holt', history, horizon);
  const params = fit.params as unknown as MethodParams;
  return { method, params, forecast: holtWinters(history, horizon, fit.params), fit: { ...fit, params } };
}
