// Sales returns (migration 0014). Money in fen, quantities in base units.

export interface SalesReturnTable {
  id: string;
  number: string;
  orderId: string;
  customerId: string;
  /** requested, approved, rejected, partially_received, received, inspected, refunded, closed, cancelled */
  status: string;
  /** staff or customer (the tracking page) */
  source: string;
  note: string | null;
  lineCount: number;
  /** What the lines were paid, as requested (the approval rule's total value). */
  requestedValue: number;
  approvalRole: string | null;
  approvalReasons: string | null;
  decisionComment: string | null;
  decidedBy: string | null;
  writeOffAmount: number;
  refundAmount: number | null;
  restockingFee: number | null;
  refundMethod: string | null;
  refundReference: string | null;
  exchangeOrderId: string | null;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SalesReturnLineTable {
  id: string;
  returnId: string;
  lineNo: number;
  orderLineId: string;
  productId: string;
  unitName: string;
  factor: number;
  quantity: number;
  baseQuantity: number;
  reason: string;
  note: string | null;
  /** The order line's paid price (incl. tax, after line and order discount) for baseQuantity. */
  paidAmount: number;
  received: number;
  grade: string | null;
  disposition: string | null;
  warehouseId: string | null;
  /** The original cost of goods per base unit (the sale's sale_out movements). */
  unitCost: number | null;
  /** What the inspection booked into stock (restock, return to supplier). */
  costAmount: number | null;
  /** Scrapped: received × original cost. */
  writeOffAmount: number;
}

export interface SalesReturnQuantityTable {
  orderLineId: string;
  /** Base units asked back on returns not rejected or cancelled. */
  requested: number;
}

export interface SalesReturnHistoryTable {
  id: string;
  returnId: string;
  at: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  comment: string | null;
  actorName: string | null;
}

export interface ReturnSettingsTable {
  id: string;
  windowDays: number;
  autoApproveMax: number;
  approverRole: string;
  updatedAt: string;
}

export interface ReturnCategoryWindowTable {
  categoryId: string;
  windowDays: number;
}
