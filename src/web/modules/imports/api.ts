import { api, downloadFile, type Page } from '../../shared/api/client';

/**
 * What can be imported, who may, and where the result is listed. `document`: the rows become
 * documents (opening stock per warehouse, sales orders by order number, history returns by order
 * number), which are only created.
 */
export const importEntities = [
  { entity: 'products', permission: 'catalog:write', list: '/products', document: false },
  { entity: 'customers', permission: 'customers:write', list: '/customers', document: false },
  { entity: 'suppliers', permission: 'suppliers:write', list: '/suppliers', document: false },
  { entity: 'opening-stock', permission: 'stock:adjust', list: '/stock/opening', document: true },
  { entity: 'sales-orders', permission: 'sales:write', list: '/sales-orders', document: true },
  { entity: 'sales-returns', permission: 'sales:write', list: '/sales-returns', document: true },
] as const;
export type ImportEntity = (typeof importEntities)[number]['entity'];
export type ImportMode = 'create' | 'upsert';
export type Shortage = 'refuse' | 'backorder';

/** Whether an entity's rows become documents (no upsert; the preview lists the documents). */
export const isDocumentImport = (entity: ImportEntity) => importEntities.some((e) => e.entity === entity && e.document);

/** How to import: `mode` for master data; `confirm` and `shortage` for sales orders. */
export type ImportOptions = { mode: ImportMode; confirm: boolean; shortage: Shortage };

export type RowError = { row: number; column: string; field: string | null; message: string };
/** A document the import makes (in a preview, would make; its number is provisional there). */
export type ImportedDocument = {
  number: string;
  /** The order number in the file (sales orders). */
  ref: string | null;
  /** Sales orders: draft, confirmed, pending_approval, closed (history); opening stock: posted. */
  status: string;
  rows: number[];
  /** Sales orders: order total; opening stock: cost amount (fen). */
  amount: number;
};
export type SampleRow = { row: number; action: 'create' | 'update' | 'error'; values: Record<string, string>; data: Record<string, unknown> | null };
export type Preview = {
  entity: ImportEntity; mode: ImportMode; totalRows: number; validRows: number; toCreate: number; toUpdate: number;
  errors: RowError[]; columns: string[]; mapping: Record<string, string>; ignoredColumns: string[];
  sample: SampleRow[];
  documents?: ImportedDocument[];
};
export type CommitResult = { created: number; updated: number; documents?: ImportedDocument[] };

const form = (entity: ImportEntity, file: File, opts: ImportOptions) => {
  const f = new FormData();
  // Documents are only created; the server refuses upsert for them.
  f.append('mode', isDocumentImport(entity) ? 'create' : opts.mode);
  if (entity === 'sales-orders') {
    f.append('confirm', String(opts.confirm));
    if (opts.confirm) f.append('shortage', opts.shortage);
  }
  f.append('file', file);
  return f;
};

/** Downloads the import template (headers in the UI language, one example row). */
export const downloadTemplate = (entity: ImportEntity, format: 'xlsx' | 'csv') => downloadFile(`/imports/${entity}/template`, { format }, `${entity}-template.${format}`);

/** Checks a file and lists every problem; writes nothing. */
export const previewImport = (entity: ImportEntity, file: File, opts: ImportOptions) => api.upload<Preview>(`/imports/${entity}/preview`, form(entity, file, opts));

/** Imports the file in one transaction (422 IMPORT_HAS_ERRORS if any row is wrong). */
export const commitImport = (entity: ImportEntity, file: File, opts: ImportOptions) => api.upload<CommitResult>(`/imports/${entity}/commit`, form(entity, file, opts));

/** The screen that shows an imported document, found by its number (the import reply has no ids). */
export async function documentPath(entity: ImportEntity, number: string): Promise<string | null> {
  if (entity === 'sales-orders') {
    const found = await api.get<Page<{ id: string; number: string }>>('/sales-orders', { q: number, pageSize: 5 });
    const id = found.items.find((o) => o.number === number)?.id;
    return id ? `/sales-orders/${id}` : null;
  }
  if (entity === 'sales-returns') {
    const found = await api.get<Page<{ id: string; number: string }>>('/sales-returns', { q: number, pageSize: 5 });
    const id = found.items.find((r) => r.number === number)?.id;
    return id ? `/sales-returns/${id}` : null;
  }
  const found = await api.get<Page<{ id: string; number: string }>>('/stock/adjustments', { q: number, kind: 'opening', pageSize: 5 });
  const id = found.items.find((d) => d.number === number)?.id;
  return id ? `/stock/opening?open=${id}` : null;
}
