import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.js';
import { checkExportInput, voucherRows, yuan, type Voucher } from './accounting-export.js';

describe('accounting export rules', () => {
  it.each([[0, '0.00'], [5, '0.05'], [1234, '12.34'], [-1234, '-12.34'], [-5, '-0.05'], [100, '1.00'], [123456789012, '1234567890.12']])(
    'writes %i fen as %s', (fen, text) => expect(yuan(fen)).toBe(text));

  const v = (date: string, kind: Voucher['kind'], at: string, document: string, entries: Voucher['entries']): Voucher => ({ date, kind, at, document, summary: { zh: document, en: document }, entries });

  it('numbers vouchers 记-0001… by date, then kind, then time booked; leaves out zero lines and empty vouchers', () => {
    const rows = voucherRows([
      v('2026-11-02', 'payments', '2026-11-02T01:00:00Z', 'SK-2', [{ account: 'bank', debit: 100, credit: 0 }, { account: 'receivable', debit: 0, credit: 100, party: { type: 'customer', code: 'C1', name: '便利店' } }]),
      v('2026-11-01', 'cogs', '2026-11-01T09:00:00Z', 'CK-1', [{ account: 'cogs', debit: 0, credit: 0 }, { account: 'inventory', debit: 0, credit: 0 }]),
      v('2026-11-02', 'sales', '2026-11-02T05:00:00Z', 'FP-2', [{ account: 'receivable', debit: 113, credit: 0 }, { account: 'revenue', debit: 0, credit: 113 }, { account: 'outputVat', debit: 0, credit: 0 }]),
      v('2026-11-01', 'purchases', '2026-11-01T08:00:00Z', 'RK-1', [{ account: 'inventory', debit: 1000, credit: 0 }, { account: 'inputVat', debit: 130, credit: 0 }, { account: 'payable', debit: 0, credit: 1130 }]),
    ], 'zh');
    expect(rows.map((r) => [r.voucher, r.line, r.document, r.accountCode, r.debit, r.credit])).toEqual([
      ['记-0001', 1, 'RK-1', '1405', 1000, null], ['记-0001', 2, 'RK-1', '22210101', 130, null], ['记-0001', 3, 'RK-1', '2202', null, 1130],
      ['记-0002', 1, 'FP-2', '1122', 113, null], ['记-0002', 2, 'FP-2', '6001', null, 113],
      ['记-0003', 1, 'SK-2', '1002', 100, null], ['记-0003', 2, 'SK-2', '1122', null, 100],
    ]);
    expect(rows[6]).toMatchObject({ partyType: '客户', partyCode: 'C1', partyName: '便利店', accountName: '应收账款' });
    expect(voucherRows([v('2026-11-01', 'payments', 'x', 'SK-1', [{ account: 'bank', debit: 1, credit: 0 }])], 'en')[0]).toMatchObject({ accountName: 'Bank deposits', partyType: '' });
  });

  it('takes a range of at most 366 days and known kinds, in their order', () => {
    expect(checkExportInput({ from: '2026-01-01', to: '2026-12-31', kinds: 'payments, sales' })).toEqual({ from: '2026-01-01', to: '2026-12-31', kinds: ['sales', 'payments'] });
    expect(checkExportInput({ from: '2024-01-01', to: '2024-12-31' }).kinds).toEqual(['sales', 'cogs', 'purchases', 'payments']);
    const fields = (q: { from: string; to: string; kinds?: string }) => {
      try { checkExportInput(q); return []; } catch (e) { return ((e as DomainError).details as Array<{ field: string }>).map((d) => d.field); }
    };
    expect(fields({ from: '2026-01-02', to: '2026-01-01' })).toEqual(['to']);
    expect(fields({ from: '2025-01-01', to: '2026-01-02' })).toEqual(['from']);
    expect(fields({ from: '2026-01-01', to: '2026-01-01', kinds: 'sales,wages' })).toEqual(['kinds']);
    expect(fields({ from: '2026-01-01', to: '2026-01-01', kinds: ',' })).toEqual(['kinds']);
  });
});
