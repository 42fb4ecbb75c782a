import { z } from 'zod';
import { exportQueryBase, listQueryBase, optText, statusEnum } from '../../platform/http-schemas.js';

export const binInput = z.strictObject({
  code: z.string().trim().min(1).max(40).describe('Bin (库位) code, e.g. A-01-02'),
  zone: optText(40),
  sortOrder: z.number().int().min(0).max(1e6).optional().describe('Walking order for pick lists'),
  status: statusEnum.optional(),
});

export const warehouseInput = z.strictObject({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(100),
  address: optText(300),
  manager: optText(100),
  phone: optText(50),
  isDefault: z.boolean().default(false),
  notes: optText(2000),
  bins: z.array(binInput).max(10000).default([]).describe('Bin locations; replaces the whole list (matched by code)'),
});
export type WarehouseInput = z.infer<typeof warehouseInput>;
export const warehousePatch = z.strictObject(
  Object.fromEntries(Object.entries(warehouseInput.shape).map(([k, v]) => [k, (v instanceof z.ZodDefault ? v.unwrap() : (v as z.ZodType)).optional()])) as {
    [K in keyof typeof warehouseInput.shape]: z.ZodOptional<(typeof warehouseInput.shape)[K]>;
  },
);

export const warehouseView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  manager: z.string().nullable(),
  phone: z.string().nullable(),
  isDefault: z.boolean(),
  notes: z.string().nullable(),
  status: z.string(),
  bins: z.array(z.object({ id: z.string(), code: z.string(), zone: z.string().nullable(), sortOrder: z.number().int(), status: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WarehouseView = z.infer<typeof warehouseView>;
export const warehouseListQuery = z.strictObject({ ...listQueryBase, status: statusEnum.optional() });
export const warehouseExportQuery = z.strictObject({ ...exportQueryBase, status: statusEnum.optional() });
