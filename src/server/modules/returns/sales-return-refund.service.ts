import type { Tx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { DomainError } from '../../platform/errors.js';
import { createSalesOrder } from '../sales/index.js';
import { bookReturnCredit } from '../finance/index.js';
import * as repo from './sales-return.repository.js';
import { canDo, restockingFee } from './sales-return.js';
import { getSalesReturn } from './sales-return-query.js';
import type { ExchangeInput, RefundInput, ReturnView } from './sales-return.schemas.js';
import { stateError, step } from './sales-return.service.js';

const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * Records the refund or credit note of an inspected return (退款): at most what the received
 * lines were paid minus the restocking fee; the return becomes refunded and the customer's
 * receivable is credited (finance: a credit note, and the refund when paid back in money).
 */
export async function refundReturn(trx: Tx, actor: Actor, id: string, input: RefundInput): Promise<ReturnView> {
  const r = await getSalesReturn(trx, id);
  if (!canDo(r.status, 'refund')) throw stateError(r, 'refund');
  const fee = restockingFee(r.refundable, { amount: input.restockingFee, percent: input.restockingFeePercent });
  const allowed = r.refundable - fee;
  const amount = input.amount ?? allowed;
  if (amount > allowed) {
    throw new DomainError('OVER_REFUND', { allowed: yuan(allowed), amount: yuan(amount) }, [{
      field: 'amount', refundable: r.refundable, restockingFee: fee, allowed, requested: amount,
      message: { zh: `最多可退 ${yuan(allowed)} 元`, en: `At most ¥${yuan(allowed)}` },
    }]);
  }
  const comment = `${input.method} ${yuan(amount)}${fee ? ` (−${yuan(fee)})` : ''}${input.reference ? ` ${input.reference}` : ''}`;
  const view = await step(trx, actor, r, 'refund', 'refunded', comment, { refundAmount: amount, restockingFee: fee, refundMethod: input.method, refundReference: input.reference ?? null });
  await bookReturnCredit(trx, { returnId: r.id, returnNumber: r.number, orderId: r.orderId, customerId: r.customerId, amount, method: input.method, actorName: actor.name });
  return view;
}

/** Closes an inspected return without a refund (e.g. settled by an exchange). */
export async function closeReturn(trx: Tx, actor: Actor, id: string, comment: string | null): Promise<ReturnView> {
  const r = await getSalesReturn(trx, id);
  return step(trx, actor, r, 'close', 'closed', comment);
}

/**
 * Creates the replacement sales order of an exchange (换货) for the return's customer through the
 * sales-order service, so its pricing, approval rules and reservation apply; links it to the return.
 */
export async function exchangeReturn(trx: Tx, actor: Actor, id: string, input: ExchangeInput): Promise<{ salesReturn: ReturnView; orderId: string; orderNumber: string; orderStatus: string }> {
  const r = await getSalesReturn(trx, id);
  if (!canDo(r.status, 'exchange') || r.exchangeOrderId) throw stateError(r, 'exchange');
  const order = await createSalesOrder(trx, actor, {
    customerId: r.customerId, lines: input.lines, warehouseId: input.warehouseId, confirm: input.confirm, shortage: 'refuse', pricesIncludeTax: true, orderDiscount: 0,
    notes: input.notes ?? `换货 ${r.number}`,
  });
  const res = await trx.updateTable('salesReturns').set({ exchangeOrderId: order.id }).where('id', '=', id).where('exchangeOrderId', 'is', null).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw stateError(r, 'exchange');
  await repo.addHistory(trx, { returnId: id, action: 'exchanged', fromStatus: r.status, toStatus: r.status, comment: order.number, actorName: actor.name });
  return { salesReturn: await getSalesReturn(trx, id), orderId: order.id, orderNumber: order.number, orderStatus: order.status };
}
