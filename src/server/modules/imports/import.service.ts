import type { Db } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { constraintKind } from '../../platform/db-errors.js';
import { DomainError, type ErrorDetail } from '../../platform/errors.js';
import { translate, type Locale } from '../../platform/i18n.js';
import type { Text2 } from './cells.js';
import { headerOf, matchColumns, type EntitySpec, type Layout, type Mapping, type WriteContext } from './columns.js';
import { isDocumentSpec, type ImportedDocument, type ImportSpec } from './document-spec.js';
import { flagDuplicateKeys, readRow, type ReadRow, type RowProblem } from './rows.js';
import { readSpreadsheet, type Sheet } from './spreadsheet.js';

export type ImportMode = 'create' | 'upsert';
/** `fields`: a document import's own form fields (e.g. confirm), already validated. */
export type ImportOptions = { mode: ImportMode; mapping?: Mapping; filename: string; locale: Locale; fields?: Record<string, unknown> };
/** One problem in the file: spreadsheet row (header = 1), the file's column header, our field, a message. */
export type RowError = { row: number; column: string; field: string | null; message: string };
export type SampleRow = { row: number; action: 'create' | 'update' | 'error'; values: Record<string, string>; data: Record<string, unknown> | null };
export type ImportPreview = {
  entity: ImportSpec['entity'];
  mode: ImportMode;
  totalRows: number;
  validRows: number;
  toCreate: number;
  toUpdate: number;
  errors: RowError[];
  columns: string[];
  mapping: Record<string, string>;
  ignoredColumns: string[];
  sample: SampleRow[];
  /** Document imports: what the rows would become. */
  documents?: ImportedDocument[];
};

/** How many parsed rows a preview shows. */
export const SAMPLE_SIZE = 20;

type Plan = { sheet: Sheet; layout: Layout; rows: ReadRow[] };
type Outcome = { actions: Map<number, 'create' | 'update'>; problems: Map<number, RowProblem[]>; created: number; updated: number; documents?: ImportedDocument[] };

/** Reads and validates the whole file without touching the database. */
async function plan(spec: ImportSpec, bytes: Uint8Array, opts: ImportOptions): Promise<Plan> {
  const sheet = await readSpreadsheet(bytes, opts.filename);
  if (sheet.rows.length === 0) throw new DomainError('INVALID_FILE', { reason: { zh: '文件中只有表头，没有数据行', en: 'the file has a header but no data rows' } });
  const layout = matchColumns(spec, sheet.headers, opts.mapping);
  const skip = new Set(layout.problems.map((p) => p.field));
  const rows = sheet.rows.map((r) => readRow(spec, layout, r, skip));
  // Rows of one document share its key (order number); its writer checks repeats itself.
  if (!isDocumentSpec(spec)) flagDuplicateKeys(spec, rows, headerOf(layout, sheet.headers, spec.key));
  return { sheet, layout, rows };
}

const both = (code: DomainError['code'], params: DomainError['params']): Text2 => ({ zh: translate(code, 'zh-CN', params), en: translate(code, 'en', params) });

/** A service's DomainError as problems on the row's fields. */
function problemsOf(spec: EntitySpec, err: DomainError): RowProblem[] {
  const details = Array.isArray(err.details) ? (err.details as ErrorDetail[]) : [];
  if (details.length === 0 || err.code === 'DUPLICATE') {
    const field = details[0]?.field ? spec.fieldOf(details[0].field.split('.')) : null;
    return [{ field, message: both(err.code, err.params) }];
  }
  return details.map((d) => ({
    field: d.field ? spec.fieldOf(d.field.split('.')) : null,
    message: typeof d.message === 'object' ? d.message : both(err.code, err.params),
  }));
}

/**
 * Writes every valid row through the entity's own create/update functions, in the caller's
 * transaction. Service errors become row problems and the run goes on, so one pass finds them all;
 * a constraint error from the database stops it (PostgreSQL aborts the transaction).
 */
async function writeRows(ctx: WriteContext, spec: ImportSpec, rows: ReadRow[], mode: ImportMode, fields: Record<string, unknown> = {}): Promise<Outcome> {
  if (isDocumentSpec(spec)) return spec.writeAll(ctx, rows, fields);
  const out: Outcome = { actions: new Map(), problems: new Map(), created: 0, updated: 0 };
  for (const r of rows) {
    if (!r.input || r.key === null) continue;
    try {
      const id = await spec.findId(ctx.trx, r.key);
      if (id && mode === 'create') {
        out.problems.set(r.row, [{ field: spec.key, message: { zh: `「${r.key}」已存在；要更新已有数据请选择「新增或更新」模式（upsert）`, en: `"${r.key}" already exists; choose mode upsert to update existing records` } }]);
        continue;
      }
      if (id) await spec.update(ctx, id, { values: r.values, input: r.input });
      else await spec.insert(ctx, { values: r.values, input: r.input });
      out.actions.set(r.row, id ? 'update' : 'create');
      if (id) out.updated++;
      else out.created++;
    } catch (err) {
      if (err instanceof DomainError) {
        out.problems.set(r.row, problemsOf(spec, err));
        continue;
      }
      if (!constraintKind(err)) throw err;
      out.problems.set(r.row, [{ field: null, message: { zh: '与数据库中的数据冲突（可能刚被他人修改），之后的行未检查；请重新预览', en: 'Conflicts with data in the database (perhaps just changed by someone else); later rows were not checked. Preview again.' } }]);
      break;
    }
  }
  return out;
}

/** Every problem of the file in the caller's language, in row order. */
function errorsOf(spec: ImportSpec, p: Plan, o: Outcome, locale: Locale): RowError[] {
  const msg = (t: Text2) => (locale === 'en' ? t.en : t.zh);
  const column = (field: string | null) => {
    if (!field) return '';
    const col = spec.columns.find((c) => c.field === field);
    return headerOf(p.layout, p.sheet.headers, field) || (col ? (locale === 'en' ? col.en : col.zh) : field);
  };
  const errors: RowError[] = p.layout.problems.map((h) => ({ row: 1, column: h.column || column(h.field), field: h.field, message: msg(h.message) }));
  for (const r of p.rows) {
    for (const q of [...r.problems, ...(o.problems.get(r.row) ?? [])]) errors.push({ row: r.row, column: column(q.field), field: q.field, message: msg(q.message) });
  }
  return errors;
}

/** Runs `work` in a transaction that is always rolled back; returns what it returned. */
async function dryRun<T>(db: Db, work: (ctx: WriteContext) => Promise<T>, actor: Actor): Promise<T> {
  const rollback = Symbol('rollback');
  let result: T | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      result = await work({ trx, actor, cache: new Map() });
      throw rollback;
    });
  } catch (err) {
    if (err !== rollback) throw err;
  }
  return result as T;
}

/**
 * Checks a file as a commit would — conversion, the API's schema, duplicates, and the real
 * create/update calls inside a transaction that is rolled back — and lists every problem.
 */
export async function previewImport(db: Db, actor: Actor, spec: ImportSpec, bytes: Uint8Array, opts: ImportOptions): Promise<ImportPreview> {
  const p = await plan(spec, bytes, opts);
  const o = await dryRun(db, (ctx) => writeRows(ctx, spec, p.rows, opts.mode, opts.fields), actor);
  const errors = errorsOf(spec, p, o, opts.locale);
  const bad = new Set(errors.map((e) => e.row));
  return {
    entity: spec.entity,
    mode: opts.mode,
    totalRows: p.rows.length,
    validRows: p.rows.filter((r) => !bad.has(r.row)).length,
    toCreate: o.created,
    toUpdate: o.updated,
    errors,
    columns: p.sheet.headers,
    mapping: Object.fromEntries([...p.layout.sources.keys()].map((f) => [f, headerOf(p.layout, p.sheet.headers, f)])),
    ignoredColumns: p.layout.ignored,
    sample: p.rows.slice(0, SAMPLE_SIZE).map((r) => ({
      row: r.row,
      action: bad.has(r.row) ? 'error' : (o.actions.get(r.row) ?? 'error'),
      values: r.texts,
      data: r.input && spec.sampleOf ? spec.sampleOf({ values: r.values, input: r.input }) : r.input,
    })),
    ...(o.documents ? { documents: o.documents } : {}),
  };
}

/** Imports a file all-or-nothing: any problem is a 422 IMPORT_HAS_ERRORS listing them, and nothing is written. */
export async function commitImport(db: Db, actor: Actor, spec: ImportSpec, bytes: Uint8Array, opts: ImportOptions): Promise<{ created: number; updated: number; documents?: ImportedDocument[] }> {
  const p = await plan(spec, bytes, opts);
  return db.transaction().execute(async (trx) => {
    const o = await writeRows({ trx, actor, cache: new Map() }, spec, p.rows, opts.mode, opts.fields);
    const errors = errorsOf(spec, p, o, opts.locale);
    if (errors.length) throw new DomainError('IMPORT_HAS_ERRORS', { count: errors.length }, errors as unknown as ErrorDetail[]);
    await writeAudit(trx, actor, {
      action: 'import',
      entity: spec.auditEntity,
      summary: `${opts.filename || 'upload'}: ${o.created} created, ${o.updated} updated`,
      after: { file: opts.filename, format: p.sheet.format, mode: opts.mode, rows: p.rows.length, created: o.created, updated: o.updated, ...(o.documents ? { documents: o.documents.map((d) => d.number), fields: opts.fields } : {}) },
    });
    return { created: o.created, updated: o.updated, ...(o.documents ? { documents: o.documents } : {}) };
  });
}
