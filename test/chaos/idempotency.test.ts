import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/schema.js';
import { verifyStock } from '../../src/server/modules/inventory/index.js';
import { createTestApp, type Json, type Reply, type TestApp, type TestClient } from '../support/index.js';
import { chaosDialects, expectEnvelope, ok, seedWorld, type World } from './in-process.js';

// The same Idempotency-Key sent 100 times at once (Promise.all of injects; on PostgreSQL the pool
// runs them in parallel) for four document-creating POSTs. What runIdempotent promises, asserted
// exactly: one request creates the document and gets 201; every other one gets that same reply
// with 200 and `idempotent-replayed: true` (a duplicate that loses the race waits on the key,
// rolls back, then replays). One document, one set of stock movements, verify-stock clean.
// The same key with another body afterwards: 422 IDEMPOTENCY_MISMATCH, nothing written.

const COPIES = 100;

type Case = {
  name: string;
  url: string;
  table: keyof Database;
  /** Stock movements one such document writes (a confirmed order reserves, it moves nothing). */
  moves: number;
  body: (w: World, admin: TestClient) => Promise<Json>;
  other: (body: Json) => Json;
};

const cases: Case[] = [
  {
    name: 'a sales order, confirmed (stock reserved)',
    url: '/api/v1/sales-orders',
    table: 'salesOrders',
    moves: 0,
    body: async (w) => ({ customerId: w.ids.customers, warehouseId: w.ids.warehouses, confirm: true, lines: [{ productId: w.ids.products, quantity: 30 }] }),
    other: (b) => ({ ...b, lines: [{ ...b.lines[0], quantity: 31 }] }),
  },
  {
    name: 'a payment received (finance)',
    url: '/api/v1/finance/receivables/payments',
    table: 'customerPayments',
    moves: 0,
    body: async (w) => ({ customerId: w.ids.customers, amount: 12_345, method: 'bank', reference: 'chaos' }),
    other: (b) => ({ ...b, amount: 12_346 }),
  },
  {
    name: 'a stock adjustment (报损)',
    url: '/api/v1/stock/adjustments',
    table: 'stockAdjustments',
    moves: 1,
    body: async (w) => ({ warehouseId: w.ids.warehouses, lines: [{ productId: w.ids.products, quantity: -7, reason: '破损' }] }),
    other: (b) => ({ ...b, lines: [{ ...b.lines[0], quantity: -8 }] }),
  },
  {
    name: 'a purchase receipt against an order (all of it: a second receipt would be an over-receipt)',
    url: '/api/v1/purchase-receipts',
    table: 'purchaseReceipts',
    moves: 1,
    body: async (w, admin) => {
      const po = ok(await admin.post('/api/v1/purchase-orders', { supplierId: w.ids.suppliers, warehouseId: w.ids.warehouses, submit: true, lines: [{ productId: w.ids.products, quantity: 48 }] }));
      expect(po.status).toBe('ordered');
      return { orderId: po.id, lines: [{ orderLineId: po.lines[0].id, quantity: 48 }] };
    },
    other: (b) => ({ ...b, lines: [{ ...b.lines[0], quantity: 47 }] }),
  },
];

for (const dialect of chaosDialects) {
  describe(`one Idempotency-Key sent ${COPIES} times at once [${dialect}]`, () => {
    let t: TestApp;
    let w: World;
    let sent = 0;
    const count = async (table: keyof Database) => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    beforeAll(async () => {
      t = await createTestApp({ dialect });
      w = await seedWorld(t);
    });
    afterAll(async () => {
      console.log(`[${dialect}] ${sent} requests with ${cases.length} Idempotency-Keys (${COPIES} copies of each, sent at once)`);
      await t?.close();
    });

    for (const c of cases) {
      it(`${c.name}: one document, one 201, ${COPIES - 1} replays of it`, async () => {
        const body = await c.body(w, w.admin);
        const key = `chaos-${c.table}-${Date.now()}`;
        const docs = await count(c.table);
        const movements = await count('stockMovements');
        const headers = { 'idempotency-key': key };
        const replies: Reply[] = await Promise.all(Array.from({ length: COPIES }, () => w.admin.post(c.url, body, { headers })));
        sent += COPIES;

        const statuses = replies.reduce<Record<number, number>>((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});
        expect(statuses, JSON.stringify(replies.find((r) => r.status >= 300)?.body)).toEqual({ 201: 1, 200: COPIES - 1 });
        const first = replies.find((r) => r.status === 201)!;
        for (const r of replies.filter((x) => x.status === 200)) {
          expect(r.headers['idempotent-replayed']).toBe('true');
          expect(r.body).toEqual(first.body);
        }
        expect(await count(c.table)).toBe(docs + 1);
        expect((await t.db.selectFrom('idempotencyKeys').select('statusCode').where('key', '=', key).execute()).map((r) => Number(r.statusCode))).toEqual([201]);
        const after = await count('stockMovements');
        expect(after - movements, 'stock movements written').toBe(c.moves);

        // The same key with another body: refused, nothing written.
        const mismatch = await w.admin.post(c.url, c.other(body), { headers });
        sent += 1;
        expect(mismatch.status, JSON.stringify(mismatch.body)).toBe(422);
        expect(mismatch.body.error.code).toBe('IDEMPOTENCY_MISMATCH');
        expectEnvelope(mismatch, 'mismatch');
        expect(await count(c.table)).toBe(docs + 1);
        expect(await count('stockMovements')).toBe(after);

        const v = await verifyStock(t.db);
        expect(v.mismatches).toEqual([]);
        expect(v.ok).toBe(true);
        console.log(`[${dialect}] ${c.url}: ${COPIES} copies → ${JSON.stringify(statuses)}, document ${first.body.id ?? first.body.number}`);
      });
    }
  });
}
