import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
let lastTime = 0;
let counter = 0;

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
  const rnd = randomBytes(12);
  let tail = '';
  for (let i = 0; i < 12; i++) tail += ALPHABET[rnd[i] % 32];
  return time + seq + tail;
}

/** A random url-safe token with the given number of bytes of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
