import type { Db, DbOrTx } from '../../db/create-db.js';
import type { WarehouseRow } from '../../db/schema.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { groupBy, inChunks } from '../../platform/batch.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { paginate, searchWhere, sortBy, type ListArgs, type Page } from '../../platform/list.js';
import type { WarehouseInput, WarehouseView } from './warehouse.schemas.js';

export const warehouseSorts = { code: 'code', name: 'name', createdAt: 'createdAt', updatedAt: 'updatedAt', status: 'status' };

async function toViews(db: DbOrTx, rows: WarehouseRow[]): Promise<WarehouseView[]> {
  const ids = rows.map((r) => r.id);
  const bins = groupBy(
    await inChunks(ids, (chunk) => db.selectFrom('bins').select(['id', 'warehouseId', 'code', 'zone', 'sortOrder', 'status']).where('warehouseId', 'in', chunk).orderBy('sortOrder').orderBy('code').execute()),
    (b) => b.warehouseId,
  );
  return rows.map((r) => ({ ...r, isDefault: Boolean(r.isDefault), bins: (bins.get(r.id) ?? []).map(({ warehouseId: _w, ...b }) => b) }));
}

/** Warehouses with their bins. */
export async function listWarehouses(db: Db, f: ListArgs & { status?: string }): Promise<Page<WarehouseView>> {
  let q = db.selectFrom('warehouses').selectAll();
  q = searchWhere(q, f.q, ['code', 'name', 'address', 'manager']);
  if (f.status) q = q.where('status', '=', f.status);
  const page = await paginate(q, sortBy(q, f.sort, warehouseSorts, 'code'), f);
  return { ...page, items: await toViews(db, page.items) };
}

/** One warehouse with its bins. */
export async function getWarehouse(db: DbOrTx, id: string): Promise<WarehouseView> {
  const r = await db.selectFrom('warehouses').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new DomainError('NOT_FOUND', { entity: 'warehouse' });
  return (await toViews(db, [r]))[0];
}

async function assertCodeFree(trx: DbOrTx, code: string, exceptId?: string) {
  let q = trx.selectFrom('warehouses').select('id').where('code', '=', code);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw new DomainError('DUPLICATE', { entity: 'warehouse', field: { zh: '编号', en: 'code' }, value: code }, [{ field: 'code', message: { zh: '仓库编号已存在', en: 'Warehouse code already exists' } }]);
}

/** Replaces the bin list, keeping ids of bins whose code stays. */
async function writeBins(trx: DbOrTx, warehouseId: string, bins: WarehouseInput['bins']) {
  const seen = new Set<string>();
  bins.forEach((b, i) => {
    if (seen.has(b.code)) throw new DomainError('VALIDATION_FAILED', { summary: `bins.${i}.code` }, [{ field: `bins.${i}.code`, message: { zh: `库位「${b.code}」重复`, en: `Bin "${b.code}" appears twice` } }]);
    seen.add(b.code);
  });
  const existing = await trx.selectFrom('bins').select(['id', 'code']).where('warehouseId', '=', warehouseId).execute();
  for (const [i, b] of bins.entries()) {
    const old = existing.find((e) => e.code === b.code);
    const values = { zone: b.zone ?? null, sortOrder: b.sortOrder ?? i, status: b.status ?? 'active' };
    if (old) await trx.updateTable('bins').set(values).where('id', '=', old.id).execute();
    else await trx.insertInto('bins').values({ id: newId(), warehouseId, code: b.code, ...values }).execute();
  }
  const gone = existing.filter((e) => !seen.has(e.code)).map((e) => e.id);
  if (gone.length) await trx.deleteFrom('bins').where('id', 'in', gone).execute();
}

/** Only one default warehouse: setting one clears the others. */
async function clearOtherDefaults(trx: DbOrTx, id: string) {
  await trx.updateTable('warehouses').set({ isDefault: 0 }).where('id', '!=', id).where('isDefault', '=', 1).execute();
}

/** Creates a warehouse inside the caller's transaction. */
export async function insertWarehouse(trx: DbOrTx, actor: Actor, input: WarehouseInput): Promise<string> {
  await assertCodeFree(trx, input.code);
  const now = nowIso();
  const id = newId();
  const { bins, isDefault, ...fields } = input;
  const first = !(await trx.selectFrom('warehouses').select('id').limit(1).executeTakeFirst());
  await trx.insertInto('warehouses').values({ ...fields, id, isDefault: isDefault || first ? 1 : 0, status: 'active', createdAt: now, updatedAt: now }).execute();
  if (isDefault) await clearOtherDefaults(trx, id);
  await writeBins(trx, id, bins);
  await writeAudit(trx, actor, { action: 'create', entity: 'warehouse', entityId: id, summary: `${input.code} ${input.name}`, after: await getWarehouse(trx, id) });
  return id;
}

export async function createWarehouse(db: Db, actor: Actor, input: WarehouseInput) {
  const id = await db.transaction().execute((trx) => insertWarehouse(trx, actor, input));
  return getWarehouse(db, id);
}

/** Changes a warehouse; `bins` given replaces the list. */
export async function updateWarehouse(db: Db, actor: Actor, id: string, patch: Partial<WarehouseInput>) {
  await db.transaction().execute(async (trx) => {
    const before = await getWarehouse(trx, id);
    if (patch.code !== undefined) await assertCodeFree(trx, patch.code, id);
    const { bins, isDefault, ...fields } = patch;
    await trx.updateTable('warehouses').set({ ...fields, ...(isDefault !== undefined ? { isDefault: isDefault ? 1 : 0 } : {}), updatedAt: nowIso() }).where('id', '=', id).execute();
    if (isDefault) await clearOtherDefaults(trx, id);
    if (bins) await writeBins(trx, id, bins);
    await writeAudit(trx, actor, { action: 'update', entity: 'warehouse', entityId: id, summary: `${before.code} ${before.name}`, before, after: await getWarehouse(trx, id) });
  });
  return getWarehouse(db, id);
}
