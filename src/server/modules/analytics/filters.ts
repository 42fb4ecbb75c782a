import { z } from 'zod';
import type { DbOrTx } from '../../db/create-db.js';
import { businessDate } from '../../platform/clock.js';
import { DomainError, type ErrorDetail } from '../../platform/errors.js';

// The filters every figure takes (docs/metrics.md): a business-date range, warehouse, category
// (with its subcategories), customer, product. Checked against the database: an unknown value is a
// 400 naming the field, never an empty answer that looks like "no sales".

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Not a calendar date');

export const filterQuery = {
  from: day.optional().describe('First business date (YYYY-MM-DD); default: 29 days before `to`'),
  to: day.optional().describe('Last business date, inclusive; default: today'),
  warehouseId: z.string().max(64).optional(),
  categoryId: z.string().max(64).optional().describe('A category; its subcategories are included'),
  customerId: z.string().max(64).optional(),
  productId: z.string().max(64).optional(),
};
export const filterSchema = z.object(filterQuery);
export type FilterInput = z.infer<typeof filterSchema>;

/** Checked filters: the range, the previous range of the same length, the category with its subcategories. */
export type Filters = {
  from: string; to: string; days: number; previous: { from: string; to: string };
  warehouseId?: string; categoryIds?: string[]; customerId?: string; productId?: string;
  /** The filters as given, echoed in answers. */
  given: FilterInput;
};

export const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The longest range a figure covers: 20 years of days. */
const MAX_DAYS = 366 * 20;

/** Validates and completes the filters; 400 VALIDATION_FAILED naming each field at fault. */
export async function resolveFilters(db: DbOrTx, input: FilterInput): Promise<Filters> {
  const to = input.to ?? businessDate();
  const from = input.from ?? addDays(to, -29);
  const errors: ErrorDetail[] = [];
  if (from > to) errors.push({ field: 'to', in: 'query', message: { zh: `结束日期 ${to} 早于开始日期 ${from}`, en: `The end date ${to} is before the start date ${from}` } });
  else if (daysBetween(from, to) + 1 > MAX_DAYS) errors.push({ field: 'from', in: 'query', message: { zh: '日期范围最长 20 年', en: 'The date range is at most 20 years' } });
  const exists = async (field: keyof FilterInput, table: 'warehouses' | 'categories' | 'customers' | 'products', zh: string, en: string) => {
    const id = input[field];
    if (id === undefined) return;
    const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
    if (!row) errors.push({ field, in: 'query', value: id, message: { zh: `没有这个${zh}`, en: `No such ${en}` } });
  };
  await exists('warehouseId', 'warehouses', '仓库', 'warehouse');
  await exists('categoryId', 'categories', '商品分类', 'category');
  await exists('customerId', 'customers', '客户', 'customer');
  await exists('productId', 'products', '商品', 'product');
  if (errors.length) throw new DomainError('VALIDATION_FAILED', { summary: errors.map((e) => e.field).join(', ') }, errors);
  const days = daysBetween(from, to) + 1;
  return {
    from, to, days, previous: { from: addDays(from, -days), to: addDays(from, -1) },
    warehouseId: input.warehouseId, customerId: input.customerId, productId: input.productId,
    categoryIds: input.categoryId ? await withSubcategories(db, input.categoryId) : undefined,
    given: input,
  };
}

/** A category and every category under it. */
async function withSubcategories(db: DbOrTx, id: string): Promise<string[]> {
  const all = await db.selectFrom('categories').select(['id', 'parentId']).execute();
  const children = new Map<string, string[]>();
  for (const c of all) if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  const out: string[] = [];
  const walk = (c: string) => { if (out.includes(c)) return; out.push(c); for (const k of children.get(c) ?? []) walk(k); };
  walk(id);
  return out;
}

/** The same filters over another range (the previous period). */
export const over = (f: Filters, range: { from: string; to: string }): Filters => ({ ...f, ...range, days: daysBetween(range.from, range.to) + 1 });
