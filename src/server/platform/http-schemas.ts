import { z } from 'zod';

/** Path parameter `{id}`. */
export const idParams = z.strictObject({ id: z.string().min(1).max(64) });

/** Query fields every list endpoint accepts. */
export const listQueryBase = {
  q: z.string().trim().max(200).optional().describe('Search text'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  sort: z.string().max(40).optional().describe('Field to sort by; prefix with - for descending'),
};

/** Export format for list exports. */
export const exportQueryBase = {
  q: listQueryBase.q,
  sort: listQueryBase.sort,
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
};

/** The `{items,total,page,pageSize}` page envelope. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().nullable(),
    }),
  })
  .describe('Error: code, message in the caller’s language, details (field paths for validation errors)');

/** Standard error responses, for the OpenAPI document. */
export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
};

/** Fen: a non-negative integer amount of money in 分. */
export const fen = z.number().int().min(0).max(1e13);

/** Optional free-text field: trims, turns '' into null. */
export const optText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** status filter */
export const statusEnum = z.enum(['active', 'inactive']);

/** The optional Idempotency-Key header of document-creating POSTs. */
export const idempotencyHeaders = z.object({
  'idempotency-key': z.string().min(1).max(200).optional().describe('Retry-safe key: the same key and body returns the first result (200); another body gets 422'),
});

/** An http:// or https:// URL (webhook and chat-bot addresses); anything else is refused on the field. */
export const httpUrl = z.string().trim().max(1000).refine((s) => {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}, { message: '须为 http:// 或 https:// 开头的网址 | Must be an http:// or https:// URL' });
