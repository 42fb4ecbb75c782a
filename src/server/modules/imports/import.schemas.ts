import { z } from 'zod';
import { errorBody, errorResponses } from '../../platform/http-schemas.js';
import type { ColumnsSpec } from './columns.js';

export const templateQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

export const importMode = z.enum(['create', 'upsert']).default('create').describe('create: an existing key is an error; upsert: existing records are updated');

/** `mapping`: {ourField: "Header in the file"}; several headers are joined with ", "; null skips the field. */
export function mappingSchema(spec: ColumnsSpec) {
  const fields = spec.columns.map((c) => c.field) as [string, ...string[]];
  const header = z.string().trim().min(1).max(200);
  return z.partialRecord(z.enum(fields), z.union([header, z.array(header).min(1).max(10), z.null()]));
}

const rowError = z.object({
  row: z.number().int().describe('Spreadsheet row number; the header is row 1'),
  column: z.string().describe('The column header as written in the file'),
  field: z.string().nullable().describe('Our field key'),
  message: z.string(),
});

const importedDocument = z.object({
  number: z.string().describe('SO-… for sales orders, QC-… for opening stock; provisional in a preview'),
  ref: z.string().nullable().describe('The order number in the file (sales orders)'),
  status: z.string().describe('Sales orders: draft, confirmed, pending_approval, or closed for history; opening stock: posted'),
  rows: z.array(z.number().int()).describe('File rows that became its lines'),
  amount: z.number().int().describe('Sales orders: total; opening stock: cost amount (fen)'),
});

export const previewReply = z.object({
  entity: z.enum(['products', 'customers', 'suppliers', 'opening-stock', 'sales-orders', 'sales-returns']),
  mode: z.enum(['create', 'upsert']),
  totalRows: z.number().int().describe('Non-empty data rows'),
  validRows: z.number().int(),
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
  errors: z.array(rowError).describe('Every problem found; a commit is refused while there are any'),
  columns: z.array(z.string()).describe('Headers found in the file'),
  mapping: z.record(z.string(), z.string()).describe('Which file header each field was read from'),
  ignoredColumns: z.array(z.string()).describe('Headers that feed no field'),
  sample: z.array(z.object({
    row: z.number().int(),
    action: z.enum(['create', 'update', 'error']),
    values: z.record(z.string(), z.string()).describe('Cell text per field'),
    data: z.record(z.string(), z.unknown()).nullable().describe('The API input the row becomes (money in fen)'),
  })).describe('The first 20 data rows'),
  documents: z.array(importedDocument).optional().describe('opening-stock and sales-orders: the documents the rows would become'),
});

export const commitReply = z.object({
  created: z.number().int().describe('Records; for opening-stock and sales-orders, documents'),
  updated: z.number().int(),
  documents: z.array(importedDocument).optional().describe('opening-stock and sales-orders: the documents made'),
});

export const uploadErrors = { ...errorResponses, 413: errorBody, 415: errorBody, 422: errorBody };

export const uploadHelp =
  'multipart/form-data: `file` (.xlsx first worksheet, or CSV in UTF-8/GBK with comma, semicolon or tab), ' +
  'optional `mode` (create | upsert) and `mapping` (JSON {field: "header in the file"}).';
