import type { Db, DbOrTx } from '../../db/create-db.js';
import { businessDate } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { raiseAlert } from '../alerts/index.js';
import type { SalesOrderView } from './sales-order.schemas.js';
// Directly, not through purchasing's index: purchasing prices its orders with this module.
import { restockFromOrders } from '../purchasing/incoming.repository.js';

type Line = SalesOrderView['lines'][number];

/** Products that could stand in: same category, in stock, price within ±30%, most shared attributes first. */
async function substitutesFor(trx: DbOrTx, productId: string, need: number) {
  const p = await trx.selectFrom('products').select(['id', 'categoryId', 'listPrice', 'attributes']).where('id', '=', productId).executeTakeFirst();
  if (!p?.categoryId) return [];
  const low = Math.floor(p.listPrice * 0.7);
  const high = Math.ceil(p.listPrice * 1.3);
  const rows = await trx
    .selectFrom('products as c')
    .innerJoin('stockLevels as s', 's.productId', 'c.id')
    .innerJoin('warehouses as w', 'w.id', 's.warehouseId')
    .select(['c.id', 'c.sku', 'c.name', 'c.listPrice', 'c.attributes', 's.warehouseId', 'w.name as warehouseName', 's.onHand', 's.reserved'])
    .where('c.categoryId', '=', p.categoryId).where('c.id', '!=', p.id).where('c.status', '=', 'active')
    .where('c.listPrice', '>=', low).where('c.listPrice', '<=', high)
    .execute();
  const mine = new Set((JSON.parse(p.attributes) as Array<{ key: string; value: string }>).map((a) => `${a.key}=${a.value}`));
  const best = new Map<string, { productId: string; sku: string; name: string; listPrice: number; matchingAttributes: number; warehouseId: string; warehouseName: string; available: number }>();
  for (const r of rows) {
    const available = r.onHand - r.reserved;
    if (available <= 0) continue;
    const matching = (JSON.parse(r.attributes) as Array<{ key: string; value: string }>).filter((a) => mine.has(`${a.key}=${a.value}`)).length;
    const prev = best.get(r.id);
    if (!prev || available > prev.available) best.set(r.id, { productId: r.id, sku: r.sku, name: r.name, listPrice: r.listPrice, matchingAttributes: matching, warehouseId: r.warehouseId, warehouseName: r.warehouseName, available });
  }
  return [...best.values()]
    .sort((a, b) => Number(b.available >= need) - Number(a.available >= need) || b.matchingAttributes - a.matchingAttributes || Math.abs(a.listPrice - p.listPrice) - Math.abs(b.listPrice - p.listPrice))
    .slice(0, 3);
}

/** When stock may be back: the expected date of open purchase orders that cover the need, else today + the shortest supplier lead time. */
async function restockDate(trx: DbOrTx, productId: string, warehouseId: string, need: number): Promise<{ date: string; basis: string } | null> {
  const ordered = await restockFromOrders(trx, productId, warehouseId, need);
  if (ordered) return { date: ordered.date, basis: ordered.basis };
  const rows = await trx.selectFrom('supplierProducts as sp').innerJoin('suppliers as s', 's.id', 'sp.supplierId')
    .select(['sp.leadTimeDays', 's.leadTimeDays as supplierLeadTime', 's.name']).where('sp.productId', '=', productId).where('s.status', '=', 'active').execute();
  if (rows.length === 0) return null;
  const days = Math.min(...rows.map((r) => r.leadTimeDays ?? r.supplierLeadTime));
  const d = new Date(`${businessDate()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return { date: d.toISOString().slice(0, 10), basis: `supplier lead time ${days} d` };
}

/** The shortage error for a failed reservation: per short line, what is here, elsewhere, substitutes and a restock date. */
export async function describeShortage(trx: DbOrTx, order: SalesOrderView, err: DomainError): Promise<DomainError> {
  const ids = [...new Set(order.lines.map((l) => l.productId))];
  const levels = await trx.selectFrom('stockLevels as s').innerJoin('warehouses as w', 'w.id', 's.warehouseId')
    .select(['s.productId', 's.warehouseId', 'w.name as warehouseName', 's.onHand', 's.reserved']).where('s.productId', 'in', ids).execute();
  const need = new Map<string, number>();
  const key = (l: Line) => `${l.productId}|${l.warehouseId}`;
  for (const l of order.lines) need.set(key(l), (need.get(key(l)) ?? 0) + l.baseQuantity);
  const details = [];
  for (const [i, l] of order.lines.entries()) {
    const here = levels.find((v) => v.productId === l.productId && v.warehouseId === l.warehouseId);
    const available = here ? here.onHand - here.reserved : 0;
    if (available >= (need.get(key(l)) ?? 0)) continue;
    const elsewhere = levels.filter((v) => v.productId === l.productId && v.warehouseId !== l.warehouseId && v.onHand - v.reserved > 0)
      .map((v) => ({ warehouseId: v.warehouseId, warehouseName: v.warehouseName, available: v.onHand - v.reserved }));
    details.push({
      field: `lines.${i}.quantity`, lineNo: l.lineNo, productId: l.productId, sku: l.sku, productName: l.productName, baseUnit: l.baseUnit, warehouseId: l.warehouseId,
      requested: l.baseQuantity, available: Math.max(0, available), elsewhere,
      substitutes: await substitutesFor(trx, l.productId, l.baseQuantity),
      restock: await restockDate(trx, l.productId, l.warehouseId, (need.get(key(l)) ?? 0) - Math.max(0, available)),
      options: ['backorder', ...(elsewhere.length ? ['split'] : []), 'wait', 'substitute'],
      message: { zh: `可用 ${Math.max(0, available)}，需要 ${l.baseQuantity}`, en: `${Math.max(0, available)} available, ${l.baseQuantity} needed` },
    });
  }
  return new DomainError('INSUFFICIENT_STOCK', err.params, details.length ? details : err.details);
}

/** After a refused reservation (its transaction rolled back): one open shortage alert per product × warehouse, for purchasing. */
export async function alertShortage(db: Db, err: unknown): Promise<void> {
  if (!(err instanceof DomainError) || err.code !== 'INSUFFICIENT_STOCK' || !Array.isArray(err.details)) return;
  const short = err.details.filter((d) => typeof d.productId === 'string' && typeof d.warehouseId === 'string');
  if (short.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const d of short) {
      const name = `${String(d.sku ?? '')} ${String(d.productName ?? '')}`.trim() || String(d.productId);
      await raiseAlert(trx, {
        kind: 'shortage', severity: 'warning', targetRole: 'purchasing',
        title: { zh: `缺货：${name}（需要 ${String(d.requested)}，可用 ${String(d.available)}）`, en: `Short: ${name} (${String(d.requested)} needed, ${String(d.available)} available)` },
        entity: 'product', entityId: String(d.productId), data: { warehouseId: d.warehouseId, requested: d.requested, available: d.available, restock: d.restock ?? null },
        dedupeKey: `shortage:${String(d.productId)}:${String(d.warehouseId)}`,
      });
    }
  });
}

/** Runs a reserving call; a shortage it hits also raises alerts for purchasing (after its rollback). */
export async function alertingShortage<T>(db: Db, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    await alertShortage(db, err);
    throw err;
  }
}
