import type { Tx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { nextNumber } from '../../platform/numbering.js';
import { recordReturnFacts } from '../analytics/sales-facts.js';
import { recordOrderReturned } from '../analytics/order-facts.js';
import * as repo from './sales-return.repository.js';
import { paidFor } from './sales-return.js';

/** A return that happened before jxc: the order, the day, and base units per order line. */
export type HistoricalReturnInput = { orderId: string; day: string; note?: string; lines: Array<{ orderLineId: string; quantity: number }> };

/**
 * Records a return of an order imported as history (migration, analytics): closed at once, every
 * unit received, no stock moves (the goods never were in jxc's ledger) and no notices. Its facts
 * take the revenue back on `day`; the cost of goods stays with the sale, as for goods not restocked
 * (docs/metrics.md "History imports"). What each line can still be returned is booked as for any
 * return, so the same units cannot be returned twice.
 */
export async function recordHistoricalReturn(trx: Tx, actor: Actor, input: HistoricalReturnInput): Promise<{ id: string; number: string; value: number }> {
  const order = await repo.orderHead(trx, input.orderId);
  if (!order) throw new DomainError('NOT_FOUND', { entity: 'salesOrder' });
  const infos = new Map((await repo.orderLines(trx, input.lines.map((l) => l.orderLineId))).map((l) => [l.id, l]));
  const lines = input.lines.map((l) => ({ ...l, info: infos.get(l.orderLineId) }));
  for (const l of [...lines].sort((a, b) => (a.orderLineId < b.orderLineId ? -1 : 1))) {
    if (!l.info || l.info.orderId !== order.id) throw new DomainError('RETURN_NOT_ON_ORDER', { number: order.number });
    if (!(await repo.bookRequested(trx, l.orderLineId, l.quantity, l.info.shipped))) {
      const before = (await repo.requestedSoFar(trx, [l.orderLineId])).get(l.orderLineId) ?? 0;
      throw new DomainError('OVER_RETURN', {
        product: `${l.info.sku} ${l.info.productName}`, basis: { zh: `已发货 ${l.info.shipped}`, en: `shipped ${l.info.shipped}` }, returned: before, allowed: Math.max(0, l.info.shipped - before), quantity: l.quantity,
      });
    }
  }
  const id = newId();
  const at = `${input.day}T00:00:00.000Z`;
  const rows = lines.map((l, i) => ({
    id: newId(), returnId: id, lineNo: i + 1, orderLineId: l.orderLineId, productId: l.info!.productId, unitName: l.info!.baseUnit, factor: 1, quantity: l.quantity, baseQuantity: l.quantity,
    reason: 'other', note: null, paidAmount: paidFor(l.info!.total, l.info!.baseQuantity, l.quantity), received: l.quantity, grade: null, disposition: null,
    warehouseId: null, unitCost: null, costAmount: 0, writeOffAmount: 0,
  }));
  const value = rows.reduce((s, r) => s + r.paidAmount, 0);
  const number = await nextNumber(trx, 'TH');
  await trx.insertInto('salesReturns').values({
    id, number, orderId: order.id, customerId: order.customerId, status: 'closed', source: 'import', note: input.note ?? null, lineCount: rows.length, requestedValue: value,
    approvalRole: null, approvalReasons: '[]', decisionComment: null, decidedBy: 'import', writeOffAmount: 0, refundAmount: null, restockingFee: null, refundMethod: null,
    refundReference: null, exchangeOrderId: null, actorType: actor.type, actorId: actor.id, actorName: actor.name, createdAt: at, updatedAt: at,
  }).execute();
  await trx.insertInto('salesReturnLines').values(rows).execute();
  await repo.addHistory(trx, { returnId: id, action: 'imported', fromStatus: null, toStatus: 'closed', comment: `history ${input.day}`, actorName: actor.name });
  const costed = new Set((await trx.selectFrom('salesFacts').select('orderLineId').where('orderLineId', 'in', rows.map((r) => r.orderLineId))
    .where('kind', '=', 'sale').where('costed', '=', 1).execute()).map((f) => f.orderLineId));
  await recordReturnFacts(trx, input.day, { type: 'sales_return', id: number }, rows.map((r) => ({ orderLineId: r.orderLineId, quantity: r.baseQuantity, restockedCost: 0, costed: costed.has(r.orderLineId) })));
  await recordOrderReturned(trx, order.id);
  await writeAudit(trx, actor, { action: 'create', entity: 'salesReturn', entityId: id, summary: `${number} ${order.number} imported as history (${input.day})`, after: { number, orderId: order.id, day: input.day, lines: input.lines, value } });
  return { id, number, value };
}
