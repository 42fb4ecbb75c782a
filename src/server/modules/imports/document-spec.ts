import type { z } from 'zod';
import type { ColumnsSpec, EntitySpec, WriteContext } from './columns.js';
import type { ReadRow, RowProblem } from './rows.js';

/** A document an import made (or, in a preview, would make) from some rows of the file. */
export type ImportedDocument = {
  number: string;
  /** The external number the rows were grouped by (sales orders: orderNo). */
  ref: string | null;
  status: string;
  /** File rows that became this document's lines. */
  rows: number[];
  /** Sales orders: order total; opening stock: cost amount (fen). */
  amount: number;
};

/** What writing the documents of a file produced: per-row problems and actions, and the documents. */
export type DocumentOutcome = {
  actions: Map<number, 'create' | 'update'>;
  problems: Map<number, RowProblem[]>;
  created: number;
  updated: number;
  documents: ImportedDocument[];
};

/**
 * An import whose rows are grouped into documents (opening stock per warehouse, sales orders by
 * order number) rather than one record per row: no upsert, one write for all valid rows.
 */
export type DocumentSpec = ColumnsSpec & {
  /** Writes every valid row's document in the caller's transaction; problems become row errors. */
  writeAll: (ctx: WriteContext, rows: ReadRow[], fields: Record<string, unknown>) => Promise<DocumentOutcome>;
  /** Extra multipart form fields (strings in, values out) passed to writeAll. */
  formFields?: z.ZodType<Record<string, unknown>>;
  /** Appended to the upload endpoints' description. */
  help: string;
};

/** Any importable entity: master data (row = record) or documents (rows grouped). */
export type ImportSpec = EntitySpec | DocumentSpec;

/** Whether a spec imports documents. */
export const isDocumentSpec = (spec: ImportSpec): spec is DocumentSpec => 'writeAll' in spec;

/** Adds a problem to a row. */
export function addProblem(problems: Map<number, RowProblem[]>, row: number, problem: RowProblem): void {
  problems.set(row, [...(problems.get(row) ?? []), problem]);
}
