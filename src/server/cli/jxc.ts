// `npm run jxc -- <command>`: maintenance commands.
//   verify-stock        check on hand = Σ movements, reserved = Σ reservations and the costs; exit 1 on any mismatch
//   analytics-verify    check every analytics rollup row = Σ its sales facts; exit 1 on any mismatch
//   analytics-rebuild   rebuild the sales facts, rollups and order facts from the documents, then verify
import { createDb } from '../db/create-db.js';
import { migrateToLatest } from '../db/migrate.js';
import { verifyStock } from '../modules/inventory/index.js';
import { rebuildAnalytics, verifyAnalytics } from '../modules/analytics/analytics-rebuild.js';
import { configOrExit } from './config-or-exit.js';

const usage = 'usage: npm run jxc -- verify-stock | analytics-verify | analytics-rebuild';
const commands = ['verify-stock', 'analytics-verify', 'analytics-rebuild'];

async function main(): Promise<number> {
  const command = process.argv[2];
  if (!commands.includes(command ?? '')) {
    console.error(command ? `unknown command: ${command}\n${usage}` : usage);
    return 2;
  }
  const config = configOrExit();
  const database = createDb(config.databaseUrl, { poolSize: 1 });
  try {
    await migrateToLatest(database.db);
    if (command !== 'verify-stock') {
      if (command === 'analytics-rebuild') {
        const built = await rebuildAnalytics(database.db);
        console.log(`rebuilt: ${built.orders} orders, ${built.saleLines} shipped lines, ${built.historyOrders} history orders, ${built.returnLines} returned lines`);
      }
      const v = await verifyAnalytics(database.db);
      for (const m of v.mismatches.slice(0, 100)) console.log(`MISMATCH ${m.table} ${m.key} expected=${JSON.stringify(m.expected)} actual=${JSON.stringify(m.actual)}`);
      console.log(`${v.ok ? 'OK' : 'FAILED'}: ${v.checked} rollup rows checked, ${v.mismatches.length} mismatches`);
      return v.ok ? 0 : 1;
    }
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
