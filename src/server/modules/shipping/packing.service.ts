import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/create-db.js';
import type { PackageTable } from '../../db/schema-shipping.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { groupBy } from '../../platform/batch.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { orderShipping } from '../sales/index.js';
import { resolveScan } from './scan-code.js';
import type { PackageView } from './shipping.schemas.js';

type Dims = { weightG?: number | null; lengthMm?: number | null; widthMm?: number | null; heightMm?: number | null };

/** Packages with their items, by order (or by shipment). */
export async function packagesOf(db: DbOrTx, by: { orderId?: string; shipmentId?: string }): Promise<PackageView[]> {
  let q = db.selectFrom('packages as k').innerJoin('warehouses as w', 'w.id', 'k.warehouseId').selectAll('k').select('w.name as warehouseName');
  if (by.orderId) q = q.where('k.orderId', '=', by.orderId);
  if (by.shipmentId) q = q.where('k.shipmentId', '=', by.shipmentId);
  const rows = await q.orderBy('k.seq').execute();
  if (rows.length === 0) return [];
  const items = groupBy(await db.selectFrom('packageItems as i').innerJoin('products as p', 'p.id', 'i.productId').innerJoin('salesOrderLines as l', 'l.id', 'i.orderLineId')
    .select(['i.packageId', 'i.orderLineId', 'i.productId', 'p.sku', 'p.name as productName', 'p.baseUnit', 'i.quantity'])
    .where('i.packageId', 'in', rows.map((r) => r.id)).orderBy('l.lineNo').execute(), (i) => i.packageId);
  return rows.map((r) => ({ ...r, status: r.status as 'open' | 'shipped', items: (items.get(r.id) ?? []).map(({ packageId: _p, ...i }) => i) }));
}

async function packageRow(db: DbOrTx, id: string, field = 'packageId'): Promise<PackageTable> {
  const p = await db.selectFrom('packages').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw new DomainError('NOT_FOUND', { entity: 'package' }, [{ field, message: { zh: '包裹不存在', en: 'No such package' } }]);
  return p;
}

/** Opens a new package for an order in a warehouse (the next box). */
export async function createPackage(trx: Tx, actor: Actor, orderId: string, input: Dims & { warehouseId?: string }): Promise<PackageView> {
  const order = await orderShipping.claimForShipping(trx, orderId, 'ship_part', 'id');
  const lines = await orderShipping.fulfilmentLines(trx, [orderId]);
  const warehouseId = input.warehouseId ?? lines[0]?.warehouseId;
  if (!warehouseId || !lines.some((l) => l.warehouseId === warehouseId)) {
    throw new DomainError('VALIDATION_FAILED', { summary: 'warehouseId' }, [{ field: 'warehouseId', message: { zh: '订单在该仓库没有商品', en: 'The order ships nothing from this warehouse' } }]);
  }
  const id = await openPackage(trx, orderId, warehouseId, input);
  await writeAudit(trx, actor, { action: 'create', entity: 'package', entityId: id, summary: `${order.number} package`, after: { warehouseId, ...input } });
  return (await packagesOf(trx, { orderId })).find((p) => p.id === id) as PackageView;
}

async function openPackage(trx: Tx, orderId: string, warehouseId: string, dims: Dims): Promise<string> {
  const n = await trx.selectFrom('packages').select((eb) => eb.fn.countAll<number>().as('n')).where('orderId', '=', orderId).executeTakeFirst();
  const id = newId();
  const now = nowIso();
  await trx.insertInto('packages').values({
    id, orderId, warehouseId, seq: Number(n?.n ?? 0) + 1, status: 'open', weightG: dims.weightG ?? null, lengthMm: dims.lengthMm ?? null,
    widthMm: dims.widthMm ?? null, heightMm: dims.heightMm ?? null, shipmentId: null, createdAt: now, updatedAt: now,
  }).execute();
  return id;
}

/**
 * Packs one scanned item (a pack-unit barcode counts its factor) into a package of the order:
 * it must be on the order (else 422 PACK_WRONG_ITEM) and picked and not yet packed (else 409
 * PACK_TOO_MANY). An unknown code is 404 BARCODE_UNKNOWN. Nothing is written when refused.
 */
export async function packScan(trx: Tx, actor: Actor, orderId: string, input: { barcode: string; packageId?: string }) {
  const order = await orderShipping.claimForShipping(trx, orderId, 'ship_part', 'id');
  const item = await resolveScan(trx, input.barcode);
  const given = input.packageId ? await packageRow(trx, input.packageId) : null;
  if (given && (given.orderId !== orderId || given.status !== 'open')) {
    throw new DomainError('PACKAGE_STATE', {}, [{ field: 'packageId', message: { zh: '包裹不属于该订单或已发出', en: 'Package is not an open package of this order' } }]);
  }
  const lines = (await orderShipping.fulfilmentLines(trx, [orderId])).filter((l) => l.productId === item.productId && (!given || l.warehouseId === given.warehouseId));
  const name = `${item.sku} ${item.productName}`;
  if (lines.length === 0) {
    throw new DomainError('PACK_WRONG_ITEM', { product: name, number: order.number }, [{ field: 'barcode', productId: item.productId, message: { zh: '不是该订单的商品', en: 'Not an item of this order' } }]);
  }
  const line = lines.find((l) => l.picked - l.packed >= item.factor);
  if (!line || !(await orderShipping.recordPack(trx, line.id, item.factor))) {
    const picked = lines.reduce((s, l) => s + l.picked, 0);
    const packed = lines.reduce((s, l) => s + l.packed, 0);
    throw new DomainError('PACK_TOO_MANY', { product: name, picked, packed, quantity: item.factor }, [{ field: 'barcode', productId: item.productId, picked, packed, message: { zh: `已拣 ${picked}，已装 ${packed}`, en: `${picked} picked, ${packed} packed` } }]);
  }
  const open = given ?? await trx.selectFrom('packages').selectAll().where('orderId', '=', orderId).where('warehouseId', '=', line.warehouseId).where('status', '=', 'open').orderBy('seq', 'desc').executeTakeFirst();
  const packageId = open?.id ?? await openPackage(trx, orderId, line.warehouseId, {});
  await trx.insertInto('packageItems').values({ packageId, orderLineId: line.id, productId: line.productId, quantity: item.factor })
    .onConflict((oc) => oc.columns(['packageId', 'orderLineId']).doUpdateSet({ quantity: sql`${sql.ref('packageItems.quantity')} + ${item.factor}` })).execute();
  await trx.updateTable('packages').set({ updatedAt: nowIso() }).where('id', '=', packageId).execute();
  await writeAudit(trx, actor, { action: 'update', entity: 'package', entityId: packageId, summary: `${order.number} pack ${input.barcode} ×${item.factor}`, after: { orderLineId: line.id, quantity: item.factor } });
  const pkg = (await packagesOf(trx, { orderId })).find((p) => p.id === packageId) as PackageView;
  const packed = line.packed + item.factor;
  return { package: pkg, line: { lineId: line.id, productId: line.productId, sku: line.sku, productName: line.productName, added: item.factor, picked: line.picked, packed, toPack: line.picked - packed } };
}

/** Sets a package's weight (g) and size (mm); a shipped package can no longer change. */
export async function updatePackage(trx: Tx, actor: Actor, id: string, dims: Dims): Promise<PackageView> {
  const before = await packageRow(trx, id, 'id');
  if (before.status !== 'open') throw new DomainError('PACKAGE_STATE', {}, [{ field: 'id', message: { zh: '包裹已发出', en: 'Package has shipped' } }]);
  await trx.updateTable('packages').set({ ...dims, updatedAt: nowIso() }).where('id', '=', id).where('status', '=', 'open').execute();
  await writeAudit(trx, actor, { action: 'update', entity: 'package', entityId: id, before: { weightG: before.weightG, lengthMm: before.lengthMm, widthMm: before.widthMm, heightMm: before.heightMm }, after: dims });
  return (await packagesOf(trx, { orderId: before.orderId })).find((p) => p.id === id) as PackageView;
}

/** Opens an unshipped package up again: its items go back to picked, not packed. */
export async function deletePackage(trx: Tx, actor: Actor, id: string): Promise<void> {
  const before = await packageRow(trx, id, 'id');
  await orderShipping.claimForShipping(trx, before.orderId, 'ship_part', 'id');
  if (before.status !== 'open') throw new DomainError('PACKAGE_STATE', {}, [{ field: 'id', message: { zh: '包裹已发出', en: 'Package has shipped' } }]);
  const items = await trx.selectFrom('packageItems').selectAll().where('packageId', '=', id).execute();
  for (const i of items) await orderShipping.recordUnpack(trx, i.orderLineId, i.quantity);
  await trx.deleteFrom('packages').where('id', '=', id).execute();
  await writeAudit(trx, actor, { action: 'delete', entity: 'package', entityId: id, before: { ...before, items } });
}
