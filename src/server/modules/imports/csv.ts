import type { Text2 } from './cells.js';

/** A CSV that cannot be read; `reason` says why in both languages. */
export class CsvError extends Error {
  constructor(readonly reason: Text2) {
    super(reason.en);
  }
}

/**
 * Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), and
 * otherwise GB18030, a superset of GBK, which is what Chinese Excel writes for "CSV".
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030' };
  }
}

/** The delimiter used most on the first line outside quotes: comma, semicolon or tab. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

/**
 * RFC 4180 records: quoted fields may hold delimiters, "" and line breaks; CRLF, LF or CR end
 * a record. Lenient like Excel about stray quotes inside unquoted fields; an unclosed quote is an
 * error naming the record where it opened.
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoteOpenedAt = -1;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && field === '' && quoteOpenedAt < 0) {
      quoteOpenedAt = records.length + 1;
      const close = readQuoted(text, i + 1);
      if (close < 0) break;
      field = text.slice(i + 1, close).replace(/""/g, '"');
      quoteOpenedAt = -1;
      i = close + 1;
      continue;
    }
    if (ch === delimiter) endField();
    else if (ch === '\n' || ch === '\r') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (quoteOpenedAt >= 0) {
    throw new CsvError({ zh: `CSV 第 ${quoteOpenedAt} 行的引号没有闭合`, en: `CSV record ${quoteOpenedAt} has an unclosed quote` });
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

/** Index of the quote that closes a quoted field starting at `from`, or -1. */
function readQuoted(text: string, from: number): number {
  let j = from;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q < 0) return -1;
    if (text[q + 1] === '"') j = q + 2;
    else return q;
  }
}
