// Table types of purchasing: purchase orders and their lines, purchase receipts and their lines, settings (camelCase; see schema.ts).

export interface PurchaseOrderTable {
  id: string;
  number: string;
  supplierId: string;
  warehouseId: string;
  status: string;
  pricesIncludeTax: number;
  gross: number;
  net: number;
  tax: number;
  total: number;
  orderDate: string;
  expectedDate: string | null;
  /** Over-receipt tolerance of this order in basis points; null = the setting's. */
  overReceiptBp: number | null;
  notes: string | null;
  approvalReasons: string | null;
  approvalRole: string | null;
  approvalComment: string | null;
  approvedBy: string | null;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  orderedAt: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PurchaseOrderLineTable {
  id: string;
  orderId: string;
  lineNo: number;
  productId: string;
  warehouseId: string;
  unitName: string;
  factor: number;
  quantity: number;
  baseQuantity: number;
  unitPrice: number;
  taxRate: number;
  gross: number;
  net: number;
  tax: number;
  total: number;
  expectedDate: string | null;
  /** Base units received so far (may exceed baseQuantity within the tolerance). */
  received: number;
}

export interface PurchaseReceiptTable {
  id: string;
  number: string;
  orderId: string | null;
  supplierId: string | null;
  warehouseId: string;
  kind: string;
  lineCount: number;
  costAmount: number;
  note: string | null;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  createdAt: string;
}

export interface PurchaseReceiptLineTable {
  id: string;
  receiptId: string;
  lineNo: number;
  orderLineId: string | null;
  productId: string;
  binId: string | null;
  unitName: string;
  factor: number;
  quantity: number;
  baseQuantity: number;
  unitCost: number;
  costAmount: number;
  /** Base units returned to the supplier so far (migration 0009; default 0). */
  returned?: number;
}

export interface PurchasingSettingsTable {
  id: string;
  overReceiptBp: number;
  approvalThreshold: number | null;
  approverRole: string;
  updatedAt: string;
}

// Migration 0009: purchase returns, the supplier payable ledger, reorder rules.

export interface PurchaseReturnTable {
  id: string;
  number: string;
  receiptId: string;
  supplierId: string;
  warehouseId: string;
  lineCount: number;
  /** What the ledger booked out (fen, positive). */
  costAmount: number;
  /** The payable credited: net at the receipt's cost and its VAT (fen, positive). */
  creditNet: number;
  creditTax: number;
  reason: string | null;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  createdAt: string;
}

export interface PurchaseReturnLineTable {
  id: string;
  returnId: string;
  lineNo: number;
  receiptLineId: string;
  productId: string;
  unitName: string;
  factor: number;
  quantity: number;
  baseQuantity: number;
  /** The receipt line's cost per base unit (fen). */
  unitCost: number;
  /** baseQuantity × unitCost: what the supplier is owed back, net. */
  creditAmount: number;
  /** What the ledger booked out at the moving average (fen, positive). */
  costAmount: number;
}

export interface SupplierPayableTable {
  id: string;
  supplierId: string;
  /** receipt (+, we owe more) or purchase_return (−, a credit). */
  kind: string;
  sourceType: string;
  sourceId: string;
  sourceNumber: string;
  net: number;
  tax: number;
  amount: number;
  createdAt: string;
  // Finance (migration 0023): the business date, when it is due, and what payments and credits settled (sign of amount).
  docDate?: string | null;
  dueDate?: string | null;
  settled?: number;
}

export interface ReorderRuleTable {
  productId: string;
  warehouseId: string;
  /** reorder_point (再订货点 + 安全库存) or min_max (最低/最高库存: reorderPoint is the min). */
  method: string;
  reorderPoint: number;
  safetyStock: number;
  maxStock: number | null;
  /** Preferred supplier for this product in this warehouse; null = the cheapest supplier of it. */
  supplierId: string | null;
  /** When available + incoming last fell to or below the reorder point; null while above. */
  belowSince: string | null;
  createdAt: string;
  updatedAt: string;
}
