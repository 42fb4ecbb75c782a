import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError } from '../../platform/errors.js';
import { EXPORT_LIMIT, sendExport, type ExportColumn } from '../../platform/export.js';
import { errorResponses } from '../../platform/http-schemas.js';
import { accountingVouchers, checkExportInput, exportKinds, MAX_EXPORT_DAYS, voucherRows, yuan, type VoucherRow } from './accounting-export.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Not a calendar date');

const exportQuery = z.strictObject({
  from: day.describe('First business date (YYYY-MM-DD) of the documents'),
  to: day.describe(`Last business date, inclusive; at most ${MAX_EXPORT_DAYS} days after from`),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  kinds: z.string().max(200).optional().describe(`Comma-separated voucher kinds, any of ${exportKinds.join(', ')}; default all`),
});

/** Debit and credit as numbers (yuan, shown with 2 decimals) in .xlsx, as "12.34" text in CSV; computed from fen either way. */
function columns(format: 'xlsx' | 'csv'): ExportColumn<VoucherRow>[] {
  const money = (key: 'debit' | 'credit', zh: string, en: string): ExportColumn<VoucherRow> =>
    format === 'csv' ? { key, zh, en, value: (r) => (r[key] === null ? '' : yuan(r[key])) } : { key, zh, en, money: true, width: 14 };
  return [
    { key: 'date', zh: '凭证日期', en: 'Date' }, { key: 'voucher', zh: '凭证号', en: 'Voucher' }, { key: 'line', zh: '分录号', en: 'Line' },
    { key: 'summary', zh: '摘要', en: 'Summary', width: 40 }, { key: 'accountCode', zh: '科目编码', en: 'Account code' }, { key: 'accountName', zh: '科目名称', en: 'Account', width: 30 },
    money('debit', '借方金额', 'Debit'), money('credit', '贷方金额', 'Credit'),
    { key: 'partyType', zh: '辅助核算类别', en: 'Auxiliary type' }, { key: 'partyCode', zh: '辅助核算编码', en: 'Auxiliary code' }, { key: 'partyName', zh: '辅助核算名称', en: 'Auxiliary name', width: 24 },
    { key: 'document', zh: '单据号', en: 'Document', width: 20 }, { key: 'kind', zh: '凭证类别', en: 'Kind' },
  ];
}

/** Accounting export (会计凭证导出): sales, cost of goods, purchases and payments as voucher rows for 用友 / 金蝶. */
export const accountingExportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  app.get('/api/v1/finance/accounting-export', {
    config: { access: 'finance:read' },
    schema: {
      tags: ['finance'], querystring: exportQuery, response: { ...errorResponses },
      summary: 'Voucher rows (凭证分录) of sales, cost of goods, purchases and payments in a date range, as .xlsx or .csv; every voucher balances',
    },
  }, async (req, reply) => {
    const f = checkExportInput(req.query);
    const rows = voucherRows(await accountingVouchers(db, f), req.locale === 'en' ? 'en' : 'zh');
    if (rows.length > EXPORT_LIMIT) {
      throw new DomainError('VALIDATION_FAILED', { summary: 'from' }, [{ field: 'from', in: 'query', message: { zh: `超过 ${EXPORT_LIMIT} 行，请缩短日期范围`, en: `More than ${EXPORT_LIMIT} rows: choose a shorter range` } }]);
    }
    const name = req.locale === 'en' ? `vouchers-${f.from}-${f.to}` : `凭证-${f.from}-${f.to}`;
    return sendExport(reply, { rows, columns: columns(req.query.format), format: req.query.format, locale: req.locale, name });
  });
};
