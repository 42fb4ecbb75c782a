// Simple exponential smoothing and Holt's damped additive trend, fitted on a small grid.
import { dampedSum, flat, nonNegative, type Fitted } from './fit.js';

export interface SesParams { alpha: number }
export interface HoltParams { alpha: number; beta: number; phi: number }

/** α from 0.05 to 1 in steps of 0.05; ties go to the smaller (smoother) value. */
export const SES_ALPHAS: readonly number[] = Array.from({ length: 20 }, (_, i) => Math.round((i + 1) * 5) / 100);
export const HOLT_GRID = {
  alpha: [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9],
  beta: [0.01, 0.05, 0.1, 0.2],
  phi: [0.8, 0.9, 0.95, 0.98],
} as const;

// Level after the whole history (start y[0]) and the one-step SSE on the way.
function sesRun(y: readonly number[], alpha: number): { level: number; sse: number } {
  let level = y[0];
  let sse = 0;
  for (let t = 1; t < y.length; t++) {
    const e = y[t] - level;
    sse += e * e;
    level += alpha * e;
  }
  return { level, sse };
}

/** SES with α chosen by least in-sample one-step SSE over SES_ALPHAS. */
export function fitSes(history: readonly number[]): Fitted<SesParams> {
  let best: Fitted<SesParams> = { params: { alpha: SES_ALPHAS[0] }, sse: Infinity, points: 0 };
  if (history.length < 2) return { ...best, sse: 0 };
  for (const alpha of SES_ALPHAS) {
    const { sse } = sesRun(history, alpha);
    if (sse < best.sse) best = { params: { alpha }, sse, points: history.length - 1 };
  }
  return best;
}

/** Simple exponential smoothing: a flat forecast at the last smoothed level (level starts at y[0]). */
export function ses(history: readonly number[], horizon: number, params?: SesParams): number[] {
  if (history.length === 0) return flat(0, horizon);
  const { alpha } = params ?? fitSes(history).params;
  return flat(sesRun(history, alpha).level, horizon);
}

// Initial trend: the average slope over the first (up to) four steps, less noisy than y[1] − y[0].
function initialTrend(y: readonly number[]): number {
  const m = Math.min(4, y.length - 1);
  return m > 0 ? (y[m] - y[0]) / m : 0;
}

function holtRun(y: readonly number[], p: HoltParams): { level: number; trend: number; sse: number } {
  const { alpha, beta, phi } = p;
  let level = y[0];
  let trend = initialTrend(y);
  let sse = 0;
  for (let t = 1; t < y.length; t++) {
    const f = level + phi * trend;
    const e = y[t] - f;
    sse += e * e;
    const next = f + alpha * e;
    trend = phi * trend + beta * (next - level - phi * trend);
    level = next;
  }
  return { level, trend, sse };
}

/** Damped Holt with (α, β, φ) chosen by least in-sample one-step SSE over HOLT_GRID. */
export function fitHolt(history: readonly number[]): Fitted<HoltParams> {
  const first = { alpha: HOLT_GRID.alpha[0], beta: HOLT_GRID.beta[0], phi: HOLT_GRID.phi[0] };
  let best: Fitted<HoltParams> = { params: first, sse: Infinity, points: 0 };
  if (history.length < 2) return { ...best, sse: 0 };
  for (const alpha of HOLT_GRID.alpha)
    for (const beta of HOLT_GRID.beta)
      for (const phi of HOLT_GRID.phi) {
        const { sse } = holtRun(history, { alpha, beta, phi });
        if (sse < best.sse) best = { params: { alpha, beta, phi }, sse, points: history.length - 1 };
      }
  return best;
}

/** Holt's additive trend, damped by φ: level + (φ + … + φ^h)·trend h weeks ahead, floored at 0. */
export function holt(history: readonly number[], horizon: number, params?: HoltParams): number[] {
  if (history.length === 0) return flat(0, horizon);
  const p = params ?? fitHolt(history).params;
  const { level, trend } = holtRun(history, p);
  return nonNegative(Array.from({ length: Math.max(0, horizon) }, (_, i) => level + dampedSum(p.phi, i + 1) * trend));
}
