import { api, request, type Page, type Query } from '../../shared/api/client';

export const trackingStatuses = ['picked_up', 'in_transit', 'out_for_delivery', 'delivered', 'exception'] as const;
export type TrackingStatus = (typeof trackingStatuses)[number];
export type ShipmentStatus = 'shipped' | TrackingStatus;

export type Carrier = {
  id: string; code: string; name: string; nameEn: string; adapter: 'manual' | 'simulator' | string; issuesWaybills: boolean; trackingRequired: boolean;
  transitDays: number; hasCallbackSecret: boolean; callbackSecretSource: 'environment' | 'carrier' | null; sortOrder: number; status: 'active' | 'inactive'; createdAt: string; updatedAt: string;
};
export type CarrierInput = {
  code: string; name: string; nameEn?: string; adapter: 'manual' | 'simulator'; trackingRequired: boolean; transitDays: number;
  callbackSecret?: string | null; sortOrder?: number;
};

export type PickLine = {
  id: string; seq: number; orderId: string; orderNumber: string; orderLineId: string; productId: string; sku: string; productName: string; baseUnit: string;
  barcode: string | null; warehouseId: string; warehouseCode: string; warehouseName: string; binId: string | null; binCode: string | null;
  quantity: number; scanned: number; picked: number | null; short: number; status: 'open' | 'picked' | 'short' | 'void'; confirmedAt: string | null;
};
export type PickListSummary = {
  id: string; number: string; status: 'open' | 'completed'; orderCount: number; lineCount: number; note: string | null; actorName: string | null;
  createdAt: string; updatedAt: string; completedAt: string | null;
};
export type PickList = PickListSummary & {
  warehouses: { warehouseId: string; code: string; name: string; lineCount: number; quantity: number }[];
  lines: PickLine[];
};

export type PackageItem = { orderLineId: string; productId: string; sku: string; productName: string; baseUnit: string; quantity: number };
export type Package = {
  id: string; orderId: string; warehouseId: string; warehouseName: string; seq: number; status: 'open' | 'shipped'; weightG: number | null; lengthMm: number | null;
  widthMm: number | null; heightMm: number | null; shipmentId: string | null; createdAt: string; updatedAt: string; items: PackageItem[];
};
export type PackScan = { package: Package; line: { lineId: string; productId: string; sku: string; productName: string; added: number; picked: number; packed: number; toPack: number } };
export type PackageDims = { weightG?: number | null; lengthMm?: number | null; widthMm?: number | null; heightMm?: number | null };

export type TrackingEvent = { id: string; shipmentId: string; status: TrackingStatus; at: string; location: string | null; description: string | null };
export type ShipmentSummary = {
  id: string; number: string; orderId: string; orderNumber: string; customerName: string; warehouseId: string; warehouseName: string;
  carrierId: string; carrierCode: string; carrierName: string; trackingNumber: string | null; trackingSource: 'typed' | 'scanned' | 'adapter' | 'none';
  status: ShipmentStatus; expectedDate: string | null; costAmount: number; lineCount: number; note: string | null; actorName: string | null;
  shippedAt: string; deliveredAt: string | null;
};
export type Shipment = ShipmentSummary & {
  lines: { orderLineId: string; productId: string; sku: string; productName: string; baseUnit: string; quantity: number; costAmount: number }[];
  packages: Package[];
  events: TrackingEvent[];
};
export type ShipmentInput = {
  orderId: string; carrierId: string; warehouseId?: string; lines?: { lineId: string; quantity: number }[];
  trackingNumber?: string; trackingSource?: 'typed' | 'scanned'; issueWaybill?: boolean; expectedDate?: string; note?: string;
};

export type FulfilmentLine = {
  id: string; lineNo: number; productId: string; sku: string; productName: string; baseUnit: string; warehouseId: string; warehouseCode: string; warehouseName: string;
  ordered: number; reserved: number; picking: number; picked: number; packed: number; shipped: number; backordered: number; toShip: number;
};
export type Fulfilment = {
  orderId: string; number: string; status: string; customerName: string; requestedDate: string | null; trackingToken: string | null; trackingPath: string | null;
  lines: FulfilmentLine[]; packages: Package[]; shipments: ShipmentSummary[]; events: TrackingEvent[];
};

/** An order waiting in the warehouse: 待打包 (picked, not all packed) or 待发货 (packed, not shipped). */
export type QueueStage = 'to_pack' | 'to_ship';
export type QueuedOrder = {
  orderId: string; number: string; status: string; customerName: string; requestedDate: string | null; createdAt: string;
  lineCount: number; toPack: number; packed: number; warehouses: { id: string; code: string; name: string }[];
};

const withKey = (key: string) => ({ 'Idempotency-Key': key });

export const carriers = {
  list: (status?: 'active' | 'inactive') => api.get<{ items: Carrier[] }>('/carriers', { status }).then((r) => r.items),
  create: (input: CarrierInput) => api.post<Carrier>('/carriers', input),
  update: (id: string, patch: Partial<Omit<CarrierInput, 'code'>>) => api.patch<Carrier>(`/carriers/${id}`, patch),
  deactivate: (id: string) => api.post<Carrier>(`/carriers/${id}/deactivate`),
  activate: (id: string) => api.post<Carrier>(`/carriers/${id}/activate`),
};

export const pickLists = {
  list: (query: Query) => api.get<Page<PickListSummary>>('/pick-lists', query),
  get: (id: string) => api.get<PickList>(`/pick-lists/${id}`),
  /** One order or a wave; the key makes a double click create one list. */
  create: (body: { orderIds: string[]; warehouseId?: string; note?: string }, idempotencyKey: string) =>
    request<PickList>('POST', '/pick-lists', { body, headers: withKey(idempotencyKey) }),
  scan: (id: string, body: { barcode: string; binCode?: string }) => api.post<PickLine>(`/pick-lists/${id}/scans`, body),
  /** Without lines: every open line at what was scanned. */
  confirm: (id: string, lines?: { lineId: string; picked: number }[]) => api.post<PickList>(`/pick-lists/${id}/confirm`, lines ? { lines } : {}),
};

export const fulfilment = {
  /** Orders waiting at a stage, oldest first. */
  queue: (stage: QueueStage, query: Query = {}) => api.get<Page<QueuedOrder>>('/fulfillment/orders', { ...query, stage }),
  get: (orderId: string) => api.get<Fulfilment>(`/fulfillment/orders/${orderId}`),
  packScan: (orderId: string, body: { barcode: string; packageId?: string }) => api.post<PackScan>(`/fulfillment/orders/${orderId}/pack-scans`, body),
  newPackage: (orderId: string, body: { warehouseId?: string } & PackageDims) => api.post<Package>(`/fulfillment/orders/${orderId}/packages`, body),
  updatePackage: (id: string, dims: PackageDims) => api.patch<Package>(`/packages/${id}`, dims),
  removePackage: (id: string) => api.del(`/packages/${id}`),
  allocate: (orderId: string) => api.post<Fulfilment>(`/fulfillment/orders/${orderId}/allocate`),
  trackingLink: (orderId: string) => api.post<{ token: string; path: string }>(`/fulfillment/orders/${orderId}/tracking-link`),
};

export const shipments = {
  list: (query: Query) => api.get<Page<ShipmentSummary>>('/shipments', query),
  get: (id: string) => api.get<Shipment>(`/shipments/${id}`),
  create: (input: ShipmentInput, idempotencyKey: string) => request<Shipment>('POST', '/shipments', { body: input, headers: withKey(idempotencyKey) }),
  /** Development: the simulator carrier reports an event through the signed callback path. */
  simulate: (id: string, body: { status: TrackingStatus; location?: string; description?: string }) => api.post<unknown>(`/shipments/${id}/simulate-event`, body),
};

/** The sales order id when a scanned or typed code is an order number (SO-…), else null. */
export const findOrderByNumber = async (number: string) => {
  const r = await api.get<Page<{ id: string; number: string; status: string }>>('/sales-orders', { q: number, pageSize: 5 });
  return r.items.find((o) => o.number.toLowerCase() === number.toLowerCase()) ?? null;
};

/** A product's default pick bin (库位) in a warehouse. */
export type ProductBin = { productId: string; sku: string; productName: string; warehouseId: string; binId: string; binCode: string; updatedAt: string };

export const productBins = {
  list: (query: { productId?: string; warehouseId?: string }) => api.get<{ items: ProductBin[] }>('/product-bins', query).then((r) => r.items),
  /** binId null clears the assignment. */
  set: (body: { productId: string; warehouseId: string; binId: string | null }) => request<void>('PUT', '/product-bins', { body }),
};
