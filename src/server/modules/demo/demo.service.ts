import type { Db, DbOrTx } from '../../db/create-db.js';
import { systemActor } from '../../platform/actor.js';
import { ensureCategoryPath, insertProduct, productInput } from '../catalog/index.js';
import { customerInput, insertCustomer, insertSupplier, supplierInput } from '../partners/index.js';
import { insertWarehouse, warehouseInput } from '../warehouses/index.js';
import { generateDemoData, type DemoData } from './demo-data.js';

export type DemoCounts = {
  categories: number;
  products: number;
  barcodes: number;
  customers: number;
  suppliers: number;
  supplierProducts: number;
  warehouses: number;
  bins: number;
};

type MasterDataCounts = { products: number; customers: number; suppliers: number; warehouses: number };

/** The demo only fills an empty database; it never mixes made-up data into real data. */
export class DemoRefusedError extends Error {
  constructor(readonly existing: MasterDataCounts) {
    const found = Object.entries(existing).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ');
    super(`The database already holds master data (${found}); the demo only fills an empty database.`);
    this.name = 'DemoRefusedError';
  }
}

/** How many products, customers, suppliers and warehouses the database holds. */
export async function countMasterData(db: DbOrTx): Promise<MasterDataCounts> {
  const count = async (table: 'products' | 'customers' | 'suppliers' | 'warehouses') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { products: await count('products'), customers: await count('customers'), suppliers: await count('suppliers'), warehouses: await count('warehouses') };
}

/** Writes the demo business into an empty database in one transaction, as the system actor "demo". */
export async function seedDemo(db: Db, opts: { seed?: number } = {}): Promise<DemoCounts> {
  const data = generateDemoData(opts.seed);
  await db.transaction().execute(async (trx) => {
    const existing = await countMasterData(trx);
    if (Object.values(existing).some((n) => n > 0)) throw new DemoRefusedError(existing);
    await writeDemo(trx, data);
  });
  return countsOf(data);
}

async function writeDemo(trx: DbOrTx, data: DemoData): Promise<void> {
  const actor = systemActor('demo');
  const categoryIds = new Map<string, string | null>();
  for (const path of data.categoryPaths) categoryIds.set(path, await ensureCategoryPath(trx, actor, path));
  const productIds = new Map<string, string>();
  for (const { categoryPath, ...p } of data.products) {
    productIds.set(p.sku, await insertProduct(trx, actor, productInput.parse({ ...p, categoryId: categoryIds.get(categoryPath) })));
  }
  for (const c of data.customers) await insertCustomer(trx, actor, customerInput.parse(c));
  for (const s of data.suppliers) {
    const products = s.products.map(({ sku, ...sp }) => ({ ...sp, productId: productIds.get(sku) }));
    await insertSupplier(trx, actor, supplierInput.parse({ ...s, products }));
  }
  for (const w of data.warehouses) await insertWarehouse(trx, actor, warehouseInput.parse(w));
}

function countsOf(data: DemoData): DemoCounts {
  const sum = <T>(items: T[], f: (x: T) => number) => items.reduce((s, x) => s + f(x), 0);
  return {
    categories: new Set(data.categoryPaths.flatMap((p) => [p.split('/')[0], p])).size,
    products: data.products.length,
    barcodes: sum(data.products, (p) => p.barcodes.length),
    customers: data.customers.length,
    suppliers: data.suppliers.length,
    supplierProducts: sum(data.suppliers, (s) => s.products.length),
    warehouses: data.warehouses.length,
    bins: sum(data.warehouses, (w) => w.bins?.length ?? 0),
  };
}
