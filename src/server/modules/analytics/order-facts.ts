import type { Tx } from '../../db/create-db.js';
import { prepared } from '../../db/prepared.js';
import type { OrderFactTable } from '../../db/schema-analytics.js';
import { businessDate } from '../../platform/clock.js';

// One row per confirmed order for the fulfilment figures (docs/metrics.md), kept in the
// transaction that confirms, ships, cancels or returns it.

type OrderHead = { id: string; customerId: string; warehouseId: string; requestedDate: string | null; net: number; orderDate: string | null; createdAt: string };

/** The order's business date: its order date, else the day it was entered. */
export const orderDayOf = (o: { orderDate: string | null; createdAt: string }) => o.orderDate ?? businessDate(new Date(o.createdAt));

/** Records an order's first confirmation; `backordered` when some line could not be reserved. Later confirmations change nothing. */
export async function recordOrderConfirmed(trx: Tx, o: OrderHead, lineCount: number, backordered: boolean): Promise<void> {
  await insertConfirmed.affected(trx, {
    orderId: o.id, orderDay: orderDayOf(o), customerId: o.customerId, warehouseId: o.warehouseId, requestedDate: o.requestedDate, net: o.net, lineCount, backordered: backordered ? 1 : 0,
  });
}
// Compiled once: it runs with every order confirmed.
const insertConfirmed = prepared((db, a: Pick<OrderFactTable, 'orderId' | 'orderDay' | 'customerId' | 'warehouseId' | 'requestedDate' | 'net' | 'lineCount' | 'backordered'>) =>
  db.insertInto('orderFacts').values({ ...a, firstShipDay: null, shippedDay: null, returned: 0, cancelled: 0, history: 0 }).onConflict((oc) => oc.column('orderId').doNothing()));

/** An order imported as history: confirmed on its order date, all shipped on its ship date. */
export async function recordOrderHistory(trx: Tx, o: OrderHead & { orderDate: string }, lineCount: number, shippedDay: string): Promise<void> {
  await trx.insertInto('orderFacts').values({
    orderId: o.id, orderDay: o.orderDate, customerId: o.customerId, warehouseId: o.warehouseId, requestedDate: o.requestedDate, net: o.net, lineCount,
    backordered: 0, firstShipDay: shippedDay, shippedDay, returned: 0, cancelled: 0, history: 1,
  }).onConflict((oc) => oc.column('orderId').doNothing()).execute();
}

/** A shipment of the order on `day`; `complete` when its last unit left. */
export async function recordOrderShipped(trx: Tx, orderId: string, day: string, complete: boolean): Promise<void> {
  await (complete ? shippedWhole : shippedPart).affected(trx, { orderId, day });
}
const shippedPart = prepared((db, a: { orderId: string; day: string }) => db.updateTable('orderFacts')
  .set((eb) => ({ firstShipDay: eb.fn.coalesce('firstShipDay', eb.val(a.day)) })).where('orderId', '=', a.orderId));
const shippedWhole = prepared((db, a: { orderId: string; day: string }) => db.updateTable('orderFacts')
  .set((eb) => ({ firstShipDay: eb.fn.coalesce('firstShipDay', eb.val(a.day)), shippedDay: a.day })).where('orderId', '=', a.orderId));

export async function recordOrderCancelled(trx: Tx, orderId: string): Promise<void> {
  await trx.updateTable('orderFacts').set({ cancelled: 1 }).where('orderId', '=', orderId).execute();
}

export async function recordOrderReturned(trx: Tx, orderId: string): Promise<void> {
  await trx.updateTable('orderFacts').set({ returned: 1 }).where('orderId', '=', orderId).where('returned', '=', 0).execute();
}
