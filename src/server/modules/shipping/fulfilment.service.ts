import { sql } from 'kysely';
import type { Db, DbOrTx, Tx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { groupBy } from '../../platform/batch.js';
import { searchWhere, sortBy } from '../../platform/list.js';
import { orderShipping } from '../sales/index.js';
import { packagesOf } from './packing.service.js';
import { eventsOf, shipmentsOfOrder } from './shipment.service.js';
import type { FulfilmentQueueItem, FulfilmentView } from './shipping.schemas.js';
import { trackingPath } from './tracking-token.js';
import { checkReorderPoints } from '../purchasing/reorder-check.js';

/** Code and name of each warehouse by id. */
async function warehouseNames(db: DbOrTx, ids: string[]): Promise<Map<string, { code: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('warehouses').select(['id', 'code', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((w) => [w.id, { code: w.code, name: w.name }]));
}

/** An order as the warehouse sees it: per line ordered, reserved, on pick lists, picked, packed, shipped, backordered; packages, shipments, events. */
export async function getFulfilment(db: DbOrTx, orderId: string): Promise<FulfilmentView> {
  const order = await orderShipping.orderHead(db, orderId, 'id');
  const lines = await orderShipping.fulfilmentLines(db, [orderId]);
  const open = orderShipping.shippable(order.status);
  const token = (await db.selectFrom('orderTracking').select('token').where('orderId', '=', orderId).executeTakeFirst())?.token ?? null;
  const whs = await warehouseNames(db, lines.map((l) => l.warehouseId));
  return {
    orderId, number: order.number, status: order.status, customerName: order.customerName, requestedDate: order.requestedDate,
    trackingToken: token, trackingPath: token ? trackingPath(token) : null,
    lines: lines.map((l) => ({
      id: l.id, lineNo: l.lineNo, productId: l.productId, sku: l.sku, productName: l.productName, baseUnit: l.baseUnit,
      warehouseId: l.warehouseId, warehouseCode: whs.get(l.warehouseId)?.code ?? '', warehouseName: whs.get(l.warehouseId)?.name ?? '',
      ordered: l.baseQuantity, reserved: l.reserved, picking: l.picking, picked: l.picked, packed: l.packed, shipped: l.shipped,
      backordered: open ? orderShipping.backorderedOf(l) : 0, toShip: open ? Math.max(0, l.reserved - l.picking) : 0,
    })),
    packages: await packagesOf(db, { orderId }),
    shipments: await shipmentsOfOrder(db, orderId),
    events: await eventsOf(db, { orderId }),
  };
}

/** Reserves what has arrived for an open order's backordered lines, so they can ship. */
export async function allocate(trx: Tx, actor: Actor, orderId: string): Promise<FulfilmentView> {
  const order = await orderShipping.claimForShipping(trx, orderId, 'ship_part', 'id');
  const granted = await orderShipping.allocateBackorders(trx, actor, order);
  const lines = await orderShipping.fulfilmentLines(trx, [orderId]);
  await checkReorderPoints(trx, lines.filter((l) => granted.some((g) => g.lineId === l.id && g.granted > 0)).map((l) => ({ productId: l.productId, warehouseId: l.warehouseId })));
  return getFulfilment(trx, orderId);
}

export const queueSorts = { number: 'o.number', createdAt: 'o.createdAt', requestedDate: 'o.requestedDate' };

type QueueArgs = { stage: 'to_pack' | 'to_ship'; warehouseId?: string; q?: string; page: number; pageSize: number; sort?: string };

/**
 * The warehouse's work queues over open orders (confirmed, partly shipped): `to_pack` (待打包) has
 * lines picked and not all packed; `to_ship` (待发货) has packed boxes not yet shipped. Oldest first.
 */
export async function listFulfilmentQueue(db: Db, a: QueueArgs): Promise<{ items: FulfilmentQueueItem[]; total: number; page: number; pageSize: number }> {
  // Per line: what waits at this stage.
  const waiting = a.stage === 'to_pack' ? sql`l.picked - l.packed` : sql`l.packed`;
  let q = db.selectFrom('salesOrders as o').innerJoin('customers as c', 'c.id', 'o.customerId').innerJoin('salesOrderLines as l', 'l.orderId', 'o.id')
    .where('o.status', 'in', ['confirmed', 'partially_shipped']).where(sql<boolean>`${waiting} > 0`);
  if (a.warehouseId) q = q.where('l.warehouseId', '=', a.warehouseId);
  q = searchWhere(q, a.q, ['o.number', 'c.name']);
  const grouped = q.select(['o.id as orderId', 'o.number', 'o.status', 'c.name as customerName', 'o.requestedDate', 'o.createdAt'])
    .select([sql<number>`count(l.id)`.as('lineCount'), sql<number>`sum(l.picked - l.packed)`.as('toPack'), sql<number>`sum(l.packed)`.as('packed')])
    .groupBy(['o.id', 'o.number', 'o.status', 'c.name', 'o.requestedDate', 'o.createdAt']);
  const count = await db.selectFrom(q.select('o.id').distinct().as('x')).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  const rows = await sortBy(grouped, a.sort, queueSorts, 'createdAt').limit(a.pageSize).offset((a.page - 1) * a.pageSize).execute();
  const whRows = rows.length === 0 ? [] : await db.selectFrom('salesOrderLines as l').innerJoin('warehouses as w', 'w.id', 'l.warehouseId')
    .select(['l.orderId', 'w.id', 'w.code', 'w.name']).distinct()
    .where('l.orderId', 'in', rows.map((r) => r.orderId)).where(sql<boolean>`${waiting} > 0`)
    .$if(!!a.warehouseId, (w) => w.where('l.warehouseId', '=', a.warehouseId as string)).orderBy('w.code').execute();
  const whs = groupBy(whRows, (w) => w.orderId);
  return {
    items: rows.map((r) => ({
      ...r, lineCount: Number(r.lineCount), toPack: Number(r.toPack), packed: Number(r.packed),
      warehouses: (whs.get(r.orderId) ?? []).map((w) => ({ id: w.id, code: w.code, name: w.name })),
    })),
    total: Number(count?.n ?? 0), page: a.page, pageSize: a.pageSize,
  };
}
