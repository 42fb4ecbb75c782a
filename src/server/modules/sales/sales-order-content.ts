import type { Tx } from '../../db/create-db.js';
import { prepared } from '../../db/prepared.js';
import type { Insertable } from 'kysely';
import type { SalesOrderLineTable } from '../../db/schema-documents.js';
import { DomainError, type ErrorDetail } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { priceOrder, type PricedOrder } from './pricing.js';
import { loadOrderContext, resolveLines, type OrderContext, type ResolvedLine } from './sales-order-lines.js';
import type { SalesOrderInput } from './sales-order.schemas.js';

const lineError = (i: number, field: string, zh: string, en: string): ErrorDetail => ({ field: `lines.${i}.${field}`, message: { zh, en } });

export type OrderContent = { warehouseId: string; customerName: string; products: OrderContext['products']; lines: ResolvedLine[]; priced: PricedOrder; address: unknown };

/** A line row as stored, with the product fields an order view shows. */
export type LineRow = SalesOrderLineTable & { sku: string; productName: string; baseUnit: string };

/** Resolves and prices an order's lines (create and edit share this): every line's errors, then totals. */
export async function buildOrderContent(trx: Tx, input: SalesOrderInput): Promise<OrderContent> {
  const ctx = await loadOrderContext(trx, input);
  const lines = resolveLines(ctx, input, lineError);
  const priced = priceOrder(
    lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unitPrice, discountBp: l.discountBp, taxRate: l.taxRate })),
    { pricesIncludeTax: input.pricesIncludeTax, orderDiscount: input.orderDiscount },
  );
  if (input.orderDiscount > priced.gross - priced.lines.reduce((s, l) => s + l.lineDiscount, 0)) {
    throw new DomainError('VALIDATION_FAILED', { summary: 'orderDiscount' }, [{ field: 'orderDiscount', message: { zh: '整单优惠不能超过订单金额', en: 'The order discount cannot exceed the order amount' } }]);
  }
  return { warehouseId: ctx.warehouseId, customerName: ctx.customerName, products: ctx.products, lines, priced, address: input.shippingAddress ?? ctx.defaultAddress };
}

/** The header columns an order's content sets. */
export function contentColumns(input: SalesOrderInput, c: OrderContent) {
  return {
    warehouseId: c.warehouseId, pricesIncludeTax: input.pricesIncludeTax ? 1 : 0, orderDiscount: input.orderDiscount,
    gross: c.priced.gross, discount: c.priced.discount, net: c.priced.net, tax: c.priced.tax, total: c.priced.total,
    requestedDate: input.requestedDate ?? null, shippingAddress: c.address ? JSON.stringify(c.address) : null, notes: input.notes ?? null,
    // Left out when not given: a new order keeps the column's default (normal), an edit keeps the order's.
    ...(input.priority ? { priority: input.priority } : {}),
  };
}

/** An order's line rows (with the product fields a view shows), nothing reserved yet. */
export function lineRows(orderId: string, c: OrderContent): LineRow[] {
  return c.lines.map((l, i) => {
    const p = c.products.get(l.productId);
    return {
      id: newId(), orderId, lineNo: i + 1, productId: l.productId, warehouseId: l.warehouseId, unitName: l.unitName, factor: l.factor,
      quantity: l.quantity, baseQuantity: l.quantity * l.factor, unitPrice: l.unitPrice, discountBp: l.discountBp, taxRate: l.taxRate,
      ...c.priced.lines[i], reserved: 0, shipped: 0, sku: p?.sku ?? '', productName: p?.name ?? '', baseUnit: p?.baseUnit ?? '',
    };
  });
}

/** Writes an order's lines (after any old ones were deleted). */
export async function insertLines(trx: Tx, rows: SalesOrderLineTable[]): Promise<void> {
  await insertLineRows.affected(trx, rows.map(({ id, orderId, lineNo, productId, warehouseId, unitName, factor, quantity, baseQuantity, unitPrice, discountBp, taxRate, gross, lineDiscount, orderDiscount, net, tax, total, reserved, shipped }) => ({
    id, orderId, lineNo, productId, warehouseId, unitName, factor, quantity, baseQuantity, unitPrice, discountBp, taxRate, gross, lineDiscount, orderDiscount, net, tax, total, reserved, shipped,
  })));
}

const insertLineRows = prepared((db, rows: Insertable<SalesOrderLineTable>[]) => db.insertInto('salesOrderLines').values(rows));
