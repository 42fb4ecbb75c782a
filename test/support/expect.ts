import { expect } from 'vitest';
import type { Reply } from './client.js';

/** Asserts the standard error body `{error:{code,message,details}}` with this status and code. */
export function expectError(res: Reply, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expect(typeof res.body.error.message).toBe('string');
  expect(res.body.error.message.length).toBeGreaterThan(0);
}
