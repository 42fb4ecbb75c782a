// `npm run jxc -- <command>`: maintenance commands.
//   verify-stock   check on hand = Σ movements and reserved = Σ reservations; exit 1 on any mismatch
import { ConfigError, loadConfig } from '../config.js';
import { createDb } from '../db/create-db.js';
import { migrateToLatest } from '../db/migrate.js';
import { verifyStock } from '../modules/inventory/index.js';
import { version } from '../version.js';

const usage = 'usage: npm run jxc -- verify-stock';

async function main(): Promise<number> {
  const command = process.argv[2];
  if (command !== 'verify-stock') {
    console.error(command ? `unknown command: ${command}\n${usage}` : usage);
    return 2;
  }
  let config;
  try {
    config = loadConfig(process.env, version);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  const database = createDb(config.databaseUrl, { poolSize: 1 });
  try {
    await migrateToLatest(database.db);
    const result = await verifyStock(database.db);
    for (const m of result.mismatches) {
      console.log(`MISMATCH ${m.kind} product=${m.productId}${m.warehouseId ? ` warehouse=${m.warehouseId}` : ''} expected=${m.expected} actual=${m.actual}`);
    }
    console.log(`${result.ok ? 'OK' : 'FAILED'}: ${result.checked.levels} stock balances, ${result.checked.products} product costs checked, ${result.mismatches.length} mismatches`);
    return result.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
