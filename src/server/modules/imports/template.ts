import ExcelJS from 'exceljs';
import { toCsv, type ExportColumn } from '../../platform/export.js';
import type { Locale } from '../../platform/i18n.js';
import type { ColumnSpec, ColumnsSpec } from './columns.js';

const say = (locale: Locale, t: { zh: string; en: string } | string) => (typeof t === 'string' ? t : locale === 'en' ? t.en : t.zh);

/** The template's download name, e.g. 商品导入模板.xlsx or products-import-template.csv. */
export function templateFilename(spec: ColumnsSpec, locale: Locale, format: 'xlsx' | 'csv'): string {
  return locale === 'en' ? `${spec.label.en}-import-template.${format}` : `${spec.label.zh}导入模板.${format}`;
}

/** A CSV template: the headers in the caller's language and one example row (UTF-8 with BOM). */
export function csvTemplate(spec: ColumnsSpec, locale: Locale): string {
  const columns: ExportColumn<Record<string, string>>[] = spec.columns.map((c) => ({ key: c.field, zh: c.zh, en: c.en }));
  const example = Object.fromEntries(spec.columns.map((c) => [c.field, say(locale, c.example)]));
  return toCsv([example], columns, locale);
}

/** An .xlsx template: sheet 1 has the headers and an example row, sheet 2 explains every column. */
export async function xlsxTemplate(spec: ColumnsSpec, locale: Locale): Promise<Buffer> {
  const en = locale === 'en';
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet(en ? spec.label.en : spec.label.zh);
  data.columns = spec.columns.map((c) => ({ header: en ? c.en : c.zh, key: c.field, width: Math.max(12, say(locale, c.example).length + 4, (en ? c.en : c.zh).length + 4) }));
  spec.columns.forEach((c, i) => {
    // Codes, phone numbers and barcodes as text, so Excel keeps leading zeros and long digits.
    if (c.text) data.getColumn(i + 1).numFmt = '@';
    data.getRow(1).getCell(i + 1).font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
  });
  data.addRow(Object.fromEntries(spec.columns.map((c) => [c.field, say(locale, c.example)])));
  data.views = [{ state: 'frozen', ySplit: 1 }];
  helpSheet(wb.addWorksheet(en ? 'Columns' : '填写说明'), spec, locale);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function helpSheet(ws: ExcelJS.Worksheet, spec: ColumnsSpec, locale: Locale): void {
  const en = locale === 'en';
  ws.columns = [
    { header: en ? 'Column' : '列名', width: 18 },
    { header: en ? 'Required' : '必填', width: 8 },
    { header: en ? 'Format' : '格式说明', width: 60 },
    { header: en ? 'Example' : '示例', width: 30 },
    { header: en ? 'Also accepted headers' : '也可用的列名', width: 40 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const c of spec.columns) ws.addRow(helpRow(c, locale));
  ws.addRow([]);
  const notes = spec.templateNotes
    ? spec.templateNotes.map((n) => say(locale, n))
    : en
    ? [
        'Row 1 holds the column headers; each row below it is one record. Replace or delete the example row before importing.',
        'Columns may be in any order; unknown columns are ignored. Headers match without regard to case, spaces or a trailing (unit).',
        'Mode "create" refuses codes that already exist; mode "upsert" updates them, and empty cells then keep the current value.',
        'Amounts are in yuan with at most 2 decimals. CSV files may be UTF-8 or GBK, separated by commas, semicolons or tabs.',
      ]
    : [
        '第 1 行是列名，从第 2 行起每行一条记录。导入前请改写或删除示例行。',
        '列的顺序不限，无法识别的列会被忽略；列名不区分大小写、空格和末尾的（单位）。',
        '「新增」模式下编号已存在会报错；「新增或更新」（upsert）模式会更新已有记录，空白单元格保留原值。',
        '金额单位为元，最多两位小数。CSV 文件可以是 UTF-8 或 GBK 编码，用逗号、分号或制表符分隔。',
      ];
  for (const n of notes) ws.addRow([n]);
}

function helpRow(c: ColumnSpec, locale: Locale): string[] {
  const en = locale === 'en';
  const header = en ? c.en : c.zh;
  const others = [c.field, en ? c.zh : c.en, ...(c.aliases ?? [])].filter((a) => a !== header);
  return [header, c.required ? (en ? 'yes' : '是') : en ? 'no' : '否', say(locale, c.format), say(locale, c.example), others.join(', ')];
}
