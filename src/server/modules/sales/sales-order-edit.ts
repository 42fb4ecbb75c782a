import type { Tx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import type { NumberSource } from '../../platform/numbering.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { resolveAlert } from '../alerts/index.js';
import { nextStatus, priorityStatuses, statusNames, actionNames, type OrderPriority, type OrderStatus } from './sales-order.js';
import { buildOrderContent, contentColumns, insertLines, lineRows } from './sales-order-content.js';
import type { SalesOrderInput, SalesOrderView } from './sales-order.schemas.js';
import { createSalesOrder, getSalesOrder, transition } from './sales-order.service.js';
import { release } from './sales-order-stock.js';

export type OrderEdit = Omit<SalesOrderInput, 'customerId' | 'confirm'>;

/**
 * Replaces an order's lines and terms. A draft stays a draft; an order waiting for approval goes
 * back to draft; a confirmed order releases its stock and is confirmed again through the same
 * rules, so an edit after approval is approved again when a rule trips, and is refused whole
 * when the new lines cannot be reserved.
 */
export async function editSalesOrder(trx: Tx, actor: Actor, id: string, edit: OrderEdit): Promise<SalesOrderView> {
  const before = await getSalesOrder(trx, id);
  if (!nextStatus(before.status, 'edit')) throw new DomainError('ORDER_STATE', { number: before.number, status: statusNames[before.status], action: actionNames.edit });
  if (before.lines.some((l) => l.shipped > 0)) throw new DomainError('ORDER_STATE', { number: before.number, status: statusNames.partially_shipped, action: actionNames.edit });
  const input: SalesOrderInput = { ...edit, customerId: before.customerId };
  const content = await buildOrderContent(trx, input);
  // Claim the order row before touching stock, as shipping does: the same lock order both ways, so
  // an edit and a shipment of one order wait for each other instead of deadlocking.
  const claimed = await trx.updateTable('salesOrders')
    .set({ ...contentColumns(input, content), status: 'draft', approvalReasons: null, approvalRole: null, approvalComment: null, approvedBy: null, confirmedAt: null, updatedAt: nowIso() })
    .where('id', '=', id).where('status', '=', before.status).executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) throw new DomainError('CONFLICT');
  // What the lines hold now, read under the claim (a short pick may have released some since).
  const held = await getSalesOrder(trx, id);
  if (held.lines.some((l) => l.shipped > 0)) throw new DomainError('ORDER_STATE', { number: before.number, status: statusNames.partially_shipped, action: actionNames.edit });
  if (before.status === 'confirmed') await release(trx, actor, held);
  await trx.deleteFrom('salesOrderLines').where('orderId', '=', id).execute();
  await insertLines(trx, lineRows(id, content));
  await resolveAlert(trx, `approval:${id}`);
  const edited = await getSalesOrder(trx, id);
  await writeAudit(trx, actor, { action: 'update', entity: 'salesOrder', entityId: id, summary: `${before.number} edit`, before, after: edited });
  return before.status === 'confirmed' ? transition(trx, actor, id, 'confirm', undefined, edit.shortage) : edited;
}

/** A new draft with the same customer, lines and terms (prices as they were), through the same rules. */
export async function duplicateSalesOrder(trx: Tx, actor: Actor, id: string, numbers?: NumberSource): Promise<SalesOrderView> {
  const o = await getSalesOrder(trx, id);
  return createSalesOrder(trx, actor, {
    customerId: o.customerId, pricesIncludeTax: o.pricesIncludeTax, orderDiscount: o.orderDiscount, shortage: 'refuse',
    warehouseId: o.warehouseId, notes: o.notes, shippingAddress: (o.shippingAddress ?? undefined) as SalesOrderInput['shippingAddress'],
    lines: o.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unit: l.unitName, unitPrice: l.unitPrice, discountPercent: l.discountBp / 100, taxRate: l.taxRate, warehouseId: l.warehouseId })),
  }, 'duplicate', numbers);
}

/**
 * Changes the priority of an order that has not finished shipping (draft to partially shipped),
 * by a conditional update on its status, so an order shipped or cancelled meanwhile is refused
 * (ORDER_STATE) and nothing is written. Stock is not touched: the priority counts at the next
 * backorder allocation.
 */
export async function setOrderPriority(trx: Tx, actor: Actor, id: string, priority: OrderPriority): Promise<SalesOrderView> {
  const before = await getSalesOrder(trx, id);
  if (before.priority === priority) return before;
  const res = await trx.updateTable('salesOrders').set({ priority, updatedAt: nowIso() })
    .where('id', '=', id).where('status', 'in', [...priorityStatuses]).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) {
    const now = await getSalesOrder(trx, id);
    throw new DomainError('ORDER_STATE', { number: now.number, status: statusNames[now.status as OrderStatus], action: { zh: '调整优先级', en: 'change the priority of' } }, [
      { field: 'priority', status: now.status, message: { zh: `订单已${statusNames[now.status as OrderStatus].zh}，不能再调整优先级`, en: `The order is ${statusNames[now.status as OrderStatus].en}; its priority can no longer change` } },
    ]);
  }
  const after = await getSalesOrder(trx, id);
  await writeAudit(trx, actor, { action: 'update', entity: 'salesOrder', entityId: id, summary: `${before.number} priority ${before.priority ?? 'normal'} → ${priority}`, before: { priority: before.priority }, after: { priority } });
  return after;
}

