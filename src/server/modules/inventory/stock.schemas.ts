import { z } from 'zod';
import { exportQueryBase, fen, listQueryBase, optText } from '../../platform/http-schemas.js';

const id = z.string().min(1).max(64);
const qty = z.number().int('数量须为整数（基本单位） | Quantity must be a whole number of base units');

export const adjustmentInput = z.strictObject({
  warehouseId: id,
  note: optText(500),
  lines: z
    .array(
      z.strictObject({
        productId: id,
        quantity: qty.refine((q) => q !== 0, '数量不能为 0 | Quantity cannot be 0').refine((q) => Math.abs(q) <= 1e9, 'too large | too large').describe('Signed, base units: + 报溢 (gain), − 报损 (loss)'),
        reason: z.string().trim().min(1, '请填写原因 | Give a reason').max(200),
        unitCost: fen.optional().describe('Cost per base unit for a gain; default the moving-average cost'),
        binId: id.optional(),
      }),
    )
    .min(1)
    .max(5000),
});
export type AdjustmentInput = z.infer<typeof adjustmentInput>;

export const openingInput = z.strictObject({
  warehouseId: id,
  note: optText(500),
  lines: z
    .array(z.strictObject({ productId: id, quantity: qty.min(1).max(1e9), unitCost: fen.describe('Cost per base unit in fen'), binId: id.optional() }))
    .min(1)
    .max(20000),
});
export type OpeningInput = z.infer<typeof openingInput>;

export const movementView = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.string(),
  productId: z.string(),
  sku: z.string(),
  productName: z.string(),
  baseUnit: z.string().describe('The unit of quantity'),
  warehouseId: z.string(),
  warehouseName: z.string(),
  binId: z.string().nullable(),
  quantity: z.number().int(),
  unitCost: z.number().int(),
  costAmount: z.number().int(),
  balance: z.number().int().describe('On hand in this warehouse after this movement'),
  sourceType: z.string(),
  sourceId: z.string(),
  sourceNumber: z.string().nullable(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
});

export const adjustmentView = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.string().describe('gain (报溢), loss (报损), mixed, opening (期初)'),
  warehouseId: z.string(),
  warehouseName: z.string(),
  note: z.string().nullable(),
  lineCount: z.number().int(),
  costAmount: z.number().int(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
  lines: z.array(movementView.omit({ balance: true })).optional(),
});

export const stockRow = z.object({
  productId: z.string(),
  sku: z.string(),
  productName: z.string(),
  baseUnit: z.string(),
  warehouseId: z.string(),
  warehouseName: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  incoming: z.number().int().describe('Base units still expected on open purchase orders (ordered − received); dates in GET /api/v1/stock/incoming'),
  inTransit: z.number().int().describe('Base units on their way here on transfers shipped and not yet received (shipped − received − returned); the transfers in GET /api/v1/stock-transfers/in-transit'),
  avgCost: z.number().int().describe('Moving-average cost per base unit, fen'),
  value: z.number().int().nullable().describe('On hand at the moving-average cost, fen; null when the product has no costed stock'),
});

export const stockTotals = z.object({
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  value: z.number().int().describe('Σ value, fen'),
}).describe('Sums over every row the filters match, not only this page');

const stockFilters = {
  productId: id.optional(),
  warehouseId: id.optional(),
  nonZero: z.enum(['true', 'false']).optional().describe('Only rows with stock on hand or reserved'),
};
const stockSearch = listQueryBase.q.describe('Search text: SKU or name (contains), or a barcode (exact)');

export const stockQuery = z.strictObject({ ...listQueryBase, q: stockSearch, pageSize: listQueryBase.pageSize.default(50), ...stockFilters });
export const stockExportQuery = z.strictObject({ ...exportQueryBase, q: stockSearch, ...stockFilters });
export type StockFilter = Omit<z.infer<typeof stockQuery>, 'page' | 'pageSize'>;

export const movementQuery = z.strictObject({
  page: listQueryBase.page,
  pageSize: listQueryBase.pageSize.default(50),
  productId: id,
  warehouseId: id.optional(),
});

export const documentKinds = ['gain', 'loss', 'mixed', 'opening'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** One or more document kinds: `kind=gain,loss` or `kind=gain&kind=loss` (or both). */
const kindFilter = z
  .union([z.string().max(100), z.array(z.string().max(100)).max(10)])
  .transform((v, ctx) => {
    const kinds = (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
    const unknown = kinds.filter((k) => !(documentKinds as readonly string[]).includes(k));
    if (unknown.length === 0) return [...new Set(kinds)] as DocumentKind[];
    ctx.addIssue({ code: 'custom', input: v, message: `未知的单据类型：${unknown.join('、')}（可选 ${documentKinds.join('、')}） | Unknown kind: ${unknown.join(', ')} (use ${documentKinds.join(', ')})` });
    return z.NEVER;
  })
  .describe(`One or more of ${documentKinds.join(', ')}: comma-separated, or the parameter repeated`);

export const adjustmentQuery = z.strictObject({
  q: listQueryBase.q,
  page: listQueryBase.page,
  pageSize: listQueryBase.pageSize,
  warehouseId: z.string().max(64).optional(),
  kind: kindFilter.optional(),
});

export const verifyReply = z.object({
  ok: z.boolean(),
  checked: z.object({ levels: z.number().int(), products: z.number().int() }),
  mismatches: z.array(z.object({ kind: z.string(), productId: z.string(), warehouseId: z.string().nullable(), expected: z.number(), actual: z.number() })),
});
