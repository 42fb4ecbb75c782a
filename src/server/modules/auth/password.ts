import { createHash } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

const ARGON2ID = 2 as Algorithm;

/** argon2id hash of a password (OWASP-recommended cost: 19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

/** Whether `password` matches an argon2id hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A fixed hash verified when the email is unknown, so response time does not reveal which emails exist.
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('jxc-timing-equaliser');
  return dummy;
}

/** sha256 of a high-entropy token (session ids, API keys): fast to look up, useless if leaked. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
