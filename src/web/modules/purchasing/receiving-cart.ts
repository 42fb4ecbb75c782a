// What a receiving screen has scanned so far, before it is posted: base units per order line, and
// the over-receipt check the server will make (so a scan that would be refused is refused at once).
import type { PurchaseOrder, PurchaseOrderLine } from './api';

/** Base units scanned per order line (or per product, for an unplanned receipt). */
export type Cart = Record<string, number>;

/** The most a line may receive in all: ordered + the tolerance, rounded down to whole base units (as the server). */
export const receiveLimit = (baseQuantity: number, tolerancePercent: number) => baseQuantity + Math.floor((baseQuantity * Math.round(tolerancePercent * 100)) / 10000);

export type ScanResult =
  | { kind: 'ok'; line: PurchaseOrderLine; cart: Cart; added: number }
  | { kind: 'not_on_order' }
  | { kind: 'over'; line: PurchaseOrderLine; limit: number; allowed: number; requested: number };

/**
 * Adds `base` units of a product to the cart: to the first line of it with room left (else the
 * first line of it, which then refuses), like the server's choice of the first open line.
 */
export function addScan(order: PurchaseOrder, cart: Cart, productId: string, base: number, tolerancePercent: number): ScanResult {
  const candidates = order.lines.filter((l) => l.productId === productId && l.warehouseId === order.warehouseId);
  if (!candidates.length) return { kind: 'not_on_order' };
  const roomOf = (l: PurchaseOrderLine) => receiveLimit(l.baseQuantity, tolerancePercent) - l.received - (cart[l.id] ?? 0);
  const line = candidates.find((l) => roomOf(l) >= base) ?? candidates[0];
  const limit = receiveLimit(line.baseQuantity, tolerancePercent);
  const requested = (cart[line.id] ?? 0) + base;
  if (line.received + requested > limit) return { kind: 'over', line, limit, allowed: Math.max(0, limit - line.received), requested };
  return { kind: 'ok', line, cart: { ...cart, [line.id]: requested }, added: base };
}

/** Sets a line's scanned quantity (a typed correction); refuses above the limit like a scan. */
export function setQuantity(order: PurchaseOrder, cart: Cart, lineId: string, base: number, tolerancePercent: number): ScanResult {
  const line = order.lines.find((l) => l.id === lineId);
  if (!line) return { kind: 'not_on_order' };
  const limit = receiveLimit(line.baseQuantity, tolerancePercent);
  if (line.received + base > limit) return { kind: 'over', line, limit, allowed: Math.max(0, limit - line.received), requested: base };
  const next = { ...cart };
  if (base > 0) next[lineId] = base;
  else delete next[lineId];
  return { kind: 'ok', line, cart: next, added: base - (cart[lineId] ?? 0) };
}

/** Total base units in the cart. */
export const cartTotal = (cart: Cart) => Object.values(cart).reduce((s, n) => s + n, 0);
