import type { z } from 'zod';
import type { supplierInput } from '../partners/index.js';
import { supplierDefs, supplierTitles } from './partner-data.js';
import { landline, mobile, personName } from './people.js';
import type { ProductDraft } from './products.js';
import type { Random } from './random.js';

type SupplierProductDraft = Omit<NonNullable<z.input<typeof supplierInput>['products']>[number], 'productId'> & { sku: string };
/** A supplier as the demo writes it; product SKUs become product ids when seeding. */
export type SupplierDraft = Omit<z.input<typeof supplierInput>, 'products'> & { products: SupplierProductDraft[] };

/** The wholesaler (no brands of its own) carries this many everyday and cleaning goods. */
const WHOLESALER_RANGE = 40;

/** Suppliers S001…: brand distributors with their brands' products, and one wholesaler with a mix. */
export function generateSuppliers(rnd: Random, products: ProductDraft[]): SupplierDraft[] {
  return supplierDefs.map((def, i) => {
    const code = `S${String(i + 1).padStart(3, '0')}`;
    const range = def.brands.length
      ? products.filter((p) => def.brands.includes(p.brand))
      : rnd.sample(products.filter((p) => /^(日用百货|家居清洁)\//.test(p.categoryPath)), WHOLESALER_RANGE).sort((a, b) => a.sku.localeCompare(b.sku));
    const contacts = Array.from({ length: rnd.int(1, 2) }, (_, k) => ({ name: personName(rnd), title: supplierTitles[k === 0 ? rnd.int(0, 2) : rnd.int(3, 4)], phone: mobile(rnd) }));
    return {
      code,
      name: def.name,
      phone: landline(rnd, def.areaCode),
      email: `sales.${code.toLowerCase()}@example.com`,
      address: def.address,
      leadTimeDays: def.leadTimeDays,
      moq: def.moq,
      tags: def.tags,
      contacts,
      products: range.map((p, k) => ({
        sku: p.sku,
        supplierSku: `${code}-${String(k + 1).padStart(4, '0')}`,
        price: p.costPrice,
        // Suppliers ship whole cases: the biggest pack unit is the minimum order.
        moq: p.units.length ? p.units[p.units.length - 1].factor : 1,
        leadTimeDays: null,
      })),
    };
  });
}
