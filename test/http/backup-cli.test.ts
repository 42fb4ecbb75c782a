import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupRefusedError, backupDatabase } from '../../src/server/db/backup.js';
import { createDb } from '../../src/server/db/create-db.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { verifyStock } from '../../src/server/modules/inventory/index.js';
import { createTestApp, createTestDatabase, dialect, dialectLabel, type Json, type TestApp, type TestClient } from '../support/index.js';

const root = resolve(import.meta.dirname, '../..');
type Run = { code: number; stdout: string; stderr: string };
const run = (file: string, args: string[], env: Record<string, string> = {}) =>
  new Promise<Run>((done) => {
    execFile(file, args, { cwd: root, env: { ...process.env, ...env }, timeout: 90_000 }, (err, stdout, stderr) =>
      done({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    );
  });
// node --import tsx rather than npx tsx: a second less per run.
const backup = (url: string, ...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/server/cli/jxc.ts', 'backup', ...args], { DATABASE_URL: url });

/** Opens the restored copy, checks it is at the latest schema and its ledger is clean, and returns its order ids. */
async function inspectRestored(url: string): Promise<{ ids: Set<string>; stockOk: boolean; mismatches: unknown[]; pendingMigrations: string[] }> {
  const { db, close } = createDb(url, { poolSize: 1 });
  try {
    const pendingMigrations = await migrateToLatest(db);
    const stock = await verifyStock(db);
    const ids = new Set((await db.selectFrom('salesOrders').select('id').execute()).map((r) => r.id));
    return { ids, stockOk: stock.ok, mismatches: stock.mismatches, pendingMigrations };
  } finally {
    await close();
  }
}

describe(`npm run jxc -- backup ${dialectLabel}`, { timeout: 180_000 }, () => {
  let t: TestApp;
  let admin: TestClient;
  let dir: string;
  let product: Json;
  let customer: Json;
  let warehouse: Json;
  const order = async () => {
    const res = await admin.post('/api/v1/sales-orders', { customerId: customer.id, warehouseId: warehouse.id, confirm: true, lines: [{ productId: product.id, quantity: 1 }] });
    if (res.status !== 201) throw new Error(`order failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    dir = mkdtempSync(join(tmpdir(), 'jxc-backup-'));
    warehouse = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true })).body;
    product = (await admin.post('/api/v1/products', { sku: 'BK-1', name: '备份测试品', listPrice: 500, costPrice: 300 })).body;
    customer = (await admin.post('/api/v1/customers', { code: 'C1', name: '客户' })).body;
    const opening = await admin.post('/api/v1/stock/opening', { warehouseId: warehouse.id, lines: [{ productId: product.id, quantity: 100_000, unitCost: 300 }] });
    expect(opening.status).toBeLessThan(300);
  });
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('copies the live database while orders are being posted; the copy restores with a clean ledger and every order committed before', async () => {
    const before: string[] = [];
    for (let i = 0; i < 15; i++) before.push(await order());

    let stop = false;
    const during: string[] = [];
    const load = Array.from({ length: 3 }, async () => {
      while (!stop) during.push(await order());
    });
    const file = join(dir, dialect === 'sqlite' ? 'live.sqlite' : 'live.dump');
    const res = await backup(t.config.databaseUrl, file);
    stop = true;
    await Promise.all(load);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/backup written: .*live\.(sqlite|dump) \([\d.]+ (B|KB|MB)\) in [\d.]+ (ms|s)/);
    expect(during.length).toBeGreaterThan(0);
    expect(statSync(file).size).toBeGreaterThan(0);
    expect(readdirSync(dir)).toEqual([dialect === 'sqlite' ? 'live.sqlite' : 'live.dump']);

    let restored: Awaited<ReturnType<typeof inspectRestored>>;
    if (dialect === 'sqlite') {
      restored = await inspectRestored(`sqlite:${file}`);
    } else {
      const target = await createTestDatabase('postgres');
      try {
        const r = await run('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', target.url, file]);
        expect(r.code, r.stderr).toBe(0);
        restored = await inspectRestored(target.url);
      } finally {
        await target.drop();
      }
    }
    expect(restored.pendingMigrations).toEqual([]);
    expect(restored.mismatches).toEqual([]);
    expect(restored.stockOk).toBe(true);
    expect(before.filter((id) => !restored.ids.has(id))).toEqual([]);
    // Orders posted during the backup are in it or not, but nothing else is.
    const all = new Set([...before, ...during]);
    expect([...restored.ids].filter((id) => !all.has(id))).toEqual([]);
  });

  it('refuses a missing directory, an unwritable one, a directory, the database itself and an existing file (unless --force) with exit 2, writing nothing', async () => {
    const url = t.config.databaseUrl;
    const missing = await backup(url, join(dir, 'no-such-dir', 'x.bak'));
    expect(missing.stdout).toBe('');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('备份失败：目录不存在');
    expect(missing.stderr).toContain('backup failed: the directory does not exist');
    expect(existsSync(join(dir, 'no-such-dir'))).toBe(false);

    // root may write where a mode says it may not; sysfs refuses even root.
    const asRoot = process.getuid?.() === 0;
    const lockedDir = asRoot ? '/sys' : join(dir, 'locked');
    if (!asRoot) {
      mkdirSync(lockedDir);
      chmodSync(lockedDir, 0o555);
    }
    // The rest of the refusals in-process (each spawn costs seconds): the same error the command prints.
    const refusal = (target: string) => backupDatabase(url, target).then(() => null, (e: unknown) => e);
    const unwritable = await refusal(join(lockedDir, 'x.bak'));
    expect(unwritable).toBeInstanceOf(BackupRefusedError);
    expect(unwritable).toMatchObject({ reason: 'DIR_NOT_WRITABLE', message: expect.stringContaining('the directory is not writable') });
    expect((unwritable as Error).message).toContain('目录不可写');
    expect(existsSync(join(lockedDir, 'x.bak'))).toBe(false);
    if (!asRoot) rmSync(lockedDir, { recursive: true });
    expect(await refusal(dir)).toMatchObject({ reason: 'TARGET_IS_DIR' });
    writeFileSync(join(dir, 'plain'), '');
    expect(await refusal(join(dir, 'plain', 'x.bak'))).toMatchObject({ reason: 'NOT_A_DIR' });
    if (dialect === 'sqlite') expect(await refusal(t.config.databaseUrl.replace(/^sqlite:/, ''))).toMatchObject({ reason: 'TARGET_IS_DATABASE' });

    const existing = join(dir, 'existing.bak');
    writeFileSync(existing, 'keep me');
    const refused = await backup(url, existing);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('文件已存在');
    expect(refused.stderr).toContain('add --force to overwrite it');
    expect(readFileSync(existing, 'utf8')).toBe('keep me');

    const forced = await backup(url, existing, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(statSync(existing).size).toBeGreaterThan(100);

    const noPath = await backup(url);
    expect(noPath.code).toBe(2);
    expect(noPath.stderr).toContain('usage:');
    // No temporary file left behind by any of them.
    expect(readdirSync(dir).filter((n) => n.includes('.partial'))).toEqual([]);
  });
});
