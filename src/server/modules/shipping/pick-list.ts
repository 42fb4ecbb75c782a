// Pick-list rules without I/O: which quantities go on a list and in what walking order.

export type PickCandidate = {
  orderId: string; orderNumber: string; orderLineId: string; productId: string; sku: string; warehouseId: string;
  warehouseCode: string; toPick: number; binId: string | null; binCode: string | null; binSort: number | null;
};

/**
 * The lines of a pick list in walking order: grouped by warehouse (code), then by bin (its sort
 * order, then code; lines with no bin last), then SKU and order number, so one product's units
 * for several orders are picked in one stop. Lines with nothing to pick are left out.
 */
export function orderPickLines<T extends PickCandidate>(candidates: T[]): T[] {
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return candidates.filter((c) => c.toPick > 0).sort((a, b) =>
    cmp(a.warehouseCode, b.warehouseCode)
    || cmp(a.binCode === null ? 1 : 0, b.binCode === null ? 1 : 0)
    || cmp(a.binSort ?? 0, b.binSort ?? 0)
    || cmp(a.binCode ?? '', b.binCode ?? '')
    || cmp(a.sku, b.sku)
    || cmp(a.orderNumber, b.orderNumber)
    || cmp(a.orderLineId, b.orderLineId));
}

/** What a pick-list line is after confirming `picked` of `quantity` (open lines only). */
export function pickOutcome(quantity: number, picked: number): { status: 'picked' | 'short'; short: number } {
  return picked >= quantity ? { status: 'picked', short: 0 } : { status: 'short', short: quantity - picked };
}
