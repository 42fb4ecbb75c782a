import type { DbOrTx } from '../../db/create-db.js';
import { inChunks } from '../../platform/batch.js';

/** Products joined with their category name. */
export const selectProducts = (db: DbOrTx) =>
  db
    .selectFrom('products as p')
    .leftJoin('categories as c', 'c.id', 'p.categoryId')
    .select([
      'p.id', 'p.sku', 'p.name', 'p.spec', 'p.model', 'p.categoryId', 'c.name as categoryName', 'p.brand', 'p.baseUnit',
      'p.listPrice', 'p.wholesalePrice', 'p.costPrice', 'p.taxRate', 'p.attributes', 'p.notes', 'p.status', 'p.createdAt', 'p.updatedAt',
    ]);

export type ProductBaseRow = Awaited<ReturnType<ReturnType<typeof selectProducts>['executeTakeFirstOrThrow']>>;

/** Pack units of the given products. */
export const unitsOf = (db: DbOrTx, productIds: string[]) =>
  inChunks(productIds, (ids) =>
    db.selectFrom('productUnits').select(['id', 'productId', 'name', 'factor']).where('productId', 'in', ids).orderBy('sortOrder').orderBy('factor').execute(),
  );

/** Barcodes of the given products. */
export const barcodesOf = (db: DbOrTx, productIds: string[]) =>
  inChunks(productIds, (ids) =>
    db.selectFrom('productBarcodes').select(['id', 'productId', 'unitId', 'barcode']).where('productId', 'in', ids).orderBy('barcode').execute(),
  );

/** Which of these barcodes belong to a product other than `exceptProductId`. */
export const barcodesTaken = (db: DbOrTx, barcodes: string[], exceptProductId?: string) => {
  if (barcodes.length === 0) return Promise.resolve([]);
  let q = db.selectFrom('productBarcodes').select(['barcode', 'productId']).where('barcode', 'in', barcodes);
  if (exceptProductId) q = q.where('productId', '!=', exceptProductId);
  return q.execute();
};

export const findProductIdBySku = async (db: DbOrTx, sku: string) =>
  (await db.selectFrom('products').select('id').where('sku', '=', sku).executeTakeFirst())?.id;

/** Category ids of a category and all its descendants. */
export async function categorySubtree(db: DbOrTx, rootId: string): Promise<string[]> {
  const all = await db.selectFrom('categories').select(['id', 'parentId']).execute();
  const out = [rootId];
  for (let i = 0; i < out.length; i++) for (const c of all) if (c.parentId === out[i]) out.push(c.id);
  return out;
}
