import type { z } from 'zod';
import type { Tx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import type { Permission } from '../../platform/permissions.js';
import type { Convert, Text2 } from './cells.js';

/** One importable column: our field key, template headers, other accepted headers, how to read it. */
export type ColumnSpec = {
  field: string;
  zh: string;
  en: string;
  aliases?: string[];
  required?: boolean;
  /** Format help for the template's second sheet. */
  format: Text2;
  example: Text2 | string;
  /** Keep as text in the .xlsx template (codes, phone numbers, barcodes: no lost leading zeros). */
  text?: boolean;
  /** Cell text (trimmed, non-empty) to input value; the text itself when absent. */
  convert?: Convert;
};

/** What the service hands an entity while writing: the transaction, who, and a per-import cache. */
export type WriteContext = { trx: Tx; actor: Actor; cache: Map<string, unknown> };

/** A validated row: converted cell values by field, and the API input the schema produced. */
export type ValidRow<I = Record<string, unknown>> = { values: Record<string, unknown>; input: I };

/** What reading and checking a file needs to know about one importable entity. */
export type ColumnsSpec = {
  entity: 'products' | 'customers' | 'suppliers' | 'opening-stock' | 'sales-orders' | 'sales-returns';
  /** Entity name in audit rows (product, customer, supplier). */
  auditEntity: string;
  permission: Permission;
  /** The natural key field (sku or code) that decides create vs update. */
  key: string;
  label: Text2;
  columns: ColumnSpec[];
  schema: z.ZodType;
  /** Cross-column rules the schema alone would report poorly. */
  check?: (values: Record<string, unknown>) => Array<{ field: string; message: Text2 }>;
  /** Builds the API input from the converted values of non-empty cells. */
  toInput: (values: Record<string, unknown>) => Record<string, unknown>;
  /** The column field an input path (from the schema or a service error) belongs to. */
  fieldOf: (path: readonly PropertyKey[]) => string | null;
  /** What a preview shows for a valid row, when it differs from the API input. */
  sampleOf?: (row: ValidRow) => Record<string, unknown>;
  /** Notes under the column help in the .xlsx template, instead of the master-data ones. */
  templateNotes?: Text2[];
};

/** Everything the import needs to know about one kind of master data. */
export type EntitySpec = ColumnsSpec & {
  findId: (trx: Tx, key: string) => Promise<string | undefined>;
  insert: (ctx: WriteContext, row: ValidRow) => Promise<void>;
  /** Updates with only the fields whose cells were filled in; empty cells leave values as they are. */
  update: (ctx: WriteContext, id: string, row: ValidRow) => Promise<void>;
};

/** A header as compared: NFKC, no trailing "(…)" unit note, lower case, no spaces, _, -, *. */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFKC')
    .trim()
    .replace(/\s*\([^()]*\)$/, '')
    .toLowerCase()
    .replace(/[\s_\-*:]/g, '');
}

/** A file header or headers (joined) chosen for each field. */
export type Mapping = Record<string, string | string[] | null>;

export type HeaderProblem = { field: string; column: string; message: Text2 };

/** Which file columns feed which field. */
export type Layout = {
  /** Field → indexes of the file columns whose texts are joined into it. */
  sources: Map<string, number[]>;
  problems: HeaderProblem[];
  ignored: string[];
};

/**
 * Matches file headers to fields: an explicit `mapping` first (a header name, several joined with
 * ", ", or null to skip a field), then each column's field key, template headers and aliases.
 */
export function matchColumns(spec: ColumnsSpec, headers: string[], mapping: Mapping = {}): Layout {
  const byName = new Map<string, number[]>();
  headers.forEach((h, i) => {
    const n = normalizeHeader(h);
    if (n) byName.set(n, [...(byName.get(n) ?? []), i]);
  });
  const sources = new Map<string, number[]>();
  const problems: HeaderProblem[] = [];
  const used = new Set<number>();
  for (const [field, wanted] of Object.entries(mapping)) {
    if (wanted === null) continue;
    const names = Array.isArray(wanted) ? wanted : [wanted];
    const idx: number[] = [];
    for (const name of names) {
      const exact = headers.findIndex((h) => h.trim() === name.trim());
      const i = exact >= 0 ? exact : (byName.get(normalizeHeader(name))?.[0] ?? -1);
      if (i < 0) problems.push({ field, column: name, message: { zh: `映射的列「${name}」在文件中不存在`, en: `Mapped column "${name}" is not in the file` } });
      else idx.push(i);
    }
    idx.forEach((i) => used.add(i));
    if (idx.length) sources.set(field, idx);
  }
  for (const col of spec.columns) {
    if (col.field in mapping) continue;
    const names = new Set([col.field, col.zh, col.en, ...(col.aliases ?? [])].map(normalizeHeader));
    const hits = [...names].flatMap((n) => byName.get(n) ?? []).filter((i) => !used.has(i));
    const distinct = [...new Set(hits)].sort((a, b) => a - b);
    if (distinct.length > 1) {
      const cols = distinct.map((i) => headers[i]).join('、');
      problems.push({ field: col.field, column: headers[distinct[1]], message: { zh: `多列都对应「${col.zh}」：${cols}，请删除多余的列或用 mapping 指定`, en: `Several columns match "${col.en}": ${cols}; remove one or choose with mapping` } });
    }
    if (distinct.length) {
      sources.set(col.field, [distinct[0]]);
      used.add(distinct[0]);
    }
  }
  for (const col of spec.columns) {
    if (col.required && !sources.has(col.field) && !problems.some((p) => p.field === col.field)) {
      const accepted = [col.zh, col.en, ...(col.aliases ?? [])].join(' / ');
      problems.push({ field: col.field, column: '', message: { zh: `缺少必填列「${col.zh}」（可用列名：${accepted}）`, en: `Required column "${col.en}" is missing (accepted headers: ${accepted})` } });
    }
  }
  const ignored = headers.filter((h, i) => h.trim() !== '' && !used.has(i));
  return { sources, problems, ignored };
}

/** The header text a field was read from (joined with " + " for several), or '' if not in the file. */
export function headerOf(layout: Layout, headers: string[], field: string): string {
  return (layout.sources.get(field) ?? []).map((i) => headers[i]).join(' + ');
}

/** A row's cell texts by field, for the fields present in the file (several columns joined with ", "). */
export function rowTexts(layout: Layout, cells: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, idx] of layout.sources) {
    out[field] = idx.map((i) => (cells[i] ?? '').trim()).filter(Boolean).join(', ');
  }
  return out;
}

/** A valid row's input cut down to the fields whose cells were filled in (an update's patch). */
export function onlyFilled(row: ValidRow, inputKey: Record<string, string> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of Object.keys(row.values)) {
    const k = inputKey[field] ?? field;
    if (k in row.input) out[k] = row.input[k];
  }
  return out;
}
