import { describe, expect, it } from 'vitest';
import { ean13CheckDigit, isValidEan13, makeEan13 } from './ean13.js';

describe('EAN-13 check digit', () => {
  it.each([
    ['400638133393', 1],
    ['690123456789', 2],
    ['978020137962', 4],
    ['000000000000', 0],
    ['692000000001', 2],
  ])('%s → %i', (first12, check) => {
    expect(ean13CheckDigit(first12)).toBe(check);
    expect(isValidEan13(first12 + check)).toBe(true);
    expect(isValidEan13(first12 + ((check + 1) % 10))).toBe(false);
  });

  it('refuses anything but 12 digits, and validates only 13 digits', () => {
    expect(() => ean13CheckDigit('69012345678')).toThrow();
    expect(() => ean13CheckDigit('69012345678a')).toThrow();
    expect(isValidEan13('690123456789')).toBe(false);
    expect(isValidEan13('69012345678922')).toBe(false);
    expect(makeEan13('690123456789')).toBe('6901234567892');
  });
});
