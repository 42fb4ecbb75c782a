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

/** Today's date (YYYY-MM-DD) in the business time zone. The formatter is built once per zone (it is costly). */
export function businessDate(at = new Date()): string {
  let f = formatters.get(businessTimeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: businessTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(businessTimeZone, f);
  }
  return f.format(at);
}
