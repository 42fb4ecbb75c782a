import { sql } from 'kysely';
import type { Db, DbOrTx } from '../../db/create-db.js';
import { businessDate } from '../../platform/clock.js';
import { dropPrefixes, prefixDifferences, prefixSpecs } from '../../platform/rollup-prefixes.js';
import { addToRollups, recordHistoryFacts, recordReturnFacts, recordShipmentFacts } from './sales-facts.js';
import { rebuildStockMonths, stockMonthDifferences } from '../inventory/stock-months.js';

// `npm run jxc -- analytics-verify | analytics-rebuild`: checks that every rollup row equals the sum
// of its facts, and rebuilds facts, rollups and order facts from the documents (a database that had
// orders before migration 0016, or after a repair). Imported history's facts are kept (a stated cost
// and a history return live only on them); history orders without facts get them. The ledger's
// monthly rollup (stock_value_months) is checked against the movements and refilled from them; the
// running totals made from the rollups (rollup_prefix_months) are checked, and dropped on a rebuild.

type Mismatch = { table: string; key: string; expected: Record<string, number> | null; actual: Record<string, number> | null };

const measures = ['quantity', 'net', 'cost', 'costed_net', 'returned_quantity', 'returned_net', 'lines'] as const;
const factMeasures = sql.raw([
  `sum(case when kind = 'sale' then quantity else 0 end) as quantity`, `sum(case when kind = 'sale' then net else 0 end) as net`, `sum(cost) as cost`,
  `sum(case when costed = 1 then net else 0 end) as costed_net`, `sum(case when kind = 'return' then -quantity else 0 end) as returned_quantity`,
  `sum(case when kind = 'return' then -net else 0 end) as returned_net`, `count(*) as lines`,
].join(', '));

const rollups = [
  { table: 'sales_daily', keys: ['day', 'warehouse_id', 'category_id'], fromFacts: ['day', 'warehouse_id', 'category_id'] },
  { table: 'sales_monthly_products', keys: ['month', 'warehouse_id', 'product_id', 'category_id'], fromFacts: ['substr(day, 1, 7)', 'warehouse_id', 'product_id', 'category_id'] },
  { table: 'sales_monthly_customers', keys: ['month', 'warehouse_id', 'customer_id', 'category_id'], fromFacts: ['substr(day, 1, 7)', 'warehouse_id', 'customer_id', 'category_id'] },
  { table: 'sales_monthly_customer_totals', keys: ['month', 'warehouse_id', 'customer_id'], fromFacts: ['substr(day, 1, 7)', 'warehouse_id', 'customer_id'] },
  { table: 'sales_monthly_product_totals', keys: ['month', 'product_id'], fromFacts: ['substr(day, 1, 7)', 'product_id'] },
];

/** Every rollup row against the sums of its facts, both ways (a row with no facts, facts with no row). */
export async function verifyAnalytics(db: DbOrTx): Promise<{ ok: boolean; checked: number; mismatches: Mismatch[] }> {
  const mismatches: Mismatch[] = [];
  let checked = 0;
  for (const r of rollups) {
    // Raw SQL: the rollups' snake_case columns, the same on both databases.
    const keyOf = (row: Record<string, unknown>) => r.keys.map((k) => String(row[`k${r.keys.indexOf(k)}`])).join(' / ');
    const want = await sql<Record<string, unknown>>`select ${sql.raw(r.fromFacts.map((e, i) => `${e} as k${i}`).join(', '))}, ${factMeasures} from sales_facts group by ${sql.raw(r.fromFacts.map((_, i) => String(i + 1)).join(', '))}`.execute(db);
    const have = await sql<Record<string, unknown>>`select ${sql.raw(r.keys.map((k, i) => `${k} as k${i}`).join(', '))}, ${sql.raw(measures.join(', '))} from ${sql.table(r.table)}`.execute(db);
    const values = (row: Record<string, unknown>) => Object.fromEntries(measures.map((m) => [m, Number(row[m] ?? row[m.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] ?? 0)]));
    const wanted = new Map(want.rows.map((x) => [keyOf(x), values(x)]));
    for (const row of have.rows) {
      checked += 1;
      const k = keyOf(row);
      const got = values(row);
      const exp = wanted.get(k) ?? null;
      wanted.delete(k);
      const empty = measures.every((m) => got[m] === 0);
      if (exp ? measures.some((m) => exp[m] !== got[m]) : !empty) mismatches.push({ table: r.table, key: k, expected: exp, actual: got });
    }
    for (const [k, exp] of wanted) mismatches.push({ table: r.table, key: k, expected: exp, actual: null });
  }
  // The ledger's monthly rollup against the movements.
  checked += Number((await db.selectFrom('stockValueMonths').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  for (const d of await stockMonthDifferences(db, 100)) {
    mismatches.push({ table: 'stock_value_months', key: `${d.month} / ${d.productId} / ${d.warehouseId}`, expected: { quantity: d.movedQuantity, value: d.movedValue }, actual: { quantity: d.rollupQuantity, value: d.rollupValue } });
  }
  // The last sale of each product × warehouse (slow-moving) against the facts, both ways.
  const { rows: lastSales } = await sql<{ productId: string; warehouseId: string; kept: string | null; fromFacts: string | null }>`
    select coalesce(l.product_id, x.product_id) as "productId", coalesce(l.warehouse_id, x.warehouse_id) as "warehouseId", l.last_day as kept, x.last_day as "fromFacts"
    from product_last_sales l full join (select product_id, warehouse_id, max(day) as last_day from sales_facts where kind = 'sale' group by product_id, warehouse_id) x
      on x.product_id = l.product_id and x.warehouse_id = l.warehouse_id
    where l.last_day is null or x.last_day is null or l.last_day <> x.last_day limit 100`.execute(db);
  for (const r of lastSales) mismatches.push({ table: 'product_last_sales', key: `${r.productId} / ${r.warehouseId}`, expected: r.fromFacts ? { lastDay: Number(r.fromFacts.replaceAll('-', '')) } : null, actual: r.kept ? { lastDay: Number(r.kept.replaceAll('-', '')) } : null });
  // Running totals made from the rollups (platform/rollup-prefixes.ts) against the rollups summed.
  for (const d of await prefixDifferences(db, 100)) {
    mismatches.push({ table: prefixTables[d.rollup] ?? d.rollup, key: `${d.month} / ${d.key} / ${d.measure}`, expected: { [d.measure]: d.summed }, actual: { [d.measure]: d.prefix } });
  }
  return { ok: mismatches.length === 0, checked, mismatches };
}
const prefixTables: Record<string, string> = Object.fromEntries(Object.values(prefixSpecs).map((s) => [s.name, s.prefix]));

/** Rebuilds every fact and rollup from the documents, in one transaction. */
export async function rebuildAnalytics(db: Db): Promise<{ saleLines: number; historyOrders: number; returnLines: number; orders: number }> {
  return db.transaction().execute(async (trx) => {
    // Order facts: every order that was ever confirmed (history included); backordered at confirmation is not known afterwards.
    const orders = await trx.selectFrom('salesOrders').select(['id', 'customerId', 'warehouseId', 'requestedDate', 'net', 'orderDate', 'createdAt', 'status', 'shippedDate'])
      .where('confirmedAt', 'is not', null).execute();
    const shippedOrderIds = new Set((await trx.selectFrom('shipments').select('orderId').distinct().execute()).map((s) => s.orderId));
    const historyIds = new Set(orders.filter((o) => o.status === 'closed' && o.shippedDate !== null && !shippedOrderIds.has(o.id)).map((o) => o.id));
    // Imported history's facts are kept as they are: a stated cost and a history return live only there.
    const kept = (await trx.selectFrom('salesFacts').selectAll().execute()).filter((f) => f.sourceType === 'import' || (f.kind === 'return' && historyIds.has(f.orderId)));
    const keptIds = new Set(kept.map((f) => f.id));
    const stale = (await trx.selectFrom('salesFacts').select('id').execute()).map((f) => f.id).filter((id) => !keptIds.has(id));
    for (let i = 0; i < stale.length; i += 500) await trx.deleteFrom('salesFacts').where('id', 'in', stale.slice(i, i + 500)).execute();
    for (const t of ['salesDaily', 'salesMonthlyProducts', 'salesMonthlyCustomers', 'salesMonthlyCustomerTotals', 'salesMonthlyProductTotals', 'productLastSales', 'orderFacts'] as const) await trx.deleteFrom(t).execute();
    await dropPrefixes(trx, [prefixSpecs.salesProducts, prefixSpecs.salesCustomers]);
    const asFact = ({ id: _id, ...f }: (typeof kept)[number]) => ({ ...f, quantity: Number(f.quantity), net: Number(f.net), cost: Number(f.cost), costed: Number(f.costed) });
    for (let i = 0; i < kept.length; i += 2000) await addToRollups(trx, kept.slice(i, i + 2000).map(asFact));
    const historyWithFacts = new Set(kept.filter((f) => f.kind === 'sale').map((f) => f.orderId));
    const lineCounts = new Map((await trx.selectFrom('salesOrderLines').select(['orderId', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('orderId').execute()).map((r) => [r.orderId, Number(r.n)]));
    const shipments = await trx.selectFrom('shipments as s').innerJoin('shipmentLines as l', 'l.shipmentId', 's.id')
      .select(['s.number', 's.orderId', 's.shippedAt', 'l.orderLineId', 'l.quantity', 'l.costAmount']).orderBy('s.shippedAt').orderBy('s.number').execute();
    const shippedOrders = new Set(shipments.map((s) => s.orderId));
    for (let i = 0; i < orders.length; i += 300) {
      await trx.insertInto('orderFacts').values(orders.slice(i, i + 300).map((o) => {
        const history = o.status === 'closed' && o.shippedDate !== null && !shippedOrders.has(o.id);
        return {
          orderId: o.id, orderDay: o.orderDate ?? businessDate(new Date(o.createdAt)), customerId: o.customerId, warehouseId: o.warehouseId, requestedDate: o.requestedDate, net: Number(o.net),
          lineCount: lineCounts.get(o.id) ?? 0, backordered: 0, firstShipDay: history ? o.shippedDate : null, shippedDay: history ? o.shippedDate : null,
          returned: 0, cancelled: o.status === 'cancelled' ? 1 : 0, history: history ? 1 : 0,
        };
      })).execute();
    }
    // Shipments in the order they left, each line's share cumulative over its shipments.
    const shippedBefore = new Map<string, number>();
    const byShipment = new Map<string, typeof shipments>();
    for (const s of shipments) byShipment.set(s.number, [...(byShipment.get(s.number) ?? []), s]);
    for (const [number, lines] of byShipment) {
      const day = businessDate(new Date(lines[0].shippedAt));
      await recordShipmentFacts(trx, day, { type: 'shipment', id: number }, lines.map((l) => {
        const before = shippedBefore.get(l.orderLineId) ?? 0;
        shippedBefore.set(l.orderLineId, before + Number(l.quantity));
        return { lineId: l.orderLineId, quantity: Number(l.quantity), shippedBefore: before, cost: Number(l.costAmount) };
      }));
    }
    const totals = await trx.selectFrom('shipmentLines as l').innerJoin('salesOrderLines as ol', 'ol.id', 'l.orderLineId')
      .select(['ol.orderId', (eb) => eb.fn.sum<number>('l.quantity').as('q')]).groupBy('ol.orderId').execute();
    const ordered = new Map((await trx.selectFrom('salesOrderLines').select(['orderId', (eb) => eb.fn.sum<number>('baseQuantity').as('q')]).groupBy('orderId').execute()).map((r) => [r.orderId, Number(r.q)]));
    const days = new Map<string, string[]>();
    for (const s of shipments) days.set(s.orderId, [...(days.get(s.orderId) ?? []), businessDate(new Date(s.shippedAt))]);
    for (const t of totals) {
      const d = days.get(t.orderId) ?? [];
      const complete = Number(t.q) >= (ordered.get(t.orderId) ?? Infinity);
      await trx.updateTable('orderFacts').set({ firstShipDay: d[0] ?? null, shippedDay: complete ? d[d.length - 1] : null }).where('orderId', '=', t.orderId).execute();
    }
    // Imported history: sold on the ship date.
    const history = orders.filter((o) => historyIds.has(o.id));
    const missing = history.filter((o) => !historyWithFacts.has(o.id));
    const refs = new Map((await trx.selectFrom('salesOrders').select(['id', 'externalRef']).where('id', 'in', missing.length ? missing.map((o) => o.id) : ['']).execute()).map((r) => [r.id, r.externalRef]));
    for (const o of missing) await recordHistoryFacts(trx, o.id, o.shippedDate!, { type: 'import', id: refs.get(o.id) ?? o.id });
    const historyReturned = [...new Set(kept.filter((f) => f.kind === 'return').map((f) => f.orderId))];
    for (let i = 0; i < historyReturned.length; i += 500) await trx.updateTable('orderFacts').set({ returned: 1 }).where('orderId', 'in', historyReturned.slice(i, i + 500)).execute();
    // Inspected returns, on the day they were inspected.
    const returned = await trx.selectFrom('salesReturnLines as l').innerJoin('salesReturns as r', 'r.id', 'l.returnId')
      .innerJoin('salesReturnHistory as h', (j) => j.onRef('h.returnId', '=', 'r.id').on('h.toStatus', '=', 'inspected'))
      .select(['r.number', 'r.orderId', 'h.at', 'l.orderLineId', 'l.received', 'l.disposition', 'l.costAmount'])
      .where('l.disposition', 'is not', null).where('l.received', '>', 0).orderBy('h.at').orderBy('r.number').execute();
    const costed = new Set(shipments.map((s) => s.orderLineId));
    const byReturn = new Map<string, typeof returned>();
    for (const l of returned) byReturn.set(l.number, [...(byReturn.get(l.number) ?? []), l]);
    for (const [number, lines] of byReturn) {
      await recordReturnFacts(trx, businessDate(new Date(lines[0].at)), { type: 'sales_return', id: number }, lines.map((l) => ({
        orderLineId: l.orderLineId, quantity: Number(l.received), restockedCost: l.disposition === 'scrap' ? 0 : Number(l.costAmount ?? 0), costed: costed.has(l.orderLineId),
      })));
      await trx.updateTable('orderFacts').set({ returned: 1 }).where('orderId', '=', lines[0].orderId).execute();
    }
    await rebuildStockMonths(trx);
    return { saleLines: shipments.length, historyOrders: history.length, returnLines: returned.length, orders: orders.length };
  });
}
