// Master data for the benchmark, written in-process through the server's own module functions
// (creating 10,000 products over HTTP would take longer than the benchmark itself).
import { createDb, type Db, type Tx } from '../../src/server/db/create-db.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { insertProduct, productInput } from '../../src/server/modules/catalog/index.js';
import { customerInput, insertCustomer } from '../../src/server/modules/partners/index.js';
import { insertWarehouse, warehouseInput } from '../../src/server/modules/warehouses/index.js';
import { systemActor } from '../../src/server/platform/actor.js';
import type { Random } from './random.js';

export type Seeded = { warehouseIds: string[]; productIds: string[]; customerIds: string[] };

const actor = systemActor('bench');
const CHUNK = 500;

/** Runs `make(trx, i)` for i in [0, count), CHUNK per transaction, `parallel` transactions at a time. */
async function chunked(db: Db, count: number, parallel: number, make: (trx: Tx, i: number) => Promise<string>): Promise<string[]> {
  const out = new Array<string>(count);
  const starts = Array.from({ length: Math.ceil(count / CHUNK) }, (_, c) => c * CHUNK);
  for (let k = 0; k < starts.length; k += parallel) {
    await Promise.all(starts.slice(k, k + parallel).map((start) =>
      db.transaction().execute(async (trx) => {
        for (let i = start; i < Math.min(start + CHUNK, count); i++) out[i] = await make(trx, i);
      })));
  }
  return out;
}

/** Migrates a fresh database and writes 2 warehouses, `products` products and `customers` customers. */
export async function seedMasterData(url: string, counts: { products: number; customers: number }, rnd: Random): Promise<Seeded> {
  const database = createDb(url, { poolSize: 4 });
  const parallel = database.dialect === 'postgres' ? 4 : 1;
  try {
    await migrateToLatest(database.db);
    const warehouseIds = await database.db.transaction().execute(async (trx) => [
      await insertWarehouse(trx, actor, warehouseInput.parse({ code: 'WH-1', name: '一号仓', isDefault: true })),
      await insertWarehouse(trx, actor, warehouseInput.parse({ code: 'WH-2', name: '二号仓' })),
    ]);
    const productIds = await chunked(database.db, counts.products, parallel, (trx, i) => {
      const listPrice = rnd.int(100, 100_000);
      return insertProduct(trx, actor, productInput.parse({
        sku: `B${String(i + 1).padStart(6, '0')}`, name: `压测商品 ${i + 1}`, baseUnit: '个',
        listPrice, wholesalePrice: Math.round(listPrice * 0.9), costPrice: Math.round(listPrice * 0.6), taxRate: 13,
      }));
    });
    const customerIds = await chunked(database.db, counts.customers, parallel, (trx, i) =>
      insertCustomer(trx, actor, customerInput.parse({
        code: `C${String(i + 1).padStart(5, '0')}`, name: `压测客户 ${i + 1}`, priceTier: i % 3 === 0 ? 'wholesale' : 'retail',
        addresses: [{ recipient: `收货人 ${i + 1}`, city: '上海', address: `测试路 ${i + 1} 号`, isDefault: true }],
      })));
    return { warehouseIds, productIds, customerIds };
  } finally {
    await database.close();
  }
}
