import { describe, expect, it } from 'vitest';
import { orderPickLines, pickOutcome, type PickCandidate } from './pick-list.js';

const c = (over: Partial<PickCandidate>): PickCandidate => ({
  orderId: 'o1', orderNumber: 'SO-1', orderLineId: 'l1', productId: 'p', sku: 'A', warehouseId: 'w1', warehouseCode: 'W1', toPick: 1, binId: null, binCode: null, binSort: null, ...over,
});

describe('orderPickLines', () => {
  it('groups by warehouse, then bin order (no bin last), SKU, order; drops nothing-to-pick', () => {
    const lines = orderPickLines([
      c({ orderLineId: 'a', warehouseCode: 'W2', binCode: 'A-01', binSort: 0 }),
      c({ orderLineId: 'b', binCode: null }),
      c({ orderLineId: 'c', binCode: 'B-01', binSort: 1 }),
      c({ orderLineId: 'd', binCode: 'Z-09', binSort: 0 }),
      c({ orderLineId: 'e', binCode: 'B-01', binSort: 1, sku: 'A', orderNumber: 'SO-0' }),
      c({ orderLineId: 'f', toPick: 0 }),
    ]);
    expect(lines.map((l) => l.orderLineId)).toEqual(['d', 'e', 'c', 'b', 'a']);
  });
});

describe('pickOutcome', () => {
  it.each([
    [5, 5, 'picked', 0],
    [5, 3, 'short', 2],
    [5, 0, 'short', 5],
  ])('%i listed, %i picked → %s, short %i', (q, p, status, short) => {
    expect(pickOutcome(q, p)).toEqual({ status, short });
  });
});
