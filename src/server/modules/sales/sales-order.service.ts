import type { Db, DbOrTx, Tx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError, type ErrorDetail } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { paginate, searchWhere } from '../../platform/list.js';
import { nextNumber } from '../../platform/numbering.js';
import { changeStock, reserveAvailable } from '../inventory/index.js';
import { priceOrder } from './pricing.js';
import { mayApprove } from './approval.js';
import { rulesTripped } from './approval.service.js';
import { describeShortage } from './shortage.js';
import { enqueue } from '../../platform/outbox.js';
import { raiseAlert, resolveAlert } from '../alerts/index.js';
import { actionNames, holdsReservation, nextStatus, statusNames, type OrderAction } from './sales-order.js';
import type { SalesOrderInput, SalesOrderView, ShortageMode } from './sales-order.schemas.js';
import { loadOrderContext, resolveLines } from './sales-order-lines.js';

const lineError = (i: number, field: string, zh: string, en: string): ErrorDetail => ({ field: `lines.${i}.${field}`, message: { zh, en } });

/** Creates a sales order (draft, or confirmed when `confirm`) in the caller's transaction. */
export async function createSalesOrder(trx: Tx, actor: Actor, input: SalesOrderInput, source: 'api' | 'ui' | 'import' = 'api'): Promise<SalesOrderView> {
  const ctx = await loadOrderContext(trx, input);
  const lines = resolveLines(ctx, input, lineError);
  const priced = priceOrder(
    lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unitPrice, discountBp: l.discountBp, taxRate: l.taxRate })),
    { pricesIncludeTax: input.pricesIncludeTax, orderDiscount: input.orderDiscount },
  );
  if (input.orderDiscount > priced.gross - priced.lines.reduce((s, l) => s + l.lineDiscount, 0)) {
    throw new DomainError('VALIDATION_FAILED', { summary: 'orderDiscount' }, [{ field: 'orderDiscount', message: { zh: '整单优惠不能超过订单金额', en: 'The order discount cannot exceed the order amount' } }]);
  }
  const id = newId();
  const now = nowIso();
  const number = await nextNumber(trx, 'SO');
  const address = input.shippingAddress ?? ctx.defaultAddress;
  await trx.insertInto('salesOrders').values({
    id, number, customerId: input.customerId, status: 'draft', warehouseId: ctx.warehouseId, pricesIncludeTax: input.pricesIncludeTax ? 1 : 0,
    orderDiscount: input.orderDiscount, gross: priced.gross, discount: priced.discount, net: priced.net, tax: priced.tax, total: priced.total,
    requestedDate: input.requestedDate ?? null, shippingAddress: address ? JSON.stringify(address) : null, notes: input.notes ?? null, source,
    actorType: actor.type, actorId: actor.id, actorName: actor.name, approvalReasons: null, approvalRole: null, approvalComment: null, approvedBy: null,
    confirmedAt: null, cancelledAt: null, createdAt: now, updatedAt: now,
  }).execute();
  await trx.insertInto('salesOrderLines').values(lines.map((l, i) => ({
    id: newId(), orderId: id, lineNo: i + 1, productId: l.productId, warehouseId: l.warehouseId, unitName: l.unitName, factor: l.factor,
    quantity: l.quantity, baseQuantity: l.quantity * l.factor, unitPrice: l.unitPrice, discountBp: l.discountBp, taxRate: l.taxRate,
    ...priced.lines[i], reserved: 0, shipped: 0,
  }))).execute();
  await writeAudit(trx, actor, { action: 'create', entity: 'salesOrder', entityId: id, summary: number, after: await getSalesOrder(trx, id) });
  return input.confirm ? transition(trx, actor, id, 'confirm', undefined, input.shortage) : getSalesOrder(trx, id);
}

/**
 * Confirms, approves, rejects or cancels an order. Confirming runs the approval rules first: a
 * tripped rule sends the order to pending_approval (nothing reserved) for the rule's role;
 * otherwise, and on approval, every line is reserved or none. Cancelling releases.
 */
export async function transition(trx: Tx, actor: Actor, id: string, action: OrderAction, comment?: string, shortage: ShortageMode = 'refuse'): Promise<SalesOrderView> {
  const before = await getSalesOrder(trx, id);
  let to = nextStatus(before.status, action);
  if (!to) throw new DomainError('ORDER_STATE', { number: before.number, status: statusNames[before.status], action: actionNames[action] });
  const now = nowIso();
  const changes: Partial<Record<'approvalReasons' | 'approvalRole' | 'approvalComment' | 'approvedBy' | 'confirmedAt' | 'cancelledAt', string | null>> = {};
  if (action === 'confirm') {
    const tripped = await rulesTripped(trx, before);
    if (tripped.length) {
      to = 'pending_approval';
      changes.approvalReasons = JSON.stringify(tripped);
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
  const claimed = await trx.updateTable('salesOrders').set({ status: to, updatedAt: now, ...changes })
    .where('id', '=', id).where('status', '=', before.status).executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) throw new DomainError('CONFLICT');
  if (!holdsReservation(before.status) && holdsReservation(to)) await reserve(trx, actor, before, shortage);
  if (holdsReservation(before.status) && !holdsReservation(to)) await release(trx, actor, before);
  const after = await getSalesOrder(trx, id);
  await announce(trx, after, action);
  await writeAudit(trx, actor, { action: 'update', entity: 'salesOrder', entityId: id, summary: `${before.number} ${action}${comment ? `: ${comment}` : ''}`, before, after });
  return after;
}

/** Events and alerts for a state change, in the same transaction: order.confirmed, approval needed. */
async function announce(trx: Tx, order: SalesOrderView, action: OrderAction) {
  if (action === 'approve' || action === 'reject' || action === 'cancel') await resolveAlert(trx, `approval:${order.id}`);
  if (order.status === 'confirmed' && (action === 'confirm' || action === 'approve')) {
    await enqueue(trx, 'order.confirmed', {
      orderId: order.id, number: order.number, customerId: order.customerId, customerName: order.customerName, total: order.total, tax: order.tax,
      requestedDate: order.requestedDate, lines: order.lines.map((l) => ({ sku: l.sku, name: l.productName, quantity: l.quantity, unit: l.unitName, unitPrice: l.unitPrice, total: l.total })),
    }, `order.confirmed:${order.id}`);
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

async function reserve(trx: Tx, actor: Actor, order: SalesOrderView, shortage: ShortageMode) {
  if (shortage === 'backorder') return reserveWithBackorders(trx, actor, order);
  try {
    await changeStock(trx, actor, { type: 'sales_order', id: order.id }, {
      reservations: order.lines.map((l) => ({ productId: l.productId, warehouseId: l.warehouseId, sourceLineId: l.id, delta: l.baseQuantity })),
    });
  } catch (err) {
    if (err instanceof DomainError && err.code === 'INSUFFICIENT_STOCK') throw await describeShortage(trx, order, err);
    throw err;
  }
  for (const l of order.lines) await trx.updateTable('salesOrderLines').set({ reserved: l.baseQuantity }).where('id', '=', l.id).execute();
}

/** Reserves what is there for each line; the rest is backordered, and purchasing is alerted. */
async function reserveWithBackorders(trx: Tx, actor: Actor, order: SalesOrderView) {
  const granted = await reserveAvailable(trx, actor, { type: 'sales_order', id: order.id },
    order.lines.map((l) => ({ productId: l.productId, warehouseId: l.warehouseId, sourceLineId: l.id, quantity: l.baseQuantity })));
  for (const [i, l] of order.lines.entries()) {
    await trx.updateTable('salesOrderLines').set({ reserved: granted[i] }).where('id', '=', l.id).execute();
    if (granted[i] < l.baseQuantity) {
      await raiseAlert(trx, {
        kind: 'shortage', severity: 'warning', targetRole: 'purchasing',
        title: { zh: `缺货：${l.sku} ${l.productName}（${order.number} 欠货 ${l.baseQuantity - granted[i]}）`, en: `Short: ${l.sku} ${l.productName} (${order.number} backordered ${l.baseQuantity - granted[i]})` },
        entity: 'product', entityId: l.productId, data: { warehouseId: l.warehouseId, orderId: order.id, backordered: l.baseQuantity - granted[i] },
        dedupeKey: `shortage:${l.productId}:${l.warehouseId}`,
      });
    }
  }
}

async function release(trx: Tx, actor: Actor, order: SalesOrderView) {
  const held = order.lines.filter((l) => l.reserved > 0);
  if (held.length === 0) return;
  await changeStock(trx, actor, { type: 'sales_order', id: order.id }, {
    reservations: held.map((l) => ({ productId: l.productId, warehouseId: l.warehouseId, sourceLineId: l.id, delta: -l.reserved })),
  });
  await trx.updateTable('salesOrderLines').set({ reserved: 0 }).where('orderId', '=', order.id).execute();
}

/** One order with its lines. */
export async function getSalesOrder(db: DbOrTx, id: string): Promise<SalesOrderView> {
  const o = await db.selectFrom('salesOrders as o').innerJoin('customers as c', 'c.id', 'o.customerId').selectAll('o').select('c.name as customerName').where('o.id', '=', id).executeTakeFirst();
  if (!o) throw new DomainError('NOT_FOUND', { entity: 'salesOrder' });
  const lines = await db.selectFrom('salesOrderLines as l').innerJoin('products as p', 'p.id', 'l.productId').selectAll('l').select(['p.sku', 'p.name as productName'])
    .where('l.orderId', '=', id).orderBy('l.lineNo').execute();
  const { actorType: _t, actorId: _a, ...rest } = o;
  return {
    ...rest, status: o.status as SalesOrderView['status'], pricesIncludeTax: Boolean(o.pricesIncludeTax),
    shippingAddress: o.shippingAddress ? (JSON.parse(o.shippingAddress) as unknown) : null,
    approvalReasons: o.approvalReasons ? (JSON.parse(o.approvalReasons) as SalesOrderView['approvalReasons']) : [],
    lines: lines.map(({ orderId: _o, ...l }) => ({ ...l, backordered: o.status === 'confirmed' || o.status === 'partially_shipped' ? l.baseQuantity - l.reserved - l.shipped : 0 })),
  };
}

/** Orders, newest first. */
export async function listSalesOrders(db: Db, f: { q?: string; page: number; pageSize: number; sort?: string; status?: string; customerId?: string }) {
  let q = db.selectFrom('salesOrders as o').innerJoin('customers as c', 'c.id', 'o.customerId').selectAll('o').select('c.name as customerName');
  q = searchWhere(q, f.q, ['o.number', 'c.name', 'c.code', 'o.notes']);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.customerId) q = q.where('o.customerId', '=', f.customerId);
  const page = await paginate(q, q.orderBy('o.createdAt', 'desc').orderBy('o.id', 'desc'), f);
  return {
    ...page,
    items: page.items.map(({ actorType: _t, actorId: _a, ...o }) => ({
      ...o, status: o.status as SalesOrderView['status'], pricesIncludeTax: Boolean(o.pricesIncludeTax),
      shippingAddress: o.shippingAddress ? (JSON.parse(o.shippingAddress) as unknown) : null,
      approvalReasons: o.approvalReasons ? (JSON.parse(o.approvalReasons) as SalesOrderView['approvalReasons']) : [],
    })),
  };
}

