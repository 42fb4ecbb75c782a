import { describe, expect, it } from 'vitest';
import { newId, randomToken } from './ids.js';

const shape = /^[0-9a-hjkmnp-tv-z]{26}$/;

describe('newId', () => {
  it('is 26 lowercase Crockford base32 characters', () => {
    for (let i = 0; i < 50; i++) expect(newId()).toMatch(shape);
  });

  it('sorts by creation order within one millisecond', () => {
    const ids = Array.from({ length: 2000 }, () => newId(1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts by time across milliseconds, whatever the random tail', () => {
    const times = [0, 1, 31, 32, 1_000, 1_700_000_000_000, 1_700_000_000_001, 2 ** 48 - 1];
    const ids = times.map((t) => newId(t));
    expect([...ids].sort()).toEqual(ids);
  });

  it('sorts ids made back to back by the real clock', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    expect([...ids].sort()).toEqual(ids);
  });

  it('starts with the time', () => {
    expect(newId(0).slice(0, 10)).toBe('0000000000');
    expect(newId(32).slice(0, 10)).toBe('0000000010');
  });
});

describe('randomToken', () => {
  it('is url-safe and as long as its entropy says', () => {
    const t = randomToken(32);
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken(32)).not.toBe(t);
  });
});
