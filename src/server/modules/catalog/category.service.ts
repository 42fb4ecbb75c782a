import type { Db, DbOrTx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { searchWhere } from '../../platform/list.js';
import type { CategoryInput, CategoryView } from './category.schemas.js';

const selectCategories = (db: DbOrTx) =>
  db
    .selectFrom('categories as c')
    .select(['c.id', 'c.parentId', 'c.code', 'c.name', 'c.sortOrder', 'c.status', 'c.createdAt', 'c.updatedAt'])
    .select((eb) => eb.selectFrom('products as p').whereRef('p.categoryId', '=', 'c.id').select(eb.fn.countAll<number>().as('n')).as('productCount'));

const view = (r: Omit<CategoryView, 'productCount'> & { productCount: unknown }): CategoryView => ({ ...r, productCount: Number(r.productCount ?? 0) });

/** All categories, flat, in tree order hints (sortOrder, name); clients build the tree. */
export async function listCategories(db: Db, f: { status?: string; q?: string }) {
  let q = selectCategories(db);
  if (f.status) q = q.where('c.status', '=', f.status);
  q = searchWhere(q, f.q, ['c.name', 'c.code']);
  const rows = await q.orderBy('c.sortOrder').orderBy('c.name').execute();
  return { items: rows.map(view) };
}

/** One category. */
export async function getCategory(db: DbOrTx, id: string): Promise<CategoryView> {
  const r = await selectCategories(db).where('c.id', '=', id).executeTakeFirst();
  if (!r) throw new DomainError('NOT_FOUND', { entity: 'category' });
  return view(r);
}

async function assertCodeFree(trx: DbOrTx, code: string | null | undefined, exceptId?: string) {
  if (!code) return;
  let q = trx.selectFrom('categories').select('id').where('code', '=', code);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw new DomainError('DUPLICATE', { entity: 'category', field: 'code', value: code }, [{ field: 'code', message: { zh: '类别编号已存在', en: 'Category code already exists' } }]);
}

async function assertParent(trx: DbOrTx, parentId: string | null | undefined, selfId?: string) {
  if (!parentId) return;
  // Walk up from the new parent; meeting ourselves would make a cycle.
  let cursor: string | null = parentId;
  for (let depth = 0; cursor && depth < 100; depth++) {
    if (cursor === selfId) throw new DomainError('CATEGORY_CYCLE', {}, [{ field: 'parentId', message: { zh: '上级类别不能是自己或下级', en: 'Cannot be its own ancestor' } }]);
    const row: { parentId: string | null } | undefined = await trx.selectFrom('categories').select('parentId').where('id', '=', cursor).executeTakeFirst();
    if (!row) {
      if (cursor === parentId) throw new DomainError('NOT_FOUND', { entity: 'category' }, [{ field: 'parentId', message: { zh: '上级类别不存在', en: 'No such parent category' } }]);
      break;
    }
    cursor = row.parentId;
  }
}

/** Creates a category inside a transaction (used by the API and by imports). */
export async function insertCategory(trx: DbOrTx, actor: Actor, input: CategoryInput): Promise<string> {
  await assertCodeFree(trx, input.code);
  await assertParent(trx, input.parentId);
  const now = nowIso();
  const row = { id: newId(), parentId: input.parentId ?? null, code: input.code ?? null, name: input.name, sortOrder: input.sortOrder ?? 0, status: 'active', createdAt: now, updatedAt: now };
  await trx.insertInto('categories').values(row).execute();
  await writeAudit(trx, actor, { action: 'create', entity: 'category', entityId: row.id, after: row });
  return row.id;
}

/** Creates a category. */
export async function createCategory(db: Db, actor: Actor, input: CategoryInput): Promise<CategoryView> {
  const id = await db.transaction().execute((trx) => insertCategory(trx, actor, input));
  return getCategory(db, id);
}

/** Renames, moves or re-codes a category; refuses to move it under itself. */
export async function updateCategory(db: Db, actor: Actor, id: string, patch: Partial<CategoryInput>): Promise<CategoryView> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new DomainError('NOT_FOUND', { entity: 'category' });
    if (patch.code !== undefined) await assertCodeFree(trx, patch.code, id);
    if (patch.parentId !== undefined) await assertParent(trx, patch.parentId, id);
    const changes = { ...patch, updatedAt: nowIso() };
    await trx.updateTable('categories').set(changes).where('id', '=', id).execute();
    await writeAudit(trx, actor, { action: 'update', entity: 'category', entityId: id, before, after: { ...before, ...changes } });
  });
  return getCategory(db, id);
}

/** Finds a category by a "/"-separated name path (e.g. "饮料/茶"), creating missing levels. */
export async function ensureCategoryPath(trx: DbOrTx, actor: Actor, path: string): Promise<string | null> {
  let parentId: string | null = null;
  for (const name of path.split(/[/>＞]/).map((s) => s.trim()).filter(Boolean)) {
    let q = trx.selectFrom('categories').select('id').where('name', '=', name);
    q = parentId ? q.where('parentId', '=', parentId) : q.where('parentId', 'is', null);
    const found = await q.executeTakeFirst();
    parentId = found ? found.id : await insertCategory(trx, actor, { name, parentId, code: null });
  }
  return parentId;
}
