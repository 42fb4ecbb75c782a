// Croston's method and the Syntetos–Boylan approximation (SBA) for intermittent demand.
import { flat, type Fitted } from './fit.js';

export interface CrostonParams { alpha: number }

/** Croston's smoothing constants are kept low, as in the literature (0.05–0.3). */
export const CROSTON_ALPHAS: readonly number[] = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3];

/** Croston: 1; SBA: 1 − α/2, which removes most of Croston's upward bias. */
function factor(variant: 'croston' | 'sba', alpha: number): number {
  return variant === 'sba' ? 1 - alpha / 2 : 1;
}

// Smooths demand size z and interval p (periods between demands, the first counted from the start),
// scoring the one-step forecast factor·z/p on every period after the first demand.
function run(y: readonly number[], alpha: number, k: number): { size: number; interval: number; sse: number; points: number } {
  let size = 0;
  let interval = 0;
  let sinceLast = 0;
  let started = false;
  let sse = 0;
  let points = 0;
  for (const v of y) {
    sinceLast++;
    if (started) {
      const e = v - (k * size) / interval;
      sse += e * e;
      points++;
    }
    if (v > 0) {
      if (started) {
        size += alpha * (v - size);
        interval += alpha * (sinceLast - interval);
      } else {
        size = v;
        interval = sinceLast;
        started = true;
      }
      sinceLast = 0;
    }
  }
  return { size, interval, sse, points };
}

function fit(history: readonly number[], variant: 'croston' | 'sba'): Fitted<CrostonParams> {
  let best: Fitted<CrostonParams> = { params: { alpha: CROSTON_ALPHAS[0] }, sse: Infinity, points: 0 };
  for (const alpha of CROSTON_ALPHAS) {
    const { sse, points } = run(history, alpha, factor(variant, alpha));
    if (sse < best.sse) best = { params: { alpha }, sse, points };
  }
  return best.points === 0 ? { ...best, sse: 0 } : best;
}

function forecast(history: readonly number[], horizon: number, variant: 'croston' | 'sba', params?: CrostonParams): number[] {
  const { alpha } = params ?? fit(history, variant).params;
  const { size, interval } = run(history, alpha, factor(variant, alpha));
  return flat(interval > 0 ? (factor(variant, alpha) * size) / interval : 0, horizon);
}

/** Croston fitted by least one-step SSE over CROSTON_ALPHAS (one α for size and interval). */
export function fitCroston(history: readonly number[]): Fitted<CrostonParams> {
  return fit(history, 'croston');
}

/** SBA fitted the same way, scoring the bias-corrected forecast. */
export function fitSba(history: readonly number[]): Fitted<CrostonParams> {
  return fit(history, 'sba');
}

/** Croston's method: smoothed demand size / smoothed demand interval, flat over the horizon. */
export function croston(history: readonly number[], horizon: number, params?: CrostonParams): number[] {
  return forecast(history, horizon, 'croston', params);
}

/** Syntetos–Boylan approximation: Croston's rate times (1 − α/2). */
export function sba(history: readonly number[], horizon: number, params?: CrostonParams): number[] {
  return forecast(history, horizon, 'sba', params);
}
