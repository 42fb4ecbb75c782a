// Pure display rules of the 需求预测 page: WAPE as a percentage and its colour, the next weeks' sum, parameters in words.

/** WAPE (a fraction) → "12.3%"; no sales in the held-back weeks → "—". */
export function formatWape(wape: number | null | undefined): string {
  if (wape === null || wape === undefined || !Number.isFinite(wape)) return '—';
  return `${(wape * 100).toFixed(1)}%`;
}

/** Green under 20%, orange under 50%, red from 50%; grey when there is no WAPE. */
export function wapeColour(wape: number | null | undefined): 'green' | 'orange' | 'red' | 'default' {
  if (wape === null || wape === undefined || !Number.isFinite(wape)) return 'default';
  return wape < 0.2 ? 'green' : wape < 0.5 ? 'orange' : 'red';
}

const DAY = 86_400_000;
const mondayOf = (d: Date) => {
  const utc = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return utc - ((new Date(utc).getUTCDay() + 6) % 7) * DAY;
};

/** Σ of the forecast for `weeks` weeks from this week on; a stored run from an earlier week skips the weeks already past. */
export function nextWeeksSum(weekly: number[], firstWeek: string, weeks = 4, today = new Date()): number {
  const past = Math.max(0, Math.round((mondayOf(today) - Date.parse(`${firstWeek}T00:00:00Z`)) / (7 * DAY)));
  const sum = weekly.slice(past, past + weeks).reduce((s, q) => s + q, 0);
  return Math.round(sum * 10) / 10;
}

const symbols: Record<string, string> = { alpha: 'α', beta: 'β', gamma: 'γ', phi: 'φ' };

/** A method's fitted parameters as "α=0.2 · φ=0.9"; window and season come back as their own keys for words. */
export function paramsText(params: Record<string, unknown>, words: { window: (n: number) => string; season: (n: number) => string }): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    if (typeof v !== 'number') continue;
    if (k === 'window') parts.push(words.window(v));
    else if (k === 'season') parts.push(words.season(v));
    else parts.push(`${symbols[k] ?? k}=${Number(v.toFixed(3))}`);
  }
  return parts.join(' · ');
}
