import { z } from 'zod';
import { fen, listQueryBase, optText } from '../../platform/http-schemas.js';
import { salesOrderLineInput } from '../sales/index.js';
import { dispositions, grades, refundMethods, returnReasons, returnStatuses } from './sales-return.js';

const id = z.string().min(1).max(64);
const qty = z.number().int('数量须为整数 | Quantity must be a whole number').min(1, '数量须大于 0 | Quantity must be more than 0').max(1e9);

export const returnLineInput = z.strictObject({
  orderLineId: id.describe('The sales order line returned'),
  quantity: qty.describe('In `unit`'),
  unit: z.string().trim().min(1).max(20).optional().describe('Default the base unit; a pack unit (箱) counts its factor'),
  reason: z.enum(returnReasons).describe('damaged, defective, wrong_item, not_as_described, no_longer_needed, other'),
  note: optText(500),
});

export const returnInput = z.strictObject({
  orderId: id.describe('The shipped sales order'),
  customerId: id.optional().describe('When given, must be the order’s customer'),
  note: optText(1000),
  lines: z.array(returnLineInput).min(1).max(200),
});
export type ReturnInput = z.infer<typeof returnInput>;

export const publicReturnInput = returnInput.extend({ orderId: id.optional().describe('Default the tracking link’s order; another order is refused') });
export type PublicReturnInput = z.infer<typeof publicReturnInput>;

export const decisionBody = z.strictObject({ comment: optText(1000) });
export const rejectBody = z.strictObject({ comment: z.string().trim().min(1, '请填写驳回原因 | Give a reason').max(1000) });

export const receiveInput = z.strictObject({
  scans: z.array(z.strictObject({
    code: z.string().trim().min(1).max(100).describe('Barcode (a pack unit’s counts its factor) or SKU'),
    quantity: qty.default(1).describe('How many times this code was scanned'),
  })).min(1).max(500),
});
export type ReceiveInput = z.infer<typeof receiveInput>;

export const inspectInput = z.strictObject({
  warehouseId: id.optional().describe('Where restocked goods go; default each order line’s warehouse'),
  lines: z.array(z.strictObject({
    lineId: id.describe('The return line'),
    grade: z.enum(grades),
    disposition: z.enum(dispositions).describe('restock (stock in at the original cost), scrap (written off), return_to_supplier (stocked in, flagged for a purchase return)'),
    warehouseId: id.optional(),
  })).min(1).max(200),
});
export type InspectInput = z.infer<typeof inspectInput>;

export const refundInput = z.strictObject({
  method: z.enum(refundMethods).describe('original (原路退回), cash, bank, credit_note'),
  reference: optText(200),
  amount: fen.optional().describe('Default: refundable − restocking fee'),
  restockingFee: fen.optional().describe('Fee in fen'),
  restockingFeePercent: z.number().min(0).max(100).optional().describe('Fee as a percentage of the refundable'),
});
export type RefundInput = z.infer<typeof refundInput>;

export const exchangeInput = z.strictObject({
  lines: z.array(salesOrderLineInput).min(1).max(500),
  warehouseId: id.optional(),
  confirm: z.boolean().default(true).describe('Confirm the replacement order (reserve, or hold for approval by the sales rules)'),
  notes: optText(2000),
});
export type ExchangeInput = z.infer<typeof exchangeInput>;

export const settingsPatch = z.strictObject({
  windowDays: z.number().int().min(0).max(3650).optional().describe('Days after delivery (or shipment) a line can be returned'),
  autoApproveMax: fen.optional().describe('Returns worth at most this (fen) and no reason "other" are approved at once'),
  approverRole: z.string().min(1).max(40).optional(),
  categoryWindows: z.array(z.strictObject({ categoryId: id, windowDays: z.number().int().min(0).max(3650) })).max(1000).optional().describe('Replaces the per-category windows'),
});
export type SettingsPatch = z.infer<typeof settingsPatch>;
export const settingsView = z.object({
  windowDays: z.number().int(), autoApproveMax: z.number().int(), approverRole: z.string(),
  categoryWindows: z.array(z.object({ categoryId: z.string(), windowDays: z.number().int() })), updatedAt: z.string(),
});

const lineView = z.object({
  id: z.string(), lineNo: z.number().int(), orderLineId: z.string(), productId: z.string(), sku: z.string(), productName: z.string(), baseUnit: z.string(),
  unitName: z.string(), factor: z.number().int(), quantity: z.number().int(), baseQuantity: z.number().int(), reason: z.string(), note: z.string().nullable(),
  paidAmount: z.number().int().describe('What the requested base quantity was paid (incl. tax, after discounts), fen'),
  received: z.number().int(), grade: z.string().nullable(), disposition: z.string().nullable(), warehouseId: z.string().nullable(),
  unitCost: z.number().int().nullable().describe('Original cost of goods per base unit, fen'), costAmount: z.number().int().nullable(), writeOffAmount: z.number().int(),
});

export const returnSummary = z.object({
  id: z.string(), number: z.string().describe('TH-YYYYMMDD-NNNN'), orderId: z.string(), orderNumber: z.string(), customerId: z.string(), customerName: z.string(),
  status: z.enum(returnStatuses), source: z.string(), note: z.string().nullable(), lineCount: z.number().int(), requestedValue: z.number().int(),
  approvalRole: z.string().nullable(), approvalReasons: z.array(z.string()), decisionComment: z.string().nullable(), decidedBy: z.string().nullable(),
  writeOffAmount: z.number().int(), refundAmount: z.number().int().nullable(), restockingFee: z.number().int().nullable(), refundMethod: z.string().nullable(),
  refundReference: z.string().nullable(), exchangeOrderId: z.string().nullable(), actorName: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
});
export const returnView = returnSummary.extend({
  lines: z.array(lineView),
  refundable: z.number().int().describe('What the received lines were paid, fen'),
  history: z.array(z.object({ at: z.string(), action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string(), comment: z.string().nullable(), actorName: z.string().nullable() })),
});
export type ReturnView = z.infer<typeof returnView>;

/** One or more statuses: `status=approved,partially_received` or the parameter repeated (a list tab such as 待收货 spans two). */
const statusFilter = z
  .union([z.string().max(200), z.array(z.string().max(40)).max(10)])
  .transform((v, ctx) => {
    const list = (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
    const unknown = list.filter((k) => !(returnStatuses as readonly string[]).includes(k));
    if (unknown.length === 0) return [...new Set(list)];
    ctx.addIssue({ code: 'custom', input: v, message: `未知的状态：${unknown.join('、')} | Unknown status: ${unknown.join(', ')}` });
    return z.NEVER;
  })
  .describe(`One or more of ${returnStatuses.join(', ')}: comma-separated, or the parameter repeated`);

export const returnListQuery = z.strictObject({
  ...listQueryBase,
  status: statusFilter.optional(),
  customerId: id.optional(),
  orderId: id.optional(),
  from: z.iso.date().optional().describe('Created on or after (business date)'),
  to: z.iso.date().optional().describe('Created on or before'),
});

export const rateQuery = z.strictObject({
  groupBy: z.enum(['product', 'category', 'reason']).default('product'),
  from: z.iso.date().optional(), to: z.iso.date().optional(),
});
export const rateView = z.object({
  groupBy: z.string(),
  items: z.array(z.object({ key: z.string().nullable(), name: z.string(), returned: z.number().int(), shipped: z.number().int(), rate: z.number() })),
});
