/** A document line that takes stock out (quantity < 0) or brings it in, in base units. */
export type SignedLine = { productId: string; quantity: number };

/** A loss line that cannot be booked: `requested` is its own loss, `total` what the document takes of that product. */
export type ShortLine = { index: number; productId: string; available: number; requested: number; total: number };

/**
 * The short lines of a one-warehouse document: every loss line of a product whose net loss in the
 * document (gains of the same product count against it, as the ledger books them together)
 * exceeds what is available. In line order.
 */
export function shortLines(lines: readonly SignedLine[], available: (productId: string) => number): ShortLine[] {
  const net = new Map<string, number>();
  for (const l of lines) net.set(l.productId, (net.get(l.productId) ?? 0) + l.quantity);
  const out: ShortLine[] = [];
  for (const [index, l] of lines.entries()) {
    const total = -(net.get(l.productId) ?? 0);
    if (l.quantity >= 0 || total <= 0) continue;
    const here = Math.max(0, available(l.productId));
    if (total > here) out.push({ index, productId: l.productId, available: here, requested: -l.quantity, total });
  }
  return out;
}
