import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { Locale } from './i18n.js';

/** A column of an exported list: key in the row, header per language, optional formatting. */
export type ExportColumn<T> = { key: string; zh: string; en: string; value?: (row: T) => unknown; money?: boolean; width?: number };

const cell = <T>(row: T, c: ExportColumn<T>): unknown => {
  const v = c.value ? c.value(row) : (row as Record<string, unknown>)[c.key];
  if (c.money && typeof v === 'number') return v / 100;
  if (Array.isArray(v)) return v.join(', ');
  return v ?? '';
};

function csvEscape(v: unknown): string {
  const s = String(v ?? '');
  // Cells starting with = + - @ are prefixed so spreadsheets do not run them as formulas.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Renders rows as CSV (UTF-8 with BOM, so Excel opens Chinese text correctly). */
export function toCsv<T>(rows: T[], columns: ExportColumn<T>[], locale: Locale): string {
  const head = columns.map((c) => csvEscape(locale === 'en' ? c.en : c.zh)).join(',');
  const body = rows.map((r) => columns.map((c) => csvEscape(cell(r, c))).join(','));
  return '\ufeff' + [head, ...body].join('\r\n') + '\r\n';
}

/** Renders rows as an .xlsx workbook with one sheet. */
export async function toXlsx<T>(rows: T[], columns: ExportColumn<T>[], locale: Locale, sheetName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.columns = columns.map((c) => ({ header: locale === 'en' ? c.en : c.zh, key: c.key, width: c.width ?? Math.max(12, (locale === 'en' ? c.en : c.zh).length + 4) }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(Object.fromEntries(columns.map((c) => [c.key, cell(r, c)])));
  columns.forEach((c, i) => {
    if (c.money) ws.getColumn(i + 1).numFmt = '0.00';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Sends rows as a file download in the requested format. */
export async function sendExport<T>(
  reply: FastifyReply,
  opts: { rows: T[]; columns: ExportColumn<T>[]; format: 'xlsx' | 'csv'; locale: Locale; name: string },
): Promise<FastifyReply> {
  const stamp = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  const filename = `${opts.name}-${stamp}.${opts.format}`;
  const ascii = `export-${stamp}.${opts.format}`;
  reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  if (opts.format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(opts.rows, opts.columns, opts.locale));
  const buf = await toXlsx(opts.rows, opts.columns, opts.locale, opts.name);
  return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(buf);
}

/** The largest number of rows one export returns. */
export const EXPORT_LIMIT = 100_000;
