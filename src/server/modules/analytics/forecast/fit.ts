// Shared pieces of the methods: the fitted result and non-negative output.

/** A fitted method: its parameters and the in-sample one-step squared error they gave. */
export interface Fitted<P> {
  params: P;
  /** Sum of squared one-step-ahead errors over the fitted points. */
  sse: number;
  /** How many one-step errors went into sse (0 when the history is too short to score). */
  points: number;
}

/** Mean squared one-step error, Infinity when nothing was scored (so it never wins a comparison). */
export function mse(fit: Fitted<unknown>): number {
  return fit.points > 0 ? fit.sse / fit.points : Infinity;
}

/** A flat forecast of `value` for `horizon` weeks, never below zero. */
export function flat(value: number, horizon: number): number[] {
  return new Array<number>(Math.max(0, horizon)).fill(Math.max(0, value));
}

/** Demand is never negative, whatever a trend or a seasonal dip extrapolates to. */
export function nonNegative(values: number[]): number[] {
  for (let i = 0; i < values.length; i++) if (!(values[i] > 0)) values[i] = 0;
  return values;
}

/** φ + φ² + … + φ^h: how much of the trend a damped method adds h steps ahead. */
export function dampedSum(phi: number, h: number): number {
  if (phi === 1) return h;
  return (phi * (1 - phi ** h)) / (1 - phi);
}
