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
}

export interface PurchasingSettingsTable {
  id: string;
  overReceiptBp: number;
  approvalThreshold: number | null;
  approverRole: string;
  updatedAt: string;
}
