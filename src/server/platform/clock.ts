/** Current time as ISO-8601 UTC text, the representation stored in every timestamp column. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** ISO time `hours` from now. */
export function isoIn(hours: number): string {
  return new Date(Date.now() + hours * 3600_000).toISOString();
}

let businessTimeZone = 'Asia/Shanghai';

/** Sets the time zone that business dates (document numbers, "today") are in. */
export function setBusinessTimeZone(tz: string): void {
  new Intl.DateTimeFormat('en-CA', { timeZone: tz }); // throws RangeError on an unknown zone
  businessTimeZone = tz;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
let memo = { zone: '', second: -1, date: '' };

/**
 * A date (YYYY-MM-DD) in the business time zone, today by default. Formatting with a time zone is
 * costly, so the formatter is built once per zone and the answer kept for the rest of its second.
 */
export function businessDate(at = new Date()): string {
  const second = Math.floor(at.getTime() / 1000);
  if (memo.second === second && memo.zone === businessTimeZone) return memo.date;
  let f = formatters.get(businessTimeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: businessTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(businessTimeZone, f);
  }
  memo = { zone: businessTimeZone, second, date: f.format(at) };
  return memo.date;
}
