// Table types of shipping: pick bins, carriers, pick lists, packages, shipments, tracking (camelCase; see schema.ts).

export interface ProductBinTable {
  productId: string;
  warehouseId: string;
  binId: string;
  updatedAt: string;
}

export interface CarrierTable {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  /** Which adapter issues waybills and reads callbacks: manual (numbers typed or scanned) or simulator. */
  adapter: string;
  trackingRequired: number;
  transitDays: number;
  callbackSecret: string | null;
  sortOrder: number;
  status: string;
  createdAt: string;
  updatedAt: string;
}

export interface PickListTable {
  id: string;
  number: string;
  status: string;
  orderCount: number;
  lineCount: number;
  note: string | null;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

export interface PickListLineTable {
  id: string;
  pickListId: string;
  seq: number;
  orderId: string;
  orderLineId: string;
  productId: string;
  warehouseId: string;
  binId: string | null;
  binCode: string | null;
  quantity: number;
  scanned: number;
  picked: number | null;
  status: string;
  confirmedAt: string | null;
}

export interface ShipmentTable {
  id: string;
  number: string;
  orderId: string;
  warehouseId: string;
  carrierId: string;
  trackingNumber: string | null;
  trackingSource: string;
  status: string;
  expectedDate: string | null;
  costAmount: number;
  lineCount: number;
  note: string | null;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  shippedAt: string;
  deliveredAt: string | null;
  updatedAt: string;
}

export interface ShipmentLineTable {
  id: string;
  shipmentId: string;
  orderLineId: string;
  productId: string;
  quantity: number;
  costAmount: number;
}

export interface PackageTable {
  id: string;
  orderId: string;
  warehouseId: string;
  seq: number;
  status: string;
  weightG: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  shipmentId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PackageItemTable {
  packageId: string;
  orderLineId: string;
  productId: string;
  quantity: number;
}

export interface TrackingEventTable {
  id: string;
  carrierId: string;
  eventId: string;
  shipmentId: string;
  orderId: string;
  status: string;
  at: string;
  location: string | null;
  description: string | null;
  createdAt: string;
}

export interface OrderTrackingTable {
  orderId: string;
  token: string;
  createdAt: string;
}
