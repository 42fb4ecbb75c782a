import { describe, expect, it } from 'vitest';
import { pickLocale, translate } from './i18n.js';

describe('pickLocale', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-TW,zh;q=0.9', 'zh-CN'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['EN-us', 'en'],
    ['zh-CN;q=0.5, en;q=0.8', 'en'],
    ['en;q=0.2, zh;q=0.9', 'zh-CN'],
    ['fr-FR, de;q=0.9, en;q=0.5', 'en'],
    ['ja, ko', 'zh-CN'],
    ['*', 'zh-CN'],
    ['en;q=abc, zh;q=0.1', 'zh-CN'],
    [' en ; q=1 ', 'en'],
  ])('%j → %s', (header, locale) => {
    expect(pickLocale(header)).toBe(locale);
  });
});

describe('translate', () => {
  it('fills placeholders and names entities in the language', () => {
    expect(translate('NOT_FOUND', 'zh-CN', { entity: 'user' })).toBe('用户不存在');
    expect(translate('NOT_FOUND', 'en', { entity: 'user' })).toBe('User not found');
    expect(translate('RATE_LIMITED', 'en', { retryAfter: 42 })).toBe('Too many attempts; try again in 42 s');
  });

  it('falls back to the internal-error message for an unknown code', () => {
    expect(translate('NO_SUCH_CODE', 'en')).toBe('Internal server error; please try again later');
  });
});
