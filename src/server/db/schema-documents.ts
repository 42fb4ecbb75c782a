// Table types of the stock ledger, sales documents, outbox and alerts (camelCase; see schema.ts).

export interface StockLevelTable {
  productId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  updatedAt: string;
}

export interface StockMovementTable {
  id: string;
  at: string;
  kind: string;
  productId: string;
  warehouseId: string;
  binId: string | null;
  quantity: number;
  unitCost: number;
  costAmount: number;
  sourceType: string;
  sourceId: string;
  sourceLineId: string | null;
  reason: string | null;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
}

export interface StockReservationTable {
  id: string;
  productId: string;
  warehouseId: string;
  sourceType: string;
  sourceId: string;
  sourceLineId: string;
  quantity: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProductCostTable {
  productId: string;
  quantity: number;
  value: number;
  lastDelta: number;
  updatedAt: string;
}

export interface StockAdjustmentTable {
  id: string;
  number: string;
  kind: string;
  warehouseId: string;
  note: string | null;
  lineCount: number;
  costAmount: number;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  createdAt: string;
}

export interface IdempotencyKeyTable {
  actorKey: string;
  key: string;
  route: string;
  requestHash: string;
  statusCode: number;
  response: string;
  createdAt: string;
}

export interface NumberSequenceTable {
  key: string;
  last: number;
}

export interface SalesOrderTable {
  id: string;
  number: string;
  customerId: string;
  status: string;
  warehouseId: string;
  pricesIncludeTax: number;
  orderDiscount: number;
  gross: number;
  discount: number;
  net: number;
  tax: number;
  total: number;
  requestedDate: string | null;
  shippingAddress: string | null;
  notes: string | null;
  source: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  approvalReasons: string | null;
  approvalRole: string | null;
  approvalComment: string | null;
  approvedBy: string | null;
  confirmedAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Business date of the order (YYYY-MM-DD); null: the day it was entered (createdAt). Imports set it. */
  orderDate: string | null;
  /** Imported history: the day it shipped (before jxc; no stock movements). */
  shippedDate: string | null;
  /** The order's number in the system it was imported from. */
  externalRef: string | null;
  /** urgent, high, normal (default) or low: backorders are allocated in this order (migration 0009). */
  priority?: string;
}

export interface SalesOrderLineTable {
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
  discountBp: number;
  taxRate: number;
  gross: number;
  lineDiscount: number;
  orderDiscount: number;
  net: number;
  tax: number;
  total: number;
  reserved: number;
  shipped: number;
  // Shipping's progress (migration 0006; default 0, so sales writes lines without them).
  /** On open pick lists (part of reserved). */
  picking?: number;
  /** Picked and not yet shipped (part of reserved). */
  picked?: number;
  /** Packed and not yet shipped (part of picked). */
  packed?: number;
}

export interface ApprovalRuleTable {
  id: string;
  name: string;
  kind: string;
  threshold: number;
  approverRole: string;
  status: string;
  createdAt: string;
  updatedAt: string;
}

export interface OutboxTable {
  id: string;
  topic: string;
  payload: string;
  dedupeKey: string | null;
  status: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  /** The dispatcher's claim: until when, and by which claim (worker and batch). Expired or null: free. */
  lockedUntil: string | null;
  lockedBy: string | null;
  /** The sales order the message is about (migration 0017), for the order's timeline. */
  orderId: string | null;
  /** When webhooks fanned the message out to their subscriptions (migration 0024); null: not yet. */
  webhooksAt: string | null;
}

export interface AlertTable {
  id: string;
  kind: string;
  severity: string;
  targetRole: string;
  titleZh: string;
  titleEn: string;
  entity: string | null;
  entityId: string | null;
  data: string;
  dedupeKey: string | null;
  status: string;
  createdAt: string;
  resolvedAt: string | null;
}

export interface AlertReadTable {
  alertId: string;
  userId: string;
  readAt: string;
}

export interface StockSubscriptionTable {
  id: string;
  customerId: string;
  productId: string;
  warehouseId: string | null;
  orderId: string | null;
  status: string;
  createdAt: string;
  notifiedAt: string | null;
}
