import ExcelJS from 'exceljs';
import { DomainError } from '../../platform/errors.js';
import type { Text2 } from './cells.js';
import { CsvError, decodeText, parseCsv } from './csv.js';

/** One data row: its spreadsheet row number (header = 1) and its cells as trimmed text. */
export type SheetRow = { row: number; cells: string[] };
/** A table read from a file: the header texts and the non-empty rows below them. */
export type Sheet = { format: 'xlsx' | 'csv'; headers: string[]; rows: SheetRow[] };

/** The most data rows one import accepts. */
export const MAX_IMPORT_ROWS = 20_000;

const invalid = (reason: Text2) => new DomainError('INVALID_FILE', { reason });

/** Reads an .xlsx (first worksheet) or a CSV into text cells; throws INVALID_FILE saying why not. */
export async function readSpreadsheet(bytes: Uint8Array, filename = ''): Promise<Sheet> {
  if (bytes.length === 0) throw invalid({ zh: '文件是空的', en: 'the file is empty' });
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw invalid({ zh: '不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV', en: 'old Excel (.xls) files are not supported; save it as .xlsx or CSV' });
  }
  if (zip) return table('xlsx', await readXlsx(bytes));
  if (ext === 'xlsx' || ext === 'xlsm') throw invalid({ zh: '不是有效的 .xlsx 文件（文件已损坏或被改了扩展名）', en: 'not a valid .xlsx file (damaged, or renamed from another format)' });
  if (!['', 'csv', 'txt', 'tsv'].includes(ext)) throw invalid({ zh: `不支持 .${ext} 文件，请上传 .xlsx 或 .csv`, en: `.${ext} files are not supported; upload .xlsx or .csv` });
  if (looksBinary(bytes)) throw invalid({ zh: '不是 .xlsx 或 CSV 文本文件', en: 'not an .xlsx file or CSV text' });
  try {
    const records = parseCsv(decodeText(bytes).text);
    return table('csv', records.map((cells) => cells.map(cleanCsvCell)));
  } catch (err) {
    if (err instanceof CsvError) throw invalid(err.reason);
    throw err;
  }
}

/** NUL bytes do not occur in UTF-8/GBK text (UTF-16 files carry a BOM and are decoded before this matters). */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  return bytes.subarray(0, 8192).includes(0);
}

// Our own exports prefix formula-like text with ' so spreadsheets do not run it; undo that.
const cleanCsvCell = (s: string) => s.trim().replace(/^'(?=[=+\-@])/, '');

/** Header = first non-empty row; rows after it that have any text, numbered as in the file. */
function table(format: Sheet['format'], records: string[][]): Sheet {
  const filled = (cells: string[]) => cells.some((c) => c !== '');
  const headerIndex = records.findIndex(filled);
  if (headerIndex < 0) throw invalid({ zh: '文件中没有内容', en: 'the file has no content' });
  const headers = records[headerIndex];
  const rows: SheetRow[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    if (!filled(records[i])) continue;
    if (rows.length === MAX_IMPORT_ROWS) {
      throw invalid({ zh: `数据超过 ${MAX_IMPORT_ROWS} 行上限，请分批导入`, en: `more than ${MAX_IMPORT_ROWS} data rows; split the file` });
    }
    rows.push({ row: i + 1, cells: records[i] });
  }
  return { format, headers, rows };
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw invalid({ zh: `不是有效的 .xlsx 文件（${why}）`, en: `not a valid .xlsx file (${why})` });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw invalid({ zh: '工作簿中没有工作表', en: 'the workbook has no worksheet' });
  const records: string[][] = [];
  let filled = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // Header plus one row over the limit is enough for table() to refuse the file.
    if (filled > MAX_IMPORT_ROWS + 1) return;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cellText(cell.value, cell.numFmt);
    });
    records[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
    if (cells.some(Boolean)) filled++;
  });
  return Array.from(records, (r) => r ?? []);
}

/** A cell value as text: numbers without float noise, percent cells as "13%", dates as ISO, formulas by result. */
export function cellText(value: ExcelJS.CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null, numFmt);
  if ('hyperlink' in value) return cellText((value as { text: ExcelJS.CellValue }).text, numFmt);
  if ('error' in value) return String(value.error);
  return '';
}

function numberText(n: number, numFmt?: string): string {
  // 15 significant digits is what Excel shows; it drops binary noise such as 0.30000000000000004.
  const clean = (x: number) => String(Number(x.toPrecision(15)));
  if (numFmt && numFmt.includes('%')) return `${clean(n * 100)}%`;
  return clean(n);
}

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}
