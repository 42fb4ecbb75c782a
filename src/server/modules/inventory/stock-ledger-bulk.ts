import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/create-db.js';

// The ledger's set-based path, for PostgreSQL and many rows (a stock count of a whole warehouse):
// the same conditional updates and cost formulas as stock-ledger.ts, but one statement per 1,000
// rows instead of one to four per row, each a round trip on PostgreSQL. Only stock-ledger.ts calls
// it. Rows are locked first, in (product, warehouse) order, by one upsert that also makes the
// missing ones (`ON CONFLICT … DO UPDATE … WHERE false` locks an existing row without changing
// it), so this path and the row-by-row one take their locks in the same sequence and cannot
// deadlock; after that the updates may visit the rows in any order.

export type BalanceDelta = { productId: string; warehouseId: string; onHand: number; reserved: number };
/** One move of the cost round: `unitCost` null = at the average (in) or a proportional share (out). */
export type CostMove = { productId: string; quantity: number; unitCost: number | null; fallback: number };

const CHUNK = 1000;
const int = (n: number) => sql<number>`cast(${n} as bigint)`;
const text = (s: string) => sql<string>`cast(${s} as text)`;
const list = (rows: RawBuilder<unknown>[]) => sql.join(rows, sql`, `);
const chunks = <T>(rows: T[]) => Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Applies balance deltas, sorted by (product, warehouse), each only if on hand stays ≥ reserved ≥ 0.
 * Returns null when all applied; else undoes what it applied, removes the empty rows it made for
 * stock not coming in, and returns the first delta refused.
 */
export async function applyBalancesInBulk(trx: Tx, ordered: BalanceDelta[], now: string): Promise<BalanceDelta | null> {
  const made: BalanceDelta[] = [];
  for (const chunk of chunks(ordered)) {
    // Only pairs whose product and warehouse exist (the rest is refused below, as row by row), in order.
    const rows = await sql<{ pid: string; wid: string }>`
      insert into stock_levels (product_id, warehouse_id, on_hand, reserved, updated_at)
      select v.pid, v.wid, 0, 0, ${now} from (values ${list(chunk.map((d, i) => sql`(${text(d.productId)}, ${text(d.warehouseId)}, ${int(i)})`))}) as v(pid, wid, n)
      where exists (select 1 from products p where p.id = v.pid) and exists (select 1 from warehouses w where w.id = v.wid)
      order by v.n
      on conflict (product_id, warehouse_id) do update set updated_at = excluded.updated_at where false
      returning product_id as pid, warehouse_id as wid`.execute(trx);
    const fresh = new Set(rows.rows.map((r) => `${r.pid}\u0000${r.wid}`));
    made.push(...chunk.filter((d) => fresh.has(`${d.productId}\u0000${d.warehouseId}`)));
  }
  const applied: BalanceDelta[] = [];
  const refused: BalanceDelta[] = [];
  for (const chunk of chunks(ordered)) {
    const done = await shiftBalances(trx, chunk, 1, now, true);
    for (const d of chunk) (done.has(`${d.productId}\u0000${d.warehouseId}`) ? applied : refused).push(d);
  }
  if (refused.length === 0) return null;
  for (const chunk of chunks(applied)) await shiftBalances(trx, chunk, -1, now, false);
  const empty = made.filter((d) => d.onHand <= 0);
  for (const chunk of chunks(empty)) {
    await sql`delete from stock_levels where (product_id, warehouse_id) in (${list(chunk.map((d) => sql`(${text(d.productId)}, ${text(d.warehouseId)})`))}) and on_hand = 0 and reserved = 0`.execute(trx);
  }
  return refused[0];
}

/** Adds `sign` × each delta; with `guarded`, only where on hand stays ≥ reserved ≥ 0. Returns the keys changed. */
async function shiftBalances(trx: Tx, chunk: BalanceDelta[], sign: 1 | -1, now: string, guarded: boolean): Promise<Set<string>> {
  const values = list(chunk.map((d) => sql`(${text(d.productId)}, ${text(d.warehouseId)}, ${int(sign * d.onHand)}, ${int(sign * d.reserved)})`));
  const guard = guarded ? sql`and s.reserved + v.r >= 0 and s.on_hand + v.q >= s.reserved + v.r` : sql``;
  const res = await sql<{ pid: string; wid: string }>`
    update stock_levels s set on_hand = s.on_hand + v.q, reserved = s.reserved + v.r, updated_at = ${now}
    from (values ${values}) as v(product_id, warehouse_id, q, r)
    where s.product_id = v.product_id and s.warehouse_id = v.warehouse_id ${guard}
    returning s.product_id as pid, s.warehouse_id as wid`.execute(trx);
  return new Set(res.rows.map((r) => `${r.pid}\u0000${r.wid}`));
}

// The cost booked by a move, from the cost row as it was (PostgreSQL's SET sees the old row):
// the formulas of stock-ledger.ts (bookInAt, bookInAtAverage, bookOut, bookOutAt) in one CASE.
const costDelta = sql<number>`(case
  when v.q > 0 then v.q * coalesce(v.cost, case when c.quantity > 0 then (2 * c.value + c.quantity) / (2 * c.quantity) else v.fallback end)
  when v.cost is not null then -(case when c.quantity > -v.q and c.value >= -v.q * v.cost then -v.q * v.cost else c.value end)
  else -(case when c.quantity >= -v.q and c.quantity > 0 then (2 * c.value * -v.q + c.quantity) / (2 * c.quantity) else c.value end)
end)`;

/** Locks (and makes, when missing) the cost rows of the products, in product order. */
export async function lockCostRows(trx: Tx, productIds: string[], now: string): Promise<void> {
  for (const chunk of chunks(productIds)) {
    await sql`insert into product_costs (product_id, quantity, value, last_delta, updated_at)
      values ${list(chunk.map((id) => sql`(${text(id)}, 0, 0, 0, ${now})`))}
      on conflict (product_id) do update set updated_at = excluded.updated_at where false`.execute(trx);
  }
}

/** Books one round of moves (at most one per product) to the locked cost rows; returns what each product's move booked (fen). */
export async function bookCostRound(trx: Tx, round: CostMove[], now: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const chunk of chunks(round)) {
    const values = list(chunk.map((m) => sql`(${text(m.productId)}, ${int(m.quantity)}, ${m.unitCost == null ? sql`cast(null as bigint)` : int(m.unitCost)}, ${int(m.fallback)})`));
    const res = await sql<{ pid: string; delta: number | string }>`
      update product_costs c set last_delta = ${costDelta}, value = c.value + ${costDelta}, quantity = c.quantity + v.q, updated_at = ${now}
      from (values ${values}) as v(product_id, q, cost, fallback)
      where c.product_id = v.product_id
      returning c.product_id as pid, c.last_delta as delta`.execute(trx);
    for (const r of res.rows) out.set(r.pid, Number(r.delta));
  }
  return out;
}
