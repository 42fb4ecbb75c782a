import { api, request, type Page, type Query } from '../../shared/api/client';

export const poStatuses = ['draft', 'pending_approval', 'ordered', 'partially_received', 'received', 'closed', 'cancelled'] as const;
export type PoStatus = (typeof poStatuses)[number];

export type PurchaseOrderLine = {
  id: string; lineNo: number; productId: string; sku: string; productName: string; baseUnit: string; warehouseId: string;
  unitName: string; factor: number; quantity: number; baseQuantity: number; unitPrice: number; taxRate: number;
  gross: number; net: number; tax: number; total: number; expectedDate: string | null;
  /** Base units received so far, and still expected (0 once the order is closed or cancelled). */
  received: number; open: number;
};

export type PurchaseOrder = {
  id: string; number: string; supplierId: string; supplierName: string; warehouseId: string; status: PoStatus;
  pricesIncludeTax: boolean; gross: number; net: number; tax: number; total: number;
  orderDate: string; expectedDate: string | null; overReceiptPercent: number | null; notes: string | null; actorName: string | null;
  approvalReasons: { zh: string; en: string }[]; approvalRole: string | null; approvalComment: string | null; approvedBy: string | null;
  orderedAt: string | null; closedAt: string | null; cancelledAt: string | null; createdAt: string; updatedAt: string;
  lines: PurchaseOrderLine[];
};
export type PurchaseOrderSummary = Omit<PurchaseOrder, 'lines'>;

export type PurchaseOrderLineInput = { productId: string; quantity: number; unit?: string; unitPrice?: number; taxRate?: number; warehouseId?: string; expectedDate?: string };
export type PurchaseOrderInput = {
  supplierId: string; lines: PurchaseOrderLineInput[]; warehouseId?: string; expectedDate?: string; pricesIncludeTax?: boolean;
  overReceiptPercent?: number; notes?: string; submit?: boolean;
};

/** One step of an order's history (GET /purchase-orders/{id}/history); `comment` is the receipt number for receive. */
export type PoHistoryEntry = { at: string; actorName: string | null; action: string; summary: string | null; fromStatus: string | null; toStatus: string | null; comment: string | null };

/** What a receiving screen needs: open lines with barcodes and the suggested bin. */
export type Receiving = {
  orderId: string; number: string; status: PoStatus; supplierName: string; warehouseId: string;
  lines: {
    orderLineId: string; lineNo: number; productId: string; sku: string; productName: string; baseUnit: string; warehouseId: string;
    unitName: string; factor: number; open: number; barcodes: string[]; suggestedBin: { binId: string; binCode: string } | null;
  }[];
};

export type ReceiptLine = {
  id: string; lineNo: number; orderLineId: string | null; productId: string; sku: string; productName: string; baseUnit: string;
  binId: string | null; binCode: string | null; unitName: string; factor: number; quantity: number; baseQuantity: number; unitCost: number; costAmount: number;
};
export type Receipt = {
  id: string; number: string; kind: 'order' | 'unplanned'; orderId: string | null; orderNumber: string | null;
  supplierId: string | null; supplierName: string | null; warehouseId: string; warehouseName: string;
  lineCount: number; costAmount: number; note: string | null; actorName: string | null; createdAt: string;
  orderStatus: PoStatus | null; lines: ReceiptLine[];
};
export type ReceiptSummary = Omit<Receipt, 'lines' | 'orderStatus'>;
export type ReceiptInput = {
  orderId?: string; supplierId?: string; warehouseId?: string; note?: string;
  lines: { orderLineId?: string; productId?: string; barcode?: string; quantity: number; unit?: string; unitCost?: number; binId?: string }[];
};

export type PurchasingSettings = { overReceiptPercent: number; approvalThreshold: number | null; approverRole: string; updatedAt: string };
export type SettingsPatch = { overReceiptPercent?: number; approvalThreshold?: number | null; approverRole?: string };
export const approverRoles = ['admin', 'purchasing', 'finance', 'warehouse', 'sales'] as const;

export type IncomingRow = {
  productId: string; sku: string; productName: string; warehouseId: string; warehouseName: string; incoming: number; nextExpectedDate: string | null;
  orders: { orderId: string; number: string; supplierId: string; supplierName: string; lineId: string; open: number; expectedDate: string | null }[];
};

export const purchaseOrders = {
  path: '/purchase-orders',
  list: (query: Query) => api.get<Page<PurchaseOrderSummary>>('/purchase-orders', query),
  get: (id: string) => api.get<PurchaseOrder>(`/purchase-orders/${id}`),
  history: (id: string) => api.get<PoHistoryEntry[]>(`/purchase-orders/${id}/history`),
  receiving: (id: string) => api.get<Receiving>(`/purchase-orders/${id}/receiving`),
  /** Creates an order; the key makes a repeated submit (double click, retry) return the same order. */
  create: (input: PurchaseOrderInput, idempotencyKey: string) =>
    request<PurchaseOrder>('POST', '/purchase-orders', { body: input, headers: { 'Idempotency-Key': idempotencyKey } }),
  update: (id: string, input: Omit<PurchaseOrderInput, 'submit'>) => api.patch<PurchaseOrder>(`/purchase-orders/${id}`, input),
  submit: (id: string) => api.post<PurchaseOrder>(`/purchase-orders/${id}/submit`),
  approve: (id: string, comment?: string) => api.post<PurchaseOrder>(`/purchase-orders/${id}/approve`, { comment: comment || undefined }),
  reject: (id: string, comment: string) => api.post<PurchaseOrder>(`/purchase-orders/${id}/reject`, { comment }),
  cancel: (id: string) => api.post<PurchaseOrder>(`/purchase-orders/${id}/cancel`),
  close: (id: string, comment?: string) => api.post<PurchaseOrder>(`/purchase-orders/${id}/close`, { comment: comment || undefined }),
};

export const purchaseReceipts = {
  list: (query: Query) => api.get<Page<ReceiptSummary>>('/purchase-receipts', query),
  get: (id: string) => api.get<Receipt>(`/purchase-receipts/${id}`),
  /** Posts a receipt, all lines or none; the key makes a retried post book once. */
  create: (input: ReceiptInput, idempotencyKey: string) =>
    request<Receipt>('POST', '/purchase-receipts', { body: input, headers: { 'Idempotency-Key': idempotencyKey } }),
};

export const purchasingSettings = {
  get: () => api.get<PurchasingSettings>('/purchasing/settings'),
  update: (patch: SettingsPatch) => api.patch<PurchasingSettings>('/purchasing/settings', patch),
};

/** Incoming (在途) per product × warehouse from open purchase orders. */
export const incoming = (query: { productId?: string; warehouseId?: string }) => api.get<{ items: IncomingRow[] }>('/stock/incoming', query).then((r) => r.items);

/** 补货建议: one row per product × warehouse with something to order, and why (zh and en). */
export type Suggestion = {
  productId: string; sku: string; productName: string; baseUnit: string; warehouseId: string; warehouseName: string;
  available: number; incoming: number; position: number; soldInPeriod: number; weeks: number; weeklyDemand: number;
  leadTimeDays: number; demandOverLeadTime: number; method: 'reorder_point' | 'min_max' | null;
  reorderPoint: number | null; safetyStock: number; maxStock: number | null;
  supplierId: string | null; supplierName: string | null; unitPrice: number | null; moq: number; packSize: number;
  need: number; suggestedQuantity: number; orderUnit: { name: string; factor: number; quantity: number }; reason: { zh: string; en: string };
  /** forecast: the last demand forecast run for this product × warehouse; average: the last `weeks` weeks' sales. */
  demandSource: 'forecast' | 'average'; forecast: { method: string; demandClass: string; wape: number | null; computedAt: string } | null;
};
export type DraftOrdersInput = { rows: { productId: string; warehouseId: string; quantity?: number; supplierId?: string }[]; weeks?: number; notes?: string };

export const replenishment = {
  suggestions: (query: { warehouseId?: string; productId?: string; supplierId?: string; weeks?: number }) =>
    api.get<{ items: Suggestion[] }>('/replenishment/suggestions', query).then((r) => r.items),
  /** One draft purchase order per supplier from the chosen rows; the key makes a double click create them once. */
  draftOrders: (input: DraftOrdersInput, idempotencyKey: string) =>
    request<{ orders: PurchaseOrder[] }>('POST', '/replenishment/purchase-orders', { body: input, headers: { 'Idempotency-Key': idempotencyKey } }),
};

/** 再订货点 / 最低最高库存 of one product × warehouse, with where it stands now. */
export type ReorderRule = {
  productId: string; sku: string; productName: string; baseUnit: string; warehouseId: string; warehouseName: string;
  method: 'reorder_point' | 'min_max'; reorderPoint: number; safetyStock: number; maxStock: number | null;
  supplierId: string | null; supplierName: string | null; available: number; incoming: number; below: boolean; belowSince: string | null; updatedAt: string;
};
export type ReorderRuleInput = {
  productId: string; warehouseId: string; supplierId?: string | null;
  reorderPoint?: number; safetyStock?: number; min?: number; max?: number;
};

export const reorderRules = {
  list: (query: Query) => api.get<Page<ReorderRule>>('/reorder-rules', query),
  /** Sets (creates or replaces) the rule of the pair. */
  put: (input: ReorderRuleInput) => request<ReorderRule>('PUT', '/reorder-rules', { body: input }),
  remove: (productId: string, warehouseId: string) => api.del(`/reorder-rules/${productId}/${warehouseId}`),
};

export type PurchaseReturnLine = {
  id: string; lineNo: number; receiptLineId: string; productId: string; sku: string; productName: string; baseUnit: string;
  unitName: string; factor: number; quantity: number; baseQuantity: number; unitCost: number; creditAmount: number; costAmount: number;
};
/** 采购退货单 CGTH-…: goods back to the supplier from a receipt; the payable is credited. */
export type PurchaseReturn = {
  id: string; number: string; receiptId: string; receiptNumber: string; supplierId: string; supplierName: string;
  warehouseId: string; warehouseName: string; lineCount: number; costAmount: number; creditNet: number; creditTax: number; creditTotal: number;
  reason: string | null; actorName: string | null; createdAt: string; lines: PurchaseReturnLine[];
};
export type PurchaseReturnSummary = Omit<PurchaseReturn, 'lines'>;
export type PurchaseReturnInput = { supplierId: string; receiptId: string; reason?: string; lines: { receiptLineId: string; quantity: number; unit?: string }[] };

export const purchaseReturns = {
  list: (query: Query) => api.get<Page<PurchaseReturnSummary>>('/purchase-returns', query),
  get: (id: string) => api.get<PurchaseReturn>(`/purchase-returns/${id}`),
  /** Posts a return, all lines or none; the key makes a retried post book once. */
  create: (input: PurchaseReturnInput, idempotencyKey: string) =>
    request<PurchaseReturn>('POST', '/purchase-returns', { body: input, headers: { 'Idempotency-Key': idempotencyKey } }),
};

export type PayableRow = { id: string; kind: 'receipt' | 'purchase_return' | string; sourceType: string; sourceId: string; sourceNumber: string; net: number; tax: number; amount: number; createdAt: string };
/** 应付账款 of one supplier: what is owed now and the movements behind it, newest first. */
export const payables = (query: { supplierId: string; page?: number; pageSize?: number }) =>
  api.get<Page<PayableRow> & { supplierId: string; balance: number }>('/purchasing/payables', query);
