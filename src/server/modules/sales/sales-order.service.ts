import type { Db, DbOrTx, Tx } from '../../db/create-db.js';
import type { SalesOrderTable } from '../../db/schema-documents.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { businessDate, nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { paginate, searchWhere, sortBy } from '../../platform/list.js';
import { nextNumber } from '../../platform/numbering.js';
import { release, reserve } from './sales-order-stock.js';
import { mayApprove } from './approval.js';
import { rulesTripped } from './approval.service.js';
import { enqueue } from '../../platform/outbox.js';
import { raiseAlert, resolveAlert } from '../alerts/index.js';
import { actionNames, holdsReservation, nextStatus, statusNames, type OrderAction } from './sales-order.js';
import type { SalesOrderInput, SalesOrderView, ShortageMode } from './sales-order.schemas.js';
import { buildOrderContent, contentColumns, insertLines, type LineRow } from './sales-order-content.js';

/** Creates a sales order (draft, or confirmed when `confirm`) in the caller's transaction. */
export async function createSalesOrder(trx: Tx, actor: Actor, input: SalesOrderInput, source: 'api' | 'ui' | 'import' | 'duplicate' = 'api'): Promise<SalesOrderView> {
  const content = await buildOrderContent(trx, input);
  const id = newId();
  const now = nowIso();
  const number = await nextNumber(trx, 'SO');
  const row: SalesOrderTable = {
    id, number, customerId: input.customerId, status: 'draft', ...contentColumns(input, content), source, orderDate: businessDate(), shippedDate: null, externalRef: null,
    actorType: actor.type, actorId: actor.id, actorName: actor.name, approvalReasons: null, approvalRole: null, approvalComment: null, approvedBy: null,
    confirmedAt: null, cancelledAt: null, createdAt: now, updatedAt: now,
  };
  await trx.insertInto('salesOrders').values(row).execute();
  const lines = await insertLines(trx, id, content);
  // The view is built from what was just written; reading it back would cost two joins.
  const order = orderView({ ...row, customerName: content.customerName }, lines);
  await writeAudit(trx, actor, { action: 'create', entity: 'salesOrder', entityId: id, summary: number, after: order });
  return input.confirm ? transition(trx, actor, order, 'confirm', undefined, input.shortage) : order;
}

/**
 * Confirms, approves, rejects or cancels an order (by id, or the view the caller has just built).
 * Confirming runs the approval rules first: a tripped rule sends the order to pending_approval
 * (nothing reserved) for the rule's role; otherwise, and on approval, every line is reserved or
 * none. Cancelling releases.
 */
export async function transition(trx: Tx, actor: Actor, order: string | SalesOrderView, action: OrderAction, comment?: string, shortage: ShortageMode = 'refuse'): Promise<SalesOrderView> {
  const before = typeof order === 'string' ? await getSalesOrder(trx, order) : order;
  const id = before.id;
  let to = nextStatus(before.status, action);
  if (!to) throw new DomainError('ORDER_STATE', { number: before.number, status: statusNames[before.status], action: actionNames[action] });
  const now = nowIso();
  const changes: Partial<Pick<SalesOrderView, 'approvalReasons' | 'approvalRole' | 'approvalComment' | 'approvedBy' | 'confirmedAt' | 'cancelledAt'>> = {};
  if (action === 'confirm') {
    const tripped = await rulesTripped(trx, before);
    if (tripped.length) {
      to = 'pending_approval';
      changes.approvalReasons = tripped;
      changes.approvalRole = tripped[0].approverRole;
    }
  }
  if (action === 'approve' || action === 'reject') {
    if (!mayApprove(actor.role, before.approvalRole)) throw new DomainError('FORBIDDEN', { role: actor.role });
    changes.approvalComment = comment ?? null;
    if (action === 'approve') changes.approvedBy = actor.name;
  }
  if (to === 'confirmed') changes.confirmedAt = now;
  if (to === 'cancelled') changes.cancelledAt = now;
  // Claim the order with a conditional update, so two confirmations cannot both reserve.
  const { approvalReasons, ...columns } = changes;
  const claimed = await trx.updateTable('salesOrders')
    .set({ status: to, updatedAt: now, ...columns, ...(approvalReasons ? { approvalReasons: JSON.stringify(approvalReasons) } : {}) })
    .where('id', '=', id).where('status', '=', before.status).executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) throw new DomainError('CONFLICT');
  let reserved = before.lines.map((l) => l.reserved);
  if (!holdsReservation(before.status) && holdsReservation(to)) reserved = await reserve(trx, actor, before, shortage);
  if (holdsReservation(before.status) && !holdsReservation(to)) reserved = await release(trx, actor, before);
  const status = to;
  const after: SalesOrderView = {
    ...before, ...changes, status, updatedAt: now,
    lines: before.lines.map((l, i) => ({ ...l, reserved: reserved[i], backordered: backordered(status, l.baseQuantity, reserved[i], l.shipped) })),
  };
  await announce(trx, after, action);
  // The audit row records what changed: the state, the approval fields, and what each line holds.
  await writeAudit(trx, actor, {
    action: 'update', entity: 'salesOrder', entityId: id, summary: `${before.number} ${action}${comment ? `: ${comment}` : ''}`,
    before: { status: before.status, reserved: before.lines.map((l) => l.reserved) },
    after: { status, ...changes, reserved },
  });
  return after;
}

/** Events and alerts for a state change, in the same transaction: order.confirmed, approval needed. */
async function announce(trx: Tx, order: SalesOrderView, action: OrderAction) {
  if (action === 'approve' || action === 'reject' || action === 'cancel') await resolveAlert(trx, `approval:${order.id}`);
  if (order.status === 'confirmed' && (action === 'confirm' || action === 'approve')) {
    await enqueue(trx, 'order.confirmed', {
      orderId: order.id, number: order.number, customerId: order.customerId, customerName: order.customerName, total: order.total, tax: order.tax,
      requestedDate: order.requestedDate, lines: order.lines.map((l) => ({ sku: l.sku, name: l.productName, quantity: l.quantity, unit: l.unitName, unitPrice: l.unitPrice, total: l.total })),
    }, `order.confirmed:${order.id}:${order.confirmedAt}`);
  }
  if (order.status === 'pending_approval') {
    const reasons = order.approvalReasons;
    await enqueue(trx, 'order.approval_needed', { orderId: order.id, number: order.number, role: order.approvalRole, reasons }, `order.approval_needed:${order.id}:${order.updatedAt}`);
    await raiseAlert(trx, {
      kind: 'approval_needed', severity: 'info', targetRole: order.approvalRole ?? 'admin',
      title: { zh: `待审核：${order.number}（${reasons.map((r) => r.zh).join('；')}）`, en: `Approval needed: ${order.number} (${reasons.map((r) => r.en).join('; ')})` },
      entity: 'salesOrder', entityId: order.id, dedupeKey: `approval:${order.id}`,
    });
  }
}

/** Base units of a line waiting for stock (欠货): only while the order is open for shipping. */
const backordered = (status: string, baseQuantity: number, reserved: number, shipped: number) =>
  status === 'confirmed' || status === 'partially_shipped' ? baseQuantity - reserved - shipped : 0;

/** The API view of an order row (with its customer's name) and its line rows (with product fields). */
function orderView(o: SalesOrderTable & { customerName: string }, lines: LineRow[]): SalesOrderView {
  return { ...summaryView(o), lines: lines.map(({ orderId: _o, ...l }) => ({ ...l, backordered: backordered(o.status, l.baseQuantity, l.reserved, l.shipped) })) };
}

function summaryView(o: SalesOrderTable & { customerName: string }): Omit<SalesOrderView, 'lines'> {
  const { actorType: _t, actorId: _a, ...rest } = o;
  return {
    ...rest, status: o.status as SalesOrderView['status'], pricesIncludeTax: Boolean(o.pricesIncludeTax),
    shippingAddress: o.shippingAddress ? (JSON.parse(o.shippingAddress) as unknown) : null,
    approvalReasons: o.approvalReasons ? (JSON.parse(o.approvalReasons) as SalesOrderView['approvalReasons']) : [],
  };
}

/** One order with its lines. */
export async function getSalesOrder(db: DbOrTx, id: string): Promise<SalesOrderView> {
  const o = await db.selectFrom('salesOrders as o').innerJoin('customers as c', 'c.id', 'o.customerId').selectAll('o').select('c.name as customerName').where('o.id', '=', id).executeTakeFirst();
  if (!o) throw new DomainError('NOT_FOUND', { entity: 'salesOrder' });
  const lines = await db.selectFrom('salesOrderLines as l').innerJoin('products as p', 'p.id', 'l.productId').selectAll('l').select(['p.sku', 'p.name as productName', 'p.baseUnit'])
    .where('l.orderId', '=', id).orderBy('l.lineNo').execute();
  return orderView(o, lines);
}

export const salesOrderSorts = { number: 'o.number', createdAt: 'o.createdAt', total: 'o.total', requestedDate: 'o.requestedDate', status: 'o.status', customer: 'c.name' };

/** Orders, newest first unless `sort` says otherwise. */
export async function listSalesOrders(db: Db, f: { q?: string; page: number; pageSize: number; sort?: string; status?: string; customerId?: string }) {
  let q = db.selectFrom('salesOrders as o').innerJoin('customers as c', 'c.id', 'o.customerId').selectAll('o').select('c.name as customerName');
  q = searchWhere(q, f.q, ['o.number', 'c.name', 'c.code', 'o.notes']);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.customerId) q = q.where('o.customerId', '=', f.customerId);
  const page = await paginate(q, sortBy(q, f.sort, salesOrderSorts, '-createdAt'), f);
  return { ...page, items: page.items.map(summaryView) };
}
