import { createHmac, timingSafeEqual } from 'node:crypto';

// Pure rules of outbound webhooks: the signature, the retry schedule, the replay limits.

/** Seconds to wait after the 1st, 2nd, … failed attempt: 1 min, 5 min, 30 min, 2 h, 12 h; then dead. */
export const retrySchedule = [60, 300, 1800, 7200, 43_200].map((s) => s * 1000);

/** The wait after `attempts` failed attempts, or null when the delivery is dead. `schedule` is in ms. */
export function retryDelay(attempts: number, schedule: readonly number[] = retrySchedule): number | null {
  return attempts >= 1 && attempts <= schedule.length ? schedule[attempts - 1] : null;
}

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">` with the subscription's secret. */
export function signatureFor(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Checks a signature header in constant time (what a receiver does; used by tests and docs). */
export function verifySignature(secret: string, timestamp: string, body: string, header: string): boolean {
  const expected = Buffer.from(signatureFor(secret, timestamp, body));
  const got = Buffer.from(header);
  return got.length === expected.length && timingSafeEqual(got, expected);
}

export const replayLimits = { maxDays: 31, maxEvents: 10_000 };

/** What is wrong with a replay range, or null: `from` before `to`, at most 31 days apart. */
export function replayRangeProblem(from: string, to: string): { zh: string; en: string } | null {
  const ms = Date.parse(to) - Date.parse(from);
  if (!(ms > 0)) return { zh: '开始时间须早于结束时间', en: '"from" must be before "to"' };
  if (ms > replayLimits.maxDays * 86_400_000) return { zh: `时间范围超过 ${replayLimits.maxDays} 天`, en: `the range is longer than ${replayLimits.maxDays} days` };
  return null;
}

/** The first `max` characters of a receiver's reply, for the delivery log. */
export function excerpt(text: string, max = 1000): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
