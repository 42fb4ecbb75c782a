import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../../src/server/platform/fastify-types.js';
import { can, roles, type Permission } from '../../src/server/platform/permissions.js';
import { scopesAllow } from '../../src/server/platform/scopes.js';
import { createTestApp, type TestApp, type TestClient } from '../support/index.js';
import { changedTables, chaosDialects, expectEnvelope, fingerprint, seedWorld, type Fingerprint } from './in-process.js';

// Every role against every /api/v1 route its role lacks: 403 FORBIDDEN with the error envelope,
// and no table changes. API keys: a key scoped to catalog:read gets 403 API_KEY_SCOPE on every
// route its role allows but its scope does not, and FORBIDDEN where the role itself falls short.
// The routes and their access rules come from an onRoute hook, so a new route is checked unasked.

type Route = { method: string; url: string; access: Access };
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const SCOPE = 'catalog:read';
// A key that authenticates is stamped last-used (at most once a minute) before access is decided,
// refused or not: that column is left out of the comparison, the rest of api_keys is not.
const KEY_USE = { api_keys: ['lastUsedAt', 'last_used_at'] };

for (const dialect of chaosDialects) {
  describe(`every role × every endpoint [${dialect}]`, () => {
    const routes: Route[] = [];
    let t: TestApp;
    let before: Fingerprint;

    const collect = (r: RouteOptions) => {
      const access = (r.config as { access?: Access } | undefined)?.access;
      if (!r.url.startsWith('/api/v1') || !access) return;
      for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url, access });
    };
    // Placeholder ids, and a minimal body: access is decided before the request is validated.
    const call = (c: TestClient, r: Route) => c.request(r.method as Method, r.url.replace(/:(\w+)/g, (_m, name: string) => `zz-${name}`), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
    const permissioned = () => routes.filter((r): r is Route & { access: Permission } => r.access !== 'public' && r.access !== 'authenticated');

    beforeAll(async () => {
      t = await createTestApp({ dialect, onRoute: collect });
      await seedWorld(t);
    });
    afterAll(() => t?.close());

    it('sees every /api/v1 route with its access rule', () => {
      expect(routes.length).toBeGreaterThan(200);
      const open = routes.filter((r) => r.access === 'public' || r.access === 'authenticated').map((r) => `${r.method} ${r.url} (${r.access})`);
      console.log(`[${dialect}] not tied to a permission, so not in the matrix: ${open.join(', ')}`);
      expect(permissioned().length).toBeGreaterThan(150);
    });

    it('refuses every role every route its role lacks: 403 FORBIDDEN, nothing written', async () => {
      const clients = new Map<string, TestClient>();
      for (const role of roles) clients.set(role, role === 'admin' ? await t.setupAdmin() : await t.loginAs(role));
      before = await fingerprint(t.db, dialect);
      let pairs = 0;
      const perRole: string[] = [];
      for (const role of roles) {
        const denied = permissioned().filter((r) => !can(role, r.access));
        for (const r of denied) {
          const res = await call(clients.get(role)!, r);
          const what = `${role} → ${r.method} ${r.url} (${r.access})`;
          expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(403);
          expect(res.body.error.code, what).toBe('FORBIDDEN');
          expectEnvelope(res, what);
        }
        pairs += denied.length;
        perRole.push(`${role} ${denied.length}`);
      }
      // Reads the role holds are not refused (GETs only: they write nothing).
      let allowed = 0;
      for (const role of roles) {
        for (const r of permissioned().filter((x) => x.method === 'GET' && can(role, x.access))) {
          const res = await call(clients.get(role)!, r);
          expect(res.status, `${role} → GET ${r.url} (${r.access}): ${JSON.stringify(res.body)}`).not.toBe(403);
          allowed += 1;
        }
      }
      console.log(`[${dialect}] ${routes.length} routes, ${permissioned().length} with a permission; ${pairs} role × endpoint pairs refused with 403 (${perRole.join(', ')}); ${allowed} permitted role × GET pairs not refused`);
      expect(changedTables(before, await fingerprint(t.db, dialect)), 'tables changed by refused requests').toEqual([]);
      expect(pairs).toBeGreaterThan(500);
    });

    it('refuses a caller without a session every non-public route (401), and a session without its CSRF token every write (403)', async () => {
      const start = await fingerprint(t.db, dialect);
      const guarded = routes.filter((r) => r.access !== 'public');
      const anonymous = t.client();
      for (const r of guarded) {
        const res = await call(anonymous, r);
        const what = `anonymous → ${r.method} ${r.url} (${r.access})`;
        expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(401);
        expect(res.body.error.code, what).toBe('UNAUTHENTICATED');
        expectEnvelope(res, what);
      }
      const admin = await t.setupAdmin();
      const noCsrf = t.client({ cookie: admin.cookie });
      const writes = guarded.filter((r) => r.method !== 'GET');
      for (const r of writes) {
        const res = await call(noCsrf, r);
        const what = `admin without CSRF → ${r.method} ${r.url}`;
        expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(403);
        expect(res.body.error.code, what).toBe('CSRF_INVALID');
        expectEnvelope(res, what);
      }
      console.log(`[${dialect}] ${guarded.length} routes refused to an anonymous caller (401), ${writes.length} writes refused to a session without its CSRF token (403)`);
      expect(changedTables(start, await fingerprint(t.db, dialect)), 'tables changed by unauthenticated requests').toEqual([]);
    });

    it(`refuses an API key scoped to ${SCOPE} everything else: API_KEY_SCOPE where its role would allow it, FORBIDDEN where not`, async () => {
      const admin = await t.setupAdmin();
      const keys = new Map<string, TestClient>();
      for (const role of roles) {
        const res = await admin.post('/api/v1/api-keys', { name: `chaos ${role} ${SCOPE}`, role, scopes: [SCOPE] });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        keys.set(role, t.client({ bearer: res.body.key }));
      }
      const start = await fingerprint(t.db, dialect, [], KEY_USE);
      let scoped = 0;
      let forbidden = 0;
      let passed = 0;
      for (const role of roles) {
        for (const r of permissioned()) {
          const what = `${role} key [${SCOPE}] → ${r.method} ${r.url} (${r.access})`;
          if (can(role, r.access) && scopesAllow([SCOPE], r.access)) {
            if (r.method !== 'GET') continue; // allowed writes would write
            const res = await call(keys.get(role)!, r);
            expect(res.status, `${what}: ${JSON.stringify(res.body)}`).not.toBe(403);
            passed += 1;
            continue;
          }
          const res = await call(keys.get(role)!, r);
          expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(403);
          expect(res.body.error.code, what).toBe(can(role, r.access) ? 'API_KEY_SCOPE' : 'FORBIDDEN');
          expectEnvelope(res, what);
          if (can(role, r.access)) scoped += 1;
          else forbidden += 1;
        }
      }
      console.log(`[${dialect}] API keys scoped to ${SCOPE}, one per role: ${scoped} key × endpoint pairs refused API_KEY_SCOPE, ${forbidden} FORBIDDEN, ${passed} in-scope reads let through`);
      expect(changedTables(start, await fingerprint(t.db, dialect, [], KEY_USE)), 'tables changed by refused API key requests').toEqual([]);
      expect(scoped).toBeGreaterThan(100);
    });
  });
}
