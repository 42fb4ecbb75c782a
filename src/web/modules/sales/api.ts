import { api, request, type Page, type Query } from '../../shared/api/client';
import type { Address } from '../partners/api';

export const orderStatuses = ['draft', 'pending_approval', 'confirmed', 'partially_shipped', 'shipped', 'delivered', 'closed', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export type SalesOrderLine = {
  id: string; lineNo: number; productId: string; sku: string; productName: string; baseUnit: string; warehouseId: string;
  unitName: string; factor: number; quantity: number; baseQuantity: number; unitPrice: number; discountBp: number; taxRate: number;
  gross: number; lineDiscount: number; orderDiscount: number; net: number; tax: number; total: number;
  /** Base units reserved, shipped and (when confirmed with backorders) waiting for stock (欠货). */
  reserved: number; shipped: number; backordered: number;
};

export type ApprovalReason = { ruleId: string; name: string; kind: string; approverRole: string; zh: string; en: string };

export type SalesOrder = {
  id: string; number: string; customerId: string; customerName: string; status: OrderStatus; warehouseId: string;
  pricesIncludeTax: boolean; orderDiscount: number; gross: number; discount: number; net: number; tax: number; total: number;
  requestedDate: string | null; shippingAddress: Address | null; notes: string | null; source: string; actorName: string | null;
  /** Why it waits (or waited) for approval, who may approve, and the approver's last comment or reject reason. */
  approvalReasons: ApprovalReason[]; approvalRole: string | null; approvalComment: string | null; approvedBy: string | null;
  confirmedAt: string | null; cancelledAt: string | null; createdAt: string; updatedAt: string;
  lines: SalesOrderLine[];
};
export type SalesOrderSummary = Omit<SalesOrder, 'lines'>;

/** Whether the server takes an edit (PATCH): draft, waiting or confirmed, and nothing shipped yet. */
export const editable = (o: SalesOrder) => ['draft', 'pending_approval', 'confirmed'].includes(o.status) && o.lines.every((l) => l.shipped === 0);

export type SalesOrderLineInput = {
  productId: string; quantity: number; unit?: string; unitPrice?: number; discountPercent?: number; taxRate?: number; warehouseId?: string;
};
export type SalesOrderInput = {
  customerId: string; lines: SalesOrderLineInput[]; confirm?: boolean; warehouseId?: string; pricesIncludeTax?: boolean;
  orderDiscount?: number; requestedDate?: string; shippingAddress?: Omit<Address, 'label' | 'isDefault'>; notes?: string;
  /** On confirming: refuse when short (409, nothing reserved), or reserve what is there and backorder the rest. */
  shortage?: ShortageMode;
};
/** What PATCH takes: everything but the customer; a confirmed order is reserved and checked again. */
export type SalesOrderEdit = Omit<SalesOrderInput, 'customerId' | 'confirm'>;
export type ShortageMode = 'refuse' | 'backorder';

/** One short line of a 409 INSUFFICIENT_STOCK (quantities in base units). */
export type ShortageDetail = {
  field: string; lineNo: number; productId: string; sku?: string; productName?: string; warehouseId: string;
  requested: number; available: number; message: string;
  elsewhere: { warehouseId: string; warehouseName: string; available: number }[];
  substitutes?: { productId: string; sku: string; name: string; listPrice: number; warehouseId: string; warehouseName: string; available: number }[];
  restock?: { date: string; basis: string } | null;
};

/** The short lines of an error, when it is INSUFFICIENT_STOCK with per-line details. */
export function shortageOf(details: unknown): ShortageDetail[] {
  if (!Array.isArray(details)) return [];
  return details.filter((d): d is ShortageDetail => typeof d?.field === 'string' && typeof d?.requested === 'number' && Array.isArray(d?.elsewhere));
}

export type StockRow = { productId: string; warehouseId: string; warehouseName: string; baseUnit: string; onHand: number; reserved: number; available: number };

/** One step of an order's history (GET /sales-orders/{id}/history). */
export type OrderHistoryEntry = { at: string; actorName: string | null; action: string; summary: string | null; fromStatus: string | null; toStatus: string | null; comment: string | null };

/** What happened to an order, oldest first; readable by everyone who may read the order. */
export const getOrderHistory = (id: string) => api.get<OrderHistoryEntry[]>(`/sales-orders/${id}/history`);

/** Subscribes a customer to a back-in-stock notice for a product in a warehouse (到货通知). */
export const subscribeBackInStock = (body: { customerId: string; productId: string; warehouseId: string; orderId?: string }) => api.post<{ id: string }>('/back-in-stock', body);

export const salesOrders = {
  path: '/sales-orders',
  list: (query: Query) => api.get<Page<SalesOrderSummary>>('/sales-orders', query),
  get: (id: string) => api.get<SalesOrder>(`/sales-orders/${id}`),
  /** Creates an order; the key makes a repeated submit (double click, retry) return the same order. */
  create: (input: SalesOrderInput, idempotencyKey: string) =>
    request<SalesOrder>('POST', '/sales-orders', { body: input, headers: { 'Idempotency-Key': idempotencyKey } }),
  confirm: (id: string, shortage: ShortageMode = 'refuse') => api.post<SalesOrder>(`/sales-orders/${id}/confirm`, { shortage }),
  cancel: (id: string) => api.post<SalesOrder>(`/sales-orders/${id}/cancel`),
  /** 审核通过: reserves the stock (or backorders what is short, when asked). */
  approve: (id: string, comment?: string, shortage: ShortageMode = 'refuse') => api.post<SalesOrder>(`/sales-orders/${id}/approve`, { comment: comment || undefined, shortage }),
  /** 驳回: back to draft, with the reason. */
  reject: (id: string, comment: string) => api.post<SalesOrder>(`/sales-orders/${id}/reject`, { comment }),
  update: (id: string, edit: SalesOrderEdit) => api.patch<SalesOrder>(`/sales-orders/${id}`, edit),
  /** A new draft with the same customer, lines and prices; the key makes a double click copy once. */
  duplicate: (id: string, idempotencyKey: string) =>
    request<SalesOrder>('POST', `/sales-orders/${id}/duplicate`, { headers: { 'Idempotency-Key': idempotencyKey } }),
};

export const ruleKinds = ['total_over', 'discount_over', 'below_cost', 'over_credit', 'new_customer', 'overdue'] as const;
export type RuleKind = (typeof ruleKinds)[number];
/** An approval (审核) rule; threshold is fen for total_over, basis points for discount_over, unused otherwise. */
export type ApprovalRule = { id: string; name: string; kind: RuleKind; threshold: number; approverRole: string; status: 'active' | 'inactive'; createdAt: string; updatedAt: string };
export type ApprovalRuleInput = { name: string; kind: RuleKind; threshold: number; approverRole: string };
export type ApprovalRulePatch = Partial<Omit<ApprovalRuleInput, 'kind'>> & { status?: 'active' | 'inactive' };

export const approvalRules = {
  list: () => api.get<{ items: ApprovalRule[] }>('/approval-rules').then((r) => r.items),
  create: (input: ApprovalRuleInput) => api.post<ApprovalRule>('/approval-rules', input),
  update: (id: string, patch: ApprovalRulePatch) => api.patch<ApprovalRule>(`/approval-rules/${id}`, patch),
  remove: (id: string) => api.del(`/approval-rules/${id}`),
};

/** Stock of one product in every warehouse that has a balance row. */
export const stockOfProduct = (productId: string) => api.get<Page<StockRow>>('/stock', { productId, pageSize: 100 }).then((r) => r.items);
