// `npm run demo`: migrates, then fills an empty database with a made-up wholesale business.
import type { Config } from '../config.js';
import { configOrExit } from './config-or-exit.js';
import { createDb } from '../db/create-db.js';
import { migrateToLatest } from '../db/migrate.js';
import { DemoRefusedError, seedDemo, type DemoCounts } from '../modules/demo/index.js';


function summary(c: DemoCounts, config: Config): string {
  return [
    'Demo data written (商品/客户/供应商/仓库):',
    `  categories  ${c.categories}`,
    `  products    ${c.products} (${c.barcodes} barcodes)`,
    `  customers   ${c.customers}`,
    `  suppliers   ${c.suppliers} (${c.supplierProducts} supplier products)`,
    `  warehouses  ${c.warehouses} (${c.bins} bins)`,
    '',
    `Next: npm start, open http://localhost:${config.port}, create the administrator.`,
  ].join('\n');
}

async function main(): Promise<number> {
  const config = configOrExit();
  const database = createDb(config.databaseUrl, { poolSize: 1 });
  try {
    const ran = await migrateToLatest(database.db);
    if (ran.length) console.log(`Applied migrations: ${ran.join(', ')}`);
    const started = Date.now();
    const counts = await seedDemo(database.db);
    console.log(summary(counts, config));
    console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s, audit log actor: demo)`);
    return 0;
  } catch (err) {
    if (!(err instanceof DemoRefusedError)) throw err;
    console.error(err.message);
    console.error('Nothing was written. Point DATABASE_URL at a new database, e.g. DATABASE_URL=sqlite:./data/demo.sqlite npm run demo');
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
