import type { Db, DbOrTx, Tx } from '../../db/create-db.js';
import type { PurchaseOrderTable } from '../../db/schema-purchasing.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit, writeAudits } from '../../platform/audit.js';
import { businessDate, nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { paginate, searchWhere, sortBy } from '../../platform/list.js';
import { inTransaction, type NumberSource } from '../../platform/numbering.js';
import { enqueue } from '../../platform/outbox.js';
import { raiseAlert, resolveAlert } from '../alerts/index.js';
import { buildOrderContent, insertLines, type LineRow } from './purchase-order-content.js';
import {
  nextPurchaseStatus, openQuantity, openStatuses, purchaseActionNames, purchaseApproval, purchaseStatusNames, type PurchaseAction, type PurchaseStatus,
} from './purchase-order.js';
import { percentToBp, settingsRow } from './purchasing-settings.service.js';
import { suggestBins } from './receiving.js';
import { checkReorderPoints } from './reorder-check.js';
import type { PurchaseOrderEdit, PurchaseOrderInput, PurchaseOrderListQuery, PurchaseOrderView } from './purchasing.schemas.js';

type OrderRow = PurchaseOrderTable & { supplierName: string };

/** The state error of an action an order's status does not allow. */
export const stateError = (o: { number: string; status: string }, action: PurchaseAction | 'receive_part') =>
  new DomainError('PURCHASE_ORDER_STATE', { number: o.number, status: purchaseStatusNames[o.status as PurchaseStatus] ?? o.status, action: purchaseActionNames[action] });

/** The header columns an order's content and terms set. */
function contentColumns(input: PurchaseOrderInput, c: Awaited<ReturnType<typeof buildOrderContent>>) {
  return {
    supplierId: input.supplierId, warehouseId: c.warehouseId, pricesIncludeTax: input.pricesIncludeTax ? 1 : 0, gross: c.gross, net: c.net, tax: c.tax, total: c.total,
    expectedDate: input.expectedDate ?? null, overReceiptBp: input.overReceiptPercent === undefined ? null : percentToBp(input.overReceiptPercent), notes: input.notes ?? null,
  };
}

/**
 * Creates a purchase order (draft; submitted in the same transaction when `submit`). The lines are
 * resolved and priced first, so a refused order takes no number.
 */
export async function createPurchaseOrder(trx: Tx, actor: Actor, input: PurchaseOrderInput, numbers: NumberSource = inTransaction): Promise<PurchaseOrderView> {
  const id = newId();
  const content = await buildOrderContent(trx, id, input);
  const now = nowIso();
  const row: PurchaseOrderTable = {
    id, number: await numbers(trx, 'PO'), status: 'draft', ...contentColumns(input, content), orderDate: businessDate(),
    approvalReasons: null, approvalRole: null, approvalComment: null, approvedBy: null, actorType: actor.type, actorId: actor.id, actorName: actor.name,
    orderedAt: null, closedAt: null, cancelledAt: null, createdAt: now, updatedAt: now,
  };
  await trx.insertInto('purchaseOrders').values(row).execute();
  await insertLines(trx, content.lines);
  const created = orderView({ ...row, supplierName: content.supplierName }, content.lines);
  await writeAudit(trx, actor, { action: 'create', entity: 'purchaseOrder', entityId: id, summary: row.number, after: created });
  return input.submit ? transitionPurchaseOrder(trx, actor, id, 'submit') : created;
}

/** Replaces a draft's supplier, lines and terms. */
export async function editPurchaseOrder(trx: Tx, actor: Actor, id: string, edit: PurchaseOrderEdit): Promise<PurchaseOrderView> {
  const before = await getPurchaseOrder(trx, id);
  if (!nextPurchaseStatus(before.status, 'edit')) throw stateError(before, 'edit');
  const input: PurchaseOrderInput = { ...edit, supplierId: edit.supplierId ?? before.supplierId };
  const content = await buildOrderContent(trx, id, input);
  const claimed = await trx.updateTable('purchaseOrders').set({ ...contentColumns(input, content), approvalComment: null, updatedAt: nowIso() })
    .where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) throw new DomainError('CONFLICT');
  await trx.deleteFrom('purchaseOrderLines').where('orderId', '=', id).execute();
  await insertLines(trx, content.lines);
  const after = await getPurchaseOrder(trx, id);
  await writeAudit(trx, actor, { action: 'update', entity: 'purchaseOrder', entityId: id, summary: `${before.number} edit`, before, after });
  return after;
}

/**
 * Submits, approves, rejects, cancels or closes an order. Submitting runs the approval threshold:
 * over it, the order waits (pending_approval) for the approver role; otherwise it is ordered.
 * The order row is claimed by a conditional update on its status, so two actions cannot both pass.
 */
export async function transitionPurchaseOrder(trx: Tx, actor: Actor, id: string, action: Exclude<PurchaseAction, 'edit'>, comment?: string): Promise<PurchaseOrderView> {
  const before = await getPurchaseOrder(trx, id);
  let to = nextPurchaseStatus(before.status, action);
  if (!to) throw stateError(before, action);
  if (action === 'cancel' && before.lines.some((l) => l.received > 0)) throw stateError({ number: before.number, status: 'partially_received' }, 'cancel');
  const now = nowIso();
  const changes: Partial<PurchaseOrderTable> = {};
  if (action === 'submit') {
    const settings = await settingsRow(trx);
    const reason = purchaseApproval(before.total, settings.approvalThreshold == null ? null : Number(settings.approvalThreshold));
    if (reason) {
      to = 'pending_approval';
      Object.assign(changes, { approvalReasons: JSON.stringify([reason]), approvalRole: settings.approverRole });
    }
  }
  if (action === 'approve' || action === 'reject') {
    if (actor.role !== 'admin' && actor.role !== before.approvalRole) throw new DomainError('FORBIDDEN', { role: actor.role });
    changes.approvalComment = comment ?? null;
    if (action === 'approve') changes.approvedBy = actor.name;
  }
  if (to === 'ordered') changes.orderedAt = now;
  if (to === 'cancelled') changes.cancelledAt = now;
  if (to === 'closed') changes.closedAt = now;
  const claimed = await trx.updateTable('purchaseOrders').set({ ...changes, status: to, updatedAt: now })
    .where('id', '=', id).where('status', '=', before.status).executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) throw new DomainError('CONFLICT');
  const after = await getPurchaseOrder(trx, id);
  await announce(trx, after, action);
  // Ordering adds incoming (在途), closing or cancelling an ordered order takes it away.
  if (after.status === 'ordered' || (openStatuses.includes(before.status) && !openStatuses.includes(after.status))) {
    await checkReorderPoints(trx, after.lines.map((l) => ({ productId: l.productId, warehouseId: l.warehouseId })));
  }
  await writeAudits(trx, actor, [{
    action: 'update', entity: 'purchaseOrder', entityId: id, summary: `${before.number} ${action}${comment ? `: ${comment}` : ''}`,
    before: { status: before.status }, after: { status: after.status, ...changes },
  }]);
  return after;
}

/** Events and alerts of a state change, in the same transaction: approval needed, ordered (for sending to the supplier). */
async function announce(trx: Tx, order: PurchaseOrderView, action: PurchaseAction) {
  if (action === 'approve' || action === 'reject' || action === 'cancel') await resolveAlert(trx, `approval:${order.id}`);
  if (order.status === 'pending_approval') {
    const reasons = order.approvalReasons;
    await raiseAlert(trx, {
      kind: 'approval_needed', severity: 'info', targetRole: order.approvalRole ?? 'admin',
      title: { zh: `待审核：${order.number}（${reasons.map((r) => r.zh).join('；')}）`, en: `Approval needed: ${order.number} (${reasons.map((r) => r.en).join('; ')})` },
      entity: 'purchaseOrder', entityId: order.id, dedupeKey: `approval:${order.id}`,
    });
  }
  if (order.status === 'ordered' && (action === 'submit' || action === 'approve')) {
    await enqueue(trx, 'purchase_order.ordered', {
      orderId: order.id, number: order.number, supplierId: order.supplierId, supplierName: order.supplierName, total: order.total, expectedDate: order.expectedDate,
      lines: order.lines.map((l) => ({ sku: l.sku, name: l.productName, quantity: l.quantity, unit: l.unitName, unitPrice: l.unitPrice, total: l.total })),
    }, `purchase_order.ordered:${order.id}:${order.orderedAt}`);
  }
}

/** The API view of an order row and its line rows. */
function orderView(o: OrderRow, lines: LineRow[]): PurchaseOrderView {
  const open = openStatuses.includes(o.status as PurchaseStatus);
  return {
    ...summaryView(o),
    lines: lines.map(({ orderId: _o, ...l }) => ({
      ...l, quantity: Number(l.quantity), baseQuantity: Number(l.baseQuantity), received: Number(l.received), open: open ? openQuantity(Number(l.baseQuantity), Number(l.received)) : 0,
    })),
  };
}

function summaryView(o: OrderRow): Omit<PurchaseOrderView, 'lines'> {
  const { actorType: _t, actorId: _a, overReceiptBp, ...rest } = o;
  return {
    ...rest, status: o.status as PurchaseStatus, pricesIncludeTax: Boolean(o.pricesIncludeTax), overReceiptPercent: overReceiptBp == null ? null : Number(overReceiptBp) / 100,
    approvalReasons: o.approvalReasons ? (JSON.parse(o.approvalReasons) as PurchaseOrderView['approvalReasons']) : [],
  };
}

const orderQuery = (db: DbOrTx) => db.selectFrom('purchaseOrders as o').innerJoin('suppliers as s', 's.id', 'o.supplierId').selectAll('o').select('s.name as supplierName');

/** One order with its lines. */
export async function getPurchaseOrder(db: DbOrTx, id: string): Promise<PurchaseOrderView> {
  const o = await orderQuery(db).where('o.id', '=', id).executeTakeFirst();
  if (!o) throw new DomainError('NOT_FOUND', { entity: 'purchaseOrder' });
  const lines = await db.selectFrom('purchaseOrderLines as l').innerJoin('products as p', 'p.id', 'l.productId').selectAll('l').select(['p.sku', 'p.name as productName', 'p.baseUnit'])
    .where('l.orderId', '=', id).orderBy('l.lineNo').execute();
  return orderView(o, lines);
}

export const purchaseOrderSorts = { number: 'o.number', createdAt: 'o.createdAt', total: 'o.total', expectedDate: 'o.expectedDate', status: 'o.status', supplier: 's.name' };

/** Orders, newest first unless `sort` says otherwise. */
export async function listPurchaseOrders(db: Db, f: PurchaseOrderListQuery) {
  let q = orderQuery(db);
  q = searchWhere(q, f.q, ['o.number', 's.name', 's.code', 'o.notes']);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.supplierId) q = q.where('o.supplierId', '=', f.supplierId);
  if (f.warehouseId) q = q.where('o.warehouseId', '=', f.warehouseId);
  if (f.productId) q = q.where('o.id', 'in', db.selectFrom('purchaseOrderLines').select('orderId').where('productId', '=', f.productId));
  if (f.expectedFrom) q = q.where('o.expectedDate', '>=', f.expectedFrom);
  if (f.expectedTo) q = q.where('o.expectedDate', '<=', f.expectedTo);
  const page = await paginate(q, sortBy(q, f.sort, purchaseOrderSorts, '-createdAt'), f);
  return { ...page, items: page.items.map(summaryView) };
}

/** An order's open lines for a receiving screen: barcodes to scan and the suggested bin per line. */
export async function receivingLines(db: DbOrTx, id: string) {
  const o = await getPurchaseOrder(db, id);
  const open = o.lines.filter((l) => l.open > 0);
  const ids = [...new Set(open.map((l) => l.productId))];
  const codes = ids.length ? await db.selectFrom('productBarcodes').select(['productId', 'barcode']).where('productId', 'in', ids).orderBy('barcode').execute() : [];
  const bins = new Map<string, Awaited<ReturnType<typeof suggestBins>>>();
  for (const w of new Set(open.map((l) => l.warehouseId))) bins.set(w, await suggestBins(db, w, open.filter((l) => l.warehouseId === w).map((l) => l.productId)));
  return {
    orderId: o.id, number: o.number, status: o.status, supplierName: o.supplierName, warehouseId: o.warehouseId,
    lines: open.map((l) => ({
      orderLineId: l.id, lineNo: l.lineNo, productId: l.productId, sku: l.sku, productName: l.productName, baseUnit: l.baseUnit, warehouseId: l.warehouseId,
      unitName: l.unitName, factor: l.factor, open: l.open, barcodes: codes.filter((c) => c.productId === l.productId).map((c) => c.barcode),
      suggestedBin: bins.get(l.warehouseId)?.get(l.productId) ?? null,
    })),
  };
}
