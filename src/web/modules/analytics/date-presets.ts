// The date ranges a Chinese dashboard user expects (今天, 本周 from Monday, 本月, 近30天, 本季度, 本年,
// 上月, 去年同期 …), as YYYY-MM-DD strings. Pure: `today` is passed in, so tests fix it.

export type DayRange = { from: string; to: string };
export type PresetKey = 'today' | 'yesterday' | 'thisWeek' | 'lastWeek' | 'last7' | 'thisMonth' | 'lastMonth' | 'last30' | 'thisQuarter' | 'lastQuarter' | 'thisYear' | 'lastYear';

const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
export const addDays = (d: string, n: number) => iso(ms(d) + n * 86_400_000);
const ymd = (y: number, m: number, d: number) => iso(Date.UTC(y, m, d));
/** Last day of month m (0-based) of year y; Date.UTC rolls m over into the next year. */
const monthEnd = (y: number, m: number) => ymd(y, m + 1, 0);

/** Today in the browser's time zone, as the business date. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The range a preset covers on `today`; ranges of the current period end today, not in the future. */
export function presetRange(key: PresetKey, today: string): DayRange {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1];
  const monday = addDays(today, -((new Date(ms(today)).getUTCDay() + 6) % 7));
  const q = Math.floor(m / 3) * 3;
  switch (key) {
    case 'today': return { from: today, to: today };
    case 'yesterday': return { from: addDays(today, -1), to: addDays(today, -1) };
    case 'thisWeek': return { from: monday, to: today };
    case 'lastWeek': return { from: addDays(monday, -7), to: addDays(monday, -1) };
    case 'last7': return { from: addDays(today, -6), to: today };
    case 'thisMonth': return { from: ymd(y, m, 1), to: today };
    case 'lastMonth': return { from: ymd(y, m - 1, 1), to: monthEnd(y, m - 1) };
    case 'last30': return { from: addDays(today, -29), to: today };
    case 'thisQuarter': return { from: ymd(y, q, 1), to: today };
    case 'lastQuarter': return { from: ymd(y, q - 3, 1), to: monthEnd(y, q - 1) };
    case 'thisYear': return { from: ymd(y, 0, 1), to: today };
    case 'lastYear': return { from: ymd(y - 1, 0, 1), to: ymd(y - 1, 11, 31) };
  }
}

export const presetKeys: PresetKey[] = ['today', 'yesterday', 'thisWeek', 'lastWeek', 'last7', 'thisMonth', 'lastMonth', 'last30', 'thisQuarter', 'lastQuarter', 'thisYear', 'lastYear'];

/** One year earlier (去年同期); 29 Feb becomes 28 Feb. */
function yearBefore(d: string): string {
  const y = Number(d.slice(0, 4)) - 1;
  const md = d.slice(5);
  return md === '02-29' ? `${y}-02-28` : `${y}-${md}`;
}

/** The same dates a year earlier: 去年同期 of a range. */
export const sameRangeLastYear = (r: DayRange): DayRange => ({ from: yearBefore(r.from), to: yearBefore(r.to) });

/** The range the server uses when none is given: the 30 days up to today. */
export const defaultRange = (today: string): DayRange => presetRange('last30', today);
