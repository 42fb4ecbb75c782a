import type { Db, DbOrTx } from '../../db/create-db.js';
import type { SupplierRow } from '../../db/schema.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { groupBy, inChunks } from '../../platform/batch.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { paginate, searchWhere, sortBy, whereTag, type ListArgs, type Page } from '../../platform/list.js';
import type { SupplierInput, SupplierView } from './partner.schemas.js';

export const supplierSorts = { code: 'code', name: 'name', leadTimeDays: 'leadTimeDays', createdAt: 'createdAt', updatedAt: 'updatedAt', status: 'status' };

async function productsOf(db: DbOrTx, supplierIds: string[]) {
  return inChunks(supplierIds, (chunk) => db
    .selectFrom('supplierProducts as sp')
    .innerJoin('products as p', 'p.id', 'sp.productId')
    .select(['sp.id', 'sp.supplierId', 'sp.productId', 'p.sku', 'p.name as productName', 'sp.supplierSku', 'sp.price', 'sp.moq', 'sp.packSize', 'sp.leadTimeDays'])
    .where('sp.supplierId', 'in', chunk)
    .orderBy('p.sku')
    .execute());
}

async function toViews(db: DbOrTx, rows: SupplierRow[]): Promise<SupplierView[]> {
  const products = groupBy(await productsOf(db, rows.map((r) => r.id)), (p) => p.supplierId);
  return rows.map((r) => ({
    ...r,
    paymentTermsDays: Number(r.paymentTermsDays ?? 0),
    tags: JSON.parse(r.tags),
    contacts: JSON.parse(r.contacts),
    products: (products.get(r.id) ?? []).map(({ supplierId: _s, ...p }) => p),
  }));
}

/** Suppliers matching search text and filters. */
export async function listSuppliers(db: Db, f: ListArgs & { status?: string; tag?: string; productId?: string }): Promise<Page<SupplierView>> {
  let q = db.selectFrom('suppliers').selectAll();
  q = searchWhere(q, f.q, ['code', 'name', 'phone', 'email', 'contacts']);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.tag) q = whereTag(q, 'tags', f.tag);
  if (f.productId) q = q.where('id', 'in', db.selectFrom('supplierProducts').select('supplierId').where('productId', '=', f.productId));
  const page = await paginate(q, sortBy(q, f.sort, supplierSorts, 'code'), f);
  return { ...page, items: await toViews(db, page.items) };
}

/** One supplier with its product list. */
export async function getSupplier(db: DbOrTx, id: string): Promise<SupplierView> {
  const r = await db.selectFrom('suppliers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new DomainError('NOT_FOUND', { entity: 'supplier' });
  return (await toViews(db, [r]))[0];
}

export const findSupplierIdByCode = async (db: DbOrTx, code: string) =>
  (await db.selectFrom('suppliers').select('id').where('code', '=', code).executeTakeFirst())?.id;

async function assertCodeFree(trx: DbOrTx, code: string, exceptId?: string) {
  const found = await findSupplierIdByCode(trx, code);
  if (found && found !== exceptId) throw new DomainError('DUPLICATE', { entity: 'supplier', field: { zh: '编号', en: 'code' }, value: code }, [{ field: 'code', message: { zh: '供应商编号已存在', en: 'Supplier code already exists' } }]);
}

async function writeProducts(trx: DbOrTx, supplierId: string, products: SupplierInput['products']) {
  const ids = [...new Set(products.map((p) => p.productId))];
  if (ids.length !== products.length) {
    throw new DomainError('VALIDATION_FAILED', { summary: 'products' }, [{ field: 'products', message: { zh: '同一商品出现多次', en: 'A product appears more than once' } }]);
  }
  if (ids.length) {
    const found = new Set((await trx.selectFrom('products').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
    const i = products.findIndex((p) => !found.has(p.productId));
    if (i >= 0) throw new DomainError('NOT_FOUND', { entity: 'product' }, [{ field: `products.${i}.productId`, message: { zh: '商品不存在', en: 'No such product' } }]);
  }
  await trx.deleteFrom('supplierProducts').where('supplierId', '=', supplierId).execute();
  if (products.length) await trx.insertInto('supplierProducts').values(products.map((p) => ({ ...p, id: newId(), supplierId }))).execute();
}

function toColumns(input: Partial<SupplierInput>) {
  const { tags, contacts, products: _p, ...rest } = input;
  return { ...rest, ...(tags ? { tags: JSON.stringify([...new Set(tags)]) } : {}), ...(contacts ? { contacts: JSON.stringify(contacts) } : {}) };
}

/** Creates a supplier inside the caller's transaction (API and import). */
export async function insertSupplier(trx: DbOrTx, actor: Actor, input: SupplierInput): Promise<string> {
  await assertCodeFree(trx, input.code);
  const now = nowIso();
  const id = newId();
  await trx.insertInto('suppliers').values({ ...(toColumns(input) as Omit<SupplierRow, 'id' | 'status' | 'createdAt' | 'updatedAt'>), id, status: 'active', createdAt: now, updatedAt: now }).execute();
  await writeProducts(trx, id, input.products);
  await writeAudit(trx, actor, { action: 'create', entity: 'supplier', entityId: id, summary: `${input.code} ${input.name}`, after: await getSupplier(trx, id) });
  return id;
}

/** Changes a supplier inside the caller's transaction; `products` given replaces the list. */
export async function updateSupplierTx(trx: DbOrTx, actor: Actor, id: string, patch: Partial<SupplierInput>): Promise<void> {
  const before = await getSupplier(trx, id);
  if (patch.code !== undefined) await assertCodeFree(trx, patch.code, id);
  await trx.updateTable('suppliers').set({ ...toColumns(patch), updatedAt: nowIso() }).where('id', '=', id).execute();
  if (patch.products) await writeProducts(trx, id, patch.products);
  await writeAudit(trx, actor, { action: 'update', entity: 'supplier', entityId: id, summary: `${before.code} ${before.name}`, before, after: await getSupplier(trx, id) });
}

export async function createSupplier(db: Db, actor: Actor, input: SupplierInput) {
  const id = await db.transaction().execute((trx) => insertSupplier(trx, actor, input));
  return getSupplier(db, id);
}

export async function updateSupplier(db: Db, actor: Actor, id: string, patch: Partial<SupplierInput>) {
  await db.transaction().execute((trx) => updateSupplierTx(trx, actor, id, patch));
  return getSupplier(db, id);
}
