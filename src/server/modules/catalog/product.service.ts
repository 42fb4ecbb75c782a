import type { Db, DbOrTx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { groupBy } from '../../platform/batch.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { paginate, searchWhere, sortBy, type Page } from '../../platform/list.js';
import { checkUnitsAndBarcodes } from './product.js';
import * as repo from './product.repository.js';
import type { ProductFilter, ProductInput, ProductPatch, ProductView } from './product.schemas.js';

export const productSorts = { sku: 'p.sku', name: 'p.name', brand: 'p.brand', listPrice: 'p.listPrice', costPrice: 'p.costPrice', createdAt: 'p.createdAt', updatedAt: 'p.updatedAt', status: 'p.status' };

/** Attaches units and barcodes to product rows (two queries for the whole page). */
async function withDetails(db: DbOrTx, rows: repo.ProductBaseRow[]): Promise<ProductView[]> {
  const ids = rows.map((r) => r.id);
  const units = groupBy(await repo.unitsOf(db, ids), (u) => u.productId);
  const barcodes = groupBy(await repo.barcodesOf(db, ids), (b) => b.productId);
  return rows.map((r) => {
    const own = (units.get(r.id) ?? []).map((u) => ({ id: u.id, name: u.name, factor: u.factor }));
    return {
      ...r,
      attributes: JSON.parse(r.attributes) as ProductView['attributes'],
      units: own,
      barcodes: (barcodes.get(r.id) ?? [])
        .map((b) => ({ id: b.id, barcode: b.barcode, unitId: b.unitId, unitName: own.find((u) => u.id === b.unitId)?.name ?? r.baseUnit })),
    };
  });
}

/** Products matching search text (SKU, name, spec, brand, barcode) and filters, one page. */
export async function listProducts(db: Db, f: Omit<ProductFilter, 'page' | 'pageSize'> & { page: number; pageSize: number }): Promise<Page<ProductView>> {
  let q = selectFiltered(db, f);
  if (f.categoryId) q = q.where('p.categoryId', 'in', await repo.categorySubtree(db, f.categoryId));
  const page = await paginate(q, sortBy(q, f.sort, productSorts, '-updatedAt'), f);
  return { ...page, items: await withDetails(db, page.items) };
}

function selectFiltered(db: Db, f: { q?: string; status?: string; brand?: string }) {
  let q = repo.selectProducts(db);
  if (f.q) {
    const text = f.q;
    q = searchWhere(q, text, ['p.sku', 'p.name', 'p.spec', 'p.brand', 'p.model'], (eb) =>
      eb('p.id', 'in', db.selectFrom('productBarcodes').select('productId').where('barcode', '=', text)),
    );
  }
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.brand) q = q.where('p.brand', '=', f.brand);
  return q;
}

/** One product with units and barcodes. */
export async function getProduct(db: DbOrTx, id: string): Promise<ProductView> {
  const row = await repo.selectProducts(db).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'product' });
  return (await withDetails(db, [row]))[0];
}

async function assertSkuFree(trx: DbOrTx, sku: string, exceptId?: string) {
  const found = await repo.findProductIdBySku(trx, sku);
  if (found && found !== exceptId) throw new DomainError('DUPLICATE', { entity: 'product', field: 'SKU', value: sku }, [{ field: 'sku', message: { zh: '编码已存在', en: 'SKU already exists' } }]);
}

async function assertCategory(trx: DbOrTx, categoryId: string | null | undefined) {
  if (!categoryId) return;
  if (!(await trx.selectFrom('categories').select('id').where('id', '=', categoryId).executeTakeFirst())) {
    throw new DomainError('NOT_FOUND', { entity: 'category' }, [{ field: 'categoryId', message: { zh: '类别不存在', en: 'No such category' } }]);
  }
}

async function assertBarcodes(trx: DbOrTx, p: Pick<ProductInput, 'baseUnit' | 'units' | 'barcodes'>, productId?: string) {
  const errors = checkUnitsAndBarcodes(p);
  if (errors.length) throw new DomainError('VALIDATION_FAILED', { summary: errors.map((e) => e.field).join(', ') }, errors);
  const taken = await repo.barcodesTaken(trx, p.barcodes.map((b) => b.barcode), productId);
  if (taken.length) {
    const i = p.barcodes.findIndex((b) => b.barcode === taken[0].barcode);
    throw new DomainError('DUPLICATE', { entity: 'barcode', field: { zh: '号码', en: 'number' }, value: taken[0].barcode }, [{ field: `barcodes.${i}.barcode`, message: { zh: '条码已被其他商品使用', en: 'Barcode is used by another product' } }]);
  }
}

/** Replaces a product's pack units (keeping ids of units whose name stays) and, if given, its barcodes. */
async function writeUnitsAndBarcodes(trx: DbOrTx, productId: string, units: ProductInput['units'], barcodes: ProductInput['barcodes'] | undefined) {
  const existing = await repo.unitsOf(trx, [productId]);
  const idByName = new Map<string, string>();
  for (const [i, u] of units.entries()) {
    const old = existing.find((e) => e.name === u.name);
    const id = old?.id ?? newId();
    idByName.set(u.name, id);
    if (old) await trx.updateTable('productUnits').set({ factor: u.factor, sortOrder: i }).where('id', '=', id).execute();
    else await trx.insertInto('productUnits').values({ id, productId, name: u.name, factor: u.factor, sortOrder: i }).execute();
  }
  const gone = existing.filter((e) => !idByName.has(e.name)).map((e) => e.id);
  if (gone.length) await trx.deleteFrom('productUnits').where('id', 'in', gone).execute();
  if (!barcodes) return;
  await trx.deleteFrom('productBarcodes').where('productId', '=', productId).execute();
  if (barcodes.length) {
    await trx
      .insertInto('productBarcodes')
      .values(barcodes.map((b) => ({ id: newId(), productId, unitId: b.unit ? (idByName.get(b.unit) ?? null) : null, barcode: b.barcode })))
      .execute();
  }
}

/** Creates a product inside the caller's transaction (API and import share it). */
export async function insertProduct(trx: DbOrTx, actor: Actor, input: ProductInput): Promise<string> {
  await assertSkuFree(trx, input.sku);
  await assertCategory(trx, input.categoryId);
  await assertBarcodes(trx, input);
  const now = nowIso();
  const id = newId();
  const { units, barcodes, attributes, ...fields } = input;
  await trx.insertInto('products').values({ ...fields, id, attributes: JSON.stringify(attributes), status: 'active', createdAt: now, updatedAt: now }).execute();
  await writeUnitsAndBarcodes(trx, id, units, barcodes);
  await writeAudit(trx, actor, { action: 'create', entity: 'product', entityId: id, summary: `${input.sku} ${input.name}`, after: await getProduct(trx, id) });
  return id;
}

/** Creates a product. */
export async function createProduct(db: Db, actor: Actor, input: ProductInput): Promise<ProductView> {
  const id = await db.transaction().execute((trx) => insertProduct(trx, actor, input));
  return getProduct(db, id);
}

/** Changes a product inside the caller's transaction; units/barcodes given replace the set. */
export async function updateProductTx(trx: DbOrTx, actor: Actor, id: string, patch: ProductPatch): Promise<void> {
  const before = await getProduct(trx, id);
  if (patch.sku !== undefined) await assertSkuFree(trx, patch.sku, id);
  if (patch.categoryId !== undefined) await assertCategory(trx, patch.categoryId);
  const baseUnit = patch.baseUnit ?? before.baseUnit;
  const units = patch.units ?? before.units.map((u) => ({ name: u.name, factor: u.factor }));
  const barcodes = patch.barcodes ?? before.barcodes.filter((b) => b.unitId === null || units.some((u) => u.name === b.unitName)).map((b) => ({ barcode: b.barcode, unit: b.unitId ? b.unitName : null }));
  if (patch.units || patch.barcodes || patch.baseUnit) await assertBarcodes(trx, { baseUnit, units, barcodes }, id);
  const { units: _u, barcodes: _b, attributes, ...fields } = patch;
  await trx
    .updateTable('products')
    .set({ ...fields, ...(attributes ? { attributes: JSON.stringify(attributes) } : {}), updatedAt: nowIso() })
    .where('id', '=', id)
    .execute();
  if (patch.units || patch.barcodes || patch.baseUnit) await writeUnitsAndBarcodes(trx, id, units, barcodes);
  await writeAudit(trx, actor, { action: 'update', entity: 'product', entityId: id, summary: `${before.sku} ${before.name}`, before, after: await getProduct(trx, id) });
}

/** Changes a product. */
export async function updateProduct(db: Db, actor: Actor, id: string, patch: ProductPatch): Promise<ProductView> {
  await db.transaction().execute((trx) => updateProductTx(trx, actor, id, patch));
  return getProduct(db, id);
}

/** Finds a product by a scanned barcode (with its unit) or by SKU. */
export async function lookupProduct(db: Db, code: string) {
  const bc = await db.selectFrom('productBarcodes').select(['productId', 'unitId']).where('barcode', '=', code).executeTakeFirst();
  const productId = bc?.productId ?? (await repo.findProductIdBySku(db, code));
  if (!productId) throw new DomainError('NOT_FOUND', { entity: 'product' }, [{ field: 'code', message: { zh: `没有条码或编码为「${code}」的商品`, en: `No product with barcode or SKU "${code}"` } }]);
  const product = await getProduct(db, productId);
  const unit = bc?.unitId ? product.units.find((u) => u.id === bc.unitId) : undefined;
  return { product, unitName: unit?.name ?? product.baseUnit, factor: unit?.factor ?? 1, matchedBy: bc ? ('barcode' as const) : ('sku' as const) };
}
