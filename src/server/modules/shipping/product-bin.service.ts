import type { Db, DbOrTx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { inChunks } from '../../platform/batch.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';

export type PickBin = { binId: string; binCode: string; sortOrder: number };
const key = (productId: string, warehouseId: string) => `${productId}\u0000${warehouseId}`;

/**
 * Where to pick each product in each warehouse: its assigned default bin (product_bins), else
 * the bin of the latest stock received into that warehouse with a bin (opening, adjustments).
 * Keyed by product and warehouse; products with neither are absent (picked "no bin", last).
 */
export async function pickBins(db: DbOrTx, productIds: string[]): Promise<Map<string, PickBin>> {
  const out = new Map<string, PickBin>();
  const ids = [...new Set(productIds)];
  const fromLedger = await inChunks(ids, (chunk) => db.selectFrom('stockMovements as m').innerJoin('bins as b', 'b.id', 'm.binId')
    .select(['m.productId', 'm.warehouseId', 'b.id as binId', 'b.code as binCode', 'b.sortOrder', 'm.at'])
    .where('m.productId', 'in', chunk).where('m.quantity', '>', 0).where('b.status', '=', 'active').orderBy('m.at').orderBy('m.id').execute());
  for (const r of fromLedger) out.set(key(r.productId, r.warehouseId), { binId: r.binId, binCode: r.binCode, sortOrder: r.sortOrder });
  const assigned = await inChunks(ids, (chunk) => db.selectFrom('productBins as pb').innerJoin('bins as b', 'b.id', 'pb.binId')
    .select(['pb.productId', 'pb.warehouseId', 'b.id as binId', 'b.code as binCode', 'b.sortOrder']).where('pb.productId', 'in', chunk).execute());
  for (const r of assigned) out.set(key(r.productId, r.warehouseId), { binId: r.binId, binCode: r.binCode, sortOrder: r.sortOrder });
  return out;
}

export const pickBinKey = key;

/** Assigned default bins, filtered by product and/or warehouse. */
export async function listProductBins(db: Db, f: { productId?: string; warehouseId?: string }) {
  let q = db.selectFrom('productBins as pb').innerJoin('bins as b', 'b.id', 'pb.binId').innerJoin('products as p', 'p.id', 'pb.productId')
    .select(['pb.productId', 'p.sku', 'p.name as productName', 'pb.warehouseId', 'pb.binId', 'b.code as binCode', 'pb.updatedAt']);
  if (f.productId) q = q.where('pb.productId', '=', f.productId);
  if (f.warehouseId) q = q.where('pb.warehouseId', '=', f.warehouseId);
  return { items: await q.orderBy('pb.warehouseId').orderBy('b.code').orderBy('p.sku').limit(10000).execute() };
}

/** Sets (or with binId null clears) the bin a product is picked from in a warehouse. */
export async function setProductBin(db: Db, actor: Actor, input: { productId: string; warehouseId: string; binId: string | null }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const p = await trx.selectFrom('products').select(['id', 'sku']).where('id', '=', input.productId).executeTakeFirst();
    if (!p) throw new DomainError('NOT_FOUND', { entity: 'product' }, [{ field: 'productId', message: { zh: '商品不存在', en: 'No such product' } }]);
    const w = await trx.selectFrom('warehouses').select(['id', 'code']).where('id', '=', input.warehouseId).executeTakeFirst();
    if (!w) throw new DomainError('NOT_FOUND', { entity: 'warehouse' }, [{ field: 'warehouseId', message: { zh: '仓库不存在', en: 'No such warehouse' } }]);
    const before = await trx.selectFrom('productBins').select('binId').where('productId', '=', p.id).where('warehouseId', '=', w.id).executeTakeFirst();
    if (input.binId === null) {
      await trx.deleteFrom('productBins').where('productId', '=', p.id).where('warehouseId', '=', w.id).execute();
    } else {
      const bin = await trx.selectFrom('bins').select(['id', 'code']).where('id', '=', input.binId).where('warehouseId', '=', w.id).executeTakeFirst();
      if (!bin) throw new DomainError('NOT_FOUND', { entity: 'bin' }, [{ field: 'binId', message: { zh: '库位不在该仓库', en: 'Bin is not in this warehouse' } }]);
      const now = nowIso();
      await trx.insertInto('productBins').values({ productId: p.id, warehouseId: w.id, binId: bin.id, updatedAt: now })
        .onConflict((oc) => oc.columns(['productId', 'warehouseId']).doUpdateSet({ binId: bin.id, updatedAt: now })).execute();
    }
    await writeAudit(trx, actor, { action: 'update', entity: 'productBin', entityId: p.id, summary: `${p.sku} @ ${w.code}`, before: { binId: before?.binId ?? null }, after: { binId: input.binId } });
  });
}
