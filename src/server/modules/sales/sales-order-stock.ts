import type { Tx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { DomainError } from '../../platform/errors.js';
import { raiseAlert } from '../alerts/index.js';
import { changeStock, reserveAvailable } from '../inventory/index.js';
import type { SalesOrderView, ShortageMode } from './sales-order.schemas.js';
import { describeShortage } from './shortage.js';

/**
 * Reserves every line of an order, or none (shortage 'refuse'), or what is there ('backorder').
 * Returns what each line holds now; the caller stores it on the lines.
 */
export async function reserve(trx: Tx, actor: Actor, order: SalesOrderView, shortage: ShortageMode): Promise<number[]> {
  if (shortage === 'backorder') return reserveWithBackorders(trx, actor, order);
  try {
    await changeStock(trx, actor, { type: 'sales_order', id: order.id }, {
      reservations: order.lines.map((l) => ({ productId: l.productId, warehouseId: l.warehouseId, sourceLineId: l.id, delta: l.baseQuantity })),
    });
  } catch (err) {
    if (err instanceof DomainError && err.code === 'INSUFFICIENT_STOCK') throw await describeShortage(trx, order, err);
    throw err;
  }
  return order.lines.map((l) => l.baseQuantity);
}

/** Reserves what is there for each line; the rest is backordered. */
async function reserveWithBackorders(trx: Tx, actor: Actor, order: SalesOrderView): Promise<number[]> {
  return reserveAvailable(trx, actor, { type: 'sales_order', id: order.id },
    order.lines.map((l) => ({ productId: l.productId, warehouseId: l.warehouseId, sourceLineId: l.id, quantity: l.baseQuantity })));
}

/** Alerts purchasing to each line left short (once the order has its number). */
export async function alertBackorders(trx: Tx, order: SalesOrderView, granted: number[]) {
  for (const [i, l] of order.lines.entries()) {
    if (granted[i] >= l.baseQuantity) continue;
    await raiseAlert(trx, {
      kind: 'shortage', severity: 'warning', targetRole: 'purchasing',
      title: { zh: `缺货：${l.sku} ${l.productName}（${order.number} 欠货 ${l.baseQuantity - granted[i]}）`, en: `Short: ${l.sku} ${l.productName} (${order.number} backordered ${l.baseQuantity - granted[i]})` },
      entity: 'product', entityId: l.productId, data: { warehouseId: l.warehouseId, orderId: order.id, backordered: l.baseQuantity - granted[i] },
      dedupeKey: `shortage:${l.productId}:${l.warehouseId}`,
    });
  }
}

/** Releases what every line holds; returns what each line holds now (nothing); the caller stores it. */
export async function release(trx: Tx, actor: Actor, order: SalesOrderView): Promise<number[]> {
  const held = order.lines.filter((l) => l.reserved > 0);
  if (held.length === 0) return order.lines.map(() => 0);
  await changeStock(trx, actor, { type: 'sales_order', id: order.id }, {
    reservations: held.map((l) => ({ productId: l.productId, warehouseId: l.warehouseId, sourceLineId: l.id, delta: -l.reserved })),
  });
  return order.lines.map(() => 0);
}
