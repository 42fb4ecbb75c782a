import { sql } from 'kysely';
import type { DbOrTx } from '../../db/create-db.js';

export type Mismatch = { kind: 'on_hand' | 'reserved' | 'cost_quantity'; productId: string; warehouseId: string | null; expected: number; actual: number };

/**
 * The stock invariants: for every product × warehouse, on hand = Σ movements and reserved = Σ open
 * reservations; per product, the costed quantity = Σ on hand. Returns every mismatch.
 */
export async function verifyStock(db: DbOrTx) {
  const onHand = await sql<{ productId: string; warehouseId: string; expected: number | string; actual: number | string }>`
    select coalesce(l.product_id, m.product_id) as "productId", coalesce(l.warehouse_id, m.warehouse_id) as "warehouseId",
           coalesce(m.total, 0) as expected, coalesce(l.on_hand, 0) as actual
    from stock_levels l
    full outer join (select product_id, warehouse_id, sum(quantity) as total from stock_movements group by product_id, warehouse_id) m
      on m.product_id = l.product_id and m.warehouse_id = l.warehouse_id
    where coalesce(m.total, 0) <> coalesce(l.on_hand, 0)`.execute(db);
  const reserved = await sql<{ productId: string; warehouseId: string; expected: number | string; actual: number | string }>`
    select coalesce(l.product_id, r.product_id) as "productId", coalesce(l.warehouse_id, r.warehouse_id) as "warehouseId",
           coalesce(r.total, 0) as expected, coalesce(l.reserved, 0) as actual
    from stock_levels l
    full outer join (select product_id, warehouse_id, sum(quantity) as total from stock_reservations group by product_id, warehouse_id) r
      on r.product_id = l.product_id and r.warehouse_id = l.warehouse_id
    where coalesce(r.total, 0) <> coalesce(l.reserved, 0)`.execute(db);
  const costs = await sql<{ productId: string; expected: number | string; actual: number | string }>`
    select coalesce(c.product_id, l.product_id) as "productId", coalesce(l.total, 0) as expected, coalesce(c.quantity, 0) as actual
    from product_costs c
    full outer join (select product_id, sum(on_hand) as total from stock_levels group by product_id) l on l.product_id = c.product_id
    where coalesce(l.total, 0) <> coalesce(c.quantity, 0)`.execute(db);
  const counts = await sql<{ levels: number | string; products: number | string }>`
    select (select count(*) from stock_levels) as levels, (select count(*) from product_costs) as products`.execute(db);
  const mismatches: Mismatch[] = [
    ...onHand.rows.map((r) => ({ kind: 'on_hand' as const, productId: r.productId, warehouseId: r.warehouseId, expected: Number(r.expected), actual: Number(r.actual) })),
    ...reserved.rows.map((r) => ({ kind: 'reserved' as const, productId: r.productId, warehouseId: r.warehouseId, expected: Number(r.expected), actual: Number(r.actual) })),
    ...costs.rows.map((r) => ({ kind: 'cost_quantity' as const, productId: r.productId, warehouseId: null, expected: Number(r.expected), actual: Number(r.actual) })),
  ];
  return { ok: mismatches.length === 0, checked: { levels: Number(counts.rows[0].levels), products: Number(counts.rows[0].products) }, mismatches };
}
