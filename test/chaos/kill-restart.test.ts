import { afterAll, describe, expect, it } from 'vitest';
import type { BenchServer } from '../../bench/support/server.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';
import { dialects, killHard, seed, signIn, start, verify, type Session } from './support.js';

// kill -9 during sustained order load, then restart on the same database: every order and shipment
// that was answered 2xx is there as answered, and verify-stock finds the ledger, the balances, the
// reservations and the costs in agreement. Three kills per database.

const KILLS = 3;
const WORKERS = 8;

type Acked = { orderId: string; number: string; status: string; lines: number; shipmentId?: string };

for (const dialect of dialects) {
  describe(`kill -9 under order load [${dialect}]`, () => {
    let db: TestDatabase;
    let server: BenchServer | undefined;
    afterAll(async () => {
      await server?.stop();
      await db?.drop();
    });

    it(`keeps every acknowledged order and a clean ledger through ${KILLS} kills`, async () => {
      db = await createTestDatabase(dialect);
      const seeded = await seed(db.url, 12, 6);
      server = await start(db.url);
      let s: Session = await signIn(server.base);
      const [w1] = seeded.warehouseIds;
      // Not much stock: orders run short and backorder, so reservations and shortages are exercised too.
      const opening = await s.call('POST', '/stock/opening', { warehouseId: w1, lines: seeded.productIds.map((productId) => ({ productId, quantity: 40, unitCost: 500 })) });
      expect(opening.status, JSON.stringify(opening.body)).toBeLessThan(300);
      const carriers = await s.call('GET', '/carriers');
      const own = carriers.body.items.find((c: { code: string }) => c.code === 'OWN') ?? carriers.body.items[0];
      const acked: Acked[] = [];
      let refused = 0;
      let lost = 0;
      let n = 0;
      for (let kill = 1; kill <= KILLS; kill++) {
        let stop = false;
        const worker = async (w: number) => {
          while (!stop) {
            const i = n++;
            try {
              const lines = [{ productId: seeded.productIds[(i * 7 + w) % seeded.productIds.length], quantity: 1 + (i % 3) }, { productId: seeded.productIds[(i * 5 + 3) % seeded.productIds.length], quantity: 1 }];
              const res = await s.call('POST', '/sales-orders', { customerId: seeded.customerIds[i % seeded.customerIds.length], warehouseId: w1, lines, confirm: true, shortage: 'backorder' });
              if (res.status >= 500) throw new Error(`5xx: ${JSON.stringify(res.body)}`);
              if (res.status >= 300) { refused += 1; continue; }
              const a: Acked = { orderId: res.body.id, number: res.body.number, status: res.body.status, lines: res.body.lines.length };
              acked.push(a);
              if (i % 3 === 0 && res.body.status === 'confirmed') {
                const shipped = await s.call('POST', '/shipments', { orderId: res.body.id, carrierId: own.id });
                if (shipped.status >= 500) throw new Error(`5xx: ${JSON.stringify(shipped.body)}`);
                if (shipped.status < 300) a.shipmentId = shipped.body.id;
              }
            } catch (err) {
              if (stop) { lost += 1; return; } // the connection the kill cut: no answer, so nothing promised
              throw err;
            }
          }
        };
        const load = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
        // Sustained load, then the kill while requests are in flight.
        await new Promise((r) => setTimeout(r, 1500 + kill * 500));
        stop = true;
        await killHard(server);
        await load;
        server = await start(db.url);
        s = await signIn(server.base);
        // Every 2xx is there, as it was answered.
        for (const a of acked) {
          const got = await s.call('GET', `/sales-orders/${a.orderId}`);
          expect(got.status, `order ${a.number} acknowledged before kill ${kill}`).toBe(200);
          expect(got.body.number).toBe(a.number);
          expect(got.body.lines).toHaveLength(a.lines);
          if (a.shipmentId) expect((await s.call('GET', `/shipments/${a.shipmentId}`)).status, `shipment of ${a.number}`).toBe(200);
        }
        const v = await verify(db.url);
        expect(v.mismatches, `verify-stock after kill ${kill}`).toEqual([]);
        expect(v.ok).toBe(true);
      }
      const shipments = acked.filter((a) => a.shipmentId).length;
      console.log(`[${dialect}] ${KILLS} kills survived: ${acked.length} orders and ${shipments} shipments acknowledged and found after restart; ${refused} refused (4xx); ${lost} requests cut by the kills; verify-stock clean each time`);
      expect(acked.length).toBeGreaterThan(KILLS * 10);
    });
  });
}
