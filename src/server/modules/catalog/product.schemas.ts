import { z } from 'zod';
import { exportQueryBase, fen, listQueryBase, optText, statusEnum } from '../../platform/http-schemas.js';

const unitName = z.string().trim().min(1).max(20);

export const packUnitInput = z.strictObject({
  name: unitName,
  factor: z.number().int().min(2, '换算率须为不小于 2 的整数 | The factor must be a whole number of at least 2').max(1_000_000).describe('How many base units one of this unit holds'),
});
export const barcodeInput = z.strictObject({
  barcode: z.string().trim().min(1).max(64).regex(/^[\x21-\x7e]+$/, '条码只能包含字母、数字和符号 | A barcode may only contain letters, digits and symbols'),
  unit: unitName.nullish().transform((v) => v ?? null).describe('Pack unit name; null for the base unit'),
});
export const attributeInput = z.strictObject({ key: z.string().trim().min(1).max(50), value: z.string().trim().max(500) });

export const productInput = z.strictObject({
  sku: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  spec: optText(200),
  model: optText(100),
  categoryId: z.string().max(64).nullish().transform((v) => v ?? null),
  brand: optText(100),
  baseUnit: z.string().trim().min(1).max(20).default('个'),
  units: z.array(packUnitInput).max(20).default([]),
  barcodes: z.array(barcodeInput).max(50).default([]),
  listPrice: fen.default(0).describe('Retail price in fen'),
  wholesalePrice: fen.nullish().transform((v) => v ?? null).describe('Wholesale price in fen'),
  costPrice: fen.default(0).describe('Reference purchase cost in fen'),
  taxRate: z.number().int().min(0).max(100).default(13).describe('VAT rate in percent'),
  attributes: z.array(attributeInput).max(50).default([]),
  notes: optText(2000),
});
export type ProductInput = z.infer<typeof productInput>;

// PATCH: every field optional and without defaults, so an omitted field stays as it is.
export const productPatch = z.strictObject({
  sku: productInput.shape.sku.optional(),
  name: productInput.shape.name.optional(),
  spec: optText(200).optional(),
  model: optText(100).optional(),
  categoryId: z.string().max(64).nullable().optional(),
  brand: optText(100).optional(),
  baseUnit: z.string().trim().min(1).max(20).optional(),
  units: z.array(packUnitInput).max(20).optional(),
  barcodes: z.array(barcodeInput).max(50).optional(),
  listPrice: fen.optional(),
  wholesalePrice: fen.nullable().optional(),
  costPrice: fen.optional(),
  taxRate: z.number().int().min(0).max(100).optional(),
  attributes: z.array(attributeInput).max(50).optional(),
  notes: optText(2000).optional(),
});
export type ProductPatch = z.infer<typeof productPatch>;

export const productView = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  spec: z.string().nullable(),
  model: z.string().nullable(),
  categoryId: z.string().nullable(),
  categoryName: z.string().nullable(),
  brand: z.string().nullable(),
  baseUnit: z.string(),
  units: z.array(z.object({ id: z.string(), name: z.string(), factor: z.number().int() })),
  barcodes: z.array(z.object({ id: z.string(), barcode: z.string(), unitId: z.string().nullable(), unitName: z.string() })),
  listPrice: z.number().int(),
  wholesalePrice: z.number().int().nullable(),
  costPrice: z.number().int(),
  taxRate: z.number().int(),
  attributes: z.array(z.object({ key: z.string(), value: z.string() })),
  notes: z.string().nullable(),
  status: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProductView = z.infer<typeof productView>;

const productFilters = {
  status: statusEnum.optional(),
  categoryId: z.string().max(64).optional().describe('Category; includes its subcategories'),
  brand: z.string().max(100).optional(),
};
export const productListQuery = z.strictObject({ ...listQueryBase, ...productFilters });
export const productExportQuery = z.strictObject({ ...exportQueryBase, ...productFilters });
export type ProductFilter = z.infer<typeof productListQuery>;

export const lookupQuery = z.strictObject({ code: z.string().trim().min(1).max(64).describe('Barcode or SKU') });
export const lookupReply = z.object({ product: productView, unitName: z.string(), factor: z.number().int(), matchedBy: z.enum(['barcode', 'sku']) });
