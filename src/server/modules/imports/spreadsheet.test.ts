import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.js';
import { decodeText, detectDelimiter, parseCsv } from './csv.js';
import { readSpreadsheet } from './spreadsheet.js';

const reasonOf = async (bytes: Uint8Array, name: string) => {
  const err = await readSpreadsheet(bytes, name).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DomainError);
  expect((err as DomainError).code).toBe('INVALID_FILE');
  return ((err as DomainError).params.reason as { en: string }).en;
};

describe('CSV parsing', () => {
  it('follows RFC 4180: quotes, doubled quotes, delimiters and line breaks inside quotes, CRLF/LF/CR', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n"multi\nline",z\rlast,')).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['multi\nline', 'z'], ['last', '']]);
  });
  it('detects comma, semicolon or tab from the header line only', () => {
    expect(detectDelimiter('a;b;c\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('a\tb\n')).toBe('\t');
    expect(detectDelimiter('"x;y",b\n')).toBe(',');
  });
  it('refuses an unclosed quote, naming the record', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow('CSV record 2 has an unclosed quote');
  });
  it('decodes UTF-8 with and without BOM, UTF-16 with BOM, and falls back to GB18030 for GBK bytes', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xe8, 0x8c, 0xb6]))).toEqual({ text: '茶', encoding: 'utf-8' });
    expect(decodeText(new TextEncoder().encode('茶'))).toEqual({ text: '茶', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x36, 0x83]))).toEqual({ text: '茶', encoding: 'utf-16le' });
    expect(decodeText(new Uint8Array([0xb2, 0xe8, 0xd2, 0xb6]))).toEqual({ text: '茶叶', encoding: 'gb18030' });
  });
});

describe('readSpreadsheet', () => {
  it('numbers rows as in the file, skips empty rows, trims cells and undoes the export’s formula guard', async () => {
    const sheet = await readSpreadsheet(new TextEncoder().encode('\ufeffSKU;名称\n\n A1 ;\'=x\n;\n"B2";b\n'), 'x.csv');
    expect(sheet).toEqual({ format: 'csv', headers: ['SKU', '名称'], rows: [{ row: 3, cells: ['A1', '=x'] }, { row: 5, cells: ['B2', 'b'] }] });
  });

  it('reads the first worksheet of an .xlsx: numbers, rich text, formulas, percent cells, dates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('first');
    wb.addWorksheet('second').addRow(['ignored']);
    ws.addRow(['SKU', { richText: [{ text: '名' }, { text: '称' }] }, '价', '税', '日期', '公式']);
    ws.addRow([6901234567892, 'Chai', 18.3, 0.13, new Date(Date.UTC(2024, 0, 5)), { formula: 'C2*2', result: 0.1 + 0.2 }]);
    ws.getCell('D2').numFmt = '0%';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await readSpreadsheet(bytes, 'a.xlsx')).toEqual({
      format: 'xlsx', headers: ['SKU', '名称', '价', '税', '日期', '公式'], rows: [{ row: 2, cells: ['6901234567892', 'Chai', '18.3', '13%', '2024-01-05', '0.3'] }],
    });
  });

  it('says why a file cannot be read', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['a']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await reasonOf(xlsx.subarray(0, 200), 'cut.xlsx')).toMatch(/^not a valid \.xlsx file \(/);
    expect(await reasonOf(Buffer.from('plain text'), 'fake.xlsx')).toMatch(/^not a valid \.xlsx file/);
    expect(await reasonOf(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.xls')).toMatch(/\.xls\) files are not supported/);
    expect(await reasonOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'image.csv')).toBe('not an .xlsx file or CSV text');
    expect(await reasonOf(Buffer.from('a,b'), 'x.pdf')).toBe('.pdf files are not supported; upload .xlsx or .csv');
    expect(await reasonOf(Buffer.alloc(0), 'x.csv')).toBe('the file is empty');
    expect(await reasonOf(Buffer.from('\n\n,,\n'), 'x.csv')).toBe('the file has no content');
  });

  it('refuses more than 20,000 data rows', async () => {
    const csv = 'sku\n' + Array.from({ length: 20_001 }, (_, i) => `S${i}`).join('\n');
    expect(await reasonOf(Buffer.from(csv), 'big.csv')).toBe('more than 20000 data rows; split the file');
    const ok = await readSpreadsheet(Buffer.from(csv.split('\n').slice(0, 20_001).join('\n')), 'ok.csv');
    expect(ok.rows).toHaveLength(20_000);
  });
});
