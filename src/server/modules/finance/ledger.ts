// Receivables and payables as pure rules: shares of a shipped line, due dates, ageing buckets and
// statements. No I/O; money in fen, dates YYYY-MM-DD.

/** round(a × b / c), half away from zero, exact for any fen amount (BigInt inside). */
export function mulDivRound(a: number, b: number, c: number): number {
  if (c === 0) return 0;
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const neg = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (2n * an + ad) / (2n * ad);
  return Number(neg ? -q : q);
}

/**
 * The part of a line figure (net, tax, total) a shipment of `quantity` invoices, when `before`
 * units of the line's `ordered` shipped earlier: the cumulative share minus what earlier shipments
 * took, so the invoices of a line shipped in parts add up to the line exactly.
 */
export function shareOf(figure: number, ordered: number, before: number, quantity: number): number {
  const upTo = Math.min(ordered, before + quantity);
  return mulDivRound(figure, upTo, ordered) - mulDivRound(figure, Math.min(ordered, before), ordered);
}

const DAY = 86_400_000;
// Parsed as ISO text: Date.UTC would read years 0–99 as 1900–1999.
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** A date `days` after another. */
export const addDays = (date: string, days: number) => new Date(utc(date) + days * DAY).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => Math.round((utc(to) - utc(from)) / DAY);

export const ageingBuckets = ['current', 'd1_30', 'd31_60', 'd61_90', 'over90'] as const;
export type AgeingBucket = (typeof ageingBuckets)[number];

/** The bucket of an open item by days past its due date on `asOf`: not yet due (or due today) is current. */
export function bucketOf(dueDate: string, asOf: string): AgeingBucket {
  const late = daysBetween(dueDate, asOf);
  if (late <= 0) return 'current';
  if (late <= 30) return 'd1_30';
  if (late <= 60) return 'd31_60';
  if (late <= 90) return 'd61_90';
  return 'over90';
}

export type OpenItem = { total: number; settled: number; dueDate: string };
export type Ageing = Record<AgeingBucket, number> & { unapplied: number; balance: number };

/**
 * Ages one party's open items on `asOf`: what is owed (positive open amounts) by bucket, and
 * `unapplied`: open credits and unallocated payments (negative); balance = the buckets + unapplied.
 */
export function ageItems(items: OpenItem[], unallocatedPayments: number, asOf: string): Ageing {
  const out: Ageing = { current: 0, d1_30: 0, d31_60: 0, d61_90: 0, over90: 0, unapplied: -unallocatedPayments, balance: 0 };
  for (const it of items) {
    const open = it.total - it.settled;
    if (open > 0) out[bucketOf(it.dueDate, asOf)] += open;
    else out.unapplied += open;
  }
  out.balance = ageingBuckets.reduce((s, b) => s + out[b], out.unapplied);
  return out;
}

export type StatementEntry = { date: string; at: string; id: string; kind: string; number: string; sourceNumber: string | null; charged: number; paid: number };

/**
 * A statement (对账单) for a period: the opening balance, each entry in date order with the
 * running balance, the period's totals and the closing balance. `charged` raises the balance
 * (invoices, receipts; negative for credits), `paid` lowers it (payments).
 */
export function statementOf(opening: number, entries: StatementEntry[]) {
  const sorted = [...entries].sort((a, b) => a.date.localeCompare(b.date) || a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  let balance = opening;
  const lines = sorted.map(({ at: _at, ...e }) => {
    balance += e.charged - e.paid;
    return { ...e, balance };
  });
  const charged = lines.reduce((s, l) => s + l.charged, 0);
  const paid = lines.reduce((s, l) => s + l.paid, 0);
  return { opening, lines, charged, paid, closing: balance };
}
