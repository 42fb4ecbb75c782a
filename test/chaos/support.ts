import { createDb } from '../../src/server/db/create-db.js';
import { verifyStock } from '../../src/server/modules/inventory/index.js';
import { seedMasterData, type Seeded } from '../../bench/support/seed.js';
import { createRandom } from '../../bench/support/random.js';
import { startServer, type BenchServer } from '../../bench/support/server.js';
import type { DialectName } from '../../src/server/db/create-db.js';

// Real server processes for the chaos suite: started with `node --import tsx src/server/main.ts`
// on a database of their own, signed in over HTTP, killed with SIGKILL.

export const ADMIN = { email: 'chaos@example.com', password: 'chaos-password-1' };
export const pgWanted = Boolean(process.env.TEST_DATABASE_URL) || process.env.CI === 'true';
export const dialects: DialectName[] = pgWanted ? ['sqlite', 'postgres'] : ['sqlite'];

export type Session = {
  base: string;
  cookie: string;
  csrf: string;
  /** A request; resolves with status and parsed body, rejects only when the connection fails. */
  call: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

export async function signIn(base: string, email = ADMIN.email, password = ADMIN.password): Promise<Session> {
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!login.ok) throw new Error(`login ${login.status}: ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return sessionOn(base, cookie, csrfToken);
}

/** The same session (cookie and CSRF token) against another server. */
export function sessionOn(base: string, cookie: string, csrf: string): Session {
  return {
    base, cookie, csrf,
    call: async (method, path, body, headers = {}) => {
      const res = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try { parsed = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
      return { status: res.status, body: parsed };
    },
  };
}

export const serverEnv = (url: string, more: Record<string, string> = {}) => ({ DATABASE_URL: url, JXC_ADMIN_EMAIL: ADMIN.email, JXC_ADMIN_PASSWORD: ADMIN.password, JXC_LOGIN_RATE_LIMIT: '1000', ...more });

export async function start(url: string, more: Record<string, string> = {}): Promise<BenchServer> {
  return startServer(serverEnv(url, more));
}

/** Kills a server with SIGKILL (no shutdown hooks) and waits for it to be gone. */
export async function killHard(s: BenchServer): Promise<void> {
  if (s.pid === undefined) throw new Error('no pid');
  process.kill(s.pid, 'SIGKILL');
  for (let i = 0; i < 200; i++) {
    try { process.kill(s.pid, 0); } catch { return; }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`process ${s.pid} did not die`);
}

/** Master data written in-process (2 warehouses, `products` products, `customers` customers). */
export async function seed(url: string, products: number, customers: number): Promise<Seeded> {
  return seedMasterData(url, { products, customers }, createRandom(7));
}

/** verify-stock on the database behind a URL (a connection of its own). */
export async function verify(url: string) {
  const d = createDb(url, { poolSize: 1 });
  try {
    return await verifyStock(d.db);
  } finally {
    await d.close();
  }
}
