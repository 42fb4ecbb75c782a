import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/create-db.js';
import { prepared } from '../../db/prepared.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit, type AuditEntry } from '../../platform/audit.js';
import { businessDate, nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { enqueue } from '../../platform/outbox.js';
import { raiseAlert } from '../alerts/index.js';
import { changeStock, reserveAvailable, type StockMove } from '../inventory/index.js';
import { recordShipmentFacts } from '../analytics/sales-facts.js';
import { recordOrderShipped } from '../analytics/order-facts.js';
import { actionNames, isShippable, nextStatus, statusNames, type OrderStatus } from './sales-order.js';

// What shipping does to a sales order. Every shipping transaction claims the order row first
// (a conditional UPDATE), as sales' own state changes do, so a shipment, a pick and a cancel of
// one order run one after another. On each line: reserved ≥ picking + picked, picked ≥ packed;
// shipped units leave reserved (and picked/packed) in the same statement that checks there are enough.

export type OrderHead = { id: string; number: string; status: OrderStatus; customerId: string; customerName: string; requestedDate: string | null };
export type FulfilmentLine = {
  id: string; lineNo: number; productId: string; sku: string; productName: string; baseUnit: string; warehouseId: string; warehouseName: string;
  baseQuantity: number; reserved: number; shipped: number; picking: number; picked: number; packed: number;
};

const int = (n: number) => sql<number>`cast(${n} as bigint)`;

// The statements of every shipment, built once (see db/prepared.ts).
const claimOpenOrder = prepared((db, a: { id: string; now: string }) =>
  db.updateTable('salesOrders').set({ updatedAt: a.now }).where('id', '=', a.id).where('status', 'in', ['confirmed', 'partially_shipped']));
const headById = prepared((db, a: { id: string }) =>
  db.selectFrom('salesOrders as o').innerJoin('customers as c', 'c.id', 'o.customerId')
    .select(['o.id', 'o.number', 'o.status', 'o.customerId', 'c.name as customerName', 'o.requestedDate']).where('o.id', '=', a.id));
const linesOfOrders = prepared((db, a: { orderIds: string[] }) =>
  db.selectFrom('salesOrderLines as l').innerJoin('products as p', 'p.id', 'l.productId').innerJoin('warehouses as w', 'w.id', 'l.warehouseId')
    .select(['l.id', 'l.orderId', 'l.lineNo', 'l.productId', 'p.sku', 'p.name as productName', 'p.baseUnit', 'l.warehouseId', 'w.name as warehouseName', 'l.baseQuantity', 'l.reserved', 'l.shipped', 'l.picking', 'l.picked', 'l.packed'])
    .where('l.orderId', 'in', a.orderIds).orderBy('l.orderId').orderBy('l.lineNo'));
/**
 * Shipped units leave reserved (and picked, packed) of each line, one statement for all of them,
 * except on a line that holds fewer reserved off open pick lists (returns the lines it changed).
 */
const shipFromLines = prepared((db, a: { lines: Array<{ id: string; quantity: number }> }) => {
  const q = sql<number>`(case id ${sql.join(a.lines.map((l) => sql`when ${l.id} then ${int(l.quantity)}`), sql` `)} end)`;
  return db.updateTable('salesOrderLines')
    .set({
      reserved: sql`reserved - ${q}`, shipped: sql`shipped + ${q}`,
      picked: sql`case when picked > ${q} then picked - ${q} else 0 end`, packed: sql`case when packed > ${q} then packed - ${q} else 0 end`,
    })
    .where('id', 'in', a.lines.map((l) => l.id)).where(sql<boolean>`reserved - picking >= ${q}`)
    .returning('id');
});
const moveStatus = prepared((db, a: { id: string; from: string; to: string; now: string }) =>
  db.updateTable('salesOrders').set({ status: a.to, updatedAt: a.now }).where('id', '=', a.id).where('status', '=', a.from));

/** Claims an order open for shipping (confirmed or partially shipped) in this transaction; ORDER_STATE otherwise. */
export async function claimForShipping(trx: Tx, orderId: string, action: 'ship_part' | 'deliver' = 'ship_part', field = 'orderId'): Promise<OrderHead> {
  const claimed = await claimOpenOrder.affected(trx, { id: orderId, now: nowIso() });
  const head = await orderHead(trx, orderId, field);
  if (claimed === 0) {
    throw new DomainError('ORDER_STATE', { number: head.number, status: statusNames[head.status], action: actionNames[action] }, [{ field, message: { zh: `订单${statusNames[head.status].zh}`, en: `Order is ${statusNames[head.status].en}` } }]);
  }
  return head;
}

/** An order's number, status and customer; NOT_FOUND naming `field`. */
export async function orderHead(db: DbOrTx, orderId: string, field = 'orderId'): Promise<OrderHead> {
  const o = await headById.first(db, { id: orderId });
  if (!o) throw new DomainError('NOT_FOUND', { entity: 'salesOrder' }, [{ field, message: { zh: '订单不存在', en: 'No such order' } }]);
  return { ...o, status: o.status as OrderStatus };
}

/** Whether shipping may work on an order in this status. */
export const shippable = isShippable;

/** The lines of orders with what each holds for shipping. */
export async function fulfilmentLines(db: DbOrTx, orderIds: string[]): Promise<Array<FulfilmentLine & { orderId: string }>> {
  if (orderIds.length === 0) return [];
  const rows = await linesOfOrders.rows(db, { orderIds });
  return rows.map((r) => ({ ...r, picking: Number(r.picking ?? 0), picked: Number(r.picked ?? 0), packed: Number(r.packed ?? 0) }));
}

/** Base units of a line waiting for stock (欠货). */
export const backorderedOf = (l: Pick<FulfilmentLine, 'baseQuantity' | 'reserved' | 'shipped'>) => l.baseQuantity - l.reserved - l.shipped;

/**
 * Puts quantities of order lines on a pick list, 500 lines per statement; false when any line no
 * longer holds that much unpicked (the caller refuses the whole list).
 */
export async function takeForPicking(trx: Tx, takes: Array<{ lineId: string; quantity: number }>): Promise<boolean> {
  for (let i = 0; i < takes.length; i += 500) {
    const chunk = takes.slice(i, i + 500);
    const amount = sql<number>`case id ${sql.join(chunk.map((t) => sql`when ${t.lineId} then ${int(t.quantity)}`), sql` `)} end`;
    const res = await trx.updateTable('salesOrderLines').set({ picking: sql`picking + ${amount}` })
      .where('id', 'in', chunk.map((t) => t.lineId)).where(sql<boolean>`reserved - picking - picked >= ${amount}`).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== chunk.length) return false;
  }
  return true;
}

/**
 * Records a confirmed pick of one pick-list line: `listed` leaves picking, `picked` becomes picked,
 * and the shortfall is released back to the order as backordered (through the ledger) and alerted
 * to purchasing. On an order no longer open (cancelled) only the listing is undone.
 */
export async function recordPick(trx: Tx, actor: Actor, order: OrderHead, line: FulfilmentLine, listed: number, picked: number): Promise<void> {
  const open = isShippable(order.status);
  const short = open ? listed - picked : 0;
  const res = await trx.updateTable('salesOrderLines')
    .set({ picking: sql`picking - ${int(listed)}`, picked: sql`picked + ${int(open ? picked : 0)}`, reserved: sql`reserved - ${int(short)}` })
    .where('id', '=', line.id).where(sql<boolean>`picking >= ${int(listed)}`).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw new DomainError('CONFLICT');
  if (short <= 0) return;
  await changeStock(trx, actor, { type: 'sales_order', id: order.id }, { reservations: [{ productId: line.productId, warehouseId: line.warehouseId, sourceLineId: line.id, delta: -short }] });
  await raiseAlert(trx, {
    kind: 'shortage', severity: 'warning', targetRole: 'purchasing',
    title: { zh: `拣货短缺：${line.sku} ${line.productName}（${order.number} 欠货 ${short}）`, en: `Short pick: ${line.sku} ${line.productName} (${order.number} backordered ${short})` },
    entity: 'product', entityId: line.productId, data: { warehouseId: line.warehouseId, orderId: order.id, backordered: short, reason: 'short_pick' },
    dedupeKey: `shortage:${line.productId}:${line.warehouseId}`,
  });
}

/** Packs `quantity` of a line; false when fewer are picked and unpacked. */
export async function recordPack(trx: Tx, lineId: string, quantity: number): Promise<boolean> {
  const res = await trx.updateTable('salesOrderLines').set({ packed: sql`packed + ${int(quantity)}` })
    .where('id', '=', lineId).where(sql<boolean>`picked - packed >= ${int(quantity)}`).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Takes `quantity` of a line out of its packages again (a package opened up before shipping). */
export async function recordUnpack(trx: Tx, lineId: string, quantity: number): Promise<void> {
  await trx.updateTable('salesOrderLines').set({ packed: sql`packed - ${int(quantity)}` }).where('id', '=', lineId).where(sql<boolean>`packed >= ${int(quantity)}`).execute();
}

export type ShipLine = { line: FulfilmentLine; quantity: number; field: string };

/**
 * Ships lines of a claimed order in the caller's transaction: each line's shipped goes up and its
 * reserved (and picked, packed) down by a conditional update that refuses more than the line holds
 * reserved off open pick lists (SHIP_TOO_MANY); then ONE ledger call books the movements out at
 * moving-average cost and releases the order's reservation. Moves the order to partially_shipped
 * or shipped. Returns each line's cost of goods (fen, positive), the order's new status, when it
 * moved the audit entry of that for the caller to write with its own, and `recordFacts`, which the
 * caller runs last before committing: the sales rollups' rows (a day × warehouse × category row is
 * shared by every shipment of the day) stay locked from their upsert to the commit, so concurrent
 * shipments wait on them the shortest time.
 */
export async function recordShipment(
  trx: Tx, actor: Actor, order: OrderHead, lines: ShipLine[], reference: string, orderLines: FulfilmentLine[],
): Promise<{ costs: number[]; status: OrderStatus; audit: AuditEntry | null; recordFacts: () => Promise<void> }> {
  // A refused line fails the whole shipment; the caller's transaction undoes the lines that did change.
  const changed = new Set<string>();
  for (let i = 0; i < lines.length; i += 200) {
    // 200 lines a statement: the quantity's CASE is bound seven times (SQLite takes at most 32,766 parameters).
    const chunk = lines.slice(i, i + 200).map(({ line, quantity }) => ({ id: line.id, quantity }));
    for (const r of await shipFromLines.rows(trx, { lines: chunk })) changed.add(r.id);
  }
  const refused = lines.find((l) => !changed.has(l.line.id));
  if (refused) throw await tooMany(trx, refused.line, refused.quantity, refused.field);
  const moves: StockMove[] = lines.map(({ line, quantity }) => ({ kind: 'sale_out', productId: line.productId, warehouseId: line.warehouseId, quantity: -quantity, sourceLineId: line.id, reason: reference }));
  const posted = await changeStock(trx, actor, { type: 'sales_order', id: order.id }, {
    moves, reservations: lines.map(({ line, quantity }) => ({ productId: line.productId, warehouseId: line.warehouseId, sourceLineId: line.id, delta: -quantity })),
  });
  // Every line of the order as read under the claim, plus what ships now: is all of it out?
  const ordered = orderLines.reduce((n, l) => n + l.baseQuantity, 0);
  const shipped = orderLines.reduce((n, l) => n + l.shipped, 0) + lines.reduce((n, l) => n + l.quantity, 0);
  const action = shipped >= ordered ? 'ship_rest' : 'ship_part';
  const status = nextStatus(order.status, action) as OrderStatus;
  const day = businessDate();
  await recordOrderShipped(trx, order.id, day, shipped >= ordered);
  const audit = status !== order.status ? await moveOrder(trx, order, status, `${order.number} ship ${reference}`) : null;
  const facts = lines.map(({ line, quantity }, i) => ({ lineId: line.id, quantity, shippedBefore: line.shipped, cost: -posted[i].costAmount }));
  return { costs: posted.map((m) => -m.costAmount), status, audit, recordFacts: () => recordShipmentFacts(trx, day, { type: 'shipment', id: reference }, facts) };
}

async function tooMany(trx: Tx, line: FulfilmentLine, quantity: number, field: string): Promise<DomainError> {
  const now = await trx.selectFrom('salesOrderLines').select(['reserved', 'picking', 'shipped', 'baseQuantity']).where('id', '=', line.id).executeTakeFirstOrThrow();
  const available = Math.max(0, Number(now.reserved) - Number(now.picking ?? 0));
  return new DomainError('SHIP_TOO_MANY', { product: `${line.sku} ${line.productName}`, available, quantity }, [{
    field, lineId: line.id, productId: line.productId, ordered: now.baseQuantity, shipped: now.shipped, reserved: now.reserved, onPickList: now.picking, available, requested: quantity,
    message: { zh: `可发 ${available}，本次 ${quantity}`, en: `${available} can ship, asked ${quantity}` },
  }]);
}

async function moveOrder(trx: Tx, order: OrderHead, status: OrderStatus, summary: string): Promise<AuditEntry> {
  await moveStatus.affected(trx, { id: order.id, from: order.status, to: status, now: nowIso() });
  return { action: 'update', entity: 'salesOrder', entityId: order.id, summary, before: { status: order.status }, after: { status } };
}

/** Moves a shipped order to delivered once every shipment of it is delivered; true when it moved. */
export async function deliverIfComplete(trx: Tx, actor: Actor, orderId: string): Promise<boolean> {
  const order = await orderHead(trx, orderId);
  if (nextStatus(order.status, 'deliver') === null) return false;
  const open = await trx.selectFrom('shipments').select('id').where('orderId', '=', orderId).where('status', '!=', 'delivered').limit(1).executeTakeFirst();
  if (open) return false;
  const res = await trx.updateTable('salesOrders').set({ status: 'delivered', updatedAt: nowIso() }).where('id', '=', orderId).where('status', '=', 'shipped').executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) return false;
  await writeAudit(trx, actor, { action: 'update', entity: 'salesOrder', entityId: orderId, summary: `${order.number} deliver`, before: { status: order.status }, after: { status: 'delivered' } });
  await enqueue(trx, 'order.delivered', { orderId, number: order.number, customerId: order.customerId, customerName: order.customerName }, `order.delivered:${orderId}`);
  return true;
}

/** Reserves what is available now for a claimed order's backordered lines; returns what each line gained. */
export async function allocateBackorders(trx: Tx, actor: Actor, order: OrderHead): Promise<Array<{ lineId: string; granted: number }>> {
  const lines = (await fulfilmentLines(trx, [order.id])).filter((l) => backorderedOf(l) > 0);
  const granted = await reserveAvailable(trx, actor, { type: 'sales_order', id: order.id },
    lines.map((l) => ({ productId: l.productId, warehouseId: l.warehouseId, sourceLineId: l.id, quantity: backorderedOf(l) })));
  for (const [i, l] of lines.entries()) {
    if (granted[i] > 0) await trx.updateTable('salesOrderLines').set({ reserved: sql`reserved + ${int(granted[i])}` }).where('id', '=', l.id).execute();
  }
  if (granted.some((g) => g > 0)) {
    await writeAudit(trx, actor, { action: 'update', entity: 'salesOrder', entityId: order.id, summary: `${order.number} allocate backorders`, after: { lines: lines.map((l, i) => ({ lineId: l.id, granted: granted[i] })) } });
  }
  return lines.map((l, i) => ({ lineId: l.id, granted: granted[i] }));
}
