// `npx tsx bench/verify-stock.ts`: how long verify-stock takes on a large, consistent ledger, and
// whether it still finds every kind of mismatch there. Seeds a fresh database directly (one
// opening movement per balance, a reservation on most balances, one cost row per product), times
// `verifyStock` a few times, then breaks the ledger in each way it checks and runs it once more.
//
//   DATABASE_URL=postgres://…   run on PostgreSQL: a fresh jxc_bench_<time> database on that
//                               server, dropped at the end (default: a fresh SQLite file)
//   BENCH_PRODUCTS=10000        products, each with a balance in both warehouses
//   BENCH_RUNS=3                timed runs on the consistent ledger
import { createDb, type Db } from '../src/server/db/create-db.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { verifyStock } from '../src/server/modules/inventory/index.js';
import { freshDatabase } from './support/database.js';

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, got ${raw}`);
  return n;
}

const products = intEnv('BENCH_PRODUCTS', 10_000);
const runs = intEnv('BENCH_RUNS', 3);
const now = new Date().toISOString();
const CHUNK = 500;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

const product = (id: string) => ({
  id, sku: id.toUpperCase(), name: `Product ${id}`, spec: null, model: null, categoryId: null, brand: null, baseUnit: '个',
  listPrice: 200, wholesalePrice: null, costPrice: 100, taxRate: 13, attributes: '[]', notes: null, status: 'active', createdAt: now, updatedAt: now,
});
const movement = (id: string, productId: string, warehouseId: string, quantity: number) => ({
  id, at: now, kind: 'opening', productId, warehouseId, binId: null, quantity, unitCost: 100, costAmount: quantity * 100,
  sourceType: 'bench', sourceId: 'bench', sourceLineId: null, reason: null, actorType: 'system', actorId: null, actorName: 'bench',
});
const reservation = (id: string, productId: string, warehouseId: string, quantity: number) => ({
  id, productId, warehouseId, sourceType: 'bench', sourceId: 'bench', sourceLineId: id, quantity, createdAt: now, updatedAt: now,
});

/** A consistent ledger: every balance equals its movements and reservations, every cost row its balances. */
async function seed(db: Db) {
  const warehouses = ['w1', 'w2'];
  await db.insertInto('warehouses').values(warehouses.map((id, i) => ({
    id, code: id.toUpperCase(), name: id, address: null, manager: null, phone: null, isDefault: i === 0 ? 1 : 0, notes: null, status: 'active', createdAt: now, updatedAt: now,
  }))).execute();
  const ids = Array.from({ length: products }, (_, i) => `p${String(i).padStart(6, '0')}`);
  const levels = ids.flatMap((p, i) => warehouses.map((w, k) => ({ productId: p, warehouseId: w, onHand: 100 + ((i + k) % 50), reserved: (i + k) % 7 === 0 ? 0 : 1 + ((i + k) % 5) })));
  await db.transaction().execute(async (trx) => {
    await insertChunked(ids, (chunk) => trx.insertInto('products').values(chunk.map(product)).execute());
    await insertChunked(levels, (chunk) => trx.insertInto('stockLevels').values(chunk.map((l) => ({ ...l, updatedAt: now }))).execute());
    await insertChunked(levels, (chunk) => trx.insertInto('stockMovements').values(chunk.map((l) => movement(`m-${l.productId}-${l.warehouseId}`, l.productId, l.warehouseId, l.onHand))).execute());
    const reserved = levels.filter((l) => l.reserved > 0);
    await insertChunked(reserved, (chunk) => trx.insertInto('stockReservations').values(chunk.map((l) => reservation(`r-${l.productId}-${l.warehouseId}`, l.productId, l.warehouseId, l.reserved))).execute());
    const totals = new Map<string, number>();
    for (const l of levels) totals.set(l.productId, (totals.get(l.productId) ?? 0) + l.onHand);
    await insertChunked(ids, (chunk) => trx.insertInto('productCosts').values(chunk.map((p) => ({ productId: p, quantity: totals.get(p) ?? 0, value: (totals.get(p) ?? 0) * 100, lastDelta: 0, updatedAt: now }))).execute());
  });
  return { levels: levels.length, movements: levels.length, reservations: levels.filter((l) => l.reserved > 0).length, products: ids.length };
}

/** Breaks the ledger once in every way verify-stock checks; returns the mismatches it must report. */
async function breakLedger(db: Db) {
  const extra = ['x1', 'x2', 'x3', 'x4'];
  await db.insertInto('products').values(extra.map(product)).execute();
  await db.updateTable('stockLevels').set({ onHand: 999 }).where('productId', '=', 'p000001').where('warehouseId', '=', 'w1').execute();
  await db.insertInto('stockMovements').values(movement('m-x1', 'x1', 'w1', 7)).execute(); // movements, no balance row
  await db.insertInto('stockLevels').values({ productId: 'x2', warehouseId: 'w2', onHand: 5, reserved: 0, updatedAt: now }).execute(); // balance, no movements, no cost row
  await db.updateTable('stockLevels').set({ reserved: 40 }).where('productId', '=', 'p000002').where('warehouseId', '=', 'w2').execute();
  await db.insertInto('stockReservations').values(reservation('r-x3', 'x3', 'w1', 3)).execute(); // reservation, no balance row
  await db.insertInto('productCosts').values({ productId: 'x4', quantity: 9, value: 900, lastDelta: 0, updatedAt: now }).execute(); // cost, no balances
  const level = (p: string, w: string) => db.selectFrom('stockLevels').select(['onHand', 'reserved']).where('productId', '=', p).where('warehouseId', '=', w).executeTakeFirstOrThrow();
  const [p1, p2] = [await level('p000001', 'w1'), await level('p000002', 'w2')];
  const p1Movements = Number((await db.selectFrom('stockMovements').select((eb) => eb.fn.sum<number>('quantity').as('q')).where('productId', '=', 'p000001').where('warehouseId', '=', 'w1').executeTakeFirstOrThrow()).q);
  const p2Reserved = Number((await db.selectFrom('stockReservations').select((eb) => eb.fn.sum<number>('quantity').as('q')).where('productId', '=', 'p000002').where('warehouseId', '=', 'w2').executeTakeFirstOrThrow()).q);
  const p1Cost = await db.selectFrom('productCosts').select('quantity').where('productId', '=', 'p000001').executeTakeFirstOrThrow();
  const p1Levels = Number((await db.selectFrom('stockLevels').select((eb) => eb.fn.sum<number>('onHand').as('q')).where('productId', '=', 'p000001').executeTakeFirstOrThrow()).q);
  return [
    { kind: 'on_hand', productId: 'p000001', warehouseId: 'w1', expected: p1Movements, actual: Number(p1.onHand) },
    { kind: 'on_hand', productId: 'x1', warehouseId: 'w1', expected: 7, actual: 0 },
    { kind: 'on_hand', productId: 'x2', warehouseId: 'w2', expected: 0, actual: 5 },
    { kind: 'reserved', productId: 'p000002', warehouseId: 'w2', expected: p2Reserved, actual: Number(p2.reserved) },
    { kind: 'reserved', productId: 'x3', warehouseId: 'w1', expected: 3, actual: 0 },
    { kind: 'cost_quantity', productId: 'p000001', warehouseId: null, expected: p1Levels, actual: Number(p1Cost.quantity) },
    { kind: 'cost_quantity', productId: 'x2', warehouseId: null, expected: 5, actual: 0 },
    { kind: 'cost_quantity', productId: 'x4', warehouseId: null, expected: 0, actual: 9 },
  ];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const out = await fn();
  return [out, performance.now() - start];
}

async function main(): Promise<number> {
  const target = await freshDatabase(process.env.DATABASE_URL);
  const database = createDb(target.url, { poolSize: 1 });
  try {
    console.log(`verify-stock benchmark on ${target.label}`);
    await migrateToLatest(database.db);
    const [counts, seedMs] = await timed(() => seed(database.db));
    console.log(`seeded ${counts.levels} balances, ${counts.movements} movements, ${counts.reservations} reservations, ${counts.products} product costs in ${seconds(seedMs)}`);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const [report, ms] = await timed(() => verifyStock(database.db));
      if (!report.ok) throw new Error(`the seeded ledger should be consistent: ${JSON.stringify(report.mismatches.slice(0, 5))}`);
      times.push(ms);
      console.log(`run ${i + 1}: ${seconds(ms)} (checked ${report.checked.levels} balances, ${report.checked.products} product costs)`);
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`verify-stock, consistent ledger: median ${seconds(sorted[Math.floor(sorted.length / 2)])}, best ${seconds(sorted[0])}`);
    const expected = await breakLedger(database.db);
    const [report, ms] = await timed(() => verifyStock(database.db));
    const key = (m: { kind: string; productId: string; warehouseId: string | null }) => `${m.kind} ${m.productId} ${m.warehouseId ?? '-'}`;
    const found = new Map(report.mismatches.map((m) => [key(m), m]));
    const missed = expected.filter((e) => JSON.stringify(found.get(key(e))) !== JSON.stringify(e));
    const unexpected = report.mismatches.filter((m) => !expected.some((e) => key(e) === key(m)));
    console.log(`verify-stock, broken ledger: ${seconds(ms)}, ${report.mismatches.length} mismatches reported, ${expected.length} expected`);
    for (const m of missed) console.log(`  MISSED ${JSON.stringify(m)} (got ${JSON.stringify(found.get(key(m)) ?? null)})`);
    for (const m of unexpected) console.log(`  UNEXPECTED ${JSON.stringify(m)}`);
    return missed.length || unexpected.length ? 1 : 0;
  } finally {
    await database.close();
    await target.drop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
