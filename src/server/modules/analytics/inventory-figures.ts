import type { DbOrTx } from '../../db/create-db.js';
import type { Filters } from './filters.js';

// Inventory value now, by warehouse or category (docs/metrics.md): each product's moving-average
// value (product_costs) split over its warehouses by units on hand, largest remainder first, so the
// split adds up to the product's value exactly.

export type ValueBy = 'warehouse' | 'category';

/** Splits `value` over `weights` in proportion, the remainder to the largest fractions. */
export function splitValue(value: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (value * w) / sum);
  const out = exact.map(Math.floor);
  let left = value - out.reduce((s, v) => s + v, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) { if (left <= 0) break; out[i] += 1; left -= 1; }
  return out;
}

/** Units and value on hand per product and warehouse (filters: warehouse, category, product). */
export async function stockValues(db: DbOrTx, f: Pick<Filters, 'warehouseId' | 'categoryIds' | 'productId'>) {
  let q = db.selectFrom('stockLevels as s').innerJoin('products as p', 'p.id', 's.productId').leftJoin('productCosts as c', 'c.productId', 's.productId')
    .select(['s.productId', 's.warehouseId', 's.onHand', 'p.categoryId', 'c.quantity as costQuantity', 'c.value as costValue']).where('s.onHand', '>', 0);
  if (f.categoryIds) q = q.where('p.categoryId', 'in', f.categoryIds);
  if (f.productId) q = q.where('s.productId', '=', f.productId);
  const rows = (await q.orderBy('s.productId').orderBy('s.warehouseId').execute()).map((r) => ({
    ...r, onHand: Number(r.onHand), costQuantity: Number(r.costQuantity ?? 0), costValue: Number(r.costValue ?? 0), categoryId: r.categoryId ?? '',
  }));
  const byProduct = new Map<string, typeof rows>();
  for (const r of rows) byProduct.set(r.productId, [...(byProduct.get(r.productId) ?? []), r]);
  const out: Array<{ productId: string; warehouseId: string; categoryId: string; onHand: number; value: number }> = [];
  for (const list of byProduct.values()) {
    const shares = splitValue(list[0].costValue, list.map((r) => r.onHand));
    list.forEach((r, i) => out.push({ productId: r.productId, warehouseId: r.warehouseId, categoryId: r.categoryId, onHand: r.onHand, value: shares[i] }));
  }
  return f.warehouseId ? out.filter((r) => r.warehouseId === f.warehouseId) : out;
}

/**
 * The same values summed per product (warehouseId ''), in the database: a product's shares add up to
 * its cost value, so a product with stock on hand anywhere is worth its whole cost value.
 */
export async function stockValuesByProduct(db: DbOrTx, f: Pick<Filters, 'categoryIds' | 'productId'>) {
  let q = db.selectFrom('stockLevels as s').innerJoin('products as p', 'p.id', 's.productId').leftJoin('productCosts as c', 'c.productId', 's.productId')
    .select(['s.productId', (eb) => eb.fn.min('p.categoryId').as('categoryId'), (eb) => eb.fn.sum<number>('s.onHand').as('onHand'), (eb) => eb.fn.min('c.value').as('value')])
    .where('s.onHand', '>', 0).groupBy('s.productId');
  if (f.categoryIds) q = q.where('p.categoryId', 'in', f.categoryIds);
  if (f.productId) q = q.where('s.productId', '=', f.productId);
  return (await q.execute()).map((r) => ({ productId: r.productId, warehouseId: '', categoryId: r.categoryId ?? '', onHand: Number(r.onHand), value: Number(r.value ?? 0) }));
}

export async function inventoryValue(db: DbOrTx, f: Filters, by: ValueBy) {
  const rows = await stockValues(db, f);
  const groups = new Map<string, { units: number; value: number; products: Set<string> }>();
  for (const r of rows) {
    const k = by === 'warehouse' ? r.warehouseId : r.categoryId;
    const g = groups.get(k) ?? { units: 0, value: 0, products: new Set<string>() };
    g.units += r.onHand;
    g.value += r.value;
    g.products.add(r.productId);
    groups.set(k, g);
  }
  const ids = [...groups.keys()].filter((k) => k !== '');
  const named = new Map((ids.length ? by === 'warehouse'
    ? await db.selectFrom('warehouses').select(['id', 'code', 'name']).where('id', 'in', ids).execute()
    : await db.selectFrom('categories').select(['id', 'code', 'name']).where('id', 'in', ids).execute() : []).map((r) => [r.id, r]));
  const total = rows.reduce((s, r) => s + r.value, 0);
  return {
    by, total, units: rows.reduce((s, r) => s + r.onHand, 0),
    ignoredFilters: [...(f.given.from || f.given.to ? ['from', 'to'] : []), ...(f.customerId ? ['customerId'] : [])],
    rows: [...groups.entries()].map(([id, g]) => ({
      id: id === '' ? null : id, code: named.get(id)?.code ?? null, name: named.get(id)?.name ?? null, units: g.units, value: g.value, products: g.products.size,
      sharePercent: total ? Math.round((g.value / total) * 10_000) / 100 : null,
    })).sort((a, b) => b.value - a.value),
  };
}
