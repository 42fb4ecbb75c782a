import type { DbOrTx } from '../../db/create-db.js';
import { DomainError } from '../../platform/errors.js';

export type ScannedItem = { productId: string; sku: string; productName: string; factor: number; unitName: string };

/** What a scanned code is: a product barcode (its pack unit's factor counts) or a SKU; BARCODE_UNKNOWN (404) otherwise. */
export async function resolveScan(db: DbOrTx, code: string): Promise<ScannedItem> {
  const bc = await db.selectFrom('productBarcodes as b').innerJoin('products as p', 'p.id', 'b.productId').leftJoin('productUnits as u', 'u.id', 'b.unitId')
    .select(['p.id', 'p.sku', 'p.name', 'p.baseUnit', 'u.name as unitName', 'u.factor']).where('b.barcode', '=', code).executeTakeFirst();
  if (bc) return { productId: bc.id, sku: bc.sku, productName: bc.name, factor: bc.factor ?? 1, unitName: bc.unitName ?? bc.baseUnit };
  const p = await db.selectFrom('products').select(['id', 'sku', 'name', 'baseUnit']).where('sku', '=', code).executeTakeFirst();
  if (p) return { productId: p.id, sku: p.sku, productName: p.name, factor: 1, unitName: p.baseUnit };
  throw new DomainError('BARCODE_UNKNOWN', { barcode: code }, [{ field: 'barcode', message: { zh: '未知条码', en: 'Unknown barcode' } }]);
}
