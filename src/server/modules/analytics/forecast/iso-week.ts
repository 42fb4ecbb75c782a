// Daily (date, quantity) rows into ISO weeks: Monday-start, weeks belong to the year of their Thursday.

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DatedQuantity { date: string; quantity: number }

export interface WeeklySeries {
  /** ISO week labels, 'YYYY-Www', one per week from the first to the last, none missing. */
  weeks: string[];
  /** The Monday of each week, 'YYYY-MM-DD'. */
  starts: string[];
  /** Summed quantity per week, 0 for weeks without rows. */
  quantities: number[];
}

// Days since 1970-01-01 of a 'YYYY-MM-DD' calendar date; refuses what is not a real date.
function dayNumber(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`not a calendar date: ${date}`);
  return ms / DAY_MS;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

// Monday on or before the day; 1970-01-01 was a Thursday, so Monday is day ≡ 4 (mod 7).
function mondayOf(day: number): number {
  return day - ((((day - 4) % 7) + 7) % 7);
}

/** The Monday that starts the ISO week of `date`. */
export function weekStart(date: string): string {
  return dateOf(mondayOf(dayNumber(date)));
}

/** ISO 8601 week label of a date, e.g. '2020-12-31' → '2020-W53', '2021-01-03' → '2020-W53'. */
export function isoWeek(date: string): string {
  return labelOf(mondayOf(dayNumber(date)));
}

function labelOf(monday: number): string {
  const thursday = new Date((monday + 3) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((monday + 3 - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Sums daily rows into consecutive ISO weeks from the week of `from` (default: earliest row) to the
 * week of `to` (default: latest row), with 0 for weeks without rows. Rows outside are ignored.
 * Pass a `to` in the last complete week, or the current partial week will read as a slump.
 */
export function bucketWeekly(rows: readonly DatedQuantity[], range: { from?: string; to?: string } = {}): WeeklySeries {
  let first = range.from === undefined ? Infinity : mondayOf(dayNumber(range.from));
  let last = range.to === undefined ? -Infinity : mondayOf(dayNumber(range.to));
  const mondays = rows.map((r) => mondayOf(dayNumber(r.date)));
  if (range.from === undefined) for (const m of mondays) first = Math.min(first, m);
  if (range.to === undefined) for (const m of mondays) last = Math.max(last, m);
  const count = Number.isFinite(first) && Number.isFinite(last) && last >= first ? (last - first) / 7 + 1 : 0;
  const quantities = new Array<number>(count).fill(0);
  mondays.forEach((m, i) => {
    if (m >= first && m <= last) quantities[(m - first) / 7] += rows[i].quantity;
  });
  const starts = Array.from({ length: count }, (_, i) => first + 7 * i);
  return { weeks: starts.map(labelOf), starts: starts.map(dateOf), quantities };
}
