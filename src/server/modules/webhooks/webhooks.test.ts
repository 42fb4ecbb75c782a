import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { subscribedTo } from './webhook-events.js';
import { excerpt, replayRangeProblem, retryDelay, signatureFor, verifySignature } from './webhooks.js';

describe('webhook rules', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256 and verifies in constant time', () => {
    const sig = signatureFor('whsec_x', '1764400000', '{"a":1}');
    expect(sig).toBe(`sha256=${createHmac('sha256', 'whsec_x').update('1764400000.{"a":1}').digest('hex')}`);
    expect(verifySignature('whsec_x', '1764400000', '{"a":1}', sig)).toBe(true);
    expect(verifySignature('whsec_x', '1764400001', '{"a":1}', sig)).toBe(false);
    expect(verifySignature('whsec_y', '1764400000', '{"a":1}', sig)).toBe(false);
    expect(verifySignature('whsec_x', '1764400000', '{"a":1}', 'sha256=00')).toBe(false);
  });

  it.each([[1, 60_000], [2, 300_000], [3, 1_800_000], [4, 7_200_000], [5, 43_200_000], [6, null], [0, null]])('after %i failures waits %s ms (null: dead)', (attempts, ms) => {
    expect(retryDelay(attempts)).toBe(ms);
  });

  it.each([
    ['2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', null],
    ['2026-01-01T00:00:00Z', '2026-02-01T00:00:01Z', 'the range is longer than 31 days'],
    ['2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z', '"from" must be before "to"'],
    ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '"from" must be before "to"'],
  ])('replay %s – %s: %s', (from, to, problem) => {
    expect(replayRangeProblem(from, to)?.en ?? null).toBe(problem);
  });

  it('matches event types and "*", cuts long replies', () => {
    expect(subscribedTo(['order.confirmed'], 'order.confirmed')).toBe(true);
    expect(subscribedTo(['order.confirmed'], 'stock.low')).toBe(false);
    expect(subscribedTo(['*'], 'anything.new')).toBe(true);
    expect(excerpt('x'.repeat(1001))).toHaveLength(1001);
    expect(excerpt('short')).toBe('short');
  });
});
