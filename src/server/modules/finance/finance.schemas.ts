import { z } from 'zod';
import { fen, listQueryBase, optText } from '../../platform/http-schemas.js';

const id = z.string().min(1).max(64);
export const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式须为 YYYY-MM-DD | Dates are YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), '不是有效日期 | Not a valid date');
const money = z.number().int();
const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const paymentMethods = ['bank', 'cash', 'wechat', 'alipay', 'check', 'other'] as const;

export const allocationInput = z.strictObject({
  itemId: id.describe('The invoice (应收单) or payable (应付单) settled'),
  amount: fen.min(1, '核销金额须大于 0 | The amount must be more than 0').describe('Fen'),
});

const paymentBase = {
  date: dateString.optional().describe('The payment’s business date; default today'),
  amount: fen.min(1, '金额须大于 0 | The amount must be more than 0').describe('Fen'),
  method: z.enum(paymentMethods).default('bank').describe('bank 银行转账, cash 现金, wechat 微信, alipay 支付宝, check 支票, other'),
  reference: optText(100).describe('Bank reference, cheque number…'),
  note: optText(500),
  allocations: z.array(allocationInput).max(500).default([]).describe('核销: parts of the payment applied to open items; the rest stays unallocated (预收/预付)'),
};
export const receiptOfPaymentInput = z.strictObject({ customerId: id, ...paymentBase });
export const supplierPaymentInput = z.strictObject({ supplierId: id, ...paymentBase });
export const allocateInput = z.strictObject({ allocations: z.array(allocationInput).min(1).max(500) });

export const itemView = z.object({
  id: z.string(), number: z.string().describe('Receivables: FP- invoice, HZ- credit note, TK- refund; payables: the receipt’s or return’s number'),
  partyId: z.string().describe('The customer or supplier'), partyCode: z.string(), partyName: z.string(),
  kind: z.string().describe('Receivables: invoice, credit, refund; payables: receipt, purchase_return'),
  sourceType: z.string(), sourceId: z.string(), sourceNumber: z.string(), orderId: z.string().nullable(),
  docDate: z.string(), dueDate: z.string(), net: money, tax: money, total: money.describe('net + tax, fen; negative for a credit'),
  settled: money.describe('Allocated so far (sign of total)'), open: money.describe('total − settled'),
  daysOverdue: z.number().int().describe('Days past the due date of an owed item still open; 0 otherwise'), createdAt: z.string(),
});
export const itemDetail = itemView.extend({
  allocations: z.array(z.object({
    id: z.string(), amount: money, itemId: z.string(), itemNumber: z.string().nullable(), paymentId: z.string().nullable(), paymentNumber: z.string().nullable(),
    creditId: z.string().nullable(), creditNumber: z.string().nullable(), createdAt: z.string(),
  })),
});
export const itemListQuery = z.strictObject({
  ...listQueryBase,
  status: z.enum(['open', 'settled', 'overdue']).optional().describe('open: not fully allocated (oldest due first); overdue: owed and past due'),
  kind: z.string().max(30).optional(), from: dateString.optional(), to: dateString.optional(),
});
export const customerItemListQuery = itemListQuery.extend({ customerId: id.optional() });
export const supplierItemListQuery = itemListQuery.extend({ supplierId: id.optional() });
export const itemPage = z.object({ items: z.array(itemView), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

const paymentFields = {
  id: z.string(), number: z.string().describe('SK-YYYYMMDD-NNNN received, FK-YYYYMMDD-NNNN made'), partyId: z.string(), partyCode: z.string(), partyName: z.string(),
  docDate: z.string(), amount: money, allocated: money, unallocated: money, method: z.string(), reference: z.string().nullable(), note: z.string().nullable(),
  actorName: z.string().nullable(), createdAt: z.string(),
};
export const paymentSummary = z.object(paymentFields);
export const paymentView = z.object({
  ...paymentFields,
  allocations: z.array(z.object({ id: z.string(), itemId: z.string(), itemNumber: z.string(), itemKind: z.string(), amount: money, actorName: z.string().nullable(), createdAt: z.string() })),
});
const paymentListBase = { ...listQueryBase, unallocated: boolQuery.optional().describe('Only payments with something left to allocate'), from: dateString.optional(), to: dateString.optional() };
export const customerPaymentListQuery = z.strictObject({ ...paymentListBase, customerId: id.optional() });
export const supplierPaymentListQuery = z.strictObject({ ...paymentListBase, supplierId: id.optional() });
export const paymentPage = z.object({ items: z.array(paymentSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const statementQuery = z.strictObject({ from: dateString, to: dateString });
export const statementView = z.object({
  party: z.object({ id: z.string(), code: z.string(), name: z.string() }), from: z.string(), to: z.string(),
  opening: money.describe('Balance before `from`: items − payments dated earlier'),
  lines: z.array(z.object({
    date: z.string(), id: z.string(), kind: z.string().describe('invoice, credit, refund, receipt, purchase_return or payment'), number: z.string(), sourceNumber: z.string().nullable(),
    charged: money.describe('Raises the balance (negative for a credit)'), paid: money.describe('A payment: lowers the balance'), balance: money,
  })),
  charged: money, paid: money, closing: money,
});

const buckets = {
  current: money.describe('Not yet due'), d1_30: money, d31_60: money, d61_90: money, over90: money,
  unapplied: money.describe('Open credits and unallocated payments (≤ 0)'), balance: money,
};
export const ageingView = z.object({
  asOf: z.string(),
  rows: z.array(z.object({ partyId: z.string(), partyCode: z.string(), partyName: z.string(), ...buckets })),
  totals: z.object(buckets),
});

export const balanceQuery = z.strictObject({ q: listQueryBase.q, page: listQueryBase.page, pageSize: listQueryBase.pageSize, nonZero: boolQuery.optional().describe('Only parties with a balance or open items') });
export const balancePage = z.object({
  items: z.array(z.object({
    partyId: z.string(), partyCode: z.string(), partyName: z.string(), status: z.string(),
    charged: money.describe('All items ever: receipts − returns (or invoices − credits + refunds)'), paid: money, balance: money.describe('charged − paid: what is owed now'),
    open: money.describe('Owed items not yet settled'), overdue: money.describe('Of open, past the due date'), unapplied: money.describe('Open credits and unallocated payments (≤ 0)'),
  })),
  total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), balance: money.describe('Sum over every party listed'),
});
