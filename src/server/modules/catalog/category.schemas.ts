import { z } from 'zod';
import { optText } from '../../platform/http-schemas.js';

export const categoryView = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string().nullable(),
  name: z.string(),
  sortOrder: z.number().int(),
  status: z.string(),
  productCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CategoryView = z.infer<typeof categoryView>;

export const categoryInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  parentId: z.string().max(64).nullish().transform((v) => v ?? null),
  code: optText(40),
  sortOrder: z.number().int().min(-1e6).max(1e6).optional(),
});
export type CategoryInput = z.infer<typeof categoryInput>;
export const categoryPatch = categoryInput.partial();
