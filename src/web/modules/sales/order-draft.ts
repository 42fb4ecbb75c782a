// The order being entered, as plain data and pure changes (no React), so the form stays small.
// Totals use the server's own pricing function: one rounding rule, in one place (docs/money.md).
import { priceOrder, type PricedOrder } from '../../../server/modules/sales/pricing';
import type { Product } from '../catalog/api';
import type { Address } from '../partners/api';
import { formatAddress } from './format';
import type { SalesOrder, SalesOrderInput } from './api';

export type DraftLine = {
  key: string;
  product: Product;
  unit: string;
  factor: number;
  quantity: number | null;
  /** Fen per `unit`. */
  unitPrice: number;
  /** Typed by the clerk: then it is sent and kept when the unit or customer changes. */
  priceEdited: boolean;
  discountPercent: number | null;
  /** '' follows the order's warehouse. */
  warehouseId: string;
};

export type Draft = {
  customerId?: string;
  priceTier: string;
  /** '' until chosen: the default warehouse. */
  warehouseId: string;
  lines: DraftLine[];
  pricesIncludeTax: boolean;
  /** Fen. */
  orderDiscount: number;
  requestedDate?: string;
  addressIndex?: number;
  notes: string;
};

let seq = 0;
const nextKey = () => `l${++seq}`;

/** The base unit and the pack units of a product, with their factors. */
export const unitsOf = (p: Product) => [{ name: p.baseUnit, factor: 1 }, ...p.units.map((u) => ({ name: u.name, factor: u.factor }))];

/** The server's default price: wholesale price for wholesale and VIP customers, else the list price, × the unit's factor. */
export function tierPrice(p: Product, tier: string, factor: number): number {
  const base = tier === 'wholesale' || tier === 'vip' ? (p.wholesalePrice ?? p.listPrice) : p.listPrice;
  return base * factor;
}

/** Adds a line for a scanned or searched product, or adds 1 to the line with the same product and unit. */
export function addOrIncrement(d: Draft, p: Product, unit: string, factor: number): { draft: Draft; key: string; incremented: boolean } {
  const same = d.lines.find((l) => l.product.id === p.id && l.unit === unit);
  if (same) {
    return { draft: updateLine(d, same.key, { quantity: (same.quantity ?? 0) + 1 }), key: same.key, incremented: true };
  }
  const line: DraftLine = {
    key: nextKey(), product: p, unit, factor, quantity: 1, unitPrice: tierPrice(p, d.priceTier, factor), priceEdited: false,
    discountPercent: null, warehouseId: '',
  };
  return { draft: { ...d, lines: [...d.lines, line] }, key: line.key, incremented: false };
}

/** Changes one line; a new unit brings its factor and, unless typed, its tier price. */
export function updateLine(d: Draft, key: string, patch: Partial<DraftLine>): Draft {
  return {
    ...d,
    lines: d.lines.map((l) => {
      if (l.key !== key) return l;
      const next = { ...l, ...patch };
      if (patch.unit !== undefined && patch.unit !== l.unit) {
        next.factor = unitsOf(l.product).find((u) => u.name === patch.unit)?.factor ?? 1;
        if (!next.priceEdited) next.unitPrice = tierPrice(l.product, d.priceTier, next.factor);
      }
      return next;
    }),
  };
}

export const removeLine = (d: Draft, key: string): Draft => ({ ...d, lines: d.lines.filter((l) => l.key !== key) });

/** A new customer: its tier re-prices the lines whose price was not typed. */
export function setCustomer(d: Draft, customerId: string | undefined, priceTier: string): Draft {
  return {
    ...d, customerId, priceTier, addressIndex: undefined,
    lines: d.lines.map((l) => (l.priceEdited ? l : { ...l, unitPrice: tierPrice(l.product, priceTier, l.factor) })),
  };
}

/** The warehouse a line ships from. */
export const lineWarehouse = (l: DraftLine, orderWarehouse: string) => l.warehouseId || orderWarehouse;

/** Replaces a short line's product by a substitute (base unit, tier price), keeping the base quantity. */
export function substitute(d: Draft, key: string, p: Product, warehouseId: string): Draft {
  return {
    ...d,
    lines: d.lines.map((l) => (l.key !== key ? l : {
      ...l, product: p, unit: p.baseUnit, factor: 1, quantity: (l.quantity ?? 0) * l.factor,
      unitPrice: tierPrice(p, d.priceTier, 1), priceEdited: false, warehouseId,
    })),
  };
}

/** Base units of a product already asked for in a warehouse by the other lines. */
export const baseNeededByOthers = (d: Draft, line: DraftLine, orderWarehouse: string) =>
  d.lines
    .filter((l) => l.key !== line.key && l.product.id === line.product.id && lineWarehouse(l, orderWarehouse) === lineWarehouse(line, orderWarehouse))
    .reduce((s, l) => s + (l.quantity ?? 0) * l.factor, 0);

/** Live totals by the same rule the server applies (its figures win after saving). */
export function priceDraft(d: Draft): PricedOrder {
  return priceOrder(
    d.lines.map((l) => ({ quantity: l.quantity ?? 0, unitPrice: l.unitPrice, discountBp: Math.round((l.discountPercent ?? 0) * 100), taxRate: l.product.taxRate })),
    { pricesIncludeTax: d.pricesIncludeTax, orderDiscount: d.orderDiscount },
  );
}

/** What POST /sales-orders takes. Prices go only when typed, so the server's tier rule decides the rest. */
export function toInput(d: Draft, o: { warehouseId: string; address: SalesOrderInput['shippingAddress']; confirm: boolean }): SalesOrderInput {
  return {
    customerId: d.customerId ?? '',
    warehouseId: o.warehouseId || undefined,
    pricesIncludeTax: d.pricesIncludeTax,
    orderDiscount: d.orderDiscount,
    requestedDate: d.requestedDate || undefined,
    shippingAddress: o.address,
    notes: d.notes.trim() || undefined,
    confirm: o.confirm,
    lines: d.lines.map((l) => ({
      productId: l.product.id,
      quantity: l.quantity ?? 0,
      unit: l.unit,
      ...(l.priceEdited ? { unitPrice: l.unitPrice } : {}),
      ...(l.discountPercent ? { discountPercent: l.discountPercent } : {}),
      warehouseId: l.warehouseId || undefined,
    })),
  };
}

/** The order's address among the customer's: its index, -1 when it is none of them, undefined when the order has none. */
export function addressIndexOf(order: Pick<SalesOrder, 'shippingAddress'>, addresses: Address[]): number | undefined {
  if (!order.shippingAddress) return undefined;
  const text = formatAddress(order.shippingAddress);
  const i = addresses.findIndex((a) => formatAddress(a) === text);
  return i >= 0 ? i : -1;
}

/**
 * A saved order as a draft to edit. A price that differs from the customer's tier price counts as
 * typed, so it is kept and sent; the others follow the tier, as on a new order.
 */
export function draftFromOrder(o: SalesOrder, productsById: Map<string, Product>, priceTier: string, addresses: Address[]): Draft {
  return {
    customerId: o.customerId,
    priceTier,
    warehouseId: o.warehouseId,
    pricesIncludeTax: o.pricesIncludeTax,
    orderDiscount: o.orderDiscount,
    requestedDate: o.requestedDate ?? undefined,
    addressIndex: addressIndexOf(o, addresses),
    notes: o.notes ?? '',
    lines: o.lines.map((l) => {
      const product = productsById.get(l.productId)!;
      return {
        key: nextKey(), product, unit: l.unitName, factor: l.factor, quantity: l.quantity, unitPrice: l.unitPrice,
        priceEdited: l.unitPrice !== tierPrice(product, priceTier, l.factor),
        discountPercent: l.discountBp ? l.discountBp / 100 : null,
        warehouseId: l.warehouseId === o.warehouseId ? '' : l.warehouseId,
      };
    }),
  };
}
