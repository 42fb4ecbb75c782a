import { zodIssueMessage } from '../../platform/i18n.js';
import type { Text2 } from './cells.js';
import { rowTexts, type ColumnsSpec, type Layout } from './columns.js';
import type { SheetRow } from './spreadsheet.js';

/** Something wrong with a row, on a field (null: the row as a whole). */
export type RowProblem = { field: string | null; message: Text2 };

/** One data row after conversion and schema validation. */
export type ReadRow = {
  row: number;
  key: string | null;
  /** Cell text per field, as read. */
  texts: Record<string, string>;
  /** Converted values of the non-empty cells, by field. */
  values: Record<string, unknown>;
  /** The API input the entity's schema produced; null when the row has problems. */
  input: Record<string, unknown> | null;
  problems: RowProblem[];
};

type Issue = { path: PropertyKey[]; message: string } & Record<string, unknown>;

// An empty cell where the schema needs a value reads better as "required" than as a type error.
const issueText = (issue: Issue): Text2 =>
  issue.code === 'invalid_type' && issue.input === undefined
    ? { zh: '必填，不能为空', en: 'Required; cannot be empty' }
    : { zh: zodIssueMessage(issue, 'zh-CN', issue.message), en: zodIssueMessage(issue, 'en', issue.message) };

/**
 * Converts a row's cells and validates them with the entity's API input schema, so an import
 * accepts exactly what the API accepts. `skip` holds fields already reported for the whole file
 * (a missing required column), so they are not repeated on every row.
 */
export function readRow(spec: ColumnsSpec, layout: Layout, sheetRow: SheetRow, skip: Set<string>): ReadRow {
  const texts = rowTexts(layout, sheetRow.cells);
  const values: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  for (const col of spec.columns) {
    const text = texts[col.field];
    if (!text) continue;
    const out = col.convert ? col.convert(text) : { value: text };
    if ('error' in out) problems.push({ field: col.field, message: out.error });
    else if (out.value !== undefined) values[col.field] = out.value;
  }
  problems.push(...(spec.check?.(values) ?? []));
  const parsed = spec.schema.safeParse(spec.toInput(values), { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues as unknown as Issue[]) {
      const field = spec.fieldOf(issue.path);
      if (field && (skip.has(field) || problems.some((p) => p.field === field))) continue;
      problems.push({ field, message: issueText(issue) });
    }
  }
  const input = parsed.success && problems.length === 0 ? (parsed.data as Record<string, unknown>) : null;
  const key = input ? String(input[spec.key]) : (texts[spec.key] ?? '').trim() || null;
  return { row: sheetRow.row, key, texts, values, input, problems };
}

/** Marks every repeat of a key already seen on an earlier row. */
export function flagDuplicateKeys(spec: ColumnsSpec, rows: ReadRow[], header: string): void {
  const first = new Map<string, number>();
  for (const r of rows) {
    if (r.key === null) continue;
    const seen = first.get(r.key);
    if (seen === undefined) first.set(r.key, r.row);
    else {
      r.problems.push({
        field: spec.key,
        message: { zh: `${header}「${r.key}」与第 ${seen} 行重复`, en: `${header} "${r.key}" repeats row ${seen}` },
      });
      r.input = null;
    }
  }
}
