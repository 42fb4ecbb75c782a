import { z } from 'zod';
import { fen, listQueryBase, optText } from '../../platform/http-schemas.js';
import { purchaseStatuses } from './purchase-order.js';

const id = z.string().min(1).max(64);
const quantity = z.number().int('数量须为整数 | Quantity must be a whole number').min(1, '数量须大于 0 | Quantity must be more than 0').max(1e9);
const percent = z.number().min(0).max(100).refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, '最多两位小数 | At most two decimals');

export const purchaseOrderLineInput = z.strictObject({
  productId: id,
  quantity: quantity.describe('In `unit` (the purchase pack unit, e.g. 箱); stored also in base units'),
  unit: z.string().trim().min(1).max(20).optional().describe('Pack unit name; default the base unit'),
  unitPrice: fen.optional().describe('Price per `unit` in fen; default the supplier’s price for the product (per base unit) × the unit’s factor, else the product’s cost price × factor'),
  taxRate: z.number().int().min(0).max(100).optional().describe('VAT percent; default the product’s'),
  warehouseId: id.optional().describe('Default the order’s warehouse'),
  expectedDate: z.iso.date().optional().describe('When this line is expected, if not the order’s expected date'),
});

export const purchaseOrderInput = z.strictObject({
  supplierId: id,
  lines: z.array(purchaseOrderLineInput).min(1).max(500),
  warehouseId: id.optional().describe('Warehouse the goods come to; default the default warehouse'),
  expectedDate: z.iso.date().optional().describe('Expected arrival (预计到货日期)'),
  pricesIncludeTax: z.boolean().default(true).describe('Whether unit prices include VAT (含税价)'),
  overReceiptPercent: percent.optional().describe('Over-receipt tolerance of this order in percent; default the purchasing setting'),
  notes: optText(2000),
  submit: z.boolean().optional().describe('Submit in the same call (ordered, or pending approval when the approval threshold trips)'),
});
export type PurchaseOrderInput = z.infer<typeof purchaseOrderInput>;
export const purchaseOrderEdit = purchaseOrderInput.omit({ submit: true }).partial({ supplierId: true }).describe('Replaces lines and terms of a draft');
export type PurchaseOrderEdit = z.infer<typeof purchaseOrderEdit>;

const lineView = z.object({
  id: z.string(), lineNo: z.number().int(), productId: z.string(), sku: z.string(), productName: z.string(), baseUnit: z.string(), warehouseId: z.string(),
  unitName: z.string(), factor: z.number().int(), quantity: z.number().int(), baseQuantity: z.number().int(), unitPrice: z.number().int(), taxRate: z.number().int(),
  gross: z.number().int(), net: z.number().int(), tax: z.number().int(), total: z.number().int(), expectedDate: z.string().nullable(),
  received: z.number().int().describe('Base units received so far'),
  open: z.number().int().describe('Base units still expected (ordered − received, 0 once the order is closed or cancelled)'),
});

export const purchaseOrderView = z.object({
  id: z.string(), number: z.string(), supplierId: z.string(), supplierName: z.string(), warehouseId: z.string(), status: z.enum(purchaseStatuses),
  pricesIncludeTax: z.boolean(), gross: z.number().int(), net: z.number().int(), tax: z.number().int(), total: z.number().int(),
  orderDate: z.string(), expectedDate: z.string().nullable(), overReceiptPercent: z.number().nullable().describe('This order’s tolerance; null = the setting’s'),
  notes: z.string().nullable(), actorName: z.string().nullable(),
  approvalReasons: z.array(z.object({ zh: z.string(), en: z.string() })).describe('Why the order waits for approval'),
  approvalRole: z.string().nullable(), approvalComment: z.string().nullable(), approvedBy: z.string().nullable(),
  orderedAt: z.string().nullable(), closedAt: z.string().nullable(), cancelledAt: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
  lines: z.array(lineView),
});
export type PurchaseOrderView = z.infer<typeof purchaseOrderView>;
export type PurchaseOrderLineView = PurchaseOrderView['lines'][number];
export const purchaseOrderSummary = purchaseOrderView.omit({ lines: true });

export const purchaseOrderListQuery = z.strictObject({
  ...listQueryBase,
  status: z.enum(purchaseStatuses).optional(),
  supplierId: id.optional(),
  warehouseId: id.optional(),
  productId: id.optional().describe('Orders with a line of this product'),
  expectedFrom: z.iso.date().optional(),
  expectedTo: z.iso.date().optional(),
});
export type PurchaseOrderListQuery = z.infer<typeof purchaseOrderListQuery>;

export const commentBody = z.strictObject({ comment: z.string().trim().max(500).optional() });
export const rejectBody = z.strictObject({ comment: z.string().trim().min(1, '请填写驳回原因 | Give a reason for rejecting').max(500) });

export const receiptLineInput = z.strictObject({
  orderLineId: id.optional().describe('The order line received (receipts against an order); or give productId'),
  productId: id.optional().describe('The product (unplanned receipts; against an order, the order’s line of this product)'),
  barcode: z.string().trim().min(1).max(64).optional().describe('Scanned instead of productId: a product barcode (a pack’s barcode sets the unit) or a SKU'),
  quantity: quantity.describe('In `unit`'),
  unit: z.string().trim().min(1).max(20).optional().describe('Default the order line’s unit (against an order) or the base unit'),
  unitCost: fen.optional().describe('Unplanned only: cost per `unit` in fen, without VAT; default the moving-average cost. Against an order the order line’s net price is the cost'),
  binId: id.optional().describe('Default the suggested bin: the product’s assigned bin in the warehouse, else where its stock last came in'),
});

export const receiptInput = z.strictObject({
  orderId: id.optional().describe('The purchase order received against; leave out for an unplanned receipt'),
  supplierId: id.optional().describe('Unplanned receipts: the supplier, if known'),
  warehouseId: id.optional().describe('Unplanned: required. Against an order: only lines going to this warehouse (default the order’s)'),
  note: optText(500),
  lines: z.array(receiptLineInput).min(1).max(1000),
});
export type ReceiptInput = z.infer<typeof receiptInput>;

const receiptLineView = z.object({
  id: z.string(), lineNo: z.number().int(), orderLineId: z.string().nullable(), productId: z.string(), sku: z.string(), productName: z.string(), baseUnit: z.string(),
  binId: z.string().nullable(), binCode: z.string().nullable(), unitName: z.string(), factor: z.number().int(), quantity: z.number().int(), baseQuantity: z.number().int(),
  unitCost: z.number().int().describe('Cost per base unit, fen, without VAT'), costAmount: z.number().int(),
});
export const receiptView = z.object({
  id: z.string(), number: z.string(), kind: z.enum(['order', 'unplanned']), orderId: z.string().nullable(), orderNumber: z.string().nullable(),
  supplierId: z.string().nullable(), supplierName: z.string().nullable(), warehouseId: z.string(), warehouseName: z.string(),
  lineCount: z.number().int(), costAmount: z.number().int(), note: z.string().nullable(), actorName: z.string().nullable(), createdAt: z.string(),
  orderStatus: z.enum(purchaseStatuses).nullable().describe('The order’s status after this receipt'),
  lines: z.array(receiptLineView),
});
export type ReceiptView = z.infer<typeof receiptView>;
export const receiptSummary = receiptView.omit({ lines: true, orderStatus: true });
export const receiptListQuery = z.strictObject({
  ...listQueryBase,
  orderId: id.optional(), supplierId: id.optional(), warehouseId: id.optional(), kind: z.enum(['order', 'unplanned']).optional(),
});

export const receivingView = z.object({
  orderId: z.string(), number: z.string(), status: z.enum(purchaseStatuses), supplierName: z.string(), warehouseId: z.string(),
  lines: z.array(z.object({
    orderLineId: z.string(), lineNo: z.number().int(), productId: z.string(), sku: z.string(), productName: z.string(), baseUnit: z.string(), warehouseId: z.string(),
    unitName: z.string(), factor: z.number().int(), open: z.number().int().describe('Base units still expected'), barcodes: z.array(z.string()),
    suggestedBin: z.object({ binId: z.string(), binCode: z.string() }).nullable(),
  })),
}).describe('What a receiving screen needs: open lines with their barcodes and the suggested bin');

export const settingsView = z.object({
  overReceiptPercent: z.number().describe('How much more than ordered a line may receive, percent (0 = exactly what was ordered)'),
  approvalThreshold: z.number().int().nullable().describe('Orders over this total (fen) wait for approval; null = no approval'),
  approverRole: z.string().describe('Role that approves (admins always may)'),
  updatedAt: z.string(),
});
export const settingsPatch = z.strictObject({
  overReceiptPercent: percent.optional(),
  approvalThreshold: fen.nullable().optional(),
  approverRole: z.enum(['admin', 'purchasing', 'finance', 'warehouse', 'sales']).optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatch>;

export const incomingQuery = z.strictObject({ productId: id.optional(), warehouseId: id.optional() });
export const incomingView = z.object({
  items: z.array(z.object({
    productId: z.string(), sku: z.string(), productName: z.string(), warehouseId: z.string(), warehouseName: z.string(),
    incoming: z.number().int().describe('Σ open base units'),
    nextExpectedDate: z.string().nullable(),
    orders: z.array(z.object({ orderId: z.string(), number: z.string(), supplierId: z.string(), supplierName: z.string(), lineId: z.string(), open: z.number().int(), expectedDate: z.string().nullable() })),
  })),
});
