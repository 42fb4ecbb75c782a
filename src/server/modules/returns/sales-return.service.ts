import type { DbOrTx, Tx } from '../../db/create-db.js';
import type { SalesReturnLineTable } from '../../db/schema-returns.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { businessDate, nowIso } from '../../platform/clock.js';
import { DomainError, type ErrorDetail } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { nextNumber } from '../../platform/numbering.js';
import { enqueue } from '../../platform/outbox.js';
import { raiseAlert, resolveAlert } from '../alerts/index.js';
import * as repo from './sales-return.repository.js';
import type { OrderLineInfo } from './sales-return.repository.js';
import { actionNames, approvalDecision, canDo, fromStatuses, holdsQuantity, lastReturnDay, paidFor, statusNames, type ReturnAction, type ReturnStatus } from './sales-return.js';
import { getSalesReturn } from './sales-return-query.js';
import type { ReturnInput, ReturnView } from './sales-return.schemas.js';

const lineError = (i: number, field: string, zh: string, en: string, extra: Record<string, unknown> = {}): ErrorDetail => ({ field: `lines.${i}.${field}`, ...extra, message: { zh, en } });
const returnableStatuses = ['partially_shipped', 'shipped', 'delivered', 'closed'];
type NewLine = SalesReturnLineTable & { info: OrderLineInfo; index: number };

/**
 * Records a return request (销售退货单 TH-…) for a shipped order in the caller's transaction: each
 * line at most what shipped minus what open or finished returns already asked for (a conditional
 * upsert, so racing requests cannot both pass), within the return window; then the approval rule
 * approves it at once or leaves it for the approver role. Any refusal writes nothing.
 */
export async function requestReturn(trx: Tx, actor: Actor, input: ReturnInput, source: 'staff' | 'customer' = 'staff'): Promise<ReturnView> {
  const order = await repo.orderHead(trx, input.orderId);
  if (!order) throw new DomainError('NOT_FOUND', { entity: 'salesOrder' }, [{ field: 'orderId', message: { zh: '销售订单不存在', en: 'No such sales order' } }]);
  if (input.customerId && input.customerId !== order.customerId) {
    throw new DomainError('RETURN_NOT_YOUR_ORDER', { number: order.number }, [{ field: 'customerId', message: { zh: '不是该客户的订单', en: 'Not this customer’s order' } }]);
  }
  if (!returnableStatuses.includes(order.status)) {
    throw new DomainError('ORDER_STATE', { number: order.number, status: order.status, action: { zh: '退货', en: 'return' } }, [{ field: 'orderId', message: { zh: '订单尚未发货，不能退货', en: 'The order has not shipped' } }]);
  }
  const id = newId();
  const lines = await resolveLines(trx, id, order, input);
  await checkWindow(trx, lines);
  await bookRequested(trx, lines);
  const settings = await repo.settingsRow(trx);
  const value = lines.reduce((s, l) => s + l.paidAmount, 0);
  const decision = approvalDecision(value, lines.map((l) => l.reason), Number(settings.autoApproveMax));
  const now = nowIso();
  const number = await nextNumber(trx, 'TH');
  await trx.insertInto('salesReturns').values({
    id, number, orderId: order.id, customerId: order.customerId, status: decision.auto ? 'approved' : 'requested', source, note: input.note ?? null,
    lineCount: lines.length, requestedValue: value, approvalRole: decision.auto ? null : settings.approverRole, approvalReasons: JSON.stringify(decision.reasons),
    decisionComment: null, decidedBy: decision.auto ? 'auto' : null, writeOffAmount: 0, refundAmount: null, restockingFee: null, refundMethod: null, refundReference: null,
    exchangeOrderId: null, actorType: actor.type, actorId: actor.id, actorName: actor.name, createdAt: now, updatedAt: now,
  }).execute();
  await trx.insertInto('salesReturnLines').values(lines.map(({ info: _i, index: _x, ...l }) => l)).execute();
  await repo.addHistory(trx, { returnId: id, action: 'requested', fromStatus: null, toStatus: 'requested', comment: input.note ?? null, actorName: actor.name });
  if (decision.auto) await repo.addHistory(trx, { returnId: id, action: 'approved', fromStatus: 'requested', toStatus: 'approved', comment: '自动审核 | auto-approved', actorName: 'auto' });
  const view = await getSalesReturn(trx, id);
  await announce(trx, 'return.requested', view);
  if (decision.auto) await announce(trx, 'return.approved', view);
  else await holdForApproval(trx, view, settings.approverRole, decision.reasons);
  await writeAudit(trx, actor, { action: 'create', entity: 'salesReturn', entityId: id, summary: `${number} ${order.number}`, after: view });
  return view;
}

const reasonNames: Record<string, [string, string]> = { value_over_threshold: ['金额超过自动审核额度', 'value over the auto-approval limit'], reason_other: ['退货原因为“其他”', 'reason "other"'] };

/** A held return: the approval_needed event and an alert for the approver role (resolved by the decision). */
async function holdForApproval(trx: DbOrTx, view: ReturnView, role: string, reasons: string[]) {
  await announce(trx, 'return.approval_needed', view, { approverRole: role, reasons });
  const why = reasons.map((r) => reasonNames[r] ?? [r, r]);
  await raiseAlert(trx, {
    kind: 'approval_needed', severity: 'info', targetRole: role, entity: 'salesReturn', entityId: view.id, dedupeKey: `approval:${view.id}`,
    title: { zh: `待审核：退货单 ${view.number}（${why.map((w) => w[0]).join('；')}）`, en: `Approval needed: sales return ${view.number} (${why.map((w) => w[1]).join('; ')})` },
  });
}

/** Maps each input line to its order line in base units, with what it was paid; every line's error is collected. */
async function resolveLines(trx: DbOrTx, returnId: string, order: { id: string; number: string }, input: ReturnInput): Promise<NewLine[]> {
  const infos = new Map((await repo.orderLines(trx, [...new Set(input.lines.map((l) => l.orderLineId))])).map((l) => [l.id, l]));
  const errors: ErrorDetail[] = [];
  let notOnOrder = false;
  const out: NewLine[] = [];
  for (const [i, l] of input.lines.entries()) {
    const info = infos.get(l.orderLineId);
    if (!info || info.orderId !== order.id) {
      notOnOrder = true;
      errors.push(lineError(i, 'orderLineId', `不是销售订单 ${order.number} 的明细`, `Not a line of sales order ${order.number}`));
      continue;
    }
    const unit = l.unit ?? info.baseUnit;
    const factor = unit === info.unitName ? info.factor : await repo.unitFactor(trx, info.productId, info.baseUnit, unit);
    if (!factor) {
      errors.push(lineError(i, 'unit', `商品「${info.productName}」没有单位「${unit}」`, `Product "${info.productName}" has no unit "${unit}"`));
      continue;
    }
    const baseQuantity = l.quantity * factor;
    out.push({
      id: newId(), returnId, lineNo: i + 1, orderLineId: info.id, productId: info.productId, unitName: unit, factor, quantity: l.quantity, baseQuantity,
      reason: l.reason, note: l.note ?? null, paidAmount: paidFor(info.total, info.baseQuantity, baseQuantity), received: 0, grade: null, disposition: null,
      warehouseId: null, unitCost: null, costAmount: null, writeOffAmount: 0, info, index: i,
    });
  }
  if (errors.length) {
    throw notOnOrder
      ? new DomainError('RETURN_NOT_ON_ORDER', { number: order.number }, errors)
      : new DomainError('VALIDATION_FAILED', { summary: errors.map((d) => d.field).join(', ') }, errors);
  }
  return out;
}

/** Refuses lines past their return window: delivery (else shipment) day + the category's or the default days. */
async function checkWindow(trx: DbOrTx, lines: NewLine[]) {
  const settings = await repo.settingsRow(trx);
  const byCategory = await repo.categoryWindows(trx);
  const handed = await repo.lastHandedOver(trx, lines.map((l) => l.orderLineId));
  const today = businessDate();
  const closed: { line: NewLine; lastDay: string }[] = [];
  for (const l of lines) {
    const at = handed.get(l.orderLineId);
    if (!at) continue; // nothing shipped: the over-return check names it
    const days = (l.info.categoryId ? byCategory.get(l.info.categoryId) : undefined) ?? Number(settings.windowDays);
    const lastDay = lastReturnDay(businessDate(new Date(at)), days);
    if (today > lastDay) closed.push({ line: l, lastDay });
  }
  if (!closed.length) return;
  const f = closed[0];
  throw new DomainError('RETURN_WINDOW_CLOSED', { product: `${f.line.info.sku} ${f.line.info.productName}`, lastDay: f.lastDay }, closed.map((c) =>
    lineError(c.line.index, 'orderLineId', `已过退货期限，最后退货日 ${c.lastDay}`, `The return window closed on ${c.lastDay}`, { orderLineId: c.line.orderLineId, lastDay: c.lastDay })));
}

/** Books what each order line has asked back, refusing more than shipped minus earlier requests: every excess named, then conditional upserts in a fixed order. */
async function bookRequested(trx: Tx, lines: NewLine[]) {
  const sums = new Map<string, { info: OrderLineInfo; quantity: number; index: number }>();
  for (const l of lines) {
    const s = sums.get(l.orderLineId) ?? { info: l.info, quantity: 0, index: l.index };
    s.quantity += l.baseQuantity;
    sums.set(l.orderLineId, s);
  }
  const before = await repo.requestedSoFar(trx, [...sums.keys()]);
  const over = (list: typeof sums, so: Map<string, number>) => [...list.values()].filter((s) => (so.get(s.info.id) ?? 0) + s.quantity > s.info.shipped);
  const overError = (list: { info: OrderLineInfo; quantity: number; index: number }[], so: Map<string, number>) => {
    const f = list[0];
    const allowedOf = (s: typeof f) => Math.max(0, s.info.shipped - (so.get(s.info.id) ?? 0));
    return new DomainError('OVER_RETURN', {
      product: `${f.info.sku} ${f.info.productName}`, basis: { zh: `已发货 ${f.info.shipped}`, en: `shipped ${f.info.shipped}` }, returned: so.get(f.info.id) ?? 0, allowed: allowedOf(f), quantity: f.quantity,
    }, list.map((s) => ({
      field: `lines.${s.index}.quantity`, orderLineId: s.info.id, productId: s.info.productId, shipped: s.info.shipped, requestedBefore: so.get(s.info.id) ?? 0, allowed: allowedOf(s), requested: s.quantity,
      message: { zh: `超出可退数量：最多还可退 ${allowedOf(s)} ${s.info.baseUnit}，本次 ${s.quantity}`, en: `at most ${allowedOf(s)} ${s.info.baseUnit} more can be returned, this request ${s.quantity}` },
    })));
  };
  const first = over(sums, before);
  if (first.length) throw overError(first, before);
  for (const [lineId, s] of [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!(await repo.bookRequested(trx, lineId, s.quantity, s.info.shipped))) {
      const now = await repo.requestedSoFar(trx, [lineId]);
      throw overError([s], now);
    }
  }
}

/** Approves a requested return: the settings' approver role or an admin; audited with the comment. */
export async function approveReturn(trx: Tx, actor: Actor, id: string, comment: string | null): Promise<ReturnView> {
  const r = await getSalesReturn(trx, id);
  if (actor.role !== 'admin' && actor.role !== (r.approvalRole ?? 'admin')) throw new DomainError('FORBIDDEN', { role: actor.role });
  return step(trx, actor, r, 'approve', 'approved', comment, { decisionComment: comment, decidedBy: actor.name });
}

/** Rejects a requested return with a reason; what it asked for can be asked again. */
export async function rejectReturn(trx: Tx, actor: Actor, id: string, comment: string): Promise<ReturnView> {
  const r = await getSalesReturn(trx, id);
  if (actor.role !== 'admin' && actor.role !== (r.approvalRole ?? 'admin')) throw new DomainError('FORBIDDEN', { role: actor.role });
  const view = await step(trx, actor, r, 'reject', 'rejected', comment, { decisionComment: comment, decidedBy: actor.name });
  for (const l of r.lines) await repo.releaseRequested(trx, l.orderLineId, l.baseQuantity);
  return view;
}

/** Cancels a return before any goods came back (作废). */
export async function cancelReturn(trx: Tx, actor: Actor, id: string, comment: string | null): Promise<ReturnView> {
  const r = await getSalesReturn(trx, id);
  const view = await step(trx, actor, r, 'cancel', 'cancelled', comment);
  if (holdsQuantity(r.status)) for (const l of r.lines) await repo.releaseRequested(trx, l.orderLineId, l.baseQuantity);
  return view;
}

/** Moves a return along the state table (refusing with RETURN_STATE), with history, audit and the outbox event. */
export async function step(trx: Tx, actor: Actor, r: ReturnView, action: ReturnAction, to: ReturnStatus, comment: string | null, set: Record<string, unknown> = {}): Promise<ReturnView> {
  // The update is conditional on the states the table allows, so a step racing another is refused, not doubled.
  if (!canDo(r.status, action) || !(await repo.moveStatus(trx, r.id, fromStatuses(action), to, set))) throw stateError(r, action);
  if (r.status === 'requested') await resolveAlert(trx, `approval:${r.id}`);
  await repo.addHistory(trx, { returnId: r.id, action: actionToHistory[action], fromStatus: r.status, toStatus: to, comment, actorName: actor.name });
  const view = await getSalesReturn(trx, r.id);
  const topic = topics[to];
  if (topic) await announce(trx, topic, view);
  await writeAudit(trx, actor, { action: 'update', entity: 'salesReturn', entityId: r.id, summary: `${r.number} ${r.status} → ${to}${comment ? ` ${comment}` : ''}`, before: r, after: view });
  return view;
}

const actionToHistory: Record<ReturnAction, string> = {
  approve: 'approved', reject: 'rejected', cancel: 'cancelled', receive: 'received', inspect: 'inspected', refund: 'refunded', close: 'closed', exchange: 'exchanged',
};
const topics: Partial<Record<ReturnStatus, string>> = { approved: 'return.approved', rejected: 'return.rejected', received: 'return.received', refunded: 'return.refunded' };

/** RETURN_STATE naming the return, its status and the action, in the caller's language. */
export function stateError(r: { number: string; status: string }, action: ReturnAction): DomainError {
  const [zh, en] = statusNames[r.status as ReturnStatus] ?? [r.status, r.status];
  return new DomainError('RETURN_STATE', { number: r.number, status: { zh, en }, action: { zh: actionNames[action][0], en: actionNames[action][1] } });
}

/** The outbox event of a step: number, order, customer, lines summary and amounts. */
export async function announce(trx: DbOrTx, topic: string, r: ReturnView, extra: Record<string, unknown> = {}, keySuffix = ''): Promise<void> {
  await enqueue(trx, topic, {
    returnId: r.id, number: r.number, orderId: r.orderId, orderNumber: r.orderNumber, customerId: r.customerId, customerName: r.customerName, status: r.status,
    lines: r.lines.map((l) => ({ sku: l.sku, productName: l.productName, quantity: l.baseQuantity, received: l.received, unit: l.baseUnit, reason: l.reason, disposition: l.disposition })),
    amounts: { requestedValue: r.requestedValue, refundable: r.refundable, refundAmount: r.refundAmount, restockingFee: r.restockingFee, writeOffAmount: r.writeOffAmount },
    comment: r.decisionComment, ...extra,
  }, `${topic}:${r.id}${keySuffix}`);
}
