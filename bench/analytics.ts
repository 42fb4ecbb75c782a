// `npm run bench:analytics`: the dashboard benchmark of issue 7 (item 6). Seeds BENCH_LINES
// (1,000,000) order lines over BENCH_DAYS (1,095) days for 5,000 products and 2,000 customers
// (bench/support/analytics-data.ts), starts the real server, then times every dashboard figure over
// HTTP (sales, fulfilment, inventory value, turnover, ABC/XYZ, slow-moving and ageing stock, RFM,
// category preferences): each request BENCH_REPEAT (7) times, the first two as warm-up, and reports the median and
// the slowest of the rest. It then checks the figures are exact: totals and top lists from the
// rollups against sums the bench takes straight from the sales facts.
//
//   DATABASE_URL=postgres://…   run on PostgreSQL (a fresh jxc_bench_<time> database, dropped at the end)
//   BENCH_LINES=1000000  BENCH_DAYS=1095  BENCH_REPEAT=7  BENCH_TARGET_MS=200
//   BENCH_KEEP_DB=sqlite:/path/file.sqlite | postgres://…/dbname
//                               seed into this database once and keep it; a later run with the same
//                               value and the same BENCH_LINES / BENCH_DAYS times the figures again
//                               without seeding (seeding takes minutes; the figures want a quiet machine)
import { sql } from 'kysely';
import { createDb } from '../src/server/db/create-db.js';
import { dayStart } from '../src/server/platform/business-months.js';
import { setBusinessTimeZone } from '../src/server/platform/clock.js';
import pg from 'pg';
import { seedSalesHistory, type History } from './support/analytics-data.js';
import type { BenchDatabase } from './support/database.js';
import { adminSession, type Call } from './support/http.js';
import { createRandom } from './support/random.js';
import { runBench } from './support/run.js';
import { seedMasterData, type Seeded } from './support/seed.js';
import { startServer, type BenchServer } from './support/server.js';

if (process.env.JXC_TIMEZONE) setBusinessTimeZone(process.env.JXC_TIMEZONE);
const ADMIN = { email: 'bench@example.com', password: 'bench-password-1' };

function intEnv(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}, got ${raw}`);
  return n;
}
const settings = { lines: intEnv('BENCH_LINES', 1_000_000), days: intEnv('BENCH_DAYS', 1095), repeat: intEnv('BENCH_REPEAT', 7, 3), target: intEnv('BENCH_TARGET_MS', 200) };
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

type Timing = { name: string; median: number; max: number };

async function time(call: Call, name: string, path: string): Promise<Timing> {
  const runs: number[] = [];
  for (let i = 0; i < settings.repeat; i++) {
    const start = performance.now();
    await call('GET', path);
    runs.push(performance.now() - start);
  }
  const warm = runs.slice(2).sort((a, b) => a - b);
  return { name, median: warm[Math.floor(warm.length / 2)], max: warm[warm.length - 1] };
}

type Seed = { seeded: Pick<Seeded, 'warehouseIds' | 'customerIds'>; h: History; lines: number; days: number };

/** The seed a kept database (BENCH_KEEP_DB) already holds, if it was made with these settings. */
async function keptSeed(url: string): Promise<Seed | null> {
  const database = createDb(url, { poolSize: 1 });
  try {
    const { rows } = await sql<{ json: string }>`select json from bench_meta`.execute(database.db).catch(() => ({ rows: [] as Array<{ json: string }> }));
    const seed = rows[0] ? (JSON.parse(rows[0].json) as Seed) : null;
    return seed && seed.lines === settings.lines && seed.days === settings.days ? seed : null;
  } finally {
    await database.close();
  }
}

async function seedOrReuse(db: BenchDatabase): Promise<Seed> {
  if (keep) {
    const seed = await keptSeed(db.url);
    if (seed) {
      console.log(`reusing the seeded database ${db.label}: ${seed.h.lines.toLocaleString('en')} order lines from ${seed.h.from} to ${seed.h.to}`);
      return seed;
    }
  }
  const t0 = performance.now();
  const rnd = createRandom(3);
  const seeded = await seedMasterData(db.url, { products: 5000, customers: 2000 }, rnd);
  const h = await seedSalesHistory(db.url, seeded, rnd, { lines: settings.lines, days: settings.days }, console.log);
  console.log(`seeded ${h.lines.toLocaleString('en')} order lines in ${h.orders.toLocaleString('en')} orders (${h.returns.toLocaleString('en')} returns) from ${h.from} to ${h.to} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const seed: Seed = { seeded: { warehouseIds: seeded.warehouseIds, customerIds: seeded.customerIds.slice(0, 1) }, h, lines: settings.lines, days: settings.days };
  if (keep) {
    const database = createDb(db.url, { poolSize: 1 });
    try {
      await sql`create table bench_meta (json text not null)`.execute(database.db);
      await sql`insert into bench_meta (json) values (${JSON.stringify(seed)})`.execute(database.db);
    } finally {
      await database.close();
    }
  }
  return seed;
}

async function bench(db: BenchDatabase, track: (s: BenchServer) => void): Promise<number> {
  const { seeded, h } = await seedOrReuse(db);
  const server = await startServer({ DATABASE_URL: db.url, JXC_ADMIN_EMAIL: ADMIN.email, JXC_ADMIN_PASSWORD: ADMIN.password, JXC_DISPATCHER: 'off' });
  track(server);
  const call = await adminSession(server.base, ADMIN.email, ADMIN.password);
  const to = h.to;
  const year = `from=${addDays(to, -364)}&to=${to}`;
  const month = `from=${addDays(to, -29)}&to=${to}`;
  const all = `from=${h.from}&to=${to}`;
  const wh = `warehouseId=${seeded.warehouseIds[1]}`;
  const cat = `categoryId=${h.categoryIds[0]}`;
  const cust = `customerId=${seeded.customerIds[0]}`;
  const figures: Array<[string, string]> = [
    ['summary, 30 days', `/analytics/sales/summary?${month}`],
    ['summary, 365 days', `/analytics/sales/summary?${year}`],
    ['summary, 3 years', `/analytics/sales/summary?${all}`],
    ['summary, 365 days, warehouse', `/analytics/sales/summary?${year}&${wh}`],
    ['summary, 365 days, category', `/analytics/sales/summary?${year}&${cat}`],
    ['summary, 365 days, customer', `/analytics/sales/summary?${year}&${cust}`],
    ['trend by day, 365 days', `/analytics/sales/trend?${year}&granularity=day`],
    ['trend by week, 3 years', `/analytics/sales/trend?${all}&granularity=week`],
    ['trend by month, 3 years', `/analytics/sales/trend?${all}&granularity=month`],
    ['trend by month, 3 years, category', `/analytics/sales/trend?${all}&granularity=month&${cat}`],
    ['top products, 30 days', `/analytics/sales/top?${month}&by=product`],
    ['top products, 365 days', `/analytics/sales/top?${year}&by=product`],
    ['top products, 365 days, category', `/analytics/sales/top?${year}&by=product&${cat}`],
    ['top customers, 365 days', `/analytics/sales/top?${year}&by=customer`],
    ['top customers, 3 years', `/analytics/sales/top?${all}&by=customer`],
    ['top categories, 365 days', `/analytics/sales/top?${year}&by=category`],
    ['inventory value by warehouse', '/analytics/inventory/value?by=warehouse'],
    ['inventory value by category', '/analytics/inventory/value?by=category'],
    ['fulfilment, 365 days', `/analytics/fulfilment?${year}`],
    ['fulfilment, 365 days, customer', `/analytics/fulfilment?${year}&${cust}`],
    ['drill: sales lines, 365 days, page 1', `/analytics/drill/sales?${year}`],
    ['drill: sales lines of a customer, 365 days', `/analytics/drill/sales?${year}&${cust}`],
    ['drill: orders late, 365 days', `/analytics/drill/orders?${year}&onTime=false`],
    ['turnover by product, 365 days', `/analytics/stock/turnover?${year}&by=product`],
    ['turnover by category, 365 days', `/analytics/stock/turnover?${year}&by=category`],
    ['ABC × XYZ, 365 days', `/analytics/stock/abc-xyz?${year}`],
    ['slow-moving, 90 days', '/analytics/stock/slow-moving?days=90'],
    ['stock ageing', '/analytics/stock/ageing'],
    ['customer RFM, 365 days', `/analytics/customers/rfm?${year}`],
    ['customer category preferences, 365 days', `/analytics/customers/categories?${year}`],
  ];
  const timings: Timing[] = [];
  for (const [name, path] of figures) timings.push(await time(call, name, path));
  console.log(`\n| figure | median ms | slowest ms |\n|---|---|---|`);
  for (const t of timings) console.log(`| ${t.name} | ${t.median.toFixed(1)} | ${t.max.toFixed(1)} |`);
  const slow = timings.filter((t) => t.median > settings.target);
  console.log(`\n${timings.length} figures, ${slow.length} with a median over ${settings.target} ms${slow.length ? `: ${slow.map((s) => s.name).join(', ')}` : ''}`);

  // Exact: the rollups' answers against sums straight from the facts.
  const database = createDb(db.url, { poolSize: 1 });
  let exact = true;
  try {
    const sum = async (where: ReturnType<typeof sql>) => {
      const { rows } = await sql<{ net: string | number; cost: string | number }>`select coalesce(sum(net), 0) as net, coalesce(sum(cost), 0) as cost from sales_facts where ${where}`.execute(database.db);
      return { net: Number(rows[0].net), cost: Number(rows[0].cost) };
    };
    const checks: Array<[string, string, ReturnType<typeof sql>]> = [
      ['3 years', all, sql`day >= ${h.from} and day <= ${to}`],
      ['365 days, warehouse', `${year}&${wh}`, sql`day >= ${addDays(to, -364)} and day <= ${to} and warehouse_id = ${seeded.warehouseIds[1]}`],
    ];
    for (const [name, q, where] of checks) {
      const s = await call<{ current: { revenue: number; cost: number } }>('GET', `/analytics/sales/summary?${q}`);
      const f = await sum(where);
      const ok = s.current.revenue === f.net && s.current.cost === f.cost;
      exact &&= ok;
      console.log(`exact, summary ${name}: revenue ${s.current.revenue} / facts ${f.net}, cost ${s.current.cost} / facts ${f.cost}: ${ok ? 'equal' : 'DIFFERENT'}`);
    }
    const top = await call<{ rows: Array<{ id: string; revenue: number }> }>('GET', `/analytics/sales/top?${year}&by=product&limit=20`);
    let same = 0;
    for (const r of top.rows) if ((await sum(sql`day >= ${addDays(to, -364)} and day <= ${to} and product_id = ${r.id}`)).net === r.revenue) same += 1;
    exact &&= same === top.rows.length;
    console.log(`exact, top 20 products over 365 days (whole months from the monthly rollup, the edge days from the facts): ${same} of ${top.rows.length} equal the facts`);
    const customers = await call<{ rows: Array<{ id: string; revenue: number }> }>('GET', `/analytics/sales/top?${all}&by=customer&limit=10`);
    let sameCustomers = 0;
    for (const r of customers.rows) if ((await sum(sql`day >= ${h.from} and day <= ${to} and customer_id = ${r.id}`)).net === r.revenue) sameCustomers += 1;
    exact &&= sameCustomers === customers.rows.length;
    console.log(`exact, top 10 customers over 3 years (running totals of the monthly rollup): ${sameCustomers} of ${customers.rows.length} equal the facts`);
    // Turnover's opening and closing value: today's value less the movements' cost since each end, straight from the ledger.
    const turnover = await call<{ total: { openingValue: number; closingValue: number } }>('GET', `/analytics/stock/turnover?${year}&by=product&limit=1`);
    const value = Number((await sql<{ v: unknown }>`select coalesce(sum(c.value), 0) as v from product_costs c
      where exists (select 1 from stock_levels s where s.product_id = c.product_id and s.on_hand > 0)`.execute(database.db)).rows[0].v);
    const movedSince = async (day: string) => Number((await sql<{ v: unknown }>`select coalesce(sum(cost_amount), 0) as v from stock_movements where at >= ${dayStart(day)}`.execute(database.db)).rows[0].v);
    const opening = value - await movedSince(addDays(to, -364));
    const closing = value - await movedSince(addDays(to, 1));
    const sameTurnover = turnover.total.openingValue === opening && turnover.total.closingValue === closing;
    exact &&= sameTurnover;
    console.log(`exact, turnover over 365 days: opening ${turnover.total.openingValue} / ledger ${opening}, closing ${turnover.total.closingValue} / ledger ${closing}: ${sameTurnover ? 'equal' : 'DIFFERENT'}`);
  } finally {
    await database.close();
  }
  return exact ? 0 : 1;
}

const keep = process.env.BENCH_KEEP_DB;
/** The kept database: a SQLite file, or a PostgreSQL database made when missing; never dropped. */
async function keptDatabase(url: string): Promise<BenchDatabase> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const u = new URL(url);
    const name = u.pathname.slice(1);
    if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`BENCH_KEEP_DB: the database name must be lower-case letters, digits and _, got ${name}`);
    const server = new URL(url);
    server.pathname = '/postgres';
    const client = new pg.Client({ connectionString: server.toString() });
    await client.connect();
    try {
      const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return { url, dialect: 'postgres', label: `PostgreSQL (${u.host}/${name}, kept)`, drop: async () => undefined };
  }
  if (!url.startsWith('sqlite:')) throw new Error(`BENCH_KEEP_DB must be sqlite:/path or postgres://…, got ${url}`);
  return { url, dialect: 'sqlite', label: `SQLite (${url.slice(7)}, kept)`, drop: async () => undefined };
}

runBench('bench:analytics', `${settings.lines.toLocaleString('en')} order lines over ${settings.days} days, each figure ${settings.repeat}× (2 warm-up)`, bench, undefined,
  keep ? () => keptDatabase(keep) : undefined);
