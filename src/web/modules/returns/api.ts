import { api, request, type Page, type Query } from '../../shared/api/client';

export const returnStatuses = ['requested', 'approved', 'rejected', 'partially_received', 'received', 'inspected', 'refunded', 'closed', 'cancelled'] as const;
export type ReturnStatus = (typeof returnStatuses)[number];
export const returnReasons = ['damaged', 'defective', 'wrong_item', 'not_as_described', 'no_longer_needed', 'other'] as const;
export const grades = ['A', 'B', 'C'] as const;
export const dispositions = ['restock', 'scrap', 'return_to_supplier'] as const;
export const refundMethods = ['original', 'cash', 'bank', 'credit_note'] as const;
/** The list's tabs as the after-sales clerk sees them, each the statuses it covers. */
export const returnTabs = [
  { key: 'requested', statuses: 'requested' }, { key: 'toReceive', statuses: 'approved,partially_received' }, { key: 'toInspect', statuses: 'partially_received,received' },
  { key: 'toRefund', statuses: 'inspected' }, { key: 'done', statuses: 'refunded,closed' }, { key: 'rejected', statuses: 'rejected' }, { key: 'cancelled', statuses: 'cancelled' },
] as const;

export type ReturnLine = {
  id: string; lineNo: number; orderLineId: string; productId: string; sku: string; productName: string; baseUnit: string;
  unitName: string; factor: number; quantity: number; baseQuantity: number; reason: string; note: string | null; paidAmount: number;
  received: number; grade: string | null; disposition: string | null; warehouseId: string | null; unitCost: number | null; costAmount: number | null; writeOffAmount: number;
};
export type SalesReturnSummary = {
  id: string; number: string; orderId: string; orderNumber: string; customerId: string; customerName: string; status: ReturnStatus; source: string;
  note: string | null; lineCount: number; requestedValue: number; approvalRole: string | null; approvalReasons: string[]; decisionComment: string | null;
  decidedBy: string | null; writeOffAmount: number; refundAmount: number | null; restockingFee: number | null; refundMethod: string | null;
  refundReference: string | null; exchangeOrderId: string | null; actorName: string | null; createdAt: string; updatedAt: string;
};
export type SalesReturn = SalesReturnSummary & {
  lines: ReturnLine[]; refundable: number;
  history: { at: string; action: string; fromStatus: string | null; toStatus: string; comment: string | null; actorName: string | null }[];
};
export type ReturnInput = { orderId: string; note?: string; lines: { orderLineId: string; quantity: number; unit?: string; reason: string; note?: string }[] };
export type InspectInput = { warehouseId?: string; lines: { lineId: string; grade: string; disposition: string; warehouseId?: string }[] };
export type RefundInput = { method: string; reference?: string; amount?: number; restockingFee?: number };

const post = <T,>(path: string, body: unknown, key?: string) => request<T>('POST', path, { body, headers: key ? { 'Idempotency-Key': key } : undefined });

export const salesReturns = {
  list: (query: Query) => api.get<Page<SalesReturnSummary>>('/sales-returns', query),
  get: (id: string) => api.get<SalesReturn>(`/sales-returns/${id}`),
  /** The key makes a repeated submit return the same return. */
  create: (input: ReturnInput, key: string) => post<SalesReturn>('/sales-returns', input, key),
  approve: (id: string, comment?: string) => post<SalesReturn>(`/sales-returns/${id}/approve`, { comment: comment || undefined }),
  reject: (id: string, comment: string) => post<SalesReturn>(`/sales-returns/${id}/reject`, { comment }),
  cancel: (id: string, comment?: string) => post<SalesReturn>(`/sales-returns/${id}/cancel`, { comment: comment || undefined }),
  receive: (id: string, scans: { code: string; quantity: number }[], key: string) => post<SalesReturn>(`/sales-returns/${id}/receive`, { scans }, key),
  inspect: (id: string, input: InspectInput, key: string) => post<SalesReturn>(`/sales-returns/${id}/inspect`, input, key),
  refund: (id: string, input: RefundInput, key: string) => post<SalesReturn>(`/sales-returns/${id}/refund`, input, key),
  close: (id: string, comment?: string) => post<SalesReturn>(`/sales-returns/${id}/close`, { comment: comment || undefined }),
  exchange: (id: string, lines: { productId: string; quantity: number }[], key: string) =>
    post<{ salesReturn: SalesReturn; orderId: string; orderNumber: string; orderStatus: string }>(`/sales-returns/${id}/exchange`, { lines }, key),
};

/** Whether an action may run on a return in this state (the server's table, for showing buttons). */
export const canDo = (status: ReturnStatus, action: 'approve' | 'reject' | 'cancel' | 'receive' | 'inspect' | 'refund' | 'close' | 'exchange'): boolean => ({
  approve: ['requested'], reject: ['requested'], cancel: ['requested', 'approved'], receive: ['approved', 'partially_received'],
  inspect: ['partially_received', 'received'], refund: ['inspected'], close: ['inspected'], exchange: ['approved', 'partially_received', 'received', 'inspected', 'refunded'],
} as Record<string, string[]>)[action].includes(status);
