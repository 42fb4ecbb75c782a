import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, type Json, type TestApp } from '../support/index.js';
import { shippingWorld, type World } from './shipping-fixtures.js';

// An edit releases stock and a shipment moves it; both claim the order row first, so on
// PostgreSQL they wait for each other instead of deadlocking, and the ledger stays right.
describe(`editing an order while it ships ${dialectLabel}`, () => {
  let t: TestApp;
  let w: World;
  let carrierId: string;
  beforeAll(async () => {
    t = await createTestApp();
    w = await shippingWorld(t);
    carrierId = (await w.admin.get('/api/v1/carriers')).body.items.find((c: Json) => c.code === 'OWN' || c.adapter === 'manual').id;
  });
  afterAll(() => t.close());

  it('10 rounds of an edit and a shipment of the same order at once: one of them wins each time, never a 500, the ledger matches', async () => {
    for (let round = 0; round < 10; round++) {
      const o = await w.order([{ productId: w.cola.id, quantity: 2 }, { productId: w.tea.id, quantity: 1 }]);
      const [edit, ship] = await Promise.all([
        w.admin.patch(`/api/v1/sales-orders/${o.id}`, { lines: [{ productId: w.tea.id, quantity: 2 }, { productId: w.cola.id, quantity: 1 }] }),
        w.admin.post('/api/v1/shipments', { orderId: o.id, carrierId, trackingNumber: `RACE${round}` }),
      ]);
      expect([edit.status, ship.status].every((s) => s < 500), `${edit.status} ${JSON.stringify(edit.body)} / ${ship.status} ${JSON.stringify(ship.body)}`).toBe(true);
      expect(edit.status < 300 || ship.status < 300).toBe(true);
    }
    await w.clean();
  });
});
