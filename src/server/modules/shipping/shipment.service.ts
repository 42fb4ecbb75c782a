import type { Insertable } from 'kysely';
import type { Db, DbOrTx, Tx } from '../../db/create-db.js';
import { prepared } from '../../db/prepared.js';
import type { CarrierTable, ShipmentLineTable, ShipmentTable } from '../../db/schema-shipping.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudits } from '../../platform/audit.js';
import { businessDate, nowIso } from '../../platform/clock.js';
import { DomainError, type ErrorDetail } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { paginate, searchWhere, sortBy } from '../../platform/list.js';
import { inTransaction, type NumberSource } from '../../platform/numbering.js';
import { enqueue } from '../../platform/outbox.js';
import { orderShipping } from '../sales/index.js';
import { adapterFor } from './carrier-adapter.js';
import { carrierRow } from './carrier.service.js';
import { packagesOf } from './packing.service.js';
import type { ShipmentInput, ShipmentView } from './shipping.schemas.js';
import { ensureTrackingToken, trackingPath } from './tracking-token.js';
import { checkReorderPoints } from '../purchasing/reorder-check.js';
import { bookShipmentInvoice } from '../finance/index.js';

type Line = orderShipping.FulfilmentLine;
const bad = (details: ErrorDetail[]) => new DomainError('VALIDATION_FAILED', { summary: details.map((d) => d.field).join(', ') }, details);

/**
 * Posts a shipment (销售出库/发货, CK-yyyymmdd-nnnn) in the caller's transaction: claims the order,
 * decides what ships (given lines, else what is packed, else picked, else all reserved in the
 * warehouse), takes the tracking number (typed, scanned, or issued by the carrier's adapter),
 * then ships the lines through the ledger at moving-average cost, moves the order on, attaches
 * the open packages, books the customer's invoice (应收单, finance), and writes shipment.shipped
 * to the outbox and the audit log. The number
 * comes from `numbers` (the API passes the database's own source: on PostgreSQL a counter
 * connection of its own, so concurrent shipments do not queue on the day's counter row).
 */
export async function createShipment(trx: Tx, actor: Actor, input: ShipmentInput, numbers: NumberSource = inTransaction): Promise<ShipmentView> {
  if (input.expectedDate && input.expectedDate < businessDate()) {
    throw bad([{ field: 'expectedDate', message: { zh: `预计送达日期不能早于今天（${businessDate()}）`, en: `The expected delivery date cannot be before today (${businessDate()})` } }]);
  }
  const order = await orderShipping.claimForShipping(trx, input.orderId);
  const carrier = await carrierRow(trx, input.carrierId);
  if (carrier.status !== 'active') throw new DomainError('INACTIVE', { entity: 'carrier', name: carrier.name }, [{ field: 'carrierId', message: { zh: '快递公司已停用', en: 'Carrier is deactivated' } }]);
  const lines = await orderShipping.fulfilmentLines(trx, [order.id]);
  const { warehouseId, ship } = chooseLines(order.number, lines, input);
  const packed = lines.filter((l) => l.warehouseId === warehouseId && l.packed > 0);
  for (const l of packed) {
    const s = ship.find((x) => x.line.id === l.id);
    if (!s || s.quantity < l.packed) {
      throw bad([{ field: s?.field ?? 'lines', lineId: l.id, packed: l.packed, message: { zh: `${l.sku} 已装箱 ${l.packed}，须整箱发出（或先拆包）`, en: `${l.packed} of ${l.sku} are packed; ship the packages whole (or open them first)` } }]);
    }
  }
  const number = await numbers(trx, 'CK');
  const tracking = await trackingNumberFor(trx, carrier, input, { number, orderNumber: order.number });
  try {
    return await post(trx, actor, { order, carrier, warehouseId, ship, number, tracking, input, lines });
  } catch (err) {
    // Compensation for the one external call: a waybill issued for a shipment that did not post is cancelled.
    if (tracking.source === 'adapter' && tracking.number) await adapterFor(carrier.adapter).cancelWaybill(tracking.number).catch(() => undefined);
    throw err;
  }
}

type Post = {
  order: orderShipping.OrderHead; carrier: CarrierTable; warehouseId: string; ship: orderShipping.ShipLine[]; number: string;
  tracking: { number: string | null; source: string }; input: ShipmentInput; lines: Line[];
};

async function post(trx: Tx, actor: Actor, p: Post): Promise<ShipmentView> {
  const { costs, status, audit, recordFacts } = await orderShipping.recordShipment(trx, actor, p.order, p.ship, p.number, p.lines);
  const id = newId();
  const now = nowIso();
  const expectedDate = p.input.expectedDate ?? addDays(businessDate(), p.carrier.transitDays);
  const costAmount = costs.reduce((s, c) => s + c, 0);
  const row = {
    id, number: p.number, orderId: p.order.id, warehouseId: p.warehouseId, carrierId: p.carrier.id, trackingNumber: p.tracking.number, trackingSource: p.tracking.source,
    status: 'shipped', expectedDate, costAmount, lineCount: p.ship.length, note: p.input.note ?? null, actorType: actor.type, actorId: actor.id, actorName: actor.name,
    shippedAt: now, deliveredAt: null, updatedAt: now,
  };
  await insertShipment.affected(trx, row);
  await insertShipmentLines.affected(trx, p.ship.map((s, i) => ({ id: newId(), shipmentId: id, orderLineId: s.line.id, productId: s.line.productId, quantity: s.quantity, costAmount: costs[i] })));
  await bookShipmentInvoice(trx, {
    shipmentId: id, shipmentNumber: p.number, orderId: p.order.id, customerId: p.order.customerId, actorName: actor.name,
    lines: p.ship.map((s) => ({ lineId: s.line.id, quantity: s.quantity, shippedBefore: s.line.shipped })),
  });
  await checkReorderPoints(trx, p.ship.map((x) => ({ productId: x.line.productId, warehouseId: x.line.warehouseId })));
  const boxed = await shipOpenPackages.affected(trx, { orderId: p.order.id, warehouseId: p.warehouseId, shipmentId: id, now });
  const token = await ensureTrackingToken(trx, p.order.id);
  await enqueue(trx, 'shipment.shipped', {
    shipmentId: id, number: p.number, orderId: p.order.id, orderNumber: p.order.number, orderStatus: status, customerId: p.order.customerId, customerName: p.order.customerName,
    carrierCode: p.carrier.code, carrierName: p.carrier.name, trackingNumber: p.tracking.number, expectedDate, trackingPath: trackingPath(token),
    lines: p.ship.map((s) => ({ sku: s.line.sku, name: s.line.productName, quantity: s.quantity, unit: s.line.baseUnit })),
  }, `shipment.shipped:${id}`);
  // The reply is built from what was just written (reading it back took four queries); packages only when some were attached.
  const byLineNo = [...p.ship.entries()].sort(([, a], [, b]) => a.line.lineNo - b.line.lineNo);
  const view: ShipmentView = {
    id, number: p.number, orderId: p.order.id, orderNumber: p.order.number, customerName: p.order.customerName, warehouseId: p.warehouseId, warehouseName: p.ship[0].line.warehouseName,
    carrierId: p.carrier.id, carrierCode: p.carrier.code, carrierName: p.carrier.name, trackingNumber: p.tracking.number, trackingSource: row.trackingSource as ShipmentView['trackingSource'],
    status: 'shipped', expectedDate, costAmount, lineCount: p.ship.length, note: row.note, actorName: actor.name, shippedAt: now, deliveredAt: null,
    lines: byLineNo.map(([i, s]) => ({ orderLineId: s.line.id, productId: s.line.productId, sku: s.line.sku, productName: s.line.productName, baseUnit: s.line.baseUnit, quantity: s.quantity, costAmount: costs[i] })),
    packages: boxed > 0 ? await packagesOf(trx, { shipmentId: id }) : [],
    events: [],
  };
  // The order's move (when it moved) and the shipment: one audit statement.
  await writeAudits(trx, actor, [
    ...(audit ? [audit] : []),
    { action: 'create', entity: 'shipment', entityId: id, summary: `${p.number} ${p.order.number} ${p.carrier.code} ${p.tracking.number ?? ''}`.trim(), after: view },
  ]);
  // Last: the shared rollup rows are locked from here to the commit.
  await recordFacts();
  return view;
}

// The statements of every shipment, built once (see db/prepared.ts).
const insertShipment = prepared((db, row: Insertable<ShipmentTable>) => db.insertInto('shipments').values(row));
const insertShipmentLines = prepared((db, rows: Insertable<ShipmentLineTable>[]) => db.insertInto('shipmentLines').values(rows));
const shipOpenPackages = prepared((db, a: { orderId: string; warehouseId: string; shipmentId: string; now: string }) =>
  db.updateTable('packages').set({ status: 'shipped', shipmentId: a.shipmentId, updatedAt: a.now }).where('orderId', '=', a.orderId).where('warehouseId', '=', a.warehouseId).where('status', '=', 'open'));
const shipmentByTracking = prepared((db, a: { carrierId: string; trackingNumber: string }) =>
  db.selectFrom('shipments').select('number').where('carrierId', '=', a.carrierId).where('trackingNumber', '=', a.trackingNumber));

/** Which lines ship, how many, from which warehouse; refuses lines of another order, mixed warehouses, more than reserved. */
function chooseLines(orderNumber: string, lines: Line[], input: ShipmentInput): { warehouseId: string; ship: orderShipping.ShipLine[] } {
  const free = (l: Line) => l.reserved - l.picking;
  if (input.lines) {
    const byId = new Map(lines.map((l) => [l.id, l]));
    const seen = new Set<string>();
    const ship = input.lines.map((g, i) => {
      const line = byId.get(g.lineId);
      if (!line) throw new DomainError('NOT_FOUND', { entity: 'orderLine' }, [{ field: `lines.${i}.lineId`, message: { zh: '不是该订单的明细', en: 'Not a line of this order' } }]);
      if (seen.has(line.id)) throw bad([{ field: `lines.${i}.lineId`, message: { zh: '同一明细重复', en: 'Line given twice' } }]);
      seen.add(line.id);
      return { line, quantity: g.quantity, field: `lines.${i}.quantity` };
    });
    const warehouseId = input.warehouseId ?? ship[0].line.warehouseId;
    const other = ship.findIndex((s) => s.line.warehouseId !== warehouseId);
    if (other >= 0) throw bad([{ field: `lines.${other}.lineId`, message: { zh: '一张发货单只能从一个仓库发出', en: 'One shipment ships from one warehouse' } }]);
    for (const s of ship) {
      if (s.quantity > free(s.line)) {
        throw new DomainError('SHIP_TOO_MANY', { product: `${s.line.sku} ${s.line.productName}`, available: free(s.line), quantity: s.quantity }, [{
          field: s.field, lineId: s.line.id, productId: s.line.productId, ordered: s.line.baseQuantity, shipped: s.line.shipped, reserved: s.line.reserved, onPickList: s.line.picking,
          available: free(s.line), requested: s.quantity, message: { zh: `可发 ${free(s.line)}，本次 ${s.quantity}`, en: `${free(s.line)} can ship, asked ${s.quantity}` },
        }]);
      }
    }
    return { warehouseId, ship };
  }
  const open = lines.filter((l) => free(l) > 0 && (!input.warehouseId || l.warehouseId === input.warehouseId));
  const warehouses = [...new Set(open.map((l) => l.warehouseId))];
  if (warehouses.length === 0) throw new DomainError('SHIP_NOTHING', { number: orderNumber }, [{ field: input.warehouseId ? 'warehouseId' : 'orderId', message: { zh: '没有可发货的数量', en: 'Nothing to ship' } }]);
  if (warehouses.length > 1) throw bad([{ field: 'warehouseId', warehouses, message: { zh: '订单从多个仓库发货，请选择仓库', en: 'The order ships from several warehouses; choose one' } }]);
  const here = open.filter((l) => l.warehouseId === warehouses[0]);
  const amount: (l: Line) => number = here.some((l) => l.packed > 0) ? (l) => l.packed : here.some((l) => l.picked > 0) ? (l) => l.picked : free;
  const ship = here.filter((l) => amount(l) > 0).map((l) => ({ line: l, quantity: amount(l), field: `lines.${lines.indexOf(l)}.quantity` }));
  return { warehouseId: warehouses[0], ship };
}

async function trackingNumberFor(trx: Tx, carrier: CarrierTable, input: ShipmentInput, doc: { number: string; orderNumber: string }): Promise<{ number: string | null; source: string }> {
  if (input.trackingNumber) {
    const taken = await shipmentByTracking.first(trx, { carrierId: carrier.id, trackingNumber: input.trackingNumber });
    if (taken) throw new DomainError('DUPLICATE', { entity: 'shipment', field: { zh: '运单号', en: 'tracking number' }, value: input.trackingNumber }, [{ field: 'trackingNumber', message: { zh: `已用于 ${taken.number}`, en: `Already used by ${taken.number}` } }]);
    return { number: input.trackingNumber, source: input.trackingSource };
  }
  if (input.issueWaybill) {
    const adapter = adapterFor(carrier.adapter);
    if (!adapter.issuesWaybills) throw new DomainError('CARRIER_NO_ADAPTER', { carrier: carrier.name }, [{ field: 'issueWaybill', message: { zh: '该快递公司不能出电子面单', en: 'This carrier cannot issue waybills' } }]);
    const address = (await trx.selectFrom('salesOrders').select('shippingAddress').where('id', '=', input.orderId).executeTakeFirst())?.shippingAddress;
    const w = await adapter.createWaybill({ carrierCode: carrier.code, shipmentNumber: doc.number, orderNumber: doc.orderNumber, address: address ? JSON.parse(address) : null, packages: [] });
    return { number: w.trackingNumber, source: 'adapter' };
  }
  if (carrier.trackingRequired) throw bad([{ field: 'trackingNumber', message: { zh: '请录入或扫描运单号，或由快递公司出单', en: 'Type or scan the tracking number, or have the carrier issue one' } }]);
  return { number: null, source: 'none' };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const summaryQuery = (db: DbOrTx) => db.selectFrom('shipments as s')
  .innerJoin('salesOrders as o', 'o.id', 's.orderId').innerJoin('customers as c', 'c.id', 'o.customerId')
  .innerJoin('warehouses as w', 'w.id', 's.warehouseId').innerJoin('carriers as k', 'k.id', 's.carrierId')
  .select(['s.id', 's.number', 's.orderId', 'o.number as orderNumber', 'c.name as customerName', 's.warehouseId', 'w.name as warehouseName', 's.carrierId', 'k.code as carrierCode',
    'k.name as carrierName', 's.trackingNumber', 's.trackingSource', 's.status', 's.expectedDate', 's.costAmount', 's.lineCount', 's.note', 's.actorName', 's.shippedAt', 's.deliveredAt']);

type Summary = Omit<ShipmentView, 'lines' | 'packages' | 'events'>;
const asSummary = (r: Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number]): Summary => ({
  ...r, trackingSource: r.trackingSource as Summary['trackingSource'], status: r.status as Summary['status'],
});

/** One shipment with its lines, packages and tracking events. */
export async function getShipment(db: DbOrTx, id: string): Promise<ShipmentView> {
  const s = await summaryQuery(db).where('s.id', '=', id).executeTakeFirst();
  if (!s) throw new DomainError('NOT_FOUND', { entity: 'shipment' });
  const lines = await db.selectFrom('shipmentLines as l').innerJoin('products as p', 'p.id', 'l.productId').innerJoin('salesOrderLines as ol', 'ol.id', 'l.orderLineId')
    .select(['l.orderLineId', 'l.productId', 'p.sku', 'p.name as productName', 'p.baseUnit', 'l.quantity', 'l.costAmount']).where('l.shipmentId', '=', id).orderBy('ol.lineNo').execute();
  return { ...asSummary(s), lines, packages: await packagesOf(db, { shipmentId: id }), events: await eventsOf(db, { shipmentId: id }) };
}

/** Tracking events, oldest first, of one shipment or of every shipment of an order. */
export async function eventsOf(db: DbOrTx, by: { shipmentId?: string; orderId?: string }) {
  let q = db.selectFrom('trackingEvents').select(['id', 'shipmentId', 'status', 'at', 'location', 'description']);
  if (by.shipmentId) q = q.where('shipmentId', '=', by.shipmentId);
  if (by.orderId) q = q.where('orderId', '=', by.orderId);
  return (await q.orderBy('at').orderBy('id').execute()).map((e) => ({ ...e, status: e.status as ShipmentView['events'][number]['status'] }));
}

/** Shipment summaries of an order, oldest first. */
export async function shipmentsOfOrder(db: DbOrTx, orderId: string): Promise<Summary[]> {
  return (await summaryQuery(db).where('s.orderId', '=', orderId).orderBy('s.shippedAt').orderBy('s.id').execute()).map(asSummary);
}

export const shipmentSorts = { number: 's.number', shippedAt: 's.shippedAt', status: 's.status', expectedDate: 's.expectedDate' };

/** Shipments, newest first; q matches the number, order number, customer or tracking number. */
export async function listShipments(db: Db, f: { q?: string; page: number; pageSize: number; sort?: string; orderId?: string; carrierId?: string; warehouseId?: string; status?: string }) {
  let q = summaryQuery(db);
  q = searchWhere(q, f.q, ['s.number', 'o.number', 'c.name', 's.trackingNumber']);
  if (f.orderId) q = q.where('s.orderId', '=', f.orderId);
  if (f.carrierId) q = q.where('s.carrierId', '=', f.carrierId);
  if (f.warehouseId) q = q.where('s.warehouseId', '=', f.warehouseId);
  if (f.status) q = q.where('s.status', '=', f.status);
  const page = await paginate(q, sortBy(q, f.sort, shipmentSorts, '-shippedAt'), f);
  return { ...page, items: page.items.map(asSummary) };
}
