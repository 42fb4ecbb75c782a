import type { DbOrTx } from '../../db/create-db.js';
import { businessDate } from '../../platform/clock.js';
import { DomainError, type ErrorDetail } from '../../platform/errors.js';
import { addDays, daysBetween } from './ledger.js';

// Accounting export (docs/finance.md "Accounting export"): the ledger's documents as voucher rows
// (凭证分录) that 用友 / 金蝶 import. One voucher per document, numbered 记-0001… per export in date
// order; every voucher balances. Credits (sales and purchase returns) are red-letter (红字): the
// accounts and sides of the original entry, negative amounts, as Chinese bookkeeping records them.

/** The chart of accounts the export posts to; change a code here and in docs/finance.md. */
export const accounts = {
  bank: { code: '1002', zh: '银行存款', en: 'Bank deposits' },
  receivable: { code: '1122', zh: '应收账款', en: 'Accounts receivable' },
  inventory: { code: '1405', zh: '库存商品', en: 'Merchandise inventory' },
  payable: { code: '2202', zh: '应付账款', en: 'Accounts payable' },
  inputVat: { code: '22210101', zh: '应交税费-应交增值税(进项税额)', en: 'VAT payable - input VAT' },
  outputVat: { code: '22210102', zh: '应交税费-应交增值税(销项税额)', en: 'VAT payable - output VAT' },
  revenue: { code: '6001', zh: '主营业务收入', en: 'Main business revenue' },
  cogs: { code: '6401', zh: '主营业务成本', en: 'Main business cost' },
} as const;
export type Account = keyof typeof accounts;

export const exportKinds = ['sales', 'cogs', 'purchases', 'payments'] as const;
export type ExportKind = (typeof exportKinds)[number];

/** The longest range one export covers, in days. */
export const MAX_EXPORT_DAYS = 366;

type Party = { type: 'customer' | 'supplier'; code: string; name: string };
/** One entry (分录): an account, debit or credit in fen, the customer or supplier it concerns. */
export type Entry = { account: Account; debit: number; credit: number; party?: Party };
export type Voucher = { date: string; kind: ExportKind; at: string; document: string; summary: { zh: string; en: string }; entries: Entry[] };
/** A voucher row as exported. */
export type VoucherRow = {
  date: string; voucher: string; line: number; summary: string; accountCode: string; accountName: string;
  debit: number | null; credit: number | null; partyType: string; partyCode: string; partyName: string; document: string; kind: ExportKind;
};

const dr = (account: Account, fen: number, party?: Party): Entry => ({ account, debit: fen, credit: 0, party });
const cr = (account: Account, fen: number, party?: Party): Entry => ({ account, debit: 0, credit: fen, party });
const text = (zh: string, en: string, rest: string) => ({ zh: `${zh} ${rest}`, en: `${en} ${rest}` });

/** Parses and checks the range and kinds; 400 VALIDATION_FAILED naming each field at fault. */
export function checkExportInput(q: { from: string; to: string; kinds?: string }): { from: string; to: string; kinds: ExportKind[] } {
  const errors: ErrorDetail[] = [];
  if (q.from > q.to) errors.push({ field: 'to', in: 'query', message: { zh: `结束日期 ${q.to} 早于开始日期 ${q.from}`, en: `The end date ${q.to} is before the start date ${q.from}` } });
  else if (daysBetween(q.from, q.to) + 1 > MAX_EXPORT_DAYS) errors.push({ field: 'from', in: 'query', message: { zh: `一次最多导出 ${MAX_EXPORT_DAYS} 天`, en: `One export covers at most ${MAX_EXPORT_DAYS} days` } });
  const given = (q.kinds ?? exportKinds.join(',')).split(',').map((k) => k.trim()).filter(Boolean);
  const unknown = given.filter((k) => !(exportKinds as readonly string[]).includes(k));
  if (unknown.length) errors.push({ field: 'kinds', in: 'query', value: unknown.join(','), message: { zh: `未知的凭证类别：${unknown.join('、')}（可选 ${exportKinds.join('、')}）`, en: `Unknown kind: ${unknown.join(', ')} (one of ${exportKinds.join(', ')})` } });
  else if (given.length === 0) errors.push({ field: 'kinds', in: 'query', message: { zh: '至少选一个凭证类别', en: 'Choose at least one kind' } });
  if (errors.length) throw new DomainError('VALIDATION_FAILED', { summary: errors.map((e) => e.field).join(', ') }, errors);
  return { from: q.from, to: q.to, kinds: exportKinds.filter((k) => given.includes(k)) };
}

/** Numbers the vouchers 记-0001… in date order (then kind, time booked, document) and flattens them to rows; zero entries are left out. */
export function voucherRows(vouchers: Voucher[], locale: 'zh' | 'en'): VoucherRow[] {
  const order = (k: ExportKind) => exportKinds.indexOf(k);
  const sorted = [...vouchers].sort((a, b) => a.date.localeCompare(b.date) || order(a.kind) - order(b.kind) || a.at.localeCompare(b.at) || a.document.localeCompare(b.document));
  const rows: VoucherRow[] = [];
  let n = 0;
  for (const v of sorted) {
    const entries = v.entries.filter((e) => e.debit !== 0 || e.credit !== 0);
    if (entries.length === 0) continue;
    const voucher = `记-${String(++n).padStart(4, '0')}`;
    entries.forEach((e, i) => rows.push({
      date: v.date, voucher, line: i + 1, summary: v.summary[locale], accountCode: accounts[e.account].code, accountName: accounts[e.account][locale],
      debit: e.debit !== 0 ? e.debit : null, credit: e.credit !== 0 ? e.credit : null,
      partyType: e.party ? (locale === 'en' ? e.party.type : e.party.type === 'customer' ? '客户' : '供应商') : '', partyCode: e.party?.code ?? '', partyName: e.party?.name ?? '',
      document: v.document, kind: v.kind,
    }));
  }
  return rows;
}

/** Fen as yuan text with two decimals, from integers only (−1234 → "-12.34"). */
export const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/** The vouchers of the documents dated from–to (business dates) of the kinds asked for. */
export async function accountingVouchers(db: DbOrTx, f: { from: string; to: string; kinds: ExportKind[] }): Promise<Voucher[]> {
  const out: Voucher[] = [];
  const want = new Set(f.kinds);
  if (want.has('sales') || want.has('payments')) out.push(...await invoiceVouchers(db, f, want));
  if (want.has('cogs')) out.push(...await cogsVouchers(db, f));
  if (want.has('purchases')) out.push(...await purchaseVouchers(db, f));
  if (want.has('payments')) out.push(...await paymentVouchers(db, f));
  return out;
}

/** Invoices and credit notes (Dr 应收 / Cr 收入 + 销项税); refunds paid out are money (Dr 应收 / Cr 银行存款). */
async function invoiceVouchers(db: DbOrTx, f: { from: string; to: string }, want: Set<ExportKind>): Promise<Voucher[]> {
  const rows = await db.selectFrom('customerInvoices as i').innerJoin('customers as c', 'c.id', 'i.customerId')
    .select(['i.number', 'i.kind', 'i.net', 'i.tax', 'i.total', 'i.docDate', 'i.createdAt', 'i.sourceNumber', 'c.code', 'c.name'])
    .where('i.docDate', '>=', f.from).where('i.docDate', '<=', f.to).execute();
  const out: Voucher[] = [];
  for (const r of rows) {
    const party: Party = { type: 'customer', code: r.code, name: r.name };
    const [net, tax, total] = [Number(r.net), Number(r.tax), Number(r.total)];
    const base = { date: r.docDate, at: r.createdAt, document: r.number };
    if (r.kind === 'refund') {
      if (want.has('payments')) out.push({ ...base, kind: 'payments', summary: text('退款', 'Refund', `${r.number} ${r.name}`), entries: [dr('receivable', total, party), cr('bank', total)] });
    } else if (want.has('sales')) {
      const summary = r.kind === 'credit' ? text('销售退回', 'Sales return', `${r.number} ${r.sourceNumber} ${r.name}`) : text('销售', 'Sales', `${r.number} ${r.name}`);
      out.push({ ...base, kind: 'sales', summary, entries: [dr('receivable', total, party), cr('revenue', net), cr('outputVat', tax)] });
    }
  }
  return out;
}

/** Cost of goods of each shipment (sale_out) and each restocked sales return (return_in, red-letter): Dr 主营业务成本 / Cr 库存商品. */
async function cogsVouchers(db: DbOrTx, f: { from: string; to: string }): Promise<Voucher[]> {
  // `at` is UTC; a day either side covers any business time zone, the business date decides.
  const range = { from: `${addDays(f.from, -1)}T00:00:00`, to: `${addDays(f.to, 2)}T00:00:00` };
  const shipped = await db.selectFrom('stockMovements as m').innerJoin('salesOrders as o', 'o.id', 'm.sourceId').innerJoin('customers as c', 'c.id', 'o.customerId')
    .select(['m.at', 'm.costAmount', 'm.reason', 'c.name']).where('m.kind', '=', 'sale_out').where('m.sourceType', '=', 'sales_order')
    .where('m.at', '>=', range.from).where('m.at', '<', range.to).execute();
  const returned = await db.selectFrom('stockMovements as m').innerJoin('salesReturns as r', 'r.id', 'm.sourceId').innerJoin('customers as c', 'c.id', 'r.customerId')
    .select(['m.at', 'm.costAmount', 'r.number as reason', 'c.name']).where('m.kind', '=', 'return_in').where('m.sourceType', '=', 'sales_return')
    .where('m.at', '>=', range.from).where('m.at', '<', range.to).execute();
  const groups = new Map<string, { date: string; at: string; document: string; name: string; cost: number; back: boolean }>();
  for (const [rows, back] of [[shipped, false], [returned, true]] as const) {
    for (const m of rows) {
      const date = businessDate(new Date(m.at));
      if (date < f.from || date > f.to) continue;
      const document = m.reason ?? '';
      const key = `${back}|${document}|${date}`;
      const g = groups.get(key) ?? { date, at: m.at, document, name: m.name, cost: 0, back };
      // sale_out costs are negative (stock out): the cost of goods is their negation; a return puts cost back.
      g.cost += -Number(m.costAmount);
      if (m.at < g.at) g.at = m.at;
      groups.set(key, g);
    }
  }
  return [...groups.values()].map((g) => ({
    date: g.date, kind: 'cogs' as const, at: g.at, document: g.document,
    summary: g.back ? text('退货冲减成本', 'Cost of returned goods', `${g.document} ${g.name}`) : text('销售成本', 'Cost of goods sold', `${g.document} ${g.name}`),
    entries: [dr('cogs', g.cost), cr('inventory', g.cost)],
  }));
}

/** Purchase receipts and purchase returns (red-letter): Dr 库存商品 + 进项税 / Cr 应付. */
async function purchaseVouchers(db: DbOrTx, f: { from: string; to: string }): Promise<Voucher[]> {
  const rows = await db.selectFrom('supplierPayables as p').innerJoin('suppliers as s', 's.id', 'p.supplierId')
    .select(['p.sourceNumber', 'p.kind', 'p.net', 'p.tax', 'p.amount', 'p.docDate', 'p.createdAt', 's.code', 's.name'])
    .where('p.docDate', '>=', f.from).where('p.docDate', '<=', f.to).execute();
  return rows.map((r) => {
    const party: Party = { type: 'supplier', code: r.code, name: r.name };
    const summary = r.kind === 'purchase_return' ? text('采购退货', 'Purchase return', `${r.sourceNumber} ${r.name}`) : text('采购入库', 'Purchase receipt', `${r.sourceNumber} ${r.name}`);
    return {
      date: r.docDate ?? r.createdAt.slice(0, 10), kind: 'purchases' as const, at: r.createdAt, document: r.sourceNumber, summary,
      entries: [dr('inventory', Number(r.net)), dr('inputVat', Number(r.tax)), cr('payable', Number(r.amount), party)],
    };
  });
}

/** Payments received (Dr 银行存款 / Cr 应收) and made (Dr 应付 / Cr 银行存款). */
async function paymentVouchers(db: DbOrTx, f: { from: string; to: string }): Promise<Voucher[]> {
  const received = await db.selectFrom('customerPayments as p').innerJoin('customers as c', 'c.id', 'p.customerId')
    .select(['p.number', 'p.amount', 'p.docDate', 'p.createdAt', 'c.code', 'c.name']).where('p.docDate', '>=', f.from).where('p.docDate', '<=', f.to).execute();
  const made = await db.selectFrom('supplierPayments as p').innerJoin('suppliers as s', 's.id', 'p.supplierId')
    .select(['p.number', 'p.amount', 'p.docDate', 'p.createdAt', 's.code', 's.name']).where('p.docDate', '>=', f.from).where('p.docDate', '<=', f.to).execute();
  return [
    ...received.map((r) => ({
      date: r.docDate, kind: 'payments' as const, at: r.createdAt, document: r.number, summary: text('收款', 'Payment received', `${r.number} ${r.name}`),
      entries: [dr('bank', Number(r.amount)), cr('receivable', Number(r.amount), { type: 'customer' as const, code: r.code, name: r.name })],
    })),
    ...made.map((r) => ({
      date: r.docDate, kind: 'payments' as const, at: r.createdAt, document: r.number, summary: text('付款', 'Payment made', `${r.number} ${r.name}`),
      entries: [dr('payable', Number(r.amount), { type: 'supplier' as const, code: r.code, name: r.name }), cr('bank', Number(r.amount))],
    })),
  ];
}
