import { randomBytes, randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
let lastTime = 0;
let counter = 0;
// Random bytes drawn 4 KiB at a time: one call into the CSPRNG per ~340 ids instead of one per id.
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

/** A new id: 26 chars, sortable by creation time (ULID-style, Crockford base32, lowercase). */
export function newId(now = Date.now()): string {
  if (now === lastTime) counter++;
  else {
    lastTime = now;
    counter = 0;
  }
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  // A per-millisecond counter keeps ids from one process strictly increasing.
  let seq = '';
  let c = counter;
  for (let i = 0; i < 4; i++) {
    seq = ALPHABET[c % 32] + seq;
    c = Math.floor(c / 32);
  }
  if (poolAt + 12 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  let tail = '';
  for (let i = 0; i < 12; i++) tail += ALPHABET[pool[poolAt + i] % 32];
  poolAt += 12;
  return time + seq + tail;
}

/** A random url-safe token with the given number of bytes of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
