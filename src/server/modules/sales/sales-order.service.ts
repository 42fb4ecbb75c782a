import { sql } from 'kysely';
import type { Db, DbOrTx, Tx } from '../../db/create-db.js';
import { prepared } from '../../db/prepared.js';
import type { SalesOrderTable } from '../../db/schema-documents.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudits, type AuditEntry } from '../../platform/audit.js';
import { businessDate, nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { paginate, searchWhere, sortBy } from '../../platform/list.js';
import { inTransaction, type NumberSource } from '../../platform/numbering.js';
import { alertBackorders, release, reserve } from './sales-order-stock.js';
import { announceBackorder } from './backorder-notice.js';
import { mayApprove } from './approval.js';
import { rulesTripped } from './approval.service.js';
import { enqueue } from '../../platform/outbox.js';
import { raiseAlert, resolveAlert } from '../alerts/index.js';
import { actionNames, holdsReservation, nextStatus, statusNames, type OrderAction, type OrderStatus } from './sales-order.js';
import type { SalesOrderInput, SalesOrderView, ShortageMode } from './sales-order.schemas.js';
import { buildOrderContent, contentColumns, insertLines, lineRows, type LineRow } from './sales-order-content.js';
// Directly, not through purchasing's index: purchasing itself uses sales.
import { recordOrderCancelled, recordOrderConfirmed } from '../analytics/order-facts.js';
import { checkReorderPoints } from '../purchasing/reorder-check.js';

/**
 * Creates a sales order (draft, or confirmed when `confirm`) in the caller's transaction. The
 * order is decided and its stock reserved first, so a refused order takes no number; then its
 * number is taken (from `numbers`: the API passes the database's own source, see
 * `DbHandle.numbers`) and its rows written, one statement each.
 */
export async function createSalesOrder(
  trx: Tx, actor: Actor, input: SalesOrderInput, source: 'api' | 'ui' | 'import' | 'duplicate' = 'api', numbers: NumberSource = inTransaction,
): Promise<SalesOrderView> {
  const content = await buildOrderContent(trx, input);
  const id = newId();
  const now = nowIso();
  const row: SalesOrderTable = {
    id, number: '', customerId: input.customerId, status: 'draft', priority: 'normal', ...contentColumns(input, content), source, orderDate: businessDate(), shippedDate: null, externalRef: null,
    actorType: actor.type, actorId: actor.id, actorName: actor.name, approvalReasons: null, approvalRole: null, approvalComment: null, approvedBy: null,
    confirmedAt: null, cancelledAt: null, createdAt: now, updatedAt: now,
  };
  const lines = lineRows(id, content);
  const draft = orderView({ ...row, customerName: content.customerName }, lines);
  const step = input.confirm ? await decide(trx, actor, draft, 'confirm', undefined, input.shortage, now) : null;
  row.number = await numbers(trx, 'SO');
  const created = { ...draft, number: row.number };
  const order = step ? { ...step.after, number: row.number } : created;
  const { approvalReasons, ...changes } = step?.changes ?? {};
  await insertOrder.affected(trx, { ...row, status: order.status, ...changes, approvalReasons: approvalReasons ? JSON.stringify(approvalReasons) : null });
  await insertLines(trx, order.lines.map(({ sku: _s, productName: _n, baseUnit: _u, backordered: _b, ...l }) => ({ ...l, orderId: id })));
  if (step) await announce(trx, order, 'confirm', step.granted);
  if (step) await recordOrderFacts(trx, order, step.granted);
  if (step?.granted) await checkReorderPoints(trx, levelPairs(order));
  await writeAudits(trx, actor, [
    { action: 'create', entity: 'salesOrder', entityId: id, summary: row.number, after: created },
    ...(step ? [stepAudit(order, 'confirm', undefined, step)] : []),
  ]);
  return order;
}

/** The product × warehouse pairs of an order's lines, for the reorder-point check. */
const levelPairs = (o: SalesOrderView) => o.lines.map((l) => ({ productId: l.productId, warehouseId: l.warehouseId }));

const insertOrder = prepared((db, row: SalesOrderTable) => db.insertInto('salesOrders').values(row));

type Step = { after: SalesOrderView; changes: OrderChanges; before: SalesOrderView; granted: number[] | null };
type OrderChanges = Partial<Pick<SalesOrderView, 'approvalReasons' | 'approvalRole' | 'approvalComment' | 'approvedBy' | 'confirmedAt' | 'cancelledAt'>>;

/**
 * Confirms, approves, rejects or cancels an order. Confirming runs the approval rules first: a
 * tripped rule sends the order to pending_approval (nothing reserved) for the rule's role;
 * otherwise, and on approval, every line is reserved or none. Cancelling releases.
 */
export async function transition(trx: Tx, actor: Actor, id: string, action: OrderAction, comment?: string, shortage: ShortageMode = 'refuse'): Promise<SalesOrderView> {
  const before = await getSalesOrder(trx, id);
  const now = nowIso();
  // Claim the order with a conditional update first, so two confirmations cannot both reserve.
  const to = nextStatus(before.status, action);
  if (!to) throw new DomainError('ORDER_STATE', { number: before.number, status: statusNames[before.status], action: actionNames[action] });
  const step = await decide(trx, actor, before, action, comment, shortage, now, async (status, changes) => {
    const { approvalReasons, ...columns } = changes;
    const claimed = await trx.updateTable('salesOrders')
      .set({ status, updatedAt: now, ...columns, ...(approvalReasons ? { approvalReasons: JSON.stringify(approvalReasons) } : {}) })
      .where('id', '=', id).where('status', '=', before.status).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) throw new DomainError('CONFLICT');
  });
  await writeLineReservations(trx, step);
  await announce(trx, step.after, action, step.granted);
  await recordOrderFacts(trx, step.after, step.granted);
  if (step.after.lines.some((l, i) => l.reserved !== step.before.lines[i].reserved)) await checkReorderPoints(trx, levelPairs(step.after));
  await writeAudits(trx, actor, [stepAudit(step.after, action, comment, step)]);
  return step.after;
}

/**
 * The state change of one action on an order: the new status and approval fields (rules run on
 * confirm), the claim (when the order exists already), then stock reserved or released. Returns
 * the order as it is after, built in memory.
 */
async function decide(
  trx: Tx, actor: Actor, before: SalesOrderView, action: OrderAction, comment: string | undefined, shortage: ShortageMode, now: string,
  claim?: (status: OrderStatus, changes: OrderChanges) => Promise<void>,
): Promise<Step> {
  let to = nextStatus(before.status, action);
  if (!to) throw new DomainError('ORDER_STATE', { number: before.number, status: statusNames[before.status], action: actionNames[action] });
  const changes: OrderChanges = {};
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
  await claim?.(to, changes);
  let reserved = before.lines.map((l) => l.reserved);
  let granted: number[] | null = null;
  if (!holdsReservation(before.status) && holdsReservation(to)) reserved = granted = await reserve(trx, actor, before, shortage);
  if (holdsReservation(before.status) && !holdsReservation(to)) reserved = await release(trx, actor, before);
  const status = to;
  const after: SalesOrderView = {
    ...before, ...changes, status, updatedAt: now,
    lines: before.lines.map((l, i) => ({ ...l, reserved: reserved[i], backordered: backordered(status, l.baseQuantity, reserved[i], l.shipped) })),
  };
  return { before, after, changes, granted };
}

/** Stores what each line of an existing order holds after a step (one statement when all lines hold all or nothing). */
async function writeLineReservations(trx: Tx, step: Step) {
  const lines = step.after.lines;
  if (lines.every((l, i) => l.reserved === step.before.lines[i].reserved)) return;
  if (lines.every((l) => l.reserved === 0) || lines.every((l) => l.reserved === l.baseQuantity)) {
    await trx.updateTable('salesOrderLines').set({ reserved: lines[0].reserved === 0 ? 0 : sql<number>`base_quantity` }).where('orderId', '=', step.after.id).execute();
    return;
  }
  for (const [i, l] of lines.entries()) {
    if (l.reserved !== step.before.lines[i].reserved) await trx.updateTable('salesOrderLines').set({ reserved: l.reserved }).where('id', '=', l.id).execute();
  }
}

/** The audit row of a state change: what changed (state, approval fields, what each line holds). */
function stepAudit(order: SalesOrderView, action: OrderAction, comment: string | undefined, step: Step): AuditEntry {
  return {
    action: 'update', entity: 'salesOrder', entityId: order.id, summary: `${order.number} ${action}${comment ? `: ${comment}` : ''}`,
    before: { status: step.before.status, reserved: step.before.lines.map((l) => l.reserved) },
    after: { status: order.status, ...step.changes, reserved: order.lines.map((l) => l.reserved) },
  };
}

/** Events and alerts for a state change, in the same transaction: order.confirmed (and order.backordered when short), approval needed, backorders. */
async function announce(trx: Tx, order: SalesOrderView, action: OrderAction, granted: number[] | null) {
  if (granted) await alertBackorders(trx, order, granted);
  if (action === 'approve' || action === 'reject' || action === 'cancel') await resolveAlert(trx, `approval:${order.id}`);
  if (order.status === 'confirmed' && (action === 'confirm' || action === 'approve')) {
    await enqueue(trx, 'order.confirmed', {
      orderId: order.id, number: order.number, customerId: order.customerId, customerName: order.customerName, total: order.total, tax: order.tax,
      requestedDate: order.requestedDate, lines: order.lines.map((l) => ({ sku: l.sku, name: l.productName, quantity: l.quantity, unit: l.unitName, unitPrice: l.unitPrice, total: l.total })),
    }, `order.confirmed:${order.id}:${order.confirmedAt}`);
    if (granted) await announceBackorder(trx, order, granted);
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

/** The order facts of a state change (analytics): its first confirmation, with whether a line waits for stock; a cancel. */
async function recordOrderFacts(trx: Tx, order: SalesOrderView, granted: number[] | null) {
  if (granted) await recordOrderConfirmed(trx, order, order.lines.length, order.lines.some((l) => l.backordered > 0));
  if (order.status === 'cancelled') await recordOrderCancelled(trx, order.id);
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
    ...rest, status: o.status as SalesOrderView['status'], priority: o.priority as SalesOrderView['priority'], pricesIncludeTax: Boolean(o.pricesIncludeTax),
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
