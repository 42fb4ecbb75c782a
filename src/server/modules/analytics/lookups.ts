import { SqliteAdapter, sql } from 'kysely';
import type { DbOrTx } from '../../db/create-db.js';

// Small look-ups the stock, customer and supplier figures share: names for ids, and the moment a
// business date starts (movements and receipts carry UTC times, figures speak in business dates).

export type Named = { code: string | null; name: string | null };
type Kind = 'product' | 'category' | 'warehouse' | 'customer' | 'supplier';

/** Code (SKU for products) and name of each id, 500 ids a query. */
export async function namesOf(db: DbOrTx, kind: Kind, ids: Iterable<string>): Promise<Map<string, Named>> {
  const list = [...new Set(ids)].filter((id) => id !== '');
  const out = new Map<string, Named>();
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500);
    const rows = kind === 'product'
      ? await db.selectFrom('products').select(['id', 'sku as code', 'name']).where('id', 'in', chunk).execute()
      : await db.selectFrom(({ category: 'categories', warehouse: 'warehouses', customer: 'customers', supplier: 'suppliers' } as const)[kind])
        .select(['id', 'code', 'name']).where('id', 'in', chunk).execute();
    for (const r of rows) out.set(r.id, { code: r.code ?? null, name: r.name ?? null });
  }
  return out;
}

export { dayStart } from '../../platform/business-months.js';

export const round2 = (n: number) => Math.round(n * 100) / 100;
export const percent = (part: number, whole: number) => (whole !== 0 ? round2((100 * part) / whole) : null);
export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
export const mean = (xs: number[]) => (xs.length ? round2(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

/**
 * The movements table read through its time index. Without statistics SQLite prefers the
 * (product, warehouse, at) index to save the GROUP BY's sort and then reads every row of the table;
 * PostgreSQL picks the time index by itself.
 */
export const movementsByTime = (db: DbOrTx) =>
  sql.raw(db.getExecutor().adapter instanceof SqliteAdapter ? 'stock_movements m indexed by stock_movements_at_idx' : 'stock_movements m');
