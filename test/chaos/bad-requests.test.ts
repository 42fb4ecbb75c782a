import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/server/platform/access.js';
import { createTestApp, type TestApp } from '../support/index.js';
import { badRequests, operations, type BadRequest } from './bad-request-arbitraries.js';
import { changedTables, chaosDialects, expectEnvelope, fingerprint, seedWorld, type Fingerprint } from './in-process.js';

// 10,000 requests per database, each invalid by construction from the OpenAPI document, sent by
// an admin (a live session and its CSRF token, so they get past access control to validation):
// every answer is a 4xx with the error envelope, and not one row of any table changes.

const RUNS = Number(process.env.CHAOS_BAD_REQUESTS ?? 10_000);

// No table is excluded: nothing in jxc writes on a rejected request (sessions keep no last-seen
// time, login and feedback rate limits live in memory). Add one here only with the reason.
const EXCLUDED: string[] = [];

// Operations that answer an id naming nothing with 2xx and do nothing, by design: marking an alert
// read that the caller cannot see (or that does not exist) is a silent no-op, so it tells no one
// which alerts exist. The table fingerprint still checks that nothing was written.
const NO_OP_ON_UNKNOWN_ID = ['POST /api/v1/alerts/{id}/read'];

for (const dialect of chaosDialects) {
  describe(`bad requests from the OpenAPI document [${dialect}]`, () => {
    let t: TestApp;
    let before: Fingerprint;
    let send: (r: BadRequest) => Promise<{ status: number; body: string }>;
    let ids: Record<string, string>;

    beforeAll(async () => {
      // The login limit is lifted so bad login bodies reach validation rather than the limiter.
      t = await createTestApp({ dialect, env: { JXC_LOGIN_RATE_LIMIT: '1000000' } });
      const world = await seedWorld(t);
      ids = world.ids;
      const auth = { cookie: `${SESSION_COOKIE}=${world.admin.cookie}`, [CSRF_HEADER]: world.admin.csrfToken! };
      send = async (r) => {
        const res = await t.app.inject({
          method: r.method as 'GET',
          url: r.url,
          headers: { ...auth, ...(r.contentType ? { 'content-type': r.contentType } : {}), ...r.headers },
          ...(r.payload === undefined ? {} : { payload: r.payload }),
        });
        return { status: res.statusCode, body: res.body };
      };
      before = await fingerprint(t.db, dialect, EXCLUDED);
    });
    afterAll(() => t?.close());

    it('documents no field that nothing satisfies (an empty anyOf: a union the generator could not render)', async () => {
      await t.app.ready();
      const empty: string[] = [];
      const walk = (v: unknown, at: string): void => {
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}/${i}`));
        else if (v && typeof v === 'object') {
          if (Array.isArray((v as { anyOf?: unknown }).anyOf) && (v as { anyOf: unknown[] }).anyOf.length === 0) empty.push(at);
          for (const [k, x] of Object.entries(v)) walk(x, `${at}/${k}`);
        }
      };
      walk((t.app.swagger() as { paths: unknown }).paths, '');
      expect(empty).toEqual([]);
    });

    it(`answers ${RUNS} invalid requests with a 4xx and the error envelope, and changes no table`, async () => {
      await t.app.ready();
      const ops = operations(t.app.swagger());
      const byOp = ops.map((op) => ({ op, arbs: badRequests(op, ids) })).filter((x) => x.arbs.length > 0);
      const untestable = ops.filter((op) => !byOp.some((x) => x.op === op)).map((op) => `${op.method} ${op.path}`);
      const arb = fc.constantFrom(...byOp).chain(({ arbs }) => fc.oneof(...arbs));
      const byStatus = new Map<number, number>();
      const byKind = new Map<string, number>();
      let tried = 0;
      const describeReq = (r: BadRequest) => {
        const text = r.payload === undefined ? '' : typeof r.payload === 'string' ? r.payload : r.payload.toString('latin1');
        return `${r.kind}: ${r.method} ${r.url.slice(0, 300)} [${r.contentType ?? '-'}] ${text.slice(0, 300)}${text.length > 300 ? `… (${text.length} chars)` : ''}`;
      };

      const seed = Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000);
      await fc.assert(
        fc.asyncProperty(arb, async (r) => {
          const res = await send(r);
          tried += 1;
          byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
          const kind = r.kind.replace(/ \S+ (invalid|unknown)$/, ' id $1').replace(/^(query|header): .*/, '$1');
          byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
          const what = describeReq(r);
          if (res.status < 300 && r.kind.endsWith('id unknown') && NO_OP_ON_UNKNOWN_ID.includes(r.op)) return;
          if (res.status < 400 || res.status >= 500) throw new Error(`${res.status} for ${what}\n  → ${res.body.slice(0, 500)}`);
          let body: unknown;
          try { body = JSON.parse(res.body); } catch { /* checked below */ }
          expectEnvelope({ status: res.status, body }, what);
        }),
        { numRuns: RUNS, seed, verbose: 1 },
      );

      const after = await fingerprint(t.db, dialect, EXCLUDED);
      const statuses = [...byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(', ');
      console.log(`[${dialect}] ${tried} bad requests over ${byOp.length} of ${ops.length} operations (seed ${seed}); by status ${statuses}`);
      console.log(`[${dialect}] by kind: ${[...byKind].sort().map(([k, n]) => `${k} ${n}`).join(', ')}`);
      if (untestable.length) console.log(`[${dialect}] nothing to break (no body, parameters or path ids): ${untestable.join(', ')}`);
      expect(changedTables(before, after), 'tables changed by rejected requests').toEqual([]);
      expect(tried).toBeGreaterThanOrEqual(10_000);
    });
  });
}
