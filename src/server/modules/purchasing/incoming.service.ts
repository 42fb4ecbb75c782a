import type { DbOrTx } from '../../db/create-db.js';
import { openOrderLines } from './incoming.repository.js';

/** Open purchase order lines grouped by product × warehouse: the total, the next expected date, and each order. */
export async function incomingList(db: DbOrTx, f: { productId?: string; warehouseId?: string }) {
  const lines = await openOrderLines(db, f);
  const ids = [...new Set(lines.map((l) => l.productId))];
  const whIds = [...new Set(lines.map((l) => l.warehouseId))];
  const products = new Map(ids.length ? (await db.selectFrom('products').select(['id', 'sku', 'name']).where('id', 'in', ids).execute()).map((p) => [p.id, p]) : []);
  const warehouses = new Map(whIds.length ? (await db.selectFrom('warehouses').select(['id', 'name']).where('id', 'in', whIds).execute()).map((w) => [w.id, w.name]) : []);
  const groups = new Map<string, { productId: string; sku: string; productName: string; warehouseId: string; warehouseName: string; incoming: number; nextExpectedDate: string | null; orders: Array<Omit<(typeof lines)[number], 'productId' | 'warehouseId'>> }>();
  for (const { productId, warehouseId, ...l } of lines) {
    const key = `${productId}\u0000${warehouseId}`;
    let g = groups.get(key);
    if (!g) {
      const p = products.get(productId);
      g = { productId, sku: p?.sku ?? '', productName: p?.name ?? '', warehouseId, warehouseName: warehouses.get(warehouseId) ?? '', incoming: 0, nextExpectedDate: null, orders: [] };
      groups.set(key, g);
    }
    g.incoming += l.open;
    g.nextExpectedDate ??= l.expectedDate;
    g.orders.push(l);
  }
  return { items: [...groups.values()].sort((a, b) => a.sku.localeCompare(b.sku) || a.warehouseName.localeCompare(b.warehouseName)) };
}
