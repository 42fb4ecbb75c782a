// `npm run bench:shipping`: the shipping benchmark of issue 4. Starts the real server on a fresh
// database, stocks products in one warehouse, confirms 2 × BENCH_ORDERS (+ 300 for warming up)
// 3-line orders over HTTP, then times (1) one pick list (拣货单) for a wave of BENCH_ORDERS orders
// and (2) posting a shipment for each of BENCH_ORDERS other orders at BENCH_CONNECTIONS
// connections, after 300 unreported ones (JIT, caches); then runs verify-stock. Targets (issue 4):
// the wave in ≤ 1 s; ≥ 500 shipments/s on SQLite.
//
//   DATABASE_URL=postgres://…   run on PostgreSQL (a fresh jxc_bench_<time> database, dropped at the end)
//   BENCH_ORDERS=1000           orders in the wave, and shipments posted
//   BENCH_CONNECTIONS=16        concurrent shipment requests
//   BENCH_PRODUCTS=2000         products stocked
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import type { BenchDatabase } from './support/database.js';
import { adminSession, type Call } from './support/http.js';
import { createRandom } from './support/random.js';
import { seedMasterData, type Seeded } from './support/seed.js';
import { runBench } from './support/run.js';
import { startServer, type BenchServer } from './support/server.js';

const ADMIN = { email: 'bench@example.com', password: 'bench-password-1' };

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got ${raw}`);
  return n;
}

const settings = { orders: intEnv('BENCH_ORDERS', 1000), connections: intEnv('BENCH_CONNECTIONS', 16), products: intEnv('BENCH_PRODUCTS', 2000) };
const WARMUP = 300;
const seconds = (since: number) => (performance.now() - since) / 1000;

/** Opening stock of 1,000,000 for every product in the first warehouse. */
async function stock(call: Call, seeded: Seeded) {
  for (let i = 0; i < seeded.productIds.length; i += 2000) {
    const lines = seeded.productIds.slice(i, i + 2000).map((productId) => ({ productId, quantity: 1_000_000, unitCost: 500 }));
    await call('POST', '/stock/opening', { warehouseId: seeded.warehouseIds[0], note: 'bench', lines });
  }
}

/** `count` confirmed 3-line orders from the first warehouse, `parallel` at a time; returns their ids. */
async function placeOrders(call: Call, seeded: Seeded, count: number, parallel = 16): Promise<string[]> {
  const rnd = createRandom(11);
  const bodies = Array.from({ length: count }, () => {
    const picked = new Set<string>();
    while (picked.size < 3) picked.add(seeded.productIds[rnd.int(0, seeded.productIds.length - 1)]);
    return { customerId: seeded.customerIds[rnd.int(0, seeded.customerIds.length - 1)], warehouseId: seeded.warehouseIds[0], lines: [...picked].map((productId) => ({ productId, quantity: rnd.int(1, 5) })), confirm: true };
  });
  const ids: string[] = [];
  for (let i = 0; i < bodies.length; i += parallel) {
    const made = await Promise.all(bodies.slice(i, i + parallel).map((b) => call<{ id: string; status: string }>('POST', '/sales-orders', b)));
    for (const o of made) {
      if (o.status !== 'confirmed') throw new Error(`order not confirmed: ${o.status}`);
      ids.push(o.id);
    }
  }
  return ids;
}

async function bench(db: BenchDatabase, track: (s: BenchServer) => void): Promise<number> {
  const t0 = performance.now();
  const seeded = await seedMasterData(db.url, { products: settings.products, customers: 200 }, createRandom(1));
  // BENCH_CPU_PROF=dir: a V8 CPU profile of the server (npx tsx bench/cpu-profile-summary.ts dir).
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const server = await startServer({ DATABASE_URL: db.url, JXC_ADMIN_EMAIL: ADMIN.email, JXC_ADMIN_PASSWORD: ADMIN.password }, prof);
  track(server);
  const admin = await adminSession(server.base, ADMIN.email, ADMIN.password);
  await stock(admin, seeded);
  const t1 = performance.now();
  const orderIds = await placeOrders(admin, seeded, 2 * settings.orders + WARMUP);
  console.log(`seeded and stocked ${settings.products} products in ${seconds(t0).toFixed(1)} s; ${orderIds.length} confirmed orders in ${seconds(t1).toFixed(1)} s`);
  const wave = orderIds.slice(0, settings.orders);
  const warmup = orderIds.slice(settings.orders, settings.orders + WARMUP);
  const toShip = orderIds.slice(settings.orders + WARMUP);

  // 1. One pick list for the whole wave.
  const t2 = performance.now();
  const pick = await admin<{ id: string; number: string; lineCount: number; orderCount: number }>('POST', '/pick-lists', { orderIds: wave });
  const waveSeconds = seconds(t2);
  const t3 = performance.now();
  await admin('GET', `/pick-lists/${pick.id}`);
  const readSeconds = seconds(t3);
  console.log(`pick list ${pick.number}: ${pick.orderCount} orders, ${pick.lineCount} lines generated in ${(waveSeconds * 1000).toFixed(0)} ms (target ≤ 1000 ms: ${waveSeconds <= 1 ? 'met' : 'NOT met'}); read back in ${(readSeconds * 1000).toFixed(0)} ms`);

  // 2. A shipment per order, BENCH_CONNECTIONS at a time, with an API key of the warehouse role.
  const carriers = await admin<{ items: Array<{ id: string; code: string; adapter: string }> } | Array<{ id: string; code: string; adapter: string }>>('GET', '/carriers');
  const list = Array.isArray(carriers) ? carriers : carriers.items;
  const carrier = list.find((c) => c.adapter === 'manual') ?? list[0];
  const { key } = await admin<{ key: string }>('POST', '/api-keys', { name: 'bench-warehouse', role: 'warehouse' });
  let waybill = 0;
  const failures: string[] = [];
  const ship = (ids: string[], next = 0) => autocannon({
    url: `${server.base}/api/v1/shipments`, method: 'POST', connections: settings.connections, amount: ids.length, timeout: 30,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    requests: [{
      method: 'POST',
      setupRequest: (req) => {
        const i = next++;
        return { ...req, body: JSON.stringify({ orderId: ids[i % ids.length], carrierId: carrier.id, trackingNumber: `BENCH${String(waybill++).padStart(8, '0')}` }) };
      },
      onResponse: (status, body) => {
        if ((status < 200 || status > 299) && failures.length < 5) failures.push(`${status} ${body.slice(0, 300)}`);
      },
    }],
  });
  const warm = await ship(warmup);
  console.log(`warm-up (not reported): ${warm['2xx']} shipments`);
  const cpuBefore = server.cpuMs();
  const load = loadavg()[0];
  const t5 = performance.now();
  const startUs = Number(process.hrtime.bigint() / 1000n); // the clock V8 stamps profile samples with
  const result = await ship(toShip);
  // The measured window, for `npx tsx bench/cpu-profile-summary.ts dir 16`.
  if (process.env.BENCH_CPU_PROF) writeFileSync(join(process.env.BENCH_CPU_PROF, 'runs.json'), JSON.stringify([{ connections: settings.connections, startUs, endUs: Number(process.hrtime.bigint() / 1000n) }]));
  // Wall time measured here: autocannon's own duration counts whole ticks of its 1 s timer.
  const wall = seconds(t5);
  const cpuAfter = server.cpuMs();
  const ok = result['2xx'];
  const perSecond = ok / wall;
  const cpu = cpuBefore !== undefined && cpuAfter !== undefined && ok > 0 ? ((cpuAfter - cpuBefore) / ok).toFixed(2) : '?';
  console.log(`shipments: ${ok} posted in ${wall.toFixed(2)} s at ${settings.connections} connections = ${perSecond.toFixed(0)}/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  max ${result.latency.max} ms  non-2xx ${result.non2xx}  server CPU ${cpu} ms/shipment  load ${load.toFixed(2)}`);
  for (const f of failures) console.log(`      e.g. ${f}`);
  if (db.dialect === 'sqlite') console.log(`target ≥ 500 shipments/s on SQLite: ${perSecond >= 500 ? 'met' : 'NOT met'}`);

  const t4 = performance.now();
  const verify = await admin<{ ok: boolean; mismatches: unknown[] }>('GET', '/admin/verify-stock');
  console.log(`verify-stock: ${verify.ok ? 'OK' : 'FAILED'} (${verify.mismatches.length} mismatches, ${seconds(t4).toFixed(1)} s)`);
  return verify.ok && ok === toShip.length ? 0 : 1;
}

runBench('bench:shipping', `wave of ${settings.orders} orders, ${settings.orders} shipments at ${settings.connections} connections`, bench);
