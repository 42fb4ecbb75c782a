// Syntetos–Boylan–Croston demand classification (Syntetos, Boylan & Croston 2005).

export type DemandClass = 'none' | 'short' | 'smooth' | 'erratic' | 'intermittent' | 'lumpy';

/** Cutoffs of the SBC scheme: ADI 1.32 (periods per demand), CV² 0.49 (of non-zero sizes). */
export const ADI_CUTOFF = 1.32;
export const CV2_CUTOFF = 0.49;
/** Fewer weeks than this and a series is 'short': too little to judge its pattern. */
export const MIN_HISTORY = 8;

export interface DemandStats {
  periods: number;
  demandPeriods: number;
  /** Average demand interval: periods / periods with demand (Infinity when there is none). */
  adi: number;
  /** Squared coefficient of variation of the non-zero demand sizes (population variance). */
  cv2: number;
}

/** ADI and CV² of a series, the two numbers the classification rests on. */
export function demandStats(series: readonly number[]): DemandStats {
  let count = 0;
  let sum = 0;
  for (const y of series) if (y > 0) { count++; sum += y; }
  if (count === 0) return { periods: series.length, demandPeriods: 0, adi: Infinity, cv2: 0 };
  const mean = sum / count;
  let squares = 0;
  for (const y of series) if (y > 0) squares += (y - mean) * (y - mean);
  return { periods: series.length, demandPeriods: count, adi: series.length / count, cv2: squares / count / (mean * mean) };
}

/** SBC class of a weekly series; 'none' without demand, 'short' under MIN_HISTORY weeks. */
export function classify(series: readonly number[]): DemandClass {
  const s = demandStats(series);
  if (s.demandPeriods === 0) return 'none';
  if (s.periods < MIN_HISTORY) return 'short';
  const regular = s.adi < ADI_CUTOFF;
  const steady = s.cv2 < CV2_CUTOFF;
  if (regular) return steady ? 'smooth' : 'erratic';
  return steady ? 'intermittent' : 'lumpy';
}
