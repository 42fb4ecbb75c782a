// A purchase order being entered: pure state changes, the price the server will default to, totals.
import { priceOrder, type PricedOrder } from '../../../server/modules/sales/pricing';
import type { Product } from '../catalog/api';
import type { Supplier } from '../partners/api';
import type { PurchaseOrder, PurchaseOrderInput } from './api';

export type PoLine = { key: string; product: Product; unit: string; factor: number; quantity: number | null; unitPrice: number; priceEdited: boolean };
export type PoDraft = {
  supplierId?: string; warehouseId?: string; expectedDate?: string; pricesIncludeTax: boolean; notes: string;
  overReceiptPercent: number | null; lines: PoLine[];
};

export const emptyDraft: PoDraft = { pricesIncludeTax: true, notes: '', overReceiptPercent: null, lines: [] };

export const unitsOf = (p: Product) => [{ name: p.baseUnit, factor: 1 }, ...p.units.map((u) => ({ name: u.name, factor: u.factor }))];

/** The server's default price per unit: the supplier's price for the product, else its cost price, × the unit's factor. */
export function defaultPrice(p: Product, supplier: Supplier | undefined, factor: number): number {
  const quoted = supplier?.products.find((sp) => sp.productId === p.id)?.price;
  return (quoted || p.costPrice) * factor;
}

let seq = 0;
const newKey = () => `l${++seq}`;

/** Adds a line for a product in a unit, or one more to the line with the same product and unit. Returns the line's key. */
export function addProduct(d: PoDraft, p: Product, supplier: Supplier | undefined, unit = p.baseUnit, factor = 1): { draft: PoDraft; key: string } {
  const same = d.lines.find((l) => l.product.id === p.id && l.unit === unit);
  if (same) return { draft: { ...d, lines: d.lines.map((l) => (l === same ? { ...l, quantity: (l.quantity ?? 0) + 1 } : l)) }, key: same.key };
  const key = newKey();
  return { draft: { ...d, lines: [...d.lines, { key, product: p, unit, factor, quantity: 1, unitPrice: defaultPrice(p, supplier, factor), priceEdited: false }] }, key };
}

/** Changes a line; a new unit changes the factor and, unless typed, the price. */
export function updateLine(d: PoDraft, key: string, patch: Partial<PoLine>, supplier: Supplier | undefined): PoDraft {
  return {
    ...d,
    lines: d.lines.map((l) => {
      if (l.key !== key) return l;
      const next = { ...l, ...patch };
      if (patch.unit && patch.unit !== l.unit) {
        next.factor = unitsOf(l.product).find((u) => u.name === patch.unit)?.factor ?? 1;
        if (!next.priceEdited) next.unitPrice = defaultPrice(l.product, supplier, next.factor);
      }
      return next;
    }),
  };
}

/** Another supplier: prices not typed by hand follow its quotes. */
export const repriceFor = (d: PoDraft, supplier: Supplier | undefined): PoDraft => ({
  ...d,
  lines: d.lines.map((l) => (l.priceEdited ? l : { ...l, unitPrice: defaultPrice(l.product, supplier, l.factor) })),
});

export const removeLine = (d: PoDraft, key: string): PoDraft => ({ ...d, lines: d.lines.filter((l) => l.key !== key) });

/** Totals as the server will work them out (same rounding, docs/money.md). */
export const priceDraft = (d: PoDraft): PricedOrder =>
  priceOrder(d.lines.map((l) => ({ quantity: l.quantity ?? 0, unitPrice: l.unitPrice, taxRate: l.product.taxRate })), { pricesIncludeTax: d.pricesIncludeTax });

/** What is wrong before sending, as i18n keys with values; empty when it may be sent. */
export function problemsOf(d: PoDraft): [string, Record<string, unknown>?][] {
  const out: [string, Record<string, unknown>?][] = [];
  if (!d.supplierId) out.push(['pur.needSupplier']);
  if (!d.lines.length) out.push(['pur.needLines']);
  d.lines.forEach((l, i) => !(l.quantity && l.quantity > 0) && out.push(['pur.needQuantity', { n: i + 1 }]));
  return out;
}

/** What POST /purchase-orders takes; a price goes only when typed, so the server's default decides the rest. */
export function toInput(d: PoDraft, submit: boolean): PurchaseOrderInput {
  return {
    supplierId: d.supplierId ?? '',
    warehouseId: d.warehouseId || undefined,
    expectedDate: d.expectedDate || undefined,
    pricesIncludeTax: d.pricesIncludeTax,
    overReceiptPercent: d.overReceiptPercent ?? undefined,
    notes: d.notes.trim() || undefined,
    submit: submit || undefined,
    lines: d.lines.map((l) => ({ productId: l.product.id, quantity: l.quantity ?? 0, unit: l.unit, unitPrice: l.priceEdited ? l.unitPrice : undefined })),
  };
}

/** A saved draft as a draft to edit (its prices kept as they are). */
export function fromOrder(o: PurchaseOrder, products: Map<string, Product>): PoDraft {
  return {
    supplierId: o.supplierId, warehouseId: o.warehouseId, expectedDate: o.expectedDate ?? undefined, pricesIncludeTax: o.pricesIncludeTax,
    notes: o.notes ?? '', overReceiptPercent: o.overReceiptPercent,
    lines: o.lines.flatMap((l) => {
      const p = products.get(l.productId);
      return p ? [{ key: newKey(), product: p, unit: l.unitName, factor: l.factor, quantity: l.quantity, unitPrice: l.unitPrice, priceEdited: true }] : [];
    }),
  };
}
