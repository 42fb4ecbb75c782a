import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProduct, productInput } from '../../src/server/modules/catalog/index.js';
import { verifyStock } from '../../src/server/modules/inventory/index.js';
import { systemActor } from '../../src/server/platform/actor.js';
import { createTestApp, dialectLabel, type Json, type TestApp, type TestClient } from '../support/index.js';

// SQLite binds at most 32,766 parameters per statement and PostgreSQL 65,535; a movement row
// takes 16, so one statement for every line broke past 2,047 (SQLite) and 4,095 (PostgreSQL) lines.
describe(`the ledger posts documents of any size ${dialectLabel}`, () => {
  const LINES = 4200;
  let t: TestApp;
  let admin: TestClient;
  let wh: Json;
  let productIds: string[];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    wh = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库' })).body;
    const actor = systemActor('test');
    productIds = await t.db.transaction().execute(async (trx) => {
      const ids: string[] = [];
      for (let i = 0; i < LINES; i++) ids.push(await insertProduct(trx, actor, productInput.parse({ sku: `P${String(i).padStart(5, '0')}`, name: `商品 ${i}`, listPrice: 100 })));
      return ids;
    });
  }, 120_000);
  afterAll(() => t.close());

  it(`opening stock of ${LINES} lines in one document, then the largest adjustment and order (500 lines)`, async () => {
    const opening = await admin.post('/api/v1/stock/opening', { warehouseId: wh.id, lines: productIds.map((productId) => ({ productId, quantity: 10, unitCost: 50 })) });
    expect(opening.status, JSON.stringify(opening.body).slice(0, 500)).toBe(201);
    const loss = await admin.post('/api/v1/stock/adjustments', { warehouseId: wh.id, lines: productIds.slice(0, 500).map((productId) => ({ productId, quantity: -1, reason: '破损' })) });
    expect(loss.status, JSON.stringify(loss.body).slice(0, 500)).toBe(201);
    const customer = (await admin.post('/api/v1/customers', { code: 'C1', name: '大客户' })).body;
    const order = await admin.post('/api/v1/sales-orders', { customerId: customer.id, confirm: true, lines: productIds.slice(500, 1000).map((productId) => ({ productId, quantity: 2 })) });
    expect(order.status, JSON.stringify(order.body).slice(0, 500)).toBe(201);
    expect(order.body.lines.every((l: Json) => l.reserved === 2)).toBe(true);
    const movements = await t.db.selectFrom('stockMovements').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(movements.n)).toBe(LINES + 500);
    const reservations = await t.db.selectFrom('stockReservations').select((eb) => eb.fn.countAll<number>().as('n')).where('quantity', '>', 0).executeTakeFirstOrThrow();
    expect(Number(reservations.n)).toBe(500);
    expect((await verifyStock(t.db)).ok).toBe(true);
  }, 120_000);
});
