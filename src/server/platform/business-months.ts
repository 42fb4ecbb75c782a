import { businessDate } from './clock.js';

// Business months as UTC ranges: stored times are UTC, monthly rollups speak in business months.

/** The first UTC moment (ISO text) whose business date is `day` or later. */
export function dayStart(day: string): string {
  let lo = Date.parse(`${day}T00:00:00Z`) - 15 * 3600_000;
  let hi = lo + 30 * 3600_000;
  // Business dates never step back, so the first moment of a day is found by halving.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (businessDate(new Date(mid)) >= day) hi = mid;
    else lo = mid;
  }
  return new Date(hi).toISOString();
}

/** The business month (YYYY-MM) of a UTC time. */
export const businessMonth = (at: string | Date) => businessDate(typeof at === 'string' ? new Date(at) : at).slice(0, 7);

/** The month after a month (YYYY-MM). */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every business month from the one of `firstAt` to the one of `lastAt`, each with its UTC start and the next one's start (the last ends at year 9999). */
export function stockMonthBounds(firstAt: string, lastAt: string): Array<{ month: string; start: string; end: string }> {
  const out: Array<{ month: string; start: string; end: string }> = [];
  const lastMonth = businessMonth(lastAt);
  for (let m = businessMonth(firstAt); m <= lastMonth; m = nextMonth(m)) {
    out.push({ month: m, start: dayStart(`${m}-01`), end: m === lastMonth ? '9999-12-31T00:00:00.000Z' : dayStart(`${nextMonth(m)}-01`) });
  }
  return out;
}
