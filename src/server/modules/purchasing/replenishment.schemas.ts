import { z } from 'zod';
import { listQueryBase } from '../../platform/http-schemas.js';

const id = z.string().min(1).max(64);
const qty = z.number().int('须为整数 | Must be a whole number').min(0, '不能为负数 | Cannot be negative').max(1e9);

export const reorderRuleInput = z.strictObject({
  productId: id,
  warehouseId: id,
  reorderPoint: qty.optional().describe('再订货点 (base units): alert and suggest when available + incoming falls to or below it'),
  safetyStock: qty.optional().describe('安全库存 (base units), added to the demand over the lead time; default 0'),
  min: qty.optional().describe('最低库存: instead of reorderPoint (min/max method)'),
  max: qty.optional().describe('最高库存: with min, suggestions order up to it'),
  supplierId: id.nullish().describe('Preferred supplier for this product here; default the supplier with the lowest price'),
}).superRefine((v, ctx) => {
  const minMax = v.min !== undefined || v.max !== undefined;
  if (minMax && v.reorderPoint !== undefined) ctx.addIssue({ code: 'custom', path: ['min'], message: '再订货点与最低/最高库存只能选一种 | Give reorderPoint or min/max, not both' });
  else if (minMax && (v.min === undefined || v.max === undefined)) ctx.addIssue({ code: 'custom', path: [v.min === undefined ? 'min' : 'max'], message: '最低和最高库存须同时填写 | Give both min and max' });
  else if (minMax && (v.max as number) < (v.min as number)) ctx.addIssue({ code: 'custom', path: ['max'], message: '最高库存不能低于最低库存 | max cannot be below min' });
  else if (!minMax && v.reorderPoint === undefined) ctx.addIssue({ code: 'custom', path: ['reorderPoint'], message: '请填写再订货点或最低/最高库存 | Give reorderPoint or min and max' });
});
export type ReorderRuleInput = z.infer<typeof reorderRuleInput>;

export const reorderRuleView = z.object({
  productId: z.string(), sku: z.string(), productName: z.string(), baseUnit: z.string(), warehouseId: z.string(), warehouseName: z.string(),
  method: z.enum(['reorder_point', 'min_max']), reorderPoint: z.number().int().describe('The min for min/max'), safetyStock: z.number().int(), maxStock: z.number().int().nullable(),
  supplierId: z.string().nullable(), supplierName: z.string().nullable(),
  available: z.number().int(), incoming: z.number().int(), below: z.boolean().describe('available + incoming ≤ reorder point now'), belowSince: z.string().nullable(),
  updatedAt: z.string(),
});
export const reorderRuleQuery = z.strictObject({
  ...listQueryBase,
  productId: id.optional(), warehouseId: id.optional(), below: z.enum(['true', 'false']).optional().describe('Only rules at or below (true) / above (false) their point'),
});
export const reorderRuleParams = z.strictObject({ productId: id, warehouseId: id });

export const suggestionQuery = z.strictObject({
  warehouseId: id.optional(), productId: id.optional(), supplierId: id.optional(),
  weeks: z.coerce.number().int().min(1).max(52).default(8).describe('Weeks of sales history the demand is averaged over'),
  demand: z.enum(['auto', 'average']).default('auto').describe('auto: the demand forecast where there is a usable one, else the average; average: always the average'),
});
const text = z.object({ zh: z.string(), en: z.string() });
export const suggestionView = z.object({
  productId: z.string(), sku: z.string(), productName: z.string(), baseUnit: z.string(), warehouseId: z.string(), warehouseName: z.string(),
  available: z.number().int(), incoming: z.number().int(), position: z.number().int().describe('available + incoming'),
  soldInPeriod: z.number().int(), weeks: z.number().int(), weeklyDemand: z.number().describe('Average base units sold a week (one decimal)'),
  leadTimeDays: z.number().int(), demandOverLeadTime: z.number().int(),
  demandSource: z.enum(['forecast', 'average']).describe('forecast: the last demand forecast run (analytics) for this product × warehouse, when it has 8 weeks or more since the first sale and is under 14 days old; else the average of the last `weeks` weeks'),
  forecast: z.object({ method: z.string(), demandClass: z.string(), wape: z.number().nullable(), computedAt: z.string() }).nullable(),
  method: z.enum(['reorder_point', 'min_max']).nullable(), reorderPoint: z.number().int().nullable(), safetyStock: z.number().int(), maxStock: z.number().int().nullable(),
  supplierId: z.string().nullable(), supplierName: z.string().nullable(), unitPrice: z.number().int().nullable().describe('Supplier price per base unit, fen'),
  moq: z.number().int(), packSize: z.number().int(),
  need: z.number().int().describe('Target − position, before rounding'),
  suggestedQuantity: z.number().int().describe('Base units, rounded up to the MOQ and pack size'),
  orderUnit: z.object({ name: z.string(), factor: z.number().int(), quantity: z.number().int() }).describe('How the quantity goes on a purchase order (the pack unit when one matches the pack size)'),
  reason: text.describe('Why, in words and numbers'),
});
export type Suggestion = z.infer<typeof suggestionView>;

export const draftOrdersInput = z.strictObject({
  rows: z.array(z.strictObject({
    productId: id, warehouseId: id,
    quantity: z.number().int().min(1).max(1e9).optional().describe('Base units; default the suggested quantity'),
    supplierId: id.optional().describe('Default the suggestion’s supplier'),
  })).min(1).max(500),
  weeks: z.number().int().min(1).max(52).default(8),
  notes: z.string().trim().max(2000).optional(),
});
export type DraftOrdersInput = z.infer<typeof draftOrdersInput>;
