import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/server/db/create-db.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { changeStock } from '../../src/server/modules/inventory/index.js';
import { systemActor } from '../../src/server/platform/actor.js';
import { createTestDatabase, dialectLabel, type TestDatabase } from '../support/index.js';

const root = resolve(import.meta.dirname, '../..');
const verify = (url: string) =>
  new Promise<{ code: number; stdout: string }>((done) => {
    execFile('npx', ['tsx', 'src/server/cli/jxc.ts', 'verify-stock'], { cwd: root, env: { ...process.env, DATABASE_URL: url }, timeout: 60_000 }, (err, stdout) =>
      done({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout }),
    );
  });

describe(`npm run jxc -- verify-stock ${dialectLabel}`, { timeout: 60_000 }, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('exits 0 on a consistent ledger and 1 with each mismatch printed after a balance is changed behind its back', async () => {
    const { db, close } = createDb(database.url, { poolSize: 1 });
    try {
      await migrateToLatest(db);
      const now = new Date().toISOString();
      await db.insertInto('warehouses').values({ id: 'w1', code: 'W1', name: 'W', address: null, manager: null, phone: null, isDefault: 1, notes: null, status: 'active', createdAt: now, updatedAt: now }).execute();
      await db.insertInto('products').values({ id: 'p1', sku: 'P1', name: 'P', spec: null, model: null, categoryId: null, brand: null, baseUnit: '个', listPrice: 0, wholesalePrice: null, costPrice: 0, taxRate: 13, attributes: '[]', notes: null, status: 'active', createdAt: now, updatedAt: now }).execute();
      await db.transaction().execute((trx) => changeStock(trx, systemActor('test'), { type: 'test', id: 't1' }, { moves: [{ kind: 'opening', productId: 'p1', warehouseId: 'w1', quantity: 10, unitCost: 5 }] }));
      const ok = await verify(database.url);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('OK: 1 stock balances');
      await db.updateTable('stockLevels').set({ onHand: 11 }).execute();
      const bad = await verify(database.url);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain('MISMATCH on_hand product=p1 warehouse=w1 expected=10 actual=11');
    } finally {
      await close();
    }
  });
});
