import { describe, expect, it } from 'vitest';
import { yuanToFenHalfUp } from './cells.js';

describe('yuanToFenHalfUp: up to 4 decimals, rounded half up to the fen once', () => {
  it.each([
    ['261.96', 26196], ['22.368', 2237], ['22.3649', 2236], ['3.9808', 398], ['0.005', 1], ['0.0049', 0], ['0.0050', 1], ['731.94', 73194],
    ['1,234.5', 123450], ['$5', 500], ['7', 700], ['12.34567', { error: 'Amount "12.34567" has more than 4 decimals' }],
    ['-1.5', { error: 'Amount cannot be negative: -1.5' }], ['x', { error: '"x" is not an amount (in yuan, up to 4 decimals)' }],
  ] as const)('%s → %o', (text, expected) => {
    const out = yuanToFenHalfUp(text);
    expect('error' in out ? { error: out.error.en } : out.value).toEqual(expected);
  });
});
