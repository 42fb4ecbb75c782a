// `npm run jxc -- <command>`: maintenance commands.
//   verify-stock   check on hand = Σ movements, reserved = Σ reservations and the costs; exit 1 on any mismatch
import { createDb } from '../db/create-db.js';
import { migrateToLatest } from '../db/migrate.js';
import { verifyStock } from '../modules/inventory/index.js';
import { configOrExit } from './config-or-exit.js';

const usage = 'usage: npm run jxc -- verify-stock';

async function main(): Promise<number> {
  const command = process.argv[2];
  if (command !== 'verify-stock') {
    console.error(command ? `unknown command: ${command}\n${usage}` : usage);
    return 2;
  }
  const config = configOrExit();
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
