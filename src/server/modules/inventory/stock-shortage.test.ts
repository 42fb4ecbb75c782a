import { describe, expect, it } from 'vitest';
import { shortLines, type SignedLine } from './stock-shortage.js';

const stock: Record<string, number> = { pen: 10, ink: 5, pad: 0 };
const l = (productId: string, quantity: number): SignedLine => ({ productId, quantity });

describe('shortLines: every loss line of a product the document takes more of than is available', () => {
  it.each<[string, SignedLine[], Array<[number, number, number, number]>]>([
    ['all fit', [l('pen', -10), l('ink', -5)], []],
    ['one line over', [l('pen', -11)], [[0, 10, 11, 11]]],
    ['two lines of one product over together: both named, with the total', [l('ink', -3), l('pen', -1), l('ink', -3)], [[0, 5, 3, 6], [2, 5, 3, 6]]],
    ['a gain of the same product covers a loss', [l('ink', -7), l('ink', 2)], []],
    ['a gain that does not cover enough', [l('ink', -9), l('ink', 2)], [[0, 5, 9, 7]]],
    ['gains alone never fall short', [l('pad', 3)], []],
    ['no balance at all counts as 0', [l('cup', -1)], [[0, 0, 1, 1]]],
    ['several products short, in line order', [l('pad', -1), l('pen', -20), l('ink', -1)], [[0, 0, 1, 1], [1, 10, 20, 20]]],
  ])('%s', (_, lines, expected) => {
    const short = shortLines(lines, (p) => stock[p] ?? 0);
    expect(short.map((s) => [s.index, s.available, s.requested, s.total])).toEqual(expected);
  });

  it('treats a negative available (a reservation over stock) as 0', () => {
    expect(shortLines([l('x', -1)], () => -4)).toEqual([{ index: 0, productId: 'x', available: 0, requested: 1, total: 1 }]);
  });
});
