/** Current time as ISO-8601 UTC text, the representation stored in every timestamp column. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** ISO time `hours` from now. */
export function isoIn(hours: number): string {
  return new Date(Date.now() + hours * 3600_000).toISOString();
}
