import { describe, expect, it } from 'vitest';
import type { PurchaseOrder, PurchaseOrderLine } from '../../src/web/modules/purchasing/api.js';
import { addScan, receiveLimit, setQuantity } from '../../src/web/modules/purchasing/receiving-cart.js';

// The receiving screen refuses a scan the server would refuse: ordered + tolerance (rounded down to
// whole base units, as src/server/modules/purchasing/purchase-order.ts receiveLimit), less what came.
const line = (id: string, productId: string, baseQuantity: number, received = 0, warehouseId = 'w1'): PurchaseOrderLine => ({
  id, lineNo: 1, productId, sku: productId.toUpperCase(), productName: productId, baseUnit: '瓶', warehouseId, unitName: '瓶', factor: 1,
  quantity: baseQuantity, baseQuantity, unitPrice: 0, taxRate: 13, gross: 0, net: 0, tax: 0, total: 0, expectedDate: null, received, open: baseQuantity - received,
});
const order = (lines: PurchaseOrderLine[]) => ({ id: 'o1', number: 'PO-1', warehouseId: 'w1', lines }) as PurchaseOrder;

describe('receiveLimit', () => {
  it.each([
    [24, 0, 24], [24, 10, 26], [24, 5, 25], [10, 9.99, 10], [100, 0.5, 100], [1000, 0.5, 1005], [7, 100, 14],
  ])('%i ordered, %f%% tolerance → %i', (qty, pct, limit) => expect(receiveLimit(qty, pct)).toBe(limit));
});

describe('addScan', () => {
  it('adds to the line and refuses the scan that would go over, leaving the cart as it was', () => {
    const o = order([line('l1', 'cola', 24)]);
    const a = addScan(o, {}, 'cola', 12, 0);
    expect(a).toMatchObject({ kind: 'ok', cart: { l1: 12 } });
    const b = addScan(o, a.kind === 'ok' ? a.cart : {}, 'cola', 12, 0);
    expect(b).toMatchObject({ kind: 'ok', cart: { l1: 24 } });
    expect(addScan(o, { l1: 24 }, 'cola', 12, 0)).toMatchObject({ kind: 'over', allowed: 24, requested: 36, limit: 24 });
  });
  it('counts what was received before and the tolerance', () => {
    const o = order([line('l1', 'cola', 24, 20)]);
    expect(addScan(o, { l1: 4 }, 'cola', 1, 0)).toMatchObject({ kind: 'over', allowed: 4 });
    expect(addScan(o, { l1: 4 }, 'cola', 1, 10)).toMatchObject({ kind: 'ok', cart: { l1: 5 } });
  });
  it('fills the first line of a product with room, then the next', () => {
    const o = order([line('l1', 'cola', 2), line('l2', 'cola', 5)]);
    expect(addScan(o, { l1: 2 }, 'cola', 1, 0)).toMatchObject({ kind: 'ok', cart: { l1: 2, l2: 1 } });
  });
  it('refuses a product not on the order, or only on a line for another warehouse', () => {
    expect(addScan(order([line('l1', 'cola', 2)]), {}, 'chips', 1, 0)).toEqual({ kind: 'not_on_order' });
    expect(addScan(order([line('l1', 'cola', 2, 0, 'w2')]), {}, 'cola', 1, 0)).toEqual({ kind: 'not_on_order' });
  });
});

describe('setQuantity', () => {
  it('clears a line at 0 and refuses above the limit', () => {
    const o = order([line('l1', 'cola', 24)]);
    expect(setQuantity(o, { l1: 12 }, 'l1', 0, 0)).toMatchObject({ kind: 'ok', cart: {} });
    expect(setQuantity(o, { l1: 12 }, 'l1', 25, 0)).toMatchObject({ kind: 'over', allowed: 24 });
  });
});
