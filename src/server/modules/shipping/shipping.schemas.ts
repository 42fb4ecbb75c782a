import { z } from 'zod';
import { listQueryBase, optText } from '../../platform/http-schemas.js';
import { adapterNames, trackingStatuses } from './carrier-adapter.js';

const id = z.string().min(1).max(64);
const qty = z.number().int('数量须为整数 | Quantity must be a whole number');
const code = z.string().trim().min(1, '请扫描或输入条码 | Scan or type a barcode').max(64);

// Carriers
export const carrierInput = z.strictObject({
  code: z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9_-]+$/, '只能是字母、数字、- 和 _ | Letters, digits, - and _ only').transform((v) => v.toUpperCase()),
  name: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(100).optional(),
  adapter: z.enum(adapterNames).default('manual').describe('manual: tracking numbers typed or scanned; simulator: the built-in local simulator issues them (development)'),
  trackingRequired: z.boolean().default(true),
  transitDays: z.number().int().min(0).max(60).default(3).describe('Days from dispatch to the expected delivery date'),
  callbackSecret: z.string().min(16, '至少 16 个字符 | At least 16 characters').max(200).nullish().describe('HMAC secret for tracking callbacks; write-only'),
  sortOrder: z.number().int().min(0).max(10000).optional(),
});
export const carrierPatch = carrierInput.partial().omit({ code: true }).strict();
export const carrierView = z.object({
  id: z.string(), code: z.string(), name: z.string(), nameEn: z.string(), adapter: z.string(), issuesWaybills: z.boolean(), trackingRequired: z.boolean(),
  transitDays: z.number().int(), hasCallbackSecret: z.boolean(),
  callbackSecretSource: z.enum(['environment', 'carrier']).nullable().describe('Where the callback secret comes from: JXC_CARRIER_SECRET_<CODE> (overrides the carrier’s own) or the carrier row'),
  sortOrder: z.number().int(), status: z.string(), createdAt: z.string(), updatedAt: z.string(),
});
export const carrierListQuery = z.strictObject({ status: z.enum(['active', 'inactive']).optional() });

// Default pick bins
export const productBinInput = z.strictObject({ productId: id, warehouseId: id, binId: id.nullable().describe('null clears the assignment') });
export const productBinQuery = z.strictObject({ productId: id.optional(), warehouseId: id.optional() });
export const productBinView = z.object({ productId: z.string(), sku: z.string(), productName: z.string(), warehouseId: z.string(), binId: z.string(), binCode: z.string(), updatedAt: z.string() });

// Pick lists
export const pickListInput = z.strictObject({
  orderIds: z.array(id).min(1).max(5000).describe('One order, or a wave of many'),
  warehouseId: id.optional().describe('Only lines shipping from this warehouse'),
  note: optText(500),
});
const pickLineView = z.object({
  id: z.string(), seq: z.number().int(), orderId: z.string(), orderNumber: z.string(), orderLineId: z.string(), productId: z.string(), sku: z.string(),
  productName: z.string(), baseUnit: z.string(), barcode: z.string().nullable(), warehouseId: z.string(), warehouseCode: z.string(), warehouseName: z.string(),
  binId: z.string().nullable(), binCode: z.string().nullable(), quantity: z.number().int(), scanned: z.number().int(), picked: z.number().int().nullable(),
  short: z.number().int().describe('Confirmed short (back to the order as backordered)'), status: z.enum(['open', 'picked', 'short', 'void']), confirmedAt: z.string().nullable(),
});
export const pickListSummary = z.object({
  id: z.string(), number: z.string(), status: z.enum(['open', 'completed']), orderCount: z.number().int(), lineCount: z.number().int(), note: z.string().nullable(),
  actorName: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(), completedAt: z.string().nullable(),
});
export const pickListView = pickListSummary.extend({
  warehouses: z.array(z.object({ warehouseId: z.string(), code: z.string(), name: z.string(), lineCount: z.number().int(), quantity: z.number().int() })),
  lines: z.array(pickLineView).describe('Grouped by warehouse (code), then by bin (sort order, code; lines with no bin last), SKU, order'),
});
export type PickListView = z.infer<typeof pickListView>;
export const pickListQuery = z.strictObject({ ...listQueryBase, status: z.enum(['open', 'completed']).optional() });
export const pickConfirmInput = z.strictObject({
  lines: z.array(z.strictObject({ lineId: id, picked: qty.min(0).max(1e9) })).min(1).max(10000).optional()
    .describe('Picked base units per line; omitted: every open line with what was scanned'),
});
export const pickScanInput = z.strictObject({
  barcode: code.describe('Product barcode (any pack unit; its factor counts) or SKU'),
  binCode: z.string().trim().min(1).max(64).optional().describe('The bin scanned first; the item must be listed at that bin'),
});

// Packing
export const packScanInput = z.strictObject({
  barcode: code.describe('Product barcode (any pack unit; its factor counts) or SKU'),
  packageId: id.optional().describe('Default: the order’s open package in the item’s warehouse (a new one if none)'),
});
const dims = {
  weightG: z.number().int().min(1).max(1e8).nullish(), lengthMm: z.number().int().min(1).max(1e5).nullish(),
  widthMm: z.number().int().min(1).max(1e5).nullish(), heightMm: z.number().int().min(1).max(1e5).nullish(),
};
export const packageInput = z.strictObject({ warehouseId: id.optional(), ...dims });
export const packagePatch = z.strictObject(dims);
export const packageView = z.object({
  id: z.string(), orderId: z.string(), warehouseId: z.string(), warehouseName: z.string(), seq: z.number().int(), status: z.enum(['open', 'shipped']),
  weightG: z.number().int().nullable(), lengthMm: z.number().int().nullable(), widthMm: z.number().int().nullable(), heightMm: z.number().int().nullable(),
  shipmentId: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
  items: z.array(z.object({ orderLineId: z.string(), productId: z.string(), sku: z.string(), productName: z.string(), baseUnit: z.string(), quantity: z.number().int() })),
});
export type PackageView = z.infer<typeof packageView>;
export const packScanView = z.object({
  package: packageView,
  line: z.object({ lineId: z.string(), productId: z.string(), sku: z.string(), productName: z.string(), added: z.number().int(), picked: z.number().int(), packed: z.number().int(), toPack: z.number().int() }),
});

// Shipments
export const shipmentInput = z.strictObject({
  orderId: id,
  carrierId: id,
  warehouseId: id.optional().describe('Needed when the order still has goods to ship from more than one warehouse'),
  lines: z.array(z.strictObject({ lineId: id, quantity: qty.min(1, '数量须大于 0 | Quantity must be more than 0').max(1e9) })).min(1).max(2000).optional()
    .describe('Base units per order line; omitted: what is packed, else what is picked, else everything reserved in the warehouse'),
  trackingNumber: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9-]+$/, '运单号只能包含字母、数字和 - | Letters, digits and - only').optional(),
  trackingSource: z.enum(['typed', 'scanned']).default('typed'),
  issueWaybill: z.boolean().default(false).describe('Have the carrier’s adapter issue the tracking number'),
  expectedDate: z.iso.date().optional().describe('Default: today + the carrier’s transit days'),
  note: optText(500),
});
export type ShipmentInput = z.infer<typeof shipmentInput>;
const trackingEventView = z.object({ id: z.string(), shipmentId: z.string(), status: z.enum(trackingStatuses), at: z.string(), location: z.string().nullable(), description: z.string().nullable() });
export const shipmentSummary = z.object({
  id: z.string(), number: z.string(), orderId: z.string(), orderNumber: z.string(), customerName: z.string(), warehouseId: z.string(), warehouseName: z.string(),
  carrierId: z.string(), carrierCode: z.string(), carrierName: z.string(), trackingNumber: z.string().nullable(), trackingSource: z.enum(['typed', 'scanned', 'adapter', 'none']),
  status: z.enum(['shipped', ...trackingStatuses]), expectedDate: z.string().nullable(), costAmount: z.number().int().describe('Cost of goods at moving-average cost, fen'),
  lineCount: z.number().int(), note: z.string().nullable(), actorName: z.string().nullable(), shippedAt: z.string(), deliveredAt: z.string().nullable(),
});
export const shipmentView = shipmentSummary.extend({
  lines: z.array(z.object({ orderLineId: z.string(), productId: z.string(), sku: z.string(), productName: z.string(), baseUnit: z.string(), quantity: z.number().int(), costAmount: z.number().int() })),
  packages: z.array(packageView),
  events: z.array(trackingEventView),
});
export type ShipmentView = z.infer<typeof shipmentView>;
export const shipmentListQuery = z.strictObject({
  ...listQueryBase, orderId: id.optional(), carrierId: id.optional(), warehouseId: id.optional(), status: z.enum(['shipped', ...trackingStatuses]).optional(),
});
export const simulateInput = z.strictObject({
  status: z.enum(trackingStatuses), location: z.string().trim().max(200).optional(), description: z.string().trim().max(500).optional(),
});

// An order's fulfilment
export const fulfilmentView = z.object({
  orderId: z.string(), number: z.string(), status: z.string(), customerName: z.string(), requestedDate: z.string().nullable(),
  trackingToken: z.string().nullable(), trackingPath: z.string().nullable(),
  lines: z.array(z.object({
    id: z.string(), lineNo: z.number().int(), productId: z.string(), sku: z.string(), productName: z.string(), baseUnit: z.string(),
    warehouseId: z.string(), warehouseCode: z.string(), warehouseName: z.string(),
    ordered: z.number().int(), reserved: z.number().int(), picking: z.number().int().describe('On open pick lists'), picked: z.number().int().describe('Picked, not yet shipped'),
    packed: z.number().int().describe('Packed, not yet shipped'), shipped: z.number().int(), backordered: z.number().int(),
    toShip: z.number().int().describe('Reserved and not on an open pick list: what a shipment may take now'),
  })),
  packages: z.array(packageView),
  shipments: z.array(shipmentSummary),
  events: z.array(trackingEventView),
});
export type FulfilmentView = z.infer<typeof fulfilmentView>;

// The warehouse's work queues: orders waiting to be packed or shipped
export const fulfilmentQueueQuery = z.strictObject({
  ...listQueryBase,
  stage: z.enum(['to_pack', 'to_ship']).default('to_pack').describe('to_pack (待打包): picked, not all packed; to_ship (待发货): packed boxes not yet shipped'),
  warehouseId: id.optional().describe('Only lines in this warehouse'),
});
export const fulfilmentQueueItem = z.object({
  orderId: z.string(), number: z.string(), status: z.string(), customerName: z.string(), requestedDate: z.string().nullable(), createdAt: z.string(),
  lineCount: z.number().int().describe('Lines waiting at this stage'),
  toPack: z.number().int().describe('Base units picked and not yet packed'), packed: z.number().int().describe('Base units packed and not yet shipped'),
  warehouses: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })).describe('Where the waiting lines are'),
});
export type FulfilmentQueueItem = z.infer<typeof fulfilmentQueueItem>;
