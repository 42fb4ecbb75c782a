import { sql } from 'kysely';
import type { Tx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { historyFacts, recordFacts, type SaleFact } from '../analytics/sales-facts.js';
import { recordOrderHistory } from '../analytics/order-facts.js';
import { priceStatedLine } from './pricing.js';
import type { SalesOrderView } from './sales-order.schemas.js';

/** Where an order came from outside jxc: its number there and its business date. */
export type ImportedOrigin = { externalRef: string; orderDate: string };

/** Keeps an imported current order's date and its number in the other system. */
export async function markImported(trx: Tx, orderId: string, origin: ImportedOrigin): Promise<void> {
  await trx.updateTable('salesOrders').set(origin).where('id', '=', orderId).execute();
}

/** What the other system states for a history line (fen): its amount after discount, its cost of goods. */
export type StatedLine = { amount?: number; cost?: number };

/** The order with the stated amounts as its lines' figures (priceStatedLine) and its totals summed again; null when nothing is stated. */
function withStatedAmounts(order: SalesOrderView, stated: StatedLine[]): SalesOrderView | null {
  if (!stated.some((s) => s.amount !== undefined)) return null;
  const lines = order.lines.map((l, i) => {
    const amount = stated[i]?.amount;
    return amount === undefined ? l : { ...l, ...priceStatedLine({ quantity: l.quantity, amount, discountBp: l.discountBp, taxRate: l.taxRate }, order.pricesIncludeTax) };
  });
  const sum = (k: 'gross' | 'lineDiscount' | 'orderDiscount' | 'net' | 'tax' | 'total') => lines.reduce((s, l) => s + l[k], 0);
  return { ...order, gross: sum('gross'), discount: sum('lineDiscount') + sum('orderDiscount'), net: sum('net'), tax: sum('tax'), total: sum('total'), lines };
}

const pricedColumns = ['unitPrice', 'gross', 'lineDiscount', 'orderDiscount', 'net', 'tax', 'total'] as const;
const snake = (c: string) => c.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`);

/** Per priced column, CASE id WHEN … THEN the line's figure: every line of the order in the one UPDATE that marks it shipped. */
function lineFigures(order: SalesOrderView) {
  return Object.fromEntries(pricedColumns.map((c) => [c, sql<number>`case ${sql.ref('id')} ${sql.join(order.lines.map((l) => sql`when ${l.id} then ${sql.lit(l[c])}`), sql` `)} else ${sql.ref(snake(c))} end`]));
}

/**
 * Turns a just-created draft into completed history (migration, analytics): closed, every line
 * shipped before jxc, with its dates. No stock moves and nothing is reserved: the goods left
 * before the ledger began. `stated` (by line, in order) replaces a line's priced amount with the
 * one the other system gives and records its cost of goods on the sales facts. With `deferFacts`
 * the sales facts are returned for the caller to record (recordFacts) instead of written.
 */
export async function recordHistoricalOrder(
  trx: Tx, actor: Actor, created: SalesOrderView, origin: ImportedOrigin & { shippedDate: string | null }, stated: StatedLine[] = [], deferFacts = false,
): Promise<{ order: SalesOrderView; facts: SaleFact[] }> {
  const repriced = withStatedAmounts(created, stated);
  const order = repriced ?? created;
  const history = { status: 'closed', orderDate: origin.orderDate, shippedDate: origin.shippedDate, externalRef: origin.externalRef, confirmedAt: `${origin.orderDate}T00:00:00.000Z` };
  const totals = repriced ? { gross: order.gross, discount: order.discount, net: order.net, tax: order.tax, total: order.total } : {};
  await trx.updateTable('salesOrders').set({ ...history, ...totals, updatedAt: nowIso() }).where('id', '=', order.id).where('status', '=', 'draft').execute();
  await trx.updateTable('salesOrderLines').set((eb) => ({ shipped: eb.ref('baseQuantity'), ...(repriced ? lineFigures(order) : {}) })).where('orderId', '=', order.id).execute();
  let facts: SaleFact[] = [];
  if (origin.shippedDate) {
    const costs = new Map(order.lines.flatMap((l, i) => (stated[i]?.cost !== undefined ? [[l.id, stated[i].cost!] as const] : [])));
    facts = await historyFacts(trx, order.id, origin.shippedDate, { type: 'import', id: origin.externalRef }, costs);
    await recordOrderHistory(trx, { ...order, orderDate: origin.orderDate }, order.lines.length, origin.shippedDate);
  }
  await writeAudit(trx, actor, {
    action: 'update', entity: 'salesOrder', entityId: order.id, summary: `${order.number} imported as history (${origin.externalRef}, shipped ${origin.shippedDate})`,
    before: { status: order.status }, after: history,
  });
  // An import of many orders writes their facts together (recordFacts), once the order is in.
  if (!deferFacts) await recordFacts(trx, facts);
  return { order, facts: deferFacts ? facts : [] };
}
