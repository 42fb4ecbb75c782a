import { api, downloadFile } from '../../shared/api/client';

export const importEntities = [
  { entity: 'products', permission: 'catalog:write', list: '/products' },
  { entity: 'customers', permission: 'customers:write', list: '/customers' },
  { entity: 'suppliers', permission: 'suppliers:write', list: '/suppliers' },
] as const;
export type ImportEntity = (typeof importEntities)[number]['entity'];
export type ImportMode = 'create' | 'upsert';

export type RowError = { row: number; column: string; field: string | null; message: string };
export type Preview = {
  entity: ImportEntity; mode: ImportMode; totalRows: number; validRows: number; toCreate: number; toUpdate: number;
  errors: RowError[]; columns: string[]; mapping: Record<string, string>; ignoredColumns: string[];
  sample: { row: number; action: 'create' | 'update' | 'error'; values: Record<string, string>; data: Record<string, unknown> | null }[];
};

const form = (file: File, mode: ImportMode) => {
  const f = new FormData();
  f.append('mode', mode);
  f.append('file', file);
  return f;
};

/** Downloads the import template (headers in the UI language, one example row). */
export const downloadTemplate = (entity: ImportEntity, format: 'xlsx' | 'csv') => downloadFile(`/imports/${entity}/template`, { format }, `${entity}-template.${format}`);

/** Checks a file and lists every problem; writes nothing. */
export const previewImport = (entity: ImportEntity, file: File, mode: ImportMode) => api.upload<Preview>(`/imports/${entity}/preview`, form(file, mode));

/** Imports the file in one transaction (422 IMPORT_HAS_ERRORS if any row is wrong). */
export const commitImport = (entity: ImportEntity, file: File, mode: ImportMode) => api.upload<{ created: number; updated: number }>(`/imports/${entity}/commit`, form(file, mode));
