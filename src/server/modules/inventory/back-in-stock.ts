import { sql } from 'kysely';
import type { Db, DbOrTx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { enqueue } from '../../platform/outbox.js';
import { paginate } from '../../platform/list.js';

export type SubscriptionInput = { customerId: string; productId: string; warehouseId?: string; orderId?: string };

/** Subscribes a customer to a back-in-stock notice for a product (optionally in one warehouse). */
export async function subscribe(db: Db, actor: Actor, input: SubscriptionInput) {
  return db.transaction().execute(async (trx) => {
    const [customer, product] = await Promise.all([
      trx.selectFrom('customers').select('id').where('id', '=', input.customerId).executeTakeFirst(),
      trx.selectFrom('products').select('id').where('id', '=', input.productId).executeTakeFirst(),
    ]);
    if (!customer) throw new DomainError('NOT_FOUND', { entity: 'customer' }, [{ field: 'customerId', message: { zh: '客户不存在', en: 'No such customer' } }]);
    if (!product) throw new DomainError('NOT_FOUND', { entity: 'product' }, [{ field: 'productId', message: { zh: '商品不存在', en: 'No such product' } }]);
    if (input.warehouseId && !(await trx.selectFrom('warehouses').select('id').where('id', '=', input.warehouseId).executeTakeFirst())) {
      throw new DomainError('NOT_FOUND', { entity: 'warehouse' }, [{ field: 'warehouseId', message: { zh: '仓库不存在', en: 'No such warehouse' } }]);
    }
    const row = { id: newId(), customerId: input.customerId, productId: input.productId, warehouseId: input.warehouseId ?? null, orderId: input.orderId ?? null, status: 'waiting', createdAt: nowIso(), notifiedAt: null };
    await trx.insertInto('stockSubscriptions').values(row).execute();
    await writeAudit(trx, actor, { action: 'create', entity: 'stockSubscription', entityId: row.id, after: row });
    return row;
  });
}

/** Subscriptions, newest first. */
export async function listSubscriptions(db: Db, f: { page: number; pageSize: number; status?: string; productId?: string; customerId?: string }) {
  let q = db.selectFrom('stockSubscriptions').selectAll();
  if (f.status) q = q.where('status', '=', f.status);
  if (f.productId) q = q.where('productId', '=', f.productId);
  if (f.customerId) q = q.where('customerId', '=', f.customerId);
  return paginate(q, q.orderBy('createdAt', 'desc').orderBy('id', 'desc'), f);
}

// A subscription's order lines of its product (and warehouse): what they hold and what still waits (欠货).
const orderLines = (column: string) =>
  sql<number>`(select coalesce(sum(${sql.raw(column)}), 0) from sales_order_lines l where l.order_id = s.order_id and l.product_id = s.product_id and (s.warehouse_id is null or l.warehouse_id = s.warehouse_id))`;

/**
 * After stock came in: every waiting subscription whose product (and warehouse) now has stock
 * available gets a `stock.back_in_stock` event in the outbox, in the same transaction, once. A
 * subscription for an order also fires when that order's backorder of the product has been
 * reserved, even if the receipt left nothing available for anyone else.
 */
export async function notifyBackInStock(trx: DbOrTx, productIds: string[]): Promise<void> {
  if (productIds.length === 0) return;
  const waiting = await trx.selectFrom('stockSubscriptions as s')
    .innerJoin('products as p', 'p.id', 's.productId')
    .leftJoin('salesOrders as o', 'o.id', 's.orderId')
    .select(['s.id', 's.customerId', 's.productId', 's.warehouseId', 's.orderId', 'o.number as orderNumber', 'p.sku', 'p.name'])
    .select(sql<number>`(select coalesce(sum(l.on_hand - l.reserved), 0) from stock_levels l where l.product_id = s.product_id and (s.warehouse_id is null or l.warehouse_id = s.warehouse_id))`.as('available'))
    .select([orderLines('l.reserved').as('orderReserved'), orderLines('l.base_quantity - l.reserved - l.shipped').as('orderWaiting')])
    .where('s.status', '=', 'waiting').where('s.productId', 'in', productIds).execute();
  const now = nowIso();
  for (const s of waiting) {
    const orderServed = s.orderId != null && Number(s.orderReserved) > 0 && Number(s.orderWaiting) <= 0;
    if (Number(s.available) <= 0 && !orderServed) continue;
    await enqueue(trx, 'stock.back_in_stock', {
      subscriptionId: s.id, customerId: s.customerId, productId: s.productId, sku: s.sku, name: s.name, warehouseId: s.warehouseId, orderId: s.orderId,
      orderNumber: orderServed ? s.orderNumber : null, available: Math.max(0, Number(s.available)),
    }, `back_in_stock:${s.id}`);
    await trx.updateTable('stockSubscriptions').set({ status: 'notified', notifiedAt: now }).where('id', '=', s.id).execute();
  }
}
