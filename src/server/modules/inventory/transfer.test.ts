import { describe, expect, it } from 'vitest';
import { nextTransferStatus, shareOfCost, splitCost } from './transfer.js';

describe('transfer rules', () => {
  it.each([
    ['draft', 'ship', 'in_transit'],
    ['in_transit', 'ship', null],
    ['draft', 'receive_part', null],
    ['in_transit', 'receive_part', 'partially_received'],
    ['partially_received', 'receive_rest', 'received'],
    ['received', 'cancel', null],
    ['in_transit', 'cancel', 'cancelled'],
    ['cancelled', 'cancel', null],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextTransferStatus(from, action)).toBe(to);
  });

  it.each([
    [1000, 3, 1, 333],
    [1000, 3, 2, 667],
    [1000, 3, 3, 1000],
    [667, 2, 1, 334],
    [0, 5, 2, 0],
  ])('share of %i fen over %i units for %i', (cost, remaining, q, share) => {
    expect(shareOfCost(cost, remaining, q)).toBe(share);
  });

  it.each([
    [1000, 3, [{ quantity: 2, unitCost: 333 }, { quantity: 1, unitCost: 334 }]],
    [900, 3, [{ quantity: 3, unitCost: 300 }]],
    [2, 5, [{ quantity: 3, unitCost: 0 }, { quantity: 2, unitCost: 1 }]],
  ])('splits %i fen over %i units exactly', (amount, q, parts) => {
    expect(splitCost(amount, q)).toEqual(parts);
    expect(parts.reduce((s, p) => s + p.quantity * p.unitCost, 0)).toBe(amount);
  });
});
