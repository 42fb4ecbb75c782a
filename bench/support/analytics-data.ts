// Years of sales history for the analytics benchmark, written in-process: orders and lines as
// closed history rows, and their sales facts through the module's own recordFacts (which keeps
// every rollup in the same transaction, as shipments do), order facts, and a share of returns.
// Going through HTTP would take hours for a million lines; what is timed is reading, not writing.
import { sql } from 'kysely';
import { createDb } from '../../src/server/db/create-db.js';
import type { SalesOrderLineTable, SalesOrderTable } from '../../src/server/db/schema-documents.js';
import { recordFacts, type SaleFact } from '../../src/server/modules/analytics/sales-facts.js';
import { rebuildStockMonths } from '../../src/server/modules/inventory/stock-months.js';
import { newId } from '../../src/server/platform/ids.js';
import type { Random } from './random.js';
import type { Seeded } from './seed.js';

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export type History = { lines: number; orders: number; returns: number; from: string; to: string; categoryIds: string[] };

/** A skewed pick: low indexes far more often (a few best sellers, a long tail). */
const skewed = (rnd: Random, n: number) => Math.min(n - 1, Math.floor(n * rnd.next() ** 2.2));

/**
 * Writes `lines` order lines over the `days` days before today: 10 parent categories with 4
 * subcategories each over the products, seasonal daily volume, 1–5 lines an order, 1.5% of lines
 * returned 5–20 days after they shipped.
 */
export async function seedSalesHistory(url: string, seeded: Seeded, rnd: Random, opts: { lines: number; days: number }, progress: (msg: string) => void): Promise<History> {
  const database = createDb(url, { poolSize: 2 });
  const { db } = database;
  try {
    const now = new Date().toISOString();
    const categoryIds: string[] = [];
    const leaves: string[] = [];
    for (let p = 0; p < 10; p++) {
      const parent = newId();
      await db.insertInto('categories').values({ id: parent, parentId: null, code: `K${p}`, name: `大类 ${p + 1}`, sortOrder: p, status: 'active', createdAt: now, updatedAt: now }).execute();
      categoryIds.push(parent);
      for (let c = 0; c < 4; c++) {
        const id = newId();
        await db.insertInto('categories').values({ id, parentId: parent, code: `K${p}${c}`, name: `小类 ${p + 1}-${c + 1}`, sortOrder: c, status: 'active', createdAt: now, updatedAt: now }).execute();
        leaves.push(id);
      }
    }
    const productCategory = seeded.productIds.map((_, i) => leaves[i % leaves.length]);
    for (let i = 0; i < seeded.productIds.length; i += 500) {
      const ids = seeded.productIds.slice(i, i + 500);
      for (const leaf of new Set(ids.map((_, k) => productCategory[i + k]))) {
        await db.updateTable('products').set({ categoryId: leaf }).where('id', 'in', ids.filter((_, k) => productCategory[i + k] === leaf)).execute();
      }
    }
    const prices = new Map((await db.selectFrom('products').select(['id', 'listPrice']).execute()).map((p) => [p.id, Number(p.listPrice)]));
    const today = new Date().toISOString().slice(0, 10);
    const from = addDays(today, -opts.days);
    const perDay = opts.lines / opts.days;
    let written = 0;
    let orders = 0;
    let returns = 0;
    let seq = 0;
    const pendingReturns: Array<{ day: string; fact: SaleFact }> = [];
    // The ledger behind the sales: per product × warehouse what left and came back, for the opening balances written last.
    const moved = new Map<string, { productId: string; warehouseId: string; out: number; back: number; outCost: number; backCost: number }>();
    const movementOf = (f: SaleFact) => {
      const k = `${f.productId}|${f.warehouseId}`;
      const m = moved.get(k) ?? { productId: f.productId, warehouseId: f.warehouseId, out: 0, back: 0, outCost: 0, backCost: 0 };
      if (f.kind === 'sale') { m.out += f.quantity; m.outCost += f.cost; } else { m.back -= f.quantity; m.backCost -= f.cost; }
      moved.set(k, m);
      const unitCost = Math.round(Math.abs(f.cost) / Math.max(1, Math.abs(f.quantity)));
      return {
        id: newId(), at: `${f.day}T06:00:00.000Z`, kind: f.kind === 'sale' ? 'sale_out' : 'return_in', productId: f.productId, warehouseId: f.warehouseId, binId: null,
        quantity: -f.quantity, unitCost, costAmount: -f.cost, sourceType: f.sourceType, sourceId: f.orderId, sourceLineId: f.orderLineId, reason: f.sourceId,
        actorType: 'system', actorId: null, actorName: 'bench',
      };
    };
    for (let d0 = 0; d0 < opts.days && written < opts.lines; d0 += 10) {
      const orderRows: SalesOrderTable[] = [];
      const lineRows: SalesOrderLineTable[] = [];
      const facts: SaleFact[] = [];
      const orderFacts: Array<Record<string, unknown>> = [];
      for (let d = d0; d < Math.min(d0 + 10, opts.days) && written < opts.lines; d++) {
        const day = addDays(from, d);
        const season = 1 + 0.35 * Math.sin((2 * Math.PI * d) / 365.25) + (new Date(`${day}T00:00:00Z`).getUTCDay() === 0 ? -0.4 : 0);
        let target = Math.round(perDay * season);
        while (target > 0 && written < opts.lines) {
          const id = newId();
          const n = Math.min(target, rnd.int(1, 5), opts.lines - written);
          const customerId = seeded.customerIds[skewed(rnd, seeded.customerIds.length)];
          const warehouseId = seeded.warehouseIds[rnd.next() < 0.7 ? 0 : 1];
          const shipDay = addDays(day, rnd.int(0, 4));
          let gross = 0;
          let net = 0;
          for (let k = 0; k < n; k++) {
            const pi = skewed(rnd, seeded.productIds.length);
            const productId = seeded.productIds[pi];
            const quantity = rnd.int(1, 20);
            const unitPrice = prices.get(productId)!;
            const lineGross = unitPrice * quantity;
            const lineNet = Math.round((lineGross * 100) / 113);
            const lineId = newId();
            gross += lineGross;
            net += lineNet;
            lineRows.push({
              id: lineId, orderId: id, lineNo: k + 1, productId, warehouseId, unitName: '个', factor: 1, quantity, baseQuantity: quantity, unitPrice, discountBp: 0, taxRate: 13,
              gross: lineGross, lineDiscount: 0, orderDiscount: 0, net: lineNet, tax: lineGross - lineNet, total: lineGross, reserved: 0, shipped: quantity,
            });
            const fact: SaleFact = {
              day: shipDay, kind: 'sale', orderId: id, orderLineId: lineId, customerId, productId, categoryId: productCategory[pi], warehouseId,
              quantity, net: lineNet, cost: Math.round(lineNet * (0.6 + 0.2 * rnd.next())), costed: 1, sourceType: 'shipment', sourceId: `FH-${seq}`,
            };
            facts.push(fact);
            if (rnd.next() < 0.015) pendingReturns.push({ day: addDays(shipDay, rnd.int(5, 20)), fact });
          }
          seq += 1;
          orderRows.push({
            id, number: `SO-H${String(seq).padStart(8, '0')}`, customerId, status: 'closed', warehouseId, pricesIncludeTax: 1, orderDiscount: 0, gross, discount: 0, net, tax: gross - net, total: gross,
            requestedDate: addDays(day, 3), shippingAddress: null, notes: null, source: 'import', actorType: 'system', actorId: null, actorName: 'bench', approvalReasons: null, approvalRole: null,
            approvalComment: null, approvedBy: null, confirmedAt: `${day}T01:00:00.000Z`, cancelledAt: null, createdAt: `${day}T01:00:00.000Z`, updatedAt: `${day}T01:00:00.000Z`,
            orderDate: day, shippedDate: shipDay, externalRef: null, priority: 'normal',
          } as SalesOrderTable);
          orderFacts.push({ orderId: id, orderDay: day, customerId, warehouseId, requestedDate: addDays(day, 3), net, lineCount: n, backordered: rnd.next() < 0.04 ? 1 : 0, firstShipDay: shipDay, shippedDay: shipDay, returned: 0, cancelled: 0, history: 1 });
          written += n;
          target -= n;
          orders += 1;
        }
        // Returns due by this day: revenue and (restocked) cost taken back.
        for (let i = pendingReturns.length - 1; i >= 0; i--) {
          const r = pendingReturns[i];
          if (r.day > day) continue;
          pendingReturns.splice(i, 1);
          const q = Math.max(1, Math.floor(r.fact.quantity / 2));
          facts.push({ ...r.fact, day: r.day, kind: 'return', quantity: -q, net: -Math.round((r.fact.net * q) / r.fact.quantity), cost: -Math.round((r.fact.cost * q) / r.fact.quantity), sourceType: 'sales_return', sourceId: `TH-${i}` });
          returns += 1;
        }
      }
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < orderRows.length; i += 500) await trx.insertInto('salesOrders').values(orderRows.slice(i, i + 500)).execute();
        for (let i = 0; i < lineRows.length; i += 500) await trx.insertInto('salesOrderLines').values(lineRows.slice(i, i + 500)).execute();
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        for (let i = 0; i < orderFacts.length; i += 500) await trx.insertInto('orderFacts').values(orderFacts.slice(i, i + 500) as any).execute();
        await recordFacts(trx, facts);
        const movements = facts.map(movementOf);
        for (let i = 0; i < movements.length; i += 500) await trx.insertInto('stockMovements').values(movements.slice(i, i + 500)).execute();
      });
      if ((d0 / 10) % 20 === 0) progress(`  ${addDays(from, d0)}: ${written.toLocaleString('en')} lines, ${orders.toLocaleString('en')} orders`);
    }
    // Opening balances on the first day: enough for everything that left plus 0–200 on hand now, at 1.2× the average cost out.
    const openings = [...moved.values()].map((m) => {
      const left = rnd.int(0, 200);
      const quantity = m.out - m.back + left;
      const unitCost = Math.max(1, Math.round((1.2 * m.outCost) / Math.max(1, m.out)));
      return { m, quantity, unitCost, onHand: left, value: quantity * unitCost - m.outCost + m.backCost };
    });
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < openings.length; i += 500) {
        const chunk = openings.slice(i, i + 500);
        await trx.insertInto('stockMovements').values(chunk.map((o) => ({
          id: newId(), at: `${from}T00:00:00.000Z`, kind: 'opening', productId: o.m.productId, warehouseId: o.m.warehouseId, binId: null, quantity: o.quantity, unitCost: o.unitCost,
          costAmount: o.quantity * o.unitCost, sourceType: 'stock_adjustment', sourceId: 'bench-opening', sourceLineId: null, reason: 'bench', actorType: 'system', actorId: null, actorName: 'bench',
        }))).execute();
        await trx.insertInto('stockLevels').values(chunk.map((o) => ({ productId: o.m.productId, warehouseId: o.m.warehouseId, onHand: o.onHand, reserved: 0, updatedAt: now }))).execute();
      }
      const perProduct = new Map<string, { quantity: number; value: number }>();
      for (const o of openings) {
        const p = perProduct.get(o.m.productId) ?? { quantity: 0, value: 0 };
        p.quantity += o.onHand;
        p.value += Math.max(0, o.value);
        perProduct.set(o.m.productId, p);
      }
      const rows = [...perProduct.entries()].map(([productId, p]) => ({ productId, quantity: p.quantity, value: p.value, lastDelta: 0, updatedAt: now }));
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('productCosts').values(rows.slice(i, i + 500)).execute();
    });
    // The ledger's monthly rollup, as changeStock keeps it (the movements above went in directly).
    await rebuildStockMonths(db);
    // The state a running database is in: statistics, and on PostgreSQL the visibility map
    // autovacuum keeps after a bulk load (index-only scans need it).
    await sql`${sql.raw(database.dialect === 'postgres' ? 'vacuum analyze' : 'analyze')}`.execute(db);
    return { lines: written, orders, returns, from, to: addDays(from, opts.days - 1), categoryIds };
  } finally {
    await database.close();
  }
}
