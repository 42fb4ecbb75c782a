import { api, request, type Page } from '../../shared/api/client';
import { newIdempotencyKey } from '../../shared/api/idempotency';

export type Side = 'receivables' | 'payables';
export type PartyKind = 'customer' | 'supplier';
export const partyOf: Record<Side, PartyKind> = { receivables: 'customer', payables: 'supplier' };

/** 应收单 / 应付单: an invoice, credit, refund (receivables) or a receipt, purchase return (payables). */
export type Item = {
  id: string; number: string; partyId: string; partyCode: string; partyName: string; kind: string; sourceType: string; sourceId: string; sourceNumber: string;
  orderId: string | null; docDate: string; dueDate: string; net: number; tax: number; total: number; settled: number; open: number; daysOverdue: number; createdAt: string;
};
export type Payment = {
  id: string; number: string; partyId: string; partyCode: string; partyName: string; docDate: string; amount: number; allocated: number; unallocated: number;
  method: string; reference: string | null; note: string | null; actorName: string | null; createdAt: string;
  allocations?: { id: string; itemId: string; itemNumber: string; itemKind: string; amount: number }[];
};
export type Balance = { partyId: string; partyCode: string; partyName: string; status: string; charged: number; paid: number; balance: number; open: number; overdue: number; unapplied: number };
export const buckets = ['current', 'd1_30', 'd31_60', 'd61_90', 'over90'] as const;
export type AgeingRow = { partyId: string; partyCode: string; partyName: string; unapplied: number; balance: number } & Record<(typeof buckets)[number], number>;
export type Statement = {
  party: { id: string; code: string; name: string }; from: string; to: string; opening: number; charged: number; paid: number; closing: number;
  lines: { date: string; id: string; kind: string; number: string; sourceNumber: string | null; charged: number; paid: number; balance: number }[];
};
export const paymentMethods = ['bank', 'cash', 'wechat', 'alipay', 'check', 'other'] as const;
export type PaymentInput = { partyId: string; amount: number; date?: string; method: string; reference?: string; note?: string; allocations: { itemId: string; amount: number }[] };

const base = (side: Side) => `/finance/${side}`;
const itemsPath = (side: Side) => (side === 'receivables' ? '/finance/receivables/invoices' : '/finance/payables/items');
const partyKey = (side: Side) => `${partyOf[side]}Id`;

export const finance = {
  items: (side: Side, q: { partyId?: string; status?: string; q?: string; page?: number; pageSize?: number }) =>
    api.get<Page<Item>>(itemsPath(side), { [partyKey(side)]: q.partyId, status: q.status, q: q.q, page: q.page, pageSize: q.pageSize }),
  payments: (side: Side, q: { partyId?: string; q?: string; page?: number; pageSize?: number }) =>
    api.get<Page<Payment>>(`${base(side)}/payments`, { [partyKey(side)]: q.partyId, q: q.q, page: q.page, pageSize: q.pageSize }),
  balances: (side: Side, q: { q?: string; nonZero?: boolean; page?: number; pageSize?: number }) =>
    api.get<Page<Balance> & { balance: number }>(`${base(side)}/balances`, { q: q.q, nonZero: q.nonZero ? 'true' : undefined, page: q.page, pageSize: q.pageSize }),
  ageing: (side: Side, q: { asOf?: string; partyId?: string }) =>
    api.get<{ asOf: string; rows: AgeingRow[]; totals: Omit<AgeingRow, 'partyId' | 'partyCode' | 'partyName'> }>(`${base(side)}/ageing`, { asOf: q.asOf, [partyKey(side)]: q.partyId }),
  statement: (party: PartyKind, id: string, from: string, to: string) => api.get<Statement>(`/finance/${party}s/${id}/statement`, { from, to }),
  payment: (side: Side, id: string) => api.get<Payment>(`${base(side)}/payments/${id}`),
  /** Reverses one allocation (反核销). */
  reverse: (side: Side, allocationId: string) => api.del(`${base(side)}/allocations/${allocationId}`),
  /** Applies an open credit (credit note, purchase return) to owed items of the same party. */
  allocateCredit: (side: Side, id: string, allocations: { itemId: string; amount: number }[]) =>
    api.post<Item>(`${itemsPath(side)}/${id}/allocations`, { allocations }),
  /** Records a payment received or made with its allocations; one Idempotency-Key per attempt the form keeps. */
  pay: (side: Side, input: PaymentInput, key = newIdempotencyKey()) => {
    const { partyId, ...rest } = input;
    return request<Payment>('POST', `${base(side)}/payments`, { body: { [partyKey(side)]: partyId, ...rest }, headers: { 'Idempotency-Key': key } });
  },
};
