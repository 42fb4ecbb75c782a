import { readFileSync } from 'node:fs';
import path from 'node:path';

// The shared Northwind CSVs, read in place (never copied into the repository).
const repoRoot = path.resolve(import.meta.dirname, '../..');
const northwind = path.resolve(repoRoot, '../shared/datasets/northwind');

/** The raw bytes of a Northwind CSV (e.g. "products"). */
export const northwindFile = (name: string) => readFileSync(path.join(northwind, `${name}.csv`));

/** An independent RFC 4180 reader for the expectations (the import has its own). */
export function records(text: string): Record<string, string>[] {
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted || (ch !== ',' && ch !== '\n')) cell += ch;
    else {
      rows.at(-1)!.push(cell.replace(/\r$/, ''));
      cell = '';
      if (ch === '\n') rows.push([]);
    }
  }
  if (cell !== '') rows.at(-1)!.push(cell);
  const [head, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

/** A Northwind CSV parsed into records. */
export const northwindCsv = (name: string) => records(northwindFile(name).toString('utf8'));
