// `npm run jxc -- <command>`: maintenance commands.
//   verify-stock        check on hand = Σ movements, reserved = Σ reservations and the costs; exit 1 on any mismatch
//   analytics-verify    check every analytics rollup row = Σ its sales facts; exit 1 on any mismatch
//   analytics-rebuild   rebuild the sales facts, rollups and order facts from the documents, then verify
//   backup <path> [--force]  a consistent copy of the live database (SQLite online backup, PostgreSQL pg_dump -Fc); exit 2 on a bad path
import { BackupFailedError, BackupRefusedError, backupDatabase } from '../db/backup.js';
import { createDb } from '../db/create-db.js';
import { migrateToLatest } from '../db/migrate.js';
import { verifyStock } from '../modules/inventory/index.js';
import { rebuildAnalytics, verifyAnalytics } from '../modules/analytics/analytics-rebuild.js';
import { configOrExit } from './config-or-exit.js';

const usage = 'usage: npm run jxc -- verify-stock | analytics-verify | analytics-rebuild | backup <path> [--force]';
const commands = ['verify-stock', 'analytics-verify', 'analytics-rebuild', 'backup'];

async function main(): Promise<number> {
  const command = process.argv[2];
  if (!commands.includes(command ?? '')) {
    console.error(command ? `unknown command: ${command}\n${usage}` : usage);
    return 2;
  }
  const config = configOrExit();
  if (command === 'backup') return backup(config.databaseUrl, process.argv.slice(3));
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

// No migration first: a backup copies the database as it is.
async function backup(databaseUrl: string, args: string[]): Promise<number> {
  const force = args.includes('--force');
  const rest = args.filter((a) => a !== '--force');
  if (rest.length !== 1 || rest[0].startsWith('-')) {
    console.error(`备份失败：请给出一个备份文件路径\nbackup failed: give one backup file path\n${usage}`);
    return 2;
  }
  try {
    const r = await backupDatabase(databaseUrl, rest[0], { force });
    const how = r.method === 'pg_dump' ? 'pg_dump custom format; restore: pg_restore -d <new database> <file>' : 'SQLite online backup; restore: use the file as the database';
    console.log(`已备份 / backup written: ${r.path} (${formatBytes(r.bytes)}) in ${r.ms < 1000 ? `${r.ms} ms` : `${(r.ms / 1000).toFixed(1)} s`}, ${how}`);
    return 0;
  } catch (err) {
    if (!(err instanceof BackupRefusedError || err instanceof BackupFailedError)) throw err;
    console.error(err.message);
    console.error('没有写入任何文件 / nothing was written');
    return err instanceof BackupRefusedError ? 2 : 1;
  }
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
