import { describe, expect, it } from 'vitest';
import { allocate, divRound, priceOrder } from './pricing.js';

describe('divRound: half away from zero', () => {
  it.each([
    [5, 2, 3], [4, 2, 2], [7, 3, 2], [8, 3, 3], [-5, 2, -3], [-7, 3, -2], [0, 7, 0], [65, 10, 7], [64, 10, 6],
  ])('%i / %i = %i', (a, b, q) => expect(divRound(BigInt(a), BigInt(b))).toBe(BigInt(q)));
});

describe('allocate: proportional, exact, largest remainder', () => {
  it.each([
    [100, [3332, 1000], [77, 23]],
    [10, [1, 1, 1], [4, 3, 3]],
    [0, [5, 5], [0, 0]],
    [7, [0, 0], [7, 0]],
    [1, [1, 2], [0, 1]],
  ])('%i over %j', (amount, weights, expected) => {
    const parts = allocate(BigInt(amount), weights.map(BigInt)).map(Number);
    expect(parts).toEqual(expected);
    expect(parts.reduce((s, x) => s + x, 0)).toBe(amount);
  });
});

// Worked by hand: see docs/money.md.
describe('priceOrder: hand-worked cases', () => {
  it('3 × ¥12.34, 10% off, 13% VAT included', () => {
    const o = priceOrder([{ quantity: 3, unitPrice: 1234, discountBp: 1000, taxRate: 13 }], { pricesIncludeTax: true });
    // gross 3702; amount round(3331.8) = 3332; discount 370; tax round(3332 × 13 / 113 = 383.33) = 383; net 2949
    expect(o.lines[0]).toEqual({ gross: 3702, lineDiscount: 370, orderDiscount: 0, net: 2949, tax: 383, total: 3332 });
    expect(o).toMatchObject({ gross: 3702, discount: 370, net: 2949, tax: 383, total: 3332 });
  });

  it('the same line with prices excluding tax', () => {
    const o = priceOrder([{ quantity: 3, unitPrice: 1234, discountBp: 1000, taxRate: 13 }], { pricesIncludeTax: false });
    // net 3332; tax round(433.16) = 433; total 3765
    expect(o.lines[0]).toMatchObject({ net: 3332, tax: 433, total: 3765 });
  });

  it('the discounted amount is what is rounded: 7.70 × 25 at 15% off = 163.625 → 163.63', () => {
    const o = priceOrder([{ quantity: 25, unitPrice: 770, discountBp: 1500, taxRate: 0 }], { pricesIncludeTax: true });
    expect(o.lines[0]).toMatchObject({ gross: 19250, lineDiscount: 2887, total: 16363 });
  });

  it('half a fen of tax rounds up', () => {
    // 50 × 13% = 6.5 → 7
    expect(priceOrder([{ quantity: 1, unitPrice: 50, taxRate: 13 }], { pricesIncludeTax: false }).tax).toBe(7);
  });

  it('an order discount is shared by amount and the shares add up to it', () => {
    const o = priceOrder(
      [
        { quantity: 3, unitPrice: 1234, discountBp: 1000, taxRate: 13 }, // amount 3332
        { quantity: 10, unitPrice: 100, taxRate: 9 }, // amount 1000
      ],
      { pricesIncludeTax: true, orderDiscount: 100 },
    );
    // shares 76.92 → 77 and 23.08 → 23
    expect(o.lines.map((l) => l.orderDiscount)).toEqual([77, 23]);
    // line 1: 3255, tax round(3255 × 13 / 113 = 374.47) = 374; line 2: 977, tax round(977 × 9 / 109 = 80.67) = 81
    expect(o.lines.map((l) => [l.total, l.tax])).toEqual([[3255, 374], [977, 81]]);
    expect(o).toMatchObject({ gross: 4702, discount: 470, total: 4232, tax: 455, net: 3777 });
  });

  it('zero-rated goods and free lines', () => {
    const o = priceOrder([{ quantity: 2, unitPrice: 0, taxRate: 13 }, { quantity: 1, unitPrice: 999, taxRate: 0 }], { pricesIncludeTax: true });
    expect(o).toMatchObject({ total: 999, tax: 0, net: 999 });
  });

  it('stays exact beyond 2^53 in the intermediate products', () => {
    const o = priceOrder([{ quantity: 1_000_000, unitPrice: 9_000_000_000, taxRate: 13 }], { pricesIncludeTax: false });
    expect(o.net).toBe(9_000_000_000_000_000);
    expect(o.tax).toBe(1_170_000_000_000_000);
  });
});
