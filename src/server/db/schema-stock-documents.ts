// Table types of transfers (调拨单) and stock counts (盘点单) (camelCase; see schema.ts).

export interface StockTransferTable {
  id: string;
  number: string;
  fromWarehouseId: string;
  toWarehouseId: string;
  /** draft, in_transit, partially_received, received, cancelled */
  status: string;
  note: string | null;
  lineCount: number;
  /** Cost (fen) that left the source warehouse. */
  costAmount: number;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  shippedAt: string | null;
  receivedAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StockTransferLineTable {
  id: string;
  transferId: string;
  lineNo: number;
  productId: string;
  quantity: number;
  /** Base units that left the source (the whole quantity once shipped). */
  shipped: number;
  /** Base units that arrived at the destination. */
  received: number;
  /** Base units put back at the source when a transfer in transit was cancelled. */
  returned: number;
  /** Cost per base unit that left, fen (rounded; costAmount is exact). */
  unitCost: number;
  costAmount: number;
  /** The part of costAmount booked in at the destination (or back at the source) so far. */
  receivedCost: number;
}

export interface StockCountTable {
  id: string;
  number: string;
  warehouseId: string;
  /** counting, approved, cancelled */
  status: string;
  /** JSON: { zone?, binIds?, productIds?, categoryId? }; {} = the whole warehouse. */
  scope: string;
  note: string | null;
  lineCount: number;
  snapshotAt: string;
  gainQuantity: number;
  lossQuantity: number;
  gainAmount: number;
  lossAmount: number;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StockCountLineTable {
  countId: string;
  productId: string;
  /** On hand when the count started (账面数). */
  snapshot: number;
  /** What was counted (实盘数); null = not counted yet. */
  counted: number | null;
  countedAt: string | null;
  /** At approval: snapshot + movements since = on hand then. */
  expected: number | null;
  variance: number | null;
  unitCost: number | null;
  costAmount: number | null;
}
