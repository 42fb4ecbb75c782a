import { describe, expect, it } from 'vitest';
import { dueAtFor, isOverdue, nextStatus } from './complaint.js';

describe('complaint rules', () => {
  it.each([
    ['open', 'start', 'in_progress'], ['open', 'resolve', 'resolved'], ['in_progress', 'resolve', 'resolved'], ['resolved', 'close', 'closed'],
    ['resolved', 'reopen', 'in_progress'], ['open', 'close', null], ['closed', 'reopen', null], ['in_progress', 'start', null],
  ] as const)('%s --%s--> %s', (from, action, to) => expect(nextStatus(from, action)).toBe(to));

  it('is due after its SLA hours and overdue only while not resolved', () => {
    expect(dueAtFor('2026-11-28T00:00:00.000Z', 48)).toBe('2026-11-30T00:00:00.000Z');
    const now = '2026-12-01T00:00:00.000Z';
    expect(isOverdue({ status: 'open', dueAt: '2026-11-30T00:00:00.000Z' }, now)).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueAt: '2026-12-02T00:00:00.000Z' }, now)).toBe(false);
    expect(isOverdue({ status: 'resolved', dueAt: '2026-11-30T00:00:00.000Z' }, now)).toBe(false);
  });
});
