import { describe, expect, it } from 'vitest';
import { toAttributes, toBarcodes, toCategoryPath, toInteger, toPackUnits, toPercent, toPriceTier, toTags, yuanToFen, type Convert } from './cells.js';

const value = (f: Convert, text: string) => {
  const out = f(text);
  return 'error' in out ? { error: out.error.en } : out.value;
};

describe('yuanToFen: exact decimal strings, no float error', () => {
  it.each([
    ['18', 1800], ['18.3', 1830], ['18.30', 1830], ['4.35', 435], ['1.13', 113], ['17.45', 1745], ['0.07', 7], ['0', 0],
    ['1,234.56', 123456], ['¥12.5', 1250], ['￥ 3', 300], ['99元', 9900], ['12.', 1200], ['.5', { error: '".5" is not an amount (in yuan, up to 2 decimals)' }],
    ['12.345', { error: 'Amount "12.345" has more than 2 decimals' }], ['-1', { error: 'Amount cannot be negative: -1' }],
    ['abc', { error: '"abc" is not an amount (in yuan, up to 2 decimals)' }], ['1,23', { error: '"1,23" is not an amount (in yuan, up to 2 decimals)' }],
  ] as const)('%s → %o', (text, expected) => expect(value(yuanToFen, text)).toEqual(expected));
});

describe('other cell converters', () => {
  it.each([
    [toInteger, '30', 30], [toInteger, '30天', 30], [toInteger, '1,000', 1000], [toInteger, '2.5', 2.5], [toInteger, 'x', { error: '"x" is not a number' }],
    [toPercent, '13', 13], [toPercent, '13%', 13], [toPercent, '9 %', 9], [toPercent, 'abc', { error: '"abc" is not a tax rate (e.g. 13 or 13%)' }],
    [toPackUnits, '箱=12;盒=6', [{ name: '箱', factor: 12 }, { name: '盒', factor: 6 }]], [toPackUnits, 'case: 24', [{ name: 'case', factor: 24 }]],
    [toPackUnits, '箱', { error: 'Pack unit "箱" should look like name=factor, e.g. case=12' }],
    [toBarcodes, '690123;16901@箱', [{ barcode: '690123', unit: null }, { barcode: '16901', unit: '箱' }]],
    [toAttributes, '颜色:红;尺寸：L', [{ key: '颜色', value: '红' }, { key: '尺寸', value: 'L' }]],
    [toAttributes, '红', { error: 'Attribute "红" should look like key:value, e.g. colour:red' }],
    [toTags, 'a; b，c、d, e', ['a', 'b', 'c', 'd', 'e']],
    [toCategoryPath, ' 饮料 / 茶 ', '饮料/茶'], [toCategoryPath, '饮料>茶>绿茶', '饮料/茶/绿茶'],
    [toPriceTier, '批发', 'wholesale'], [toPriceTier, 'VIP', 'vip'], [toPriceTier, 'Retail', 'retail'], [toPriceTier, 'gold', { error: 'Price tier "gold" is not one of retail, wholesale, vip' }],
  ] as const)('%#: %s', (f, text, expected) => expect(value(f as Convert, text)).toEqual(expected));
});
