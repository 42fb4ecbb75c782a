import { sql } from 'kysely';
import type { Db, DbOrTx, Tx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { inChunks } from '../../platform/batch.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError, type ErrorDetail } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { paginate, searchWhere, sortBy } from '../../platform/list.js';
import { nextNumber } from '../../platform/numbering.js';
import { checkReorderPoints } from '../purchasing/reorder-check.js';
import { orderShipping } from '../sales/index.js';
import { orderPickLines, pickOutcome, type PickCandidate } from './pick-list.js';
import { pickBinKey, pickBins } from './product-bin.service.js';
import { resolveScan } from './scan-code.js';
import type { PickListView } from './shipping.schemas.js';

const ROWS_PER_INSERT = 500;

/**
 * Creates a pick list (拣货单, JH-yyyymmdd-nnnn) for one order or a wave: every line's quantity
 * reserved and not yet picked or listed, in walking order. The orders are claimed first (open for
 * shipping, else ORDER_STATE naming orderIds.N), so their lines cannot change underneath.
 */
export async function createPickList(trx: Tx, actor: Actor, input: { orderIds: string[]; warehouseId?: string; note?: string | null }): Promise<PickListView> {
  const ids = [...new Set(input.orderIds)].sort();
  const now = nowIso();
  await inChunks(ids, async (chunk) => {
    await trx.updateTable('salesOrders').set({ updatedAt: now }).where('id', 'in', chunk).where('status', 'in', ['confirmed', 'partially_shipped']).execute();
    return [];
  });
  const orders = new Map((await inChunks(ids, (chunk) => trx.selectFrom('salesOrders').select(['id', 'number', 'status']).where('id', 'in', chunk).execute())).map((o) => [o.id, o]));
  const errors: ErrorDetail[] = [];
  input.orderIds.forEach((id, i) => {
    const o = orders.get(id);
    if (!o) errors.push({ field: `orderIds.${i}`, message: { zh: '订单不存在', en: 'No such order' } });
    else if (!orderShipping.shippable(o.status)) errors.push({ field: `orderIds.${i}`, number: o.number, status: o.status, message: { zh: `订单 ${o.number} 不能拣货（${o.status}）`, en: `Order ${o.number} cannot be picked (${o.status})` } });
  });
  if (errors.length) {
    const missing = errors.find((e) => e.status === undefined);
    throw missing ? new DomainError('NOT_FOUND', { entity: 'salesOrder' }, errors) : new DomainError('ORDER_STATE', { number: String(errors[0].number), status: String(errors[0].status), action: { zh: '拣货', en: 'pick' } }, errors);
  }
  const candidates = await candidatesFor(trx, ids, orders, input.warehouseId);
  if (candidates.length === 0) throw new DomainError('PICK_NOTHING', {}, [{ field: 'orderIds', message: { zh: '没有待拣货的数量', en: 'Nothing to pick' } }]);
  if (!(await orderShipping.takeForPicking(trx, candidates.map((c) => ({ lineId: c.orderLineId, quantity: c.toPick }))))) throw new DomainError('CONFLICT');
  const id = newId();
  const number = await nextNumber(trx, 'JH');
  await trx.insertInto('pickLists').values({
    id, number, status: 'open', orderCount: new Set(candidates.map((c) => c.orderId)).size, lineCount: candidates.length, note: input.note ?? null,
    actorType: actor.type, actorId: actor.id, actorName: actor.name, createdAt: now, updatedAt: now, completedAt: null,
  }).execute();
  const rows = candidates.map((c, i) => ({
    id: newId(), pickListId: id, seq: i + 1, orderId: c.orderId, orderLineId: c.orderLineId, productId: c.productId, warehouseId: c.warehouseId,
    binId: c.binId, binCode: c.binCode, quantity: c.toPick, scanned: 0, picked: null, status: 'open', confirmedAt: null,
  }));
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await trx.insertInto('pickListLines').values(rows.slice(i, i + ROWS_PER_INSERT)).execute();
  await writeAudit(trx, actor, { action: 'create', entity: 'pickList', entityId: id, summary: `${number} (${ids.length} orders, ${rows.length} lines)`, after: { orderIds: ids, lines: rows.length } });
  return getPickList(trx, id);
}

/** What each open order line has to pick, with its bin, in walking order. */
async function candidatesFor(trx: Tx, orderIds: string[], orders: Map<string, { number: string }>, warehouseId?: string): Promise<PickCandidate[]> {
  const lines = (await inChunks(orderIds, (chunk) => orderShipping.fulfilmentLines(trx, chunk)))
    .filter((l) => l.reserved - l.picking - l.picked > 0 && (!warehouseId || l.warehouseId === warehouseId));
  if (lines.length === 0) return [];
  const warehouses = new Map((await trx.selectFrom('warehouses').select(['id', 'code']).execute()).map((w) => [w.id, w.code]));
  const bins = await pickBins(trx, lines.map((l) => l.productId));
  return orderPickLines(lines.map((l) => {
    const bin = bins.get(pickBinKey(l.productId, l.warehouseId));
    return {
      orderId: l.orderId, orderNumber: orders.get(l.orderId)?.number ?? '', orderLineId: l.id, productId: l.productId, sku: l.sku, warehouseId: l.warehouseId,
      warehouseCode: warehouses.get(l.warehouseId) ?? '', toPick: l.reserved - l.picking - l.picked, binId: bin?.binId ?? null, binCode: bin?.binCode ?? null, binSort: bin?.sortOrder ?? null,
    };
  }));
}

/** One pick list with its lines in walking order. */
export async function getPickList(db: DbOrTx, id: string): Promise<PickListView> {
  const head = await db.selectFrom('pickLists').selectAll().where('id', '=', id).executeTakeFirst();
  if (!head) throw new DomainError('NOT_FOUND', { entity: 'pickList' });
  const rows = await db.selectFrom('pickListLines as l')
    .innerJoin('products as p', 'p.id', 'l.productId').innerJoin('warehouses as w', 'w.id', 'l.warehouseId').innerJoin('salesOrders as o', 'o.id', 'l.orderId')
    .select(['l.id', 'l.seq', 'l.orderId', 'o.number as orderNumber', 'l.orderLineId', 'l.productId', 'p.sku', 'p.name as productName', 'p.baseUnit', 'l.warehouseId', 'w.code as warehouseCode',
      'w.name as warehouseName', 'l.binId', 'l.binCode', 'l.quantity', 'l.scanned', 'l.picked', 'l.status', 'l.confirmedAt',
      (eb) => eb.selectFrom('productBarcodes as b').select(sql<string>`min(b.barcode)`.as('x')).whereRef('b.productId', '=', 'l.productId').where('b.unitId', 'is', null).as('barcode')])
    .where('l.pickListId', '=', id).orderBy('l.seq').execute();
  const lines = rows.map((r) => ({
    ...r, barcode: r.barcode ?? null, status: r.status as PickListView['lines'][number]['status'],
    short: r.status === 'short' && r.picked !== null ? r.quantity - r.picked : 0,
  }));
  const warehouses = new Map<string, PickListView['warehouses'][number]>();
  for (const l of lines) {
    const w = warehouses.get(l.warehouseId) ?? { warehouseId: l.warehouseId, code: l.warehouseCode, name: l.warehouseName, lineCount: 0, quantity: 0 };
    w.lineCount += 1;
    w.quantity += l.quantity;
    warehouses.set(l.warehouseId, w);
  }
  const { actorType: _t, actorId: _a, ...rest } = head;
  return { ...rest, status: head.status as 'open' | 'completed', warehouses: [...warehouses.values()], lines };
}

export const pickListSorts = { number: 'number', createdAt: 'createdAt', status: 'status' };

/** Pick lists, newest first. */
export async function listPickLists(db: Db, f: { q?: string; page: number; pageSize: number; sort?: string; status?: string }) {
  let q = db.selectFrom('pickLists').select(['id', 'number', 'status', 'orderCount', 'lineCount', 'note', 'actorName', 'createdAt', 'updatedAt', 'completedAt']);
  q = searchWhere(q, f.q, ['number', 'note']);
  if (f.status) q = q.where('status', '=', f.status);
  const page = await paginate(q, sortBy(q, f.sort, pickListSorts, '-createdAt'), f);
  return { ...page, items: page.items.map((p) => ({ ...p, status: p.status as 'open' | 'completed' })) };
}

/**
 * Counts a scanned item (a pack-unit barcode counts its factor) against the list's open line of
 * that product, at the scanned bin when one is given. Unknown code 404, not on the list (or not
 * at that bin) 422 PICK_WRONG_ITEM, more than listed 409 PICK_TOO_MANY; nothing written then.
 */
export async function scanPick(trx: Tx, actor: Actor, id: string, input: { barcode: string; binCode?: string }): Promise<PickListView['lines'][number]> {
  const list = await trx.selectFrom('pickLists').select(['id', 'number', 'status']).where('id', '=', id).executeTakeFirst();
  if (!list) throw new DomainError('NOT_FOUND', { entity: 'pickList' });
  const item = await resolveScan(trx, input.barcode);
  const lines = await trx.selectFrom('pickListLines').select(['id', 'quantity', 'scanned', 'binCode']).where('pickListId', '=', id).where('productId', '=', item.productId).where('status', '=', 'open').orderBy('seq').execute();
  const here = input.binCode ? lines.filter((l) => l.binCode === input.binCode) : lines;
  if (here.length === 0) {
    const where = input.binCode && lines.length ? { zh: `（库位 ${input.binCode}）`, en: ` (at bin ${input.binCode})` } : { zh: '', en: '' };
    throw new DomainError('PICK_WRONG_ITEM', { product: `${item.sku} ${item.productName}`, number: list.number, where }, [{ field: input.binCode && lines.length ? 'binCode' : 'barcode', productId: item.productId, message: { zh: '不在拣货单上', en: 'Not on the pick list' } }]);
  }
  for (const l of here) {
    const res = await trx.updateTable('pickListLines').set({ scanned: sql`scanned + ${item.factor}` })
      .where('id', '=', l.id).where('status', '=', 'open').where(sql<boolean>`scanned + ${item.factor} <= quantity`).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 1) {
      await trx.updateTable('pickLists').set({ updatedAt: nowIso() }).where('id', '=', id).execute();
      await writeAudit(trx, actor, { action: 'update', entity: 'pickList', entityId: id, summary: `${list.number} scan ${input.barcode} ×${item.factor}`, after: { lineId: l.id, scanned: l.scanned + item.factor } });
      return (await getPickList(trx, id)).lines.find((x) => x.id === l.id) as PickListView['lines'][number];
    }
  }
  const quantity = here.reduce((s, l) => s + l.quantity, 0);
  const scanned = here.reduce((s, l) => s + l.scanned, 0);
  throw new DomainError('PICK_TOO_MANY', { product: `${item.sku} ${item.productName}`, quantity, picked: scanned + item.factor }, [{ field: 'barcode', productId: item.productId, quantity, scanned, message: { zh: `已扫 ${scanned}，只需 ${quantity}`, en: `${scanned} scanned, ${quantity} needed` } }]);
}

/**
 * Confirms picked quantities. Each given line (or, with none given, each open line at what was
 * scanned) closes: picked goods stay reserved for shipping; a shortfall goes back to its order
 * as backordered (reservation released through the ledger, purchasing alerted). Orders are
 * claimed in id order; a line of an order cancelled meanwhile closes as void.
 */
export async function confirmPickList(trx: Tx, actor: Actor, id: string, input: { lines?: Array<{ lineId: string; picked: number }> }): Promise<PickListView> {
  const list = await trx.selectFrom('pickLists').select(['id', 'number']).where('id', '=', id).executeTakeFirst();
  if (!list) throw new DomainError('NOT_FOUND', { entity: 'pickList' });
  const open = await trx.selectFrom('pickListLines').selectAll().where('pickListId', '=', id).execute();
  const byId = new Map(open.map((l) => [l.id, l]));
  const given = input.lines ?? open.filter((l) => l.status === 'open').map((l) => ({ lineId: l.id, picked: l.scanned }));
  const seen = new Set<string>();
  given.forEach((g, i) => {
    const l = byId.get(g.lineId);
    if (!l) throw new DomainError('NOT_FOUND', { entity: 'pickListLine' }, [{ field: `lines.${i}.lineId`, message: { zh: '不是该拣货单的明细', en: 'Not a line of this pick list' } }]);
    if (l.status !== 'open' || seen.has(l.id)) throw new DomainError('PICK_LIST_STATE', { number: list.number }, [{ field: `lines.${i}.lineId`, message: { zh: '该行已确认', en: 'Line already confirmed' } }]);
    if (g.picked > l.quantity) throw new DomainError('PICK_TOO_MANY', { product: l.productId, quantity: l.quantity, picked: g.picked }, [{ field: `lines.${i}.picked`, quantity: l.quantity, message: { zh: `最多 ${l.quantity}`, en: `At most ${l.quantity}` } }]);
    seen.add(l.id);
  });
  const now = nowIso();
  const orderIds = [...new Set(given.map((g) => byId.get(g.lineId)?.orderId as string))].sort();
  const shortPairs: Array<{ productId: string; warehouseId: string }> = [];
  for (const orderId of orderIds) {
    const head = await claimOrVoid(trx, orderId);
    const lines = new Map((await orderShipping.fulfilmentLines(trx, [orderId])).map((l) => [l.id, l]));
    for (const g of given) {
      const pl = byId.get(g.lineId);
      if (!pl || pl.orderId !== orderId) continue;
      const ol = lines.get(pl.orderLineId);
      if (!ol) throw new DomainError('CONFLICT');
      await orderShipping.recordPick(trx, actor, head, ol, pl.quantity, g.picked);
      const status = orderShipping.shippable(head.status) ? pickOutcome(pl.quantity, g.picked).status : 'void';
      if (status === 'short') shortPairs.push({ productId: ol.productId, warehouseId: ol.warehouseId });
      await trx.updateTable('pickListLines').set({ picked: status === 'void' ? 0 : g.picked, status, confirmedAt: now }).where('id', '=', pl.id).where('status', '=', 'open').execute();
    }
  }
  // A short pick releases its reservation: the position changes, the reorder rules look again.
  await checkReorderPoints(trx, shortPairs);
  const left = await trx.selectFrom('pickListLines').select('id').where('pickListId', '=', id).where('status', '=', 'open').limit(1).executeTakeFirst();
  await trx.updateTable('pickLists').set({ updatedAt: now, ...(left ? {} : { status: 'completed', completedAt: now }) }).where('id', '=', id).execute();
  await writeAudit(trx, actor, { action: 'update', entity: 'pickList', entityId: id, summary: `${list.number} confirm`, after: { lines: given } });
  return getPickList(trx, id);
}

/** Claims an order open for shipping; an order no longer open (cancelled) is returned as it is, for its lines to close void. */
async function claimOrVoid(trx: Tx, orderId: string) {
  try {
    return await orderShipping.claimForShipping(trx, orderId);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'ORDER_STATE') return orderShipping.orderHead(trx, orderId);
    throw err;
  }
}
