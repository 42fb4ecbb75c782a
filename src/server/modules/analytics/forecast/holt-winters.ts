// Holt-Winters with additive seasonality and a damped additive trend.
import { dampedSum, nonNegative, type Fitted } from './fit.js';
import { holt } from './smoothing.js';

export interface HoltWintersParams { alpha: number; beta: number; gamma: number; phi: number; season: number }

/** Weeks in a season: ISO years have 52 or 53 weeks, 52 keeps the same week of the year close. */
export const WEEKS_PER_YEAR = 52;
export const HOLT_WINTERS_GRID = {
  alpha: [0.05, 0.1, 0.2, 0.3, 0.5],
  beta: [0.01, 0.05, 0.1],
  gamma: [0.05, 0.1, 0.2, 0.3],
  phi: [0.9, 0.98],
} as const;

interface State { level: number; trend: number; seasonal: Float64Array }

// Classical start from the first two seasons: their means give level and trend, the detrended
// values of each week (averaged over both seasons, centred on 0) give the seasonal indices.
function initialState(y: readonly number[], m: number): State {
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < m; i++) { s1 += y[i]; s2 += y[i + m]; }
  const mean1 = s1 / m;
  const mean2 = s2 / m;
  const trend = (mean2 - mean1) / m;
  const seasonal = new Float64Array(m);
  let total = 0;
  for (let i = 0; i < m; i++) {
    const offset = trend * (i - (m - 1) / 2);
    seasonal[i] = (y[i] - mean1 - offset + (y[i + m] - mean2 - offset)) / 2;
    total += seasonal[i];
  }
  for (let i = 0; i < m; i++) seasonal[i] -= total / m;
  return { level: mean1 + (trend * (m - 1)) / 2, trend, seasonal };
}

// Runs t = m … n−1 (the first season only starts the state) in error-correction form.
function run(y: readonly number[], p: HoltWintersParams, start: State): State & { sse: number } {
  const { alpha, beta, gamma, phi, season: m } = p;
  const seasonal = Float64Array.from(start.seasonal);
  let { level, trend } = start;
  let sse = 0;
  for (let t = m; t < y.length; t++) {
    const j = t % m;
    const base = level + phi * trend;
    const e = y[t] - base - seasonal[j];
    sse += e * e;
    level = base + alpha * e;
    trend = phi * trend + alpha * beta * e;
    seasonal[j] += gamma * e;
  }
  return { level, trend, seasonal, sse };
}

/** True when the history holds the two full seasons Holt-Winters needs to start. */
export function hasTwoSeasons(history: readonly number[], season = WEEKS_PER_YEAR): boolean {
  return season >= 2 && history.length >= 2 * season;
}

/** Holt-Winters fitted by least one-step SSE over HOLT_WINTERS_GRID (γ ≤ 1 − α); null under two seasons. */
export function fitHoltWinters(history: readonly number[], season = WEEKS_PER_YEAR): Fitted<HoltWintersParams> | null {
  if (!hasTwoSeasons(history, season)) return null;
  const start = initialState(history, season);
  let best: Fitted<HoltWintersParams> | null = null;
  for (const alpha of HOLT_WINTERS_GRID.alpha)
    for (const beta of HOLT_WINTERS_GRID.beta)
      for (const gamma of HOLT_WINTERS_GRID.gamma) {
        if (gamma > 1 - alpha) continue;
        for (const phi of HOLT_WINTERS_GRID.phi) {
          const params = { alpha, beta, gamma, phi, season };
          const { sse } = run(history, params, start);
          if (best === null || sse < best.sse) best = { params, sse, points: history.length - season };
        }
      }
  return best;
}

/** Additive Holt-Winters forecast; under two full seasons it falls back to damped Holt. */
export function holtWinters(history: readonly number[], horizon: number, params?: HoltWintersParams): number[] {
  const season = params?.season ?? WEEKS_PER_YEAR;
  if (!hasTwoSeasons(history, season)) return holt(history, horizon);
  const p = params ?? fitHoltWinters(history, season)!.params;
  const { level, trend, seasonal } = run(history, p, initialState(history, season));
  const n = history.length;
  return nonNegative(
    Array.from({ length: Math.max(0, horizon) }, (_, i) => level + dampedSum(p.phi, i + 1) * trend + seasonal[(n + i) % season]),
  );
}
