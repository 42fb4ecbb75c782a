import type { DbOrTx, Tx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { orderShipping } from '../sales/index.js';
import { packagesOf } from './packing.service.js';
import { eventsOf, shipmentsOfOrder } from './shipment.service.js';
import type { FulfilmentView } from './shipping.schemas.js';
import { trackingPath } from './tracking-token.js';

/** An order as the warehouse sees it: per line ordered, reserved, on pick lists, picked, packed, shipped, backordered; packages, shipments, events. */
export async function getFulfilment(db: DbOrTx, orderId: string): Promise<FulfilmentView> {
  const order = await orderShipping.orderHead(db, orderId, 'id');
  const lines = await orderShipping.fulfilmentLines(db, [orderId]);
  const open = orderShipping.shippable(order.status);
  const token = (await db.selectFrom('orderTracking').select('token').where('orderId', '=', orderId).executeTakeFirst())?.token ?? null;
  return {
    orderId, number: order.number, status: order.status, customerName: order.customerName, requestedDate: order.requestedDate,
    trackingToken: token, trackingPath: token ? trackingPath(token) : null,
    lines: lines.map((l) => ({
      id: l.id, lineNo: l.lineNo, productId: l.productId, sku: l.sku, productName: l.productName, baseUnit: l.baseUnit, warehouseId: l.warehouseId,
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
  await orderShipping.allocateBackorders(trx, actor, order);
  return getFulfilment(trx, orderId);
}
