import { PostgresAdapter, sql, type Insertable, type Kysely, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/create-db.js';
import type { StockMovementTable, StockReservationTable } from '../../db/schema-documents.js';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { groupBy } from '../../platform/batch.js';
import { prepared } from '../../db/prepared.js';
import { applyBalancesInBulk, bookCostRound, lockCostRows, type CostMove } from './stock-ledger-bulk.js';
import { addToStockMonths } from './stock-months.js';

/** What a movement is; the sign of its quantity says in (+) or out (−). */
export type MovementKind = 'opening' | 'adjust_gain' | 'adjust_loss' | 'sale_out' | 'purchase_in' | 'return_in' | 'purchase_return_out' | 'transfer_out' | 'transfer_in' | 'count_gain' | 'count_loss';

/**
 * One change of on-hand stock. `unitCost` (fen): in, the cost it comes in at; out, the cost it
 * leaves at (only purchase returns give one: the receipt's cost); omitted = the moving average.
 */
export type StockMove = {
  kind: MovementKind;
  productId: string;
  warehouseId: string;
  quantity: number;
  unitCost?: number | null;
  binId?: string | null;
  sourceLineId?: string | null;
  reason?: string | null;
};

/** A change of the quantity a document line holds reserved. */
export type ReservationChange = { productId: string; warehouseId: string; sourceLineId: string; delta: number };

export type StockSource = { type: string; id: string };
export type PostedMove = StockMove & { id: string; unitCost: number; costAmount: number };

const keyOf = (p: string, w: string) => `${p}\u0000${w}`;
// better-sqlite3 binds JS numbers as REAL; the cast keeps the cost arithmetic in integers on both databases.
const int = (n: number) => sql<number>`cast(${n} as bigint)`;

/**
 * The one door to stock. Books movements and reservation changes of one source document inside the
 * caller's transaction: balances change by conditional updates in (product, warehouse) order, so
 * concurrent callers never oversell and never deadlock; cost moves at moving average (stock goes
 * out at a given cost only when the move names one: purchase returns); every on-hand change leaves
 * a movement row, added to its month in stock_value_months. Throws INSUFFICIENT_STOCK (nothing written) when a balance would go below what
 * is reserved.
 */
export async function changeStock(
  trx: Tx,
  actor: Actor,
  source: StockSource,
  change: { moves?: StockMove[]; reservations?: ReservationChange[] },
): Promise<PostedMove[]> {
  const moves = change.moves ?? [];
  const reservations = change.reservations ?? [];
  for (const q of [...moves.map((m) => m.quantity), ...reservations.map((r) => r.delta)]) {
    if (!Number.isSafeInteger(q) || q === 0) throw new Error(`stock quantities must be non-zero integers, got ${q}`);
  }
  const now = nowIso();
  await applyBalances(trx, moves, reservations, now);
  await applyReservations(trx, source, reservations, now);
  const posted = await applyCosts(trx, moves, now);
  // In chunks: SQLite binds at most 32,766 parameters per statement and PostgreSQL 65,535 (16 per row here).
  for (let i = 0; i < posted.length; i += ROWS_PER_INSERT) {
    await insertMovements.affected(trx, posted.slice(i, i + ROWS_PER_INSERT).map((m) => ({
      id: m.id, at: now, kind: m.kind, productId: m.productId, warehouseId: m.warehouseId, binId: m.binId ?? null,
      quantity: m.quantity, unitCost: m.unitCost, costAmount: m.costAmount, sourceType: source.type, sourceId: source.id,
      sourceLineId: m.sourceLineId ?? null, reason: m.reason ?? null, actorType: actor.type, actorId: actor.id, actorName: actor.name,
    })));
  }
  await addToStockMonths(trx, now, posted);
  return posted;
}

// The statements of every stock change, built and compiled once (see db/prepared.ts).
const insertMovements = prepared((db, rows: Insertable<StockMovementTable>[]) => db.insertInto('stockMovements').values(rows));
const ensureBalance = prepared((db, a: { productId: string; warehouseId: string; now: string }) =>
  db.insertInto('stockLevels').values({ productId: a.productId, warehouseId: a.warehouseId, onHand: 0, reserved: 0, updatedAt: a.now })
    .onConflict((oc) => oc.columns(['productId', 'warehouseId']).doNothing()));
/** Changes a balance unless on hand would fall below reserved, or reserved below zero. */
const moveBalance = prepared((db, a: { productId: string; warehouseId: string; onHand: number; reserved: number; now: string }) =>
  db.updateTable('stockLevels')
    .set({ onHand: sql`on_hand + ${int(a.onHand)}`, reserved: sql`reserved + ${int(a.reserved)}`, updatedAt: a.now })
    .where('productId', '=', a.productId)
    .where('warehouseId', '=', a.warehouseId)
    .where(sql<boolean>`reserved + ${int(a.reserved)} >= 0 and on_hand + ${int(a.onHand)} >= reserved + ${int(a.reserved)}`));
const undoBalance = prepared((db, a: { productId: string; warehouseId: string; onHand: number; reserved: number }) =>
  db.updateTable('stockLevels').set({ onHand: sql`on_hand - ${int(a.onHand)}`, reserved: sql`reserved - ${int(a.reserved)}` })
    .where('productId', '=', a.productId).where('warehouseId', '=', a.warehouseId));
const growReservations = prepared((db, a: { rows: Insertable<StockReservationTable>[]; now: string }) =>
  db.insertInto('stockReservations').values(a.rows)
    .onConflict((oc) => oc.columns(['sourceType', 'sourceLineId', 'productId', 'warehouseId']).doUpdateSet({ quantity: sql`${sql.ref('stockReservations.quantity')} + ${sql.ref('excluded.quantity')}`, updatedAt: a.now })));
/** Releases from several lines' reservations in one statement; a row not named gets a null delta and is left alone. */
const shrinkReservations = prepared((db, a: { sourceType: string; rows: Array<{ sourceLineId: string; productId: string; warehouseId: string; delta: number }>; now: string }) => {
  const delta = sql<number>`(case ${sql.join(a.rows.map((r) => sql`when source_line_id = ${r.sourceLineId} and product_id = ${r.productId} and warehouse_id = ${r.warehouseId} then ${int(r.delta)}`), sql` `)} end)`;
  return db.updateTable('stockReservations')
    .set({ quantity: sql`quantity + ${delta}`, updatedAt: a.now })
    .where('sourceType', '=', a.sourceType).where('sourceLineId', 'in', a.rows.map((r) => r.sourceLineId))
    .where(sql<boolean>`quantity + ${delta} >= 0`);
});

const ROWS_PER_INSERT = 1000;
// From this many balances (or products) in one call, PostgreSQL takes the set-based path
// (stock-ledger-bulk.ts): one statement per 1,000 rows instead of a round trip per row.
// SQLite has no round trips to save and keeps the prepared statements.
const BULK_FROM = 16;
const bulk = (trx: Tx, n: number) => n >= BULK_FROM && trx.getExecutor().adapter instanceof PostgresAdapter;

async function applyBalances(trx: Tx, moves: StockMove[], reservations: ReservationChange[], now: string) {
  const deltas = new Map<string, { productId: string; warehouseId: string; onHand: number; reserved: number }>();
  const add = (productId: string, warehouseId: string, onHand: number, reserved: number) => {
    const k = keyOf(productId, warehouseId);
    const d = deltas.get(k) ?? { productId, warehouseId, onHand: 0, reserved: 0 };
    d.onHand += onHand;
    d.reserved += reserved;
    deltas.set(k, d);
  };
  for (const m of moves) add(m.productId, m.warehouseId, m.quantity, 0);
  for (const r of reservations) add(r.productId, r.warehouseId, 0, r.delta);
  // Fixed order: two transactions touching the same rows lock them in the same sequence.
  const ordered = [...deltas.values()].sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : a.warehouseId < b.warehouseId ? -1 : a.warehouseId > b.warehouseId ? 1 : 0))
    .filter((d) => d.onHand !== 0 || d.reserved !== 0);
  if (bulk(trx, ordered.length)) {
    const refused = await applyBalancesInBulk(trx, ordered, now);
    if (refused) await refuse(trx, refused);
    return;
  }
  const applied: typeof ordered = [];
  for (const d of ordered) {
    // A missing balance row is made only for stock coming in; anything else on a missing row is refused below.
    if (d.onHand > 0) await ensureBalance.affected(trx, { productId: d.productId, warehouseId: d.warehouseId, now });
    const updated = await moveBalance.affected(trx, { productId: d.productId, warehouseId: d.warehouseId, onHand: d.onHand, reserved: d.reserved, now });
    if (updated === 0) {
      // Nothing written: undo the balances this call already changed, so a caller that describes
      // the shortage (or carries on in the same transaction) sees the stock as it was.
      for (const a of applied.reverse()) await undoBalance.affected(trx, { productId: a.productId, warehouseId: a.warehouseId, onHand: a.onHand, reserved: a.reserved });
      await refuse(trx, d);
    }
    applied.push(d);
  }
}

async function refuse(trx: Tx, d: { productId: string; warehouseId: string; onHand: number; reserved: number }): Promise<never> {
  const row = await trx
    .selectFrom('stockLevels as s')
    .innerJoin('products as p', 'p.id', 's.productId')
    .innerJoin('warehouses as w', 'w.id', 's.warehouseId')
    .select(['s.onHand', 's.reserved', 'p.sku', 'p.name', 'w.name as warehouseName'])
    .where('s.productId', '=', d.productId)
    .where('s.warehouseId', '=', d.warehouseId)
    .executeTakeFirst();
  const available = row ? row.onHand - row.reserved : 0;
  const requested = d.reserved - d.onHand;
  // No balance row yet (never stocked there): the names come from the product and warehouse.
  const names = row ?? {
    ...(await trx.selectFrom('products').select(['sku', 'name']).where('id', '=', d.productId).executeTakeFirst()),
    warehouseName: (await trx.selectFrom('warehouses').select('name').where('id', '=', d.warehouseId).executeTakeFirst())?.name,
  };
  throw new DomainError(
    'INSUFFICIENT_STOCK',
    { product: names.sku ? `${names.sku} ${names.name}` : d.productId, warehouse: names.warehouseName ?? d.warehouseId, available, requested },
    [{ field: 'lines', productId: d.productId, warehouseId: d.warehouseId, available, requested, message: { zh: `可用 ${available}，需要 ${requested}`, en: `available ${available}, requested ${requested}` } }],
  );
}

async function applyReservations(trx: Tx, source: StockSource, changes: ReservationChange[], now: string) {
  // New or larger reservations: one upsert per chunk, one row per line (summed, as a statement may touch a row once).
  const grow = new Map<string, ReservationChange>();
  for (const r of changes) {
    if (r.delta <= 0) continue;
    const k = `${r.sourceLineId}\u0000${keyOf(r.productId, r.warehouseId)}`;
    const g = grow.get(k);
    grow.set(k, g ? { ...g, delta: g.delta + r.delta } : r);
  }
  const rows = [...grow.values()];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await growReservations.affected(trx, {
      now,
      rows: rows.slice(i, i + ROWS_PER_INSERT).map((r) => ({
        id: newId(), productId: r.productId, warehouseId: r.warehouseId, sourceType: source.type, sourceId: source.id, sourceLineId: r.sourceLineId, quantity: r.delta, createdAt: now, updatedAt: now,
      })),
    });
  }
  // Releases: only what each line holds (the balance update above already refused more than is
  // reserved in total), summed per line like the grants, 200 rows a statement.
  const shrink = new Map<string, ReservationChange>();
  for (const r of changes) {
    if (r.delta >= 0) continue;
    const k = `${r.sourceLineId}\u0000${keyOf(r.productId, r.warehouseId)}`;
    const g = shrink.get(k);
    shrink.set(k, g ? { ...g, delta: g.delta + r.delta } : r);
  }
  const releases = [...shrink.values()];
  for (let i = 0; i < releases.length; i += 200) {
    const chunk = releases.slice(i, i + 200).map((r) => ({ sourceLineId: r.sourceLineId, productId: r.productId, warehouseId: r.warehouseId, delta: r.delta }));
    const updated = await shrinkReservations.affected(trx, { sourceType: source.type, rows: chunk, now });
    if (updated !== chunk.length) throw new Error(`a release exceeds what a line of ${source.type} ${source.id} holds reserved`);
  }
}

const ensureCostRow = prepared((db, a: { productId: string; now: string }) =>
  db.insertInto('productCosts').values({ productId: a.productId, quantity: 0, value: 0, lastDelta: 0, updatedAt: a.now }).onConflict((oc) => oc.column('productId').doNothing()));
/** Books `delta` (fen) to a product's cost row with `quantity` and returns it. */
const bookCost = (db: Kysely<Database>, a: { productId: string; quantity: number; now: string }, delta: RawBuilder<number>) =>
  db.updateTable('productCosts')
    .set({ lastDelta: delta, value: sql`value + ${delta}`, quantity: sql`quantity + ${int(a.quantity)}`, updatedAt: a.now })
    .where('productId', '=', a.productId)
    .returning('lastDelta');
// In: at the given cost, else at the current average (or the product's cost price when there is none).
// Out: the proportional share of the value, so the last unit out takes exactly what is left.
const bookInAt = prepared((db, a: { productId: string; quantity: number; unitCost: number; now: string }) =>
  bookCost(db, a, sql<number>`${int(a.quantity)} * ${int(a.unitCost)}`));
const bookInAtAverage = prepared((db, a: { productId: string; quantity: number; fallback: number; now: string }) =>
  bookCost(db, a, sql<number>`${int(a.quantity)} * (case when quantity > 0 then (2 * value + quantity) / (2 * quantity) else ${int(a.fallback)} end)`));
// Out at a given cost (returns to the supplier, as Odoo's AVCO does): q × cost leaves and the
// average is what remains over what remains. The last units out, or a value too small to give
// q × cost, take exactly what is left: the value never goes negative (decisions.md §14).
const bookOutAt = prepared((db, a: { productId: string; quantity: number; unitCost: number; now: string }) =>
  bookCost(db, a, sql<number>`-(case when quantity > -${int(a.quantity)} and value >= -${int(a.quantity)} * ${int(a.unitCost)} then -${int(a.quantity)} * ${int(a.unitCost)} else value end)`));
const bookOut = prepared((db, a: { productId: string; quantity: number; now: string }) =>
  bookCost(db, a, sql<number>`-(case when quantity >= -${int(a.quantity)} and quantity > 0 then (2 * value * -${int(a.quantity)} + quantity) / (2 * quantity) else value end)`));

/** Moving-average cost: `value` and `quantity` per product; each statement returns what it booked. */
async function applyCosts(trx: Tx, moves: StockMove[], now: string): Promise<PostedMove[]> {
  if (moves.length === 0) return [];
  const byProduct = groupBy(moves, (m) => m.productId);
  const ids = [...byProduct.keys()].sort();
  // The product's cost price is the fallback only for stock coming in without a cost.
  const uncosted = ids.filter((id) => byProduct.get(id)?.some((m) => m.quantity > 0 && m.unitCost == null));
  const fallback = new Map(uncosted.length ? (await trx.selectFrom('products').select(['id', 'costPrice']).where('id', 'in', uncosted).execute()).map((p) => [p.id, p.costPrice]) : []);
  const posted = new Map<StockMove, PostedMove>();
  const post = (m: StockMove, costAmount: number) => posted.set(m, { ...m, id: newId(), costAmount, unitCost: Math.round(Math.abs(costAmount) / Math.abs(m.quantity)) });
  if (bulk(trx, ids.length)) {
    // Round k books every product's k-th move, so a product's moves still see each other in order.
    await lockCostRows(trx, ids, now);
    for (let k = 0; ; k++) {
      const round = ids.flatMap((productId) => {
        const m = byProduct.get(productId)?.[k];
        return m ? [{ move: m, cost: { productId, quantity: m.quantity, unitCost: m.unitCost ?? null, fallback: fallback.get(productId) ?? 0 } satisfies CostMove }] : [];
      });
      if (round.length === 0) break;
      const booked = await bookCostRound(trx, round.map((r) => r.cost), now);
      for (const r of round) {
        const delta = booked.get(r.cost.productId);
        if (delta === undefined) throw new Error(`no cost row for product ${r.cost.productId}`);
        post(r.move, delta);
      }
    }
    return moves.map((m) => posted.get(m) as PostedMove);
  }
  const ensureRow = (productId: string) => ensureCostRow.affected(trx, { productId, now });
  for (const productId of ids) {
    // Stock going out has come in through here before, so its cost row exists; only stock coming in may need one made.
    if (byProduct.get(productId)?.some((m) => m.quantity > 0)) await ensureRow(productId);
    for (const m of byProduct.get(productId) ?? []) {
      const q = m.quantity;
      const book = () =>
        q > 0
          ? m.unitCost != null
            ? bookInAt.first(trx, { productId, quantity: q, unitCost: m.unitCost, now })
            : bookInAtAverage.first(trx, { productId, quantity: q, fallback: fallback.get(productId) ?? 0, now })
          : m.unitCost != null
            ? bookOutAt.first(trx, { productId, quantity: q, unitCost: m.unitCost, now })
            : bookOut.first(trx, { productId, quantity: q, now });
      let row = await book();
      if (!row) {
        await ensureRow(productId);
        row = await book();
      }
      if (!row) throw new Error(`no cost row for product ${productId}`);
      post(m, Number(row.lastDelta));
    }
  }
  return moves.map((m) => posted.get(m) as PostedMove);
}
