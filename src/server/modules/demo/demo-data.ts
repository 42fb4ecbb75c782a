import { generateCustomers, type CustomerDraft } from './customers.js';
import { categoryPaths, generateProducts, type ProductDraft } from './products.js';
import { createRandom } from './random.js';
import { generateSuppliers, type SupplierDraft } from './suppliers.js';
import { generateWarehouses, type WarehouseDraft } from './warehouses.js';

/** The seed behind `npm run demo`; another seed gives another, equally valid business. */
export const DEMO_SEED = 20_240_601;

export type DemoData = {
  categoryPaths: string[];
  products: ProductDraft[];
  customers: CustomerDraft[];
  suppliers: SupplierDraft[];
  warehouses: WarehouseDraft[];
};

/** The whole demo business as plain data; the same seed always gives the same data. */
export function generateDemoData(seed = DEMO_SEED): DemoData {
  // Each part draws from its own stream, so changing one list leaves the others as they were.
  const products = generateProducts(createRandom(seed));
  return {
    categoryPaths: categoryPaths(),
    products,
    customers: generateCustomers(createRandom(seed + 1)),
    suppliers: generateSuppliers(createRandom(seed + 2), products),
    warehouses: generateWarehouses(createRandom(seed + 3)),
  };
}
