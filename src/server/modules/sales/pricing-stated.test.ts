import { describe, expect, it } from 'vitest';
import { priceStatedLine } from './pricing.js';

// History lines priced from a stated amount (docs/money.md "A history line with its amount").
describe('priceStatedLine: the stated amount is kept to the fen', () => {
  it.each([
    // quantity, amount, discount bp, tax %, includes tax → unit price, gross, line discount, net, tax, total
    [2, 26196, 0, 0, true, 13098, 26196, 0, 26196, 0, 26196],
    [3, 1000, 0, 0, true, 334, 1002, 2, 1000, 0, 1000],
    [5, 2236, 2000, 0, true, 559, 2795, 559, 2236, 0, 2236],
    [3, 3332, 1000, 13, true, 1235, 3705, 373, 2949, 383, 3332],
    [3, 3332, 1000, 13, false, 1235, 3705, 373, 3332, 433, 3765],
    [1, 0, 0, 0, true, 0, 0, 0, 0, 0, 0],
  ])('%i units, amount %i, %i bp, %i%% tax (incl. %s)', (quantity, amount, discountBp, taxRate, incl, unitPrice, gross, lineDiscount, net, tax, total) => {
    const l = priceStatedLine({ quantity, amount, discountBp, taxRate }, incl);
    expect(l).toEqual({ unitPrice, gross, lineDiscount, orderDiscount: 0, net, tax, total });
    expect(l.gross - l.lineDiscount).toBe(amount);
    // The unit price is the smallest that covers the amount after the discount.
    expect(quantity * unitPrice * (10000 - discountBp)).toBeGreaterThanOrEqual(amount * 10000);
    if (unitPrice > 0) expect(quantity * (unitPrice - 1) * (10000 - discountBp)).toBeLessThan(amount * 10000);
  });
});
