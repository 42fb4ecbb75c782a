// `npm run bench:counts`: the stock-count benchmark of issue 5 (item 9). Starts the real server on
// a fresh database, stocks BENCH_LINES products in one warehouse, then for two counts of the whole
// warehouse — one where BENCH_VARIANCE_PERCENT (10) % of the lines differ, one where every line
// differs — times over HTTP: starting the count (the snapshot), posting the BENCH_LINES scanned
// lines in one request (by SKU), listing all variances, and approving (every variance posted
// through the ledger in one transaction); then runs verify-stock and checks the balances.
//
//   DATABASE_URL=postgres://…   run on PostgreSQL (a fresh jxc_bench_<time> database, dropped at the end)
//   BENCH_LINES=5000            products in the warehouse = lines of each count
//   BENCH_VARIANCE_PERCENT=10   lines that differ in the first count
import type { BenchDatabase } from './support/database.js';
import { adminSession, type Call } from './support/http.js';
import { createRandom } from './support/random.js';
import { runBench } from './support/run.js';
import { seedMasterData } from './support/seed.js';
import { startServer, type BenchServer } from './support/server.js';

const ADMIN = { email: 'bench@example.com', password: 'bench-password-1' };

function intEnv(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}, got ${raw}`);
  return n;
}

const settings = { lines: intEnv('BENCH_LINES', 5000), variancePercent: Math.min(100, intEnv('BENCH_VARIANCE_PERCENT', 10, 0)) };

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const out = await fn();
  return [out, performance.now() - start];
}
const ms = (n: number) => `${n.toFixed(0)} ms`;

type Count = { id: string; number: string; lineCount: number; status: string; gainQuantity: number; lossQuantity: number; gainAmount: number; lossAmount: number };
type Variances = { totals: { gains: number; losses: number; netValue: number }; items: unknown[] };

/** One count of the whole warehouse: `percent` % of the lines counted one more or one less than the book. */
async function countOnce(call: Call, warehouseId: string, book: Map<string, number>, percent: number, seed: number) {
  const rnd = createRandom(seed);
  const [count, startMs] = await timed(() => call<Count>('POST', '/stock-counts', { warehouseId, note: `bench ${percent}%` }));
  if (count.lineCount !== book.size) throw new Error(`snapshot has ${count.lineCount} lines, expected ${book.size}`);
  const lines = [...book.entries()].map(([sku, q]) => ({ barcode: sku, quantity: rnd.int(1, 100) <= percent ? (rnd.next() < 0.5 && q > 1 ? q - 1 : q + 1) : q }));
  const [, scanMs] = await timed(() => call('POST', `/stock-counts/${count.id}/scans`, { lines }));
  const [variances, listMs] = await timed(() => call<Variances>('GET', `/stock-counts/${count.id}/variances`));
  const [approved, approveMs] = await timed(() => call<Count>('POST', `/stock-counts/${count.id}/approve`, {}));
  for (const [i, sku] of [...book.keys()].entries()) book.set(sku, lines[i].quantity);
  const differing = variances.totals.gains + variances.totals.losses;
  console.log(`${count.number}: ${count.lineCount} lines, ${differing} differ (${percent}%): start (snapshot) ${ms(startMs)}; post ${lines.length} scanned lines ${ms(scanMs)}; list all variances ${ms(listMs)}; approve ${ms(approveMs)} ` +
    `(+${approved.gainQuantity} / −${approved.lossQuantity}, ¥${(approved.gainAmount / 100).toFixed(2)} / −¥${(approved.lossAmount / 100).toFixed(2)}); total ${ms(startMs + scanMs + listMs + approveMs)}`);
  if (approved.status !== 'approved') throw new Error(`count not approved: ${approved.status}`);
  return { differing, approveMs };
}

async function bench(db: BenchDatabase, track: (s: BenchServer) => void): Promise<number> {
  const t0 = performance.now();
  const seeded = await seedMasterData(db.url, { products: settings.lines, customers: 1 }, createRandom(1));
  const server = await startServer({ DATABASE_URL: db.url, JXC_ADMIN_EMAIL: ADMIN.email, JXC_ADMIN_PASSWORD: ADMIN.password });
  track(server);
  const admin = await adminSession(server.base, ADMIN.email, ADMIN.password);
  const warehouseId = seeded.warehouseIds[0];
  const rnd = createRandom(7);
  const book = new Map<string, number>();
  for (let i = 0; i < seeded.productIds.length; i += 2000) {
    const lines = seeded.productIds.slice(i, i + 2000).map((productId) => ({ productId, quantity: rnd.int(2, 500), unitCost: rnd.int(50, 5000) }));
    await admin('POST', '/stock/opening', { warehouseId, note: 'bench', lines });
    lines.forEach((l, k) => book.set(`B${String(i + k + 1).padStart(6, '0')}`, l.quantity));
  }
  console.log(`seeded and stocked ${settings.lines} products in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await countOnce(admin, warehouseId, book, settings.variancePercent, 11);
  await countOnce(admin, warehouseId, book, 100, 12);
  const verify = await admin<{ ok: boolean; mismatches: unknown[] }>('GET', '/admin/verify-stock');
  const stock = await admin<{ items: Array<{ sku: string; onHand: number }> }>('GET', `/stock?warehouseId=${warehouseId}&pageSize=500&sort=sku`);
  const wrong = stock.items.filter((r) => book.get(r.sku) !== r.onHand);
  console.log(`verify-stock: ${verify.ok ? 'OK' : 'FAILED'} (${verify.mismatches.length} mismatches); first ${stock.items.length} balances equal the counted quantities: ${wrong.length === 0 ? 'yes' : `NO (${wrong.length} differ)`}`);
  return verify.ok && wrong.length === 0 ? 0 : 1;
}

runBench('bench:counts', `counts of ${settings.lines} lines (${settings.variancePercent}% and 100% differing)`, bench);
