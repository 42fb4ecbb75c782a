// `npm run bench:orders`: the sales-order benchmark of issue 3. Starts the real server on a fresh
// database, seeds 10,000 products × 2 warehouses, places 3-line confirmed orders over HTTP with an
// API key at 1, 16 and 64 connections, prints orders/s and p50/p99, then runs verify-stock.
//
//   DATABASE_URL=postgres://…     run on PostgreSQL: a fresh jxc_bench_<time> database on that
//                                 server, dropped at the end (default: a fresh SQLite file)
//   BENCH_SECONDS=10              length of each measured run
//   BENCH_CONNECTIONS=1,16,64     the runs
//   BENCH_WARMUP_SECONDS=3        an unreported run at 16 connections first (JIT, caches)
//   BENCH_PRODUCTS=10000          products (each stocked in both warehouses)
//   BENCH_CPU_PROF=dir            write a V8 CPU profile of the server to dir (node --cpu-prof) and
//                                 each run's time window to dir/runs.json; read them with
//                                 `npx tsx bench/cpu-profile-summary.ts dir 16`
//   BENCH_SQL_STATS=dir           count and time every SQL statement in the server (a preload, no
//                                 server change) and print per run: statements per order, their
//                                 cost, COMMIT's spread, the costliest statements
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchDatabase } from './support/database.js';
import { adminSession, type Call } from './support/http.js';
import { runLoad, type RunFigures } from './support/load.js';
import { createRandom } from './support/random.js';
import { seedMasterData, type Seeded } from './support/seed.js';
import { describeSqlStats, sqlStatsArgs, takeSnapshot } from './support/sql-stats.js';
import { runBench } from './support/run.js';
import { startServer, type BenchServer } from './support/server.js';

const ADMIN = { email: 'bench@example.com', password: 'bench-password-1' };
const STOCK_PER_LEVEL = 1_000_000;

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got ${raw}`);
  return n;
}

const settings = {
  seconds: intEnv('BENCH_SECONDS', 10),
  warmup: intEnv('BENCH_WARMUP_SECONDS', 3),
  products: intEnv('BENCH_PRODUCTS', 10_000),
  customers: 200,
  connections: (process.env.BENCH_CONNECTIONS || '1,16,64').split(',').map((c) => Number(c.trim())).filter((c) => Number.isInteger(c) && c > 0),
  cpuProfDir: process.env.BENCH_CPU_PROF ? resolve(process.env.BENCH_CPU_PROF) : undefined,
  sqlStatsDir: process.env.BENCH_SQL_STATS ? resolve(process.env.BENCH_SQL_STATS) : undefined,
};

const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** A body for one order: a random customer and 3 different random products, 1 of each, confirmed. */
function orderBodies(seeded: Seeded, seed: number): () => string {
  const rnd = createRandom(seed);
  const { productIds, customerIds } = seeded;
  return () => {
    const picked = new Set<string>();
    while (picked.size < Math.min(3, productIds.length)) picked.add(productIds[rnd.int(0, productIds.length - 1)]);
    return JSON.stringify({
      customerId: customerIds[rnd.int(0, customerIds.length - 1)],
      lines: [...picked].map((productId) => ({ productId, quantity: 1 })),
      confirm: true,
    });
  };
}

// One opening document per 2,000 products (the API takes up to 20,000 lines; smaller calls keep
// each request's transaction short).
const OPENING_LINES_PER_CALL = 2_000;

/** Opening balances for every product in every warehouse, over HTTP. */
async function stockEverything(call: Call, seeded: Seeded) {
  for (const warehouseId of seeded.warehouseIds) {
    for (let i = 0; i < seeded.productIds.length; i += OPENING_LINES_PER_CALL) {
      const lines = seeded.productIds.slice(i, i + OPENING_LINES_PER_CALL).map((productId) => ({ productId, quantity: STOCK_PER_LEVEL, unitCost: 500 }));
      await call('POST', '/stock/opening', { warehouseId, note: 'bench', lines });
    }
  }
}

/** A run's figures plus the server's CPU time per 2xx order and the 1-minute load average before it. */
type Run = RunFigures & { cpuPerOrder: number | undefined; load: number };

const fmt = (r: Run) =>
  `${String(r.connections).padStart(3)} conn  ${r.perSecond.toFixed(0).padStart(6)} orders/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  max ${String(r.max).padStart(5)} ms  ` +
  `ok ${r.ok}  non-2xx ${r.non2xx}  errors ${r.errors}  timeouts ${r.timeouts}  server CPU ${r.cpuPerOrder === undefined ? '?' : r.cpuPerOrder.toFixed(2)} ms/order  load ${r.load.toFixed(2)}`;

/**
 * Waits (at most 10 s) until the server has finished the requests a run left in flight: autocannon
 * stops counting at the deadline, but the server still completes them, and they would otherwise
 * compete with the next run.
 */
async function settle(server: BenchServer): Promise<void> {
  for (let i = 0, quiet = 0; i < 50 && quiet < 2; i++) {
    const before = server.cpuMs();
    await new Promise((r) => setTimeout(r, 200));
    const after = server.cpuMs();
    quiet = before === undefined || after === undefined || after - before < 20 ? quiet + 1 : 0;
  }
}

/** Places orders at each connection count; when profiling, writes each run's window for cpu-profile-summary. */
async function measure(server: BenchServer, seeded: Seeded, key: string): Promise<Run[]> {
  const url = `${server.base}/api/v1/sales-orders`;
  const headers = { authorization: `Bearer ${key}` };
  if (settings.warmup > 0) {
    const w = await runLoad({ url, headers, connections: 16, seconds: settings.warmup, body: orderBodies(seeded, 7) });
    console.log(`warm-up (not reported): ${w.ok} orders in ${settings.warmup} s`);
    await settle(server);
  }
  const runs: Run[] = [];
  const windows: Array<{ connections: number; startUs: number; endUs: number }> = [];
  const monotonicUs = () => Number(process.hrtime.bigint() / 1000n); // the clock V8 stamps profile samples with
  for (const [i, connections] of settings.connections.entries()) {
    const load = loadavg()[0];
    const startUs = monotonicUs();
    const stats = settings.sqlStatsDir && server.pid !== undefined ? { pid: server.pid, dir: settings.sqlStatsDir } : undefined;
    const sqlBefore = stats && (await takeSnapshot(stats.pid, stats.dir, 2 * i + 1));
    const cpuBefore = server.cpuMs();
    const r = await runLoad({ url, headers, connections, seconds: settings.seconds, body: orderBodies(seeded, 100 + i) });
    const cpuAfter = server.cpuMs();
    const sqlAfter = stats && (await takeSnapshot(stats.pid, stats.dir, 2 * i + 2));
    windows.push({ connections, startUs, endUs: monotonicUs() });
    const run = { ...r, load, cpuPerOrder: cpuBefore !== undefined && cpuAfter !== undefined && r.ok > 0 ? (cpuAfter - cpuBefore) / r.ok : undefined };
    runs.push(run);
    console.log(fmt(run));
    for (const sample of r.samples) console.log(`      e.g. ${sample}`);
    if (sqlBefore && sqlAfter && r.ok > 0) console.log(describeSqlStats(sqlBefore, sqlAfter, r.ok));
    await settle(server);
  }
  if (settings.cpuProfDir) writeFileSync(join(settings.cpuProfDir, 'runs.json'), JSON.stringify(windows, null, 2));
  return runs;
}

/** Counts the orders, runs verify-stock and compares the 16-connection run with the issue's target; 1 if verify-stock fails. */
async function check(admin: Call, runs: Run[], dialect: BenchDatabase['dialect']): Promise<number> {
  const orders = await admin<{ total: number }>('GET', '/sales-orders?pageSize=1');
  const placed = runs.reduce((s, r) => s + r.ok, 0);
  console.log(`sales orders in the database: ${orders.total} (2xx replies in the measured runs: ${placed}; the rest are the warm-up and requests still in flight when a run ended)`);
  const t = performance.now();
  const verify = await admin<{ ok: boolean; checked: { levels: number; products: number }; mismatches: unknown[] }>('GET', '/admin/verify-stock');
  console.log(`verify-stock: ${verify.ok ? 'OK' : 'FAILED'}: ${verify.checked.levels} stock balances, ${verify.checked.products} product costs checked, ${verify.mismatches.length} mismatches (${elapsed(t)})`);
  for (const m of verify.mismatches.slice(0, 20)) console.log(`  MISMATCH ${JSON.stringify(m)}`);
  const at16 = runs.find((r) => r.connections === 16);
  if (at16) {
    const target = dialect === 'sqlite' ? { rate: 1500, p99: 25 } : { rate: 600, p99: Infinity };
    const met = at16.perSecond >= target.rate && at16.p99 <= target.p99;
    console.log(`target at 16 connections (${target.rate}/s${Number.isFinite(target.p99) ? `, p99 ≤ ${target.p99} ms` : ''}): ${met ? 'met' : 'NOT met'} (${at16.perSecond.toFixed(0)}/s, p99 ${at16.p99} ms)`);
  }
  return verify.ok ? 0 : 1;
}

async function bench(db: BenchDatabase, track: (s: BenchServer) => void): Promise<number> {
  const t0 = performance.now();
  const seeded = await seedMasterData(db.url, { products: settings.products, customers: settings.customers }, createRandom(1));
  console.log(`seeded ${seeded.productIds.length} products, ${seeded.customerIds.length} customers, ${seeded.warehouseIds.length} warehouses in ${elapsed(t0)}`);
  const nodeArgs: string[] = [];
  let env: Record<string, string> = { DATABASE_URL: db.url, JXC_ADMIN_EMAIL: ADMIN.email, JXC_ADMIN_PASSWORD: ADMIN.password };
  for (const dir of [settings.cpuProfDir, settings.sqlStatsDir]) if (dir) mkdirSync(dir, { recursive: true });
  if (settings.cpuProfDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${settings.cpuProfDir}`);
  if (settings.sqlStatsDir) {
    const stats = sqlStatsArgs(settings.sqlStatsDir);
    nodeArgs.push(...stats.nodeArgs);
    env = { ...env, ...stats.env };
  }
  const server = await startServer(env, nodeArgs);
  track(server);
  const admin = await adminSession(server.base, ADMIN.email, ADMIN.password);
  const { key } = await admin<{ key: string }>('POST', '/api-keys', { name: 'bench', role: 'sales' });
  const t1 = performance.now();
  await stockEverything(admin, seeded);
  console.log(`stocked ${seeded.productIds.length} products × ${seeded.warehouseIds.length} warehouses (${STOCK_PER_LEVEL} each) over HTTP in ${elapsed(t1)}`);
  const runs = await measure(server, seeded, key);
  return check(admin, runs, db.dialect);
}

runBench('bench:orders', `${settings.seconds} s per run at ${settings.connections.join(', ')} connections`, bench, () => {
  if (settings.cpuProfDir) console.log(`server CPU profile written to ${settings.cpuProfDir}`);
});
