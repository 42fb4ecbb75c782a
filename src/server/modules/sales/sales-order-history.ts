import type { Tx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { recordHistoryFacts } from '../analytics/sales-facts.js';
import { recordOrderHistory } from '../analytics/order-facts.js';
import type { SalesOrderView } from './sales-order.schemas.js';

/** Where an order came from outside jxc: its number there and its business date. */
export type ImportedOrigin = { externalRef: string; orderDate: string };

/** Keeps an imported current order's date and its number in the other system. */
export async function markImported(trx: Tx, orderId: string, origin: ImportedOrigin): Promise<void> {
  await trx.updateTable('salesOrders').set(origin).where('id', '=', orderId).execute();
}

/**
 * Turns a just-created draft into completed history (migration, analytics): closed, every line
 * shipped before jxc, with its dates. No stock moves and nothing is reserved: the goods left
 * before the ledger began.
 */
export async function recordHistoricalOrder(trx: Tx, actor: Actor, order: SalesOrderView, origin: ImportedOrigin & { shippedDate: string | null }): Promise<void> {
  const history = { status: 'closed', orderDate: origin.orderDate, shippedDate: origin.shippedDate, externalRef: origin.externalRef, confirmedAt: `${origin.orderDate}T00:00:00.000Z` };
  await trx.updateTable('salesOrders').set({ ...history, updatedAt: nowIso() }).where('id', '=', order.id).where('status', '=', 'draft').execute();
  await trx.updateTable('salesOrderLines').set((eb) => ({ shipped: eb.ref('baseQuantity') })).where('orderId', '=', order.id).execute();
  if (origin.shippedDate) {
    await recordHistoryFacts(trx, order.id, origin.shippedDate, { type: 'import', id: origin.externalRef });
    await recordOrderHistory(trx, { ...order, orderDate: origin.orderDate }, order.lines.length, origin.shippedDate);
  }
  await writeAudit(trx, actor, {
    action: 'update', entity: 'salesOrder', entityId: order.id, summary: `${order.number} imported as history (${origin.externalRef}, shipped ${origin.shippedDate})`,
    before: { status: order.status }, after: history,
  });
}
