import { z } from 'zod';
import { listQueryBase, optText } from '../../platform/http-schemas.js';
import { countStatuses } from './count.js';

const id = z.string().min(1).max(64);

export const countInput = z.strictObject({
  warehouseId: id,
  zone: z.string().trim().min(1).max(40).optional().describe('Only products kept in bins of this zone (assigned bin, or stock that came in there)'),
  binIds: z.array(id).min(1).max(500).optional().describe('Only products kept in these bins'),
  productIds: z.array(id).min(1).max(5000).optional().describe('Only these products'),
  categoryId: id.optional().describe('Only products of this category'),
  note: optText(500),
});
export type CountInput = z.infer<typeof countInput>;

export const scanInput = z.strictObject({
  mode: z.enum(['add', 'set']).default('add').describe('add: scans add up (repeated scans of an item count each); set: the quantity replaces what was counted (a recount; 0 allowed)'),
  lines: z.array(z.strictObject({
    barcode: z.string().trim().min(1).max(64).optional().describe('Scanned: a product barcode (a pack’s barcode counts its factor) or a SKU'),
    productId: id.optional().describe('Instead of barcode'),
    quantity: z.number().int('数量须为整数 | Quantity must be a whole number').min(0, '数量不能为负 | Quantity cannot be negative').max(1e9).default(1)
      .describe('Units of what was scanned (a pack barcode: packs); default 1'),
  }).refine((l) => Boolean(l.barcode) !== Boolean(l.productId), { message: '请填写条码或商品（二选一） | Give either barcode or productId', path: ['barcode'] }))
    .min(1).max(10000),
}).superRefine((v, ctx) => {
  if (v.mode === 'add') v.lines.forEach((l, i) => { if (l.quantity === 0) ctx.addIssue({ code: 'custom', path: ['lines', i, 'quantity'], message: '数量须大于 0 | Quantity must be more than 0' }); });
});
export type ScanInput = z.infer<typeof scanInput>;

export const approveInput = z.strictObject({
  uncounted: z.enum(['skip', 'zero']).default('skip').describe('Lines nobody counted: skip (no adjustment) or zero (not found, so not there)'),
});
export type ApproveInput = z.infer<typeof approveInput>;

const scope = z.object({ zone: z.string().optional(), binIds: z.array(z.string()).optional(), productIds: z.array(z.string()).optional(), categoryId: z.string().optional() });

export const countView = z.object({
  id: z.string(), number: z.string(), warehouseId: z.string(), warehouseName: z.string(), status: z.enum(countStatuses), scope,
  note: z.string().nullable(), lineCount: z.number().int(), countedLines: z.number().int(), snapshotAt: z.string(),
  gainQuantity: z.number().int(), lossQuantity: z.number().int(), gainAmount: z.number().int(), lossAmount: z.number().int().describe('Cost of the loss, fen (positive)'),
  actorName: z.string().nullable(), approvedBy: z.string().nullable(), approvedAt: z.string().nullable(), cancelledAt: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
});
export type CountView = z.infer<typeof countView>;

export const countedLine = z.object({ productId: z.string(), sku: z.string(), productName: z.string(), baseUnit: z.string(), counted: z.number().int().nullable(), countedAt: z.string().nullable() });
export const scanReply = z.object({ countId: z.string(), number: z.string(), lines: z.array(countedLine).describe('What is counted so far of the products scanned now; no book quantities (blind count)') });
export const countedQuery = z.strictObject({ page: listQueryBase.page, pageSize: listQueryBase.pageSize, q: listQueryBase.q });

export const varianceLine = z.object({
  productId: z.string(), sku: z.string(), productName: z.string(), baseUnit: z.string(),
  snapshot: z.number().int().describe('Book quantity when the count started (账面数)'),
  movements: z.number().int().describe('Ledger movements since the snapshot'),
  expected: z.number().int().describe('snapshot + movements'),
  counted: z.number().int().nullable(), variance: z.number().int().nullable().describe('counted − expected'),
  outcome: z.enum(['gain', 'loss', 'match', 'uncounted']),
  unitCost: z.number().int().describe('Moving-average cost per base unit, fen (after approval: what was posted)'),
  value: z.number().int().nullable().describe('variance at unitCost, fen (after approval: the posted cost)'),
});
export const varianceQuery = z.strictObject({
  only: z.enum(['differences', 'all']).default('differences').describe('differences: gains, losses and uncounted lines; all: every line'),
  uncounted: approveInput.shape.uncounted.describe('How uncounted lines are shown: skip (no variance) or zero'),
});
export const varianceReply = z.object({
  count: countView,
  totals: z.object({
    lines: z.number().int(), counted: z.number().int(), uncounted: z.number().int(), gains: z.number().int(), losses: z.number().int(),
    gainQuantity: z.number().int(), lossQuantity: z.number().int(), gainValue: z.number().int(), lossValue: z.number().int(), netValue: z.number().int(),
  }),
  items: z.array(varianceLine),
});

export const countListQuery = z.strictObject({ ...listQueryBase, status: z.enum(countStatuses).optional(), warehouseId: id.optional() });
export type CountListQuery = z.infer<typeof countListQuery>;
