// Baselines: the forecasts any method has to beat, and the fallback for short histories.
import { flat, type Fitted } from './fit.js';
import { WEEKS_PER_YEAR } from './holt-winters.js';

export interface MovingAverageParams { window: number }
export interface NaiveSeasonalParams { season: number }

/** Candidate windows in weeks; only those shorter than the history are tried. */
export const MOVING_AVERAGE_WINDOWS: readonly number[] = [3, 4, 6, 8, 13];

function mean(y: readonly number[], from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += y[i];
  return to > from ? sum / (to - from) : 0;
}

/**
 * Moving average with the window of least one-step SSE; every window is scored on the same weeks
 * (after the longest candidate). Histories of 3 weeks or less average everything they have.
 */
export function fitMovingAverage(history: readonly number[]): Fitted<MovingAverageParams> {
  const n = history.length;
  const windows = MOVING_AVERAGE_WINDOWS.filter((w) => w < n);
  if (windows.length === 0) return { params: { window: Math.max(1, n) }, sse: 0, points: 0 };
  const from = windows[windows.length - 1];
  let best: Fitted<MovingAverageParams> = { params: { window: windows[0] }, sse: Infinity, points: 0 };
  for (const window of windows) {
    let sse = 0;
    for (let t = from; t < n; t++) {
      const e = history[t] - mean(history, t - window, t);
      sse += e * e;
    }
    if (sse < best.sse) best = { params: { window }, sse, points: n - from };
  }
  return best;
}

/** Mean of the last `window` weeks, flat over the horizon. */
export function movingAverage(history: readonly number[], horizon: number, params?: MovingAverageParams): number[] {
  const n = history.length;
  const { window } = params ?? fitMovingAverage(history).params;
  return flat(mean(history, Math.max(0, n - window), n), horizon);
}

/** Same week last season (52 weeks back); under one season, the last week (plain naive). */
export function naiveSeasonal(history: readonly number[], horizon: number, params?: NaiveSeasonalParams): number[] {
  const n = history.length;
  const season = params?.season ?? WEEKS_PER_YEAR;
  if (n === 0) return flat(0, horizon);
  if (n < season) return flat(history[n - 1], horizon);
  return Array.from({ length: Math.max(0, horizon) }, (_, i) => Math.max(0, history[n - season + (i % season)]));
}

/** One-step SSE of the seasonal naive forecast (no parameter to choose). */
export function fitNaiveSeasonal(history: readonly number[], season = WEEKS_PER_YEAR): Fitted<NaiveSeasonalParams> {
  const lag = history.length >= season ? season : 1;
  let sse = 0;
  for (let t = lag; t < history.length; t++) sse += (history[t] - history[t - lag]) ** 2;
  return { params: { season }, sse, points: Math.max(0, history.length - lag) };
}
