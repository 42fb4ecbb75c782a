import { forgetPrefixesAfter, prefixSpecs } from '../../platform/rollup-prefixes.js';
import { sql, type Compilable } from 'kysely';
import { prepared, type Prepared } from '../../db/prepared.js';
import type { DbOrTx, Tx } from '../../db/create-db.js';
import type { RollupMeasures, SalesFactTable } from '../../db/schema-analytics.js';
import { newId } from '../../platform/ids.js';

// Sales facts and their rollups, written in the caller's transaction (docs/metrics.md): a shipment,
// an imported history order or an inspected return adds facts, and the same statements add them
// to the daily and monthly rollups, so every figure read from a rollup equals the sum of its facts.

export type SaleFact = Omit<SalesFactTable, 'id'>;

/** The revenue of `part` units out of a line of `whole` units worth `net`, cumulative so the parts add up to net exactly. */
export function shareOf(net: number, whole: number, before: number, part: number): number {
  if (whole <= 0) return 0;
  const at = (units: number) => Number(halfUp(BigInt(net) * BigInt(units), BigInt(whole)));
  return at(before + part) - at(before);
}

/** a / b rounded half away from zero (b > 0). */
function halfUp(a: bigint, b: bigint): bigint {
  const q = (2n * (a < 0n ? -a : a) + b) / (2n * b);
  return a < 0n ? -q : q;
}

/** What one fact adds to a rollup row. */
function measuresOf(f: SaleFact): RollupMeasures {
  const sale = f.kind === 'sale';
  return {
    quantity: sale ? f.quantity : 0, net: sale ? f.net : 0, cost: f.cost, costedNet: f.costed ? f.net : 0,
    returnedQuantity: sale ? 0 : -f.quantity, returnedNet: sale ? 0 : -f.net, lines: 1,
  };
}

const measureKeys = ['quantity', 'net', 'cost', 'costedNet', 'returnedQuantity', 'returnedNet', 'lines'] as const;
const measureColumns: Record<(typeof measureKeys)[number], string> = {
  quantity: 'quantity', net: 'net', cost: 'cost', costedNet: 'costed_net', returnedQuantity: 'returned_quantity', returnedNet: 'returned_net', lines: 'lines',
};

function addInto<K extends Record<string, string>>(groups: Map<string, K & RollupMeasures>, keys: K, m: RollupMeasures) {
  const k = Object.values(keys).join('\u0001');
  const g = groups.get(k);
  if (!g) { groups.set(k, { ...keys, ...m }); return; }
  for (const key of measureKeys) g[key] += m[key];
}

type RollupTable = 'salesDaily' | 'salesMonthlyProducts' | 'salesMonthlyCustomers' | 'salesMonthlyCustomerTotals' | 'salesMonthlyProductTotals';
const tableNames: Record<RollupTable, string> = {
  salesDaily: 'sales_daily', salesMonthlyProducts: 'sales_monthly_products', salesMonthlyCustomers: 'sales_monthly_customers', salesMonthlyCustomerTotals: 'sales_monthly_customer_totals',
  salesMonthlyProductTotals: 'sales_monthly_product_totals',
};
const keyColumns = {
  salesDaily: ['day', 'warehouseId', 'categoryId'],
  salesMonthlyProducts: ['month', 'warehouseId', 'productId', 'categoryId'],
  salesMonthlyCustomers: ['month', 'warehouseId', 'customerId', 'categoryId'],
  salesMonthlyCustomerTotals: ['month', 'warehouseId', 'customerId'],
  salesMonthlyProductTotals: ['month', 'productId'],
} as const;

/** Per rollup: an upsert adding grouped measures, compiled once per number of rows (prepared). */
const upserts = Object.fromEntries((Object.keys(tableNames) as RollupTable[]).map((table) => {
  const name = tableNames[table];
  const set = Object.fromEntries(measureKeys.map((k) => [k, sql`${sql.raw(`${name}.${measureColumns[k]}`)} + ${sql.raw(`excluded.${measureColumns[k]}`)}`]));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return [table, prepared((db, rows: object[]) => (db.insertInto(table) as any).values(rows).onConflict((oc: any) => oc.columns([...keyColumns[table]]).doUpdateSet(set)) as Compilable<unknown>)];
})) as Record<RollupTable, Prepared<object[], unknown>>;

/** Adds grouped measures to a rollup: one upsert statement per 300 rows. */
async function upsert(trx: Tx, table: RollupTable, rows: object[]) {
  for (let i = 0; i < rows.length; i += 300) await upserts[table].affected(trx, rows.slice(i, i + 300));
}

const insertFacts = prepared((db, rows: SalesFactTable[]) => db.insertInto('salesFacts').values(rows));
const upsertLastSales = prepared((db, rows: Array<{ productId: string; warehouseId: string; lastDay: string }>) => db.insertInto('productLastSales').values(rows)
  .onConflict((oc) => oc.columns(['productId', 'warehouseId']).doUpdateSet({
    lastDay: sql`case when excluded.last_day > product_last_sales.last_day then excluded.last_day else product_last_sales.last_day end`,
  })));

/** Writes facts and adds them to every rollup, in the caller's transaction. */
export async function recordFacts(trx: Tx, facts: SaleFact[]): Promise<void> {
  if (facts.length === 0) return;
  for (let i = 0; i < facts.length; i += 500) {
    await insertFacts.affected(trx, facts.slice(i, i + 500).map((f) => ({ id: newId(), ...f })));
  }
  await addToRollups(trx, facts);
}

/** Adds facts (written already) to every rollup. */
export async function addToRollups(trx: Tx, facts: SaleFact[]): Promise<void> {
  const daily = new Map<string, { day: string; warehouseId: string; categoryId: string } & RollupMeasures>();
  const products = new Map<string, { month: string; warehouseId: string; productId: string; categoryId: string } & RollupMeasures>();
  const customers = new Map<string, { month: string; warehouseId: string; customerId: string; categoryId: string } & RollupMeasures>();
  const customerTotals = new Map<string, { month: string; warehouseId: string; customerId: string } & RollupMeasures>();
  const productTotals = new Map<string, { month: string; productId: string } & RollupMeasures>();
  for (const f of facts) {
    const m = measuresOf(f);
    const month = f.day.slice(0, 7);
    addInto(daily, { day: f.day, warehouseId: f.warehouseId, categoryId: f.categoryId }, m);
    addInto(products, { month, warehouseId: f.warehouseId, productId: f.productId, categoryId: f.categoryId }, m);
    addInto(customers, { month, warehouseId: f.warehouseId, customerId: f.customerId, categoryId: f.categoryId }, m);
    addInto(customerTotals, { month, warehouseId: f.warehouseId, customerId: f.customerId }, m);
    addInto(productTotals, { month, productId: f.productId }, m);
  }
  await upsert(trx, 'salesDaily', [...daily.values()]);
  await upsert(trx, 'salesMonthlyProducts', [...products.values()]);
  await upsert(trx, 'salesMonthlyCustomers', [...customers.values()]);
  await upsert(trx, 'salesMonthlyCustomerTotals', [...customerTotals.values()]);
  await upsert(trx, 'salesMonthlyProductTotals', [...productTotals.values()]);
  if (facts.length) await forgetPrefixesAfter(trx, [prefixSpecs.salesProducts, prefixSpecs.salesCustomers], facts.reduce((m, f) => (f.day < m ? f.day : m), facts[0].day).slice(0, 7));
  const last = new Map<string, { productId: string; warehouseId: string; lastDay: string }>();
  for (const f of facts) {
    if (f.kind !== 'sale') continue;
    const k = `${f.productId}\u0001${f.warehouseId}`;
    const have = last.get(k);
    if (!have || have.lastDay < f.day) last.set(k, { productId: f.productId, warehouseId: f.warehouseId, lastDay: f.day });
  }
  const rows = [...last.values()];
  for (let i = 0; i < rows.length; i += 500) {
    await upsertLastSales.affected(trx, rows.slice(i, i + 500));
  }
}

const lineFacts = prepared((db, a: { ids: string[] }) => db.selectFrom('salesOrderLines as l').innerJoin('salesOrders as o', 'o.id', 'l.orderId').innerJoin('products as p', 'p.id', 'l.productId')
  .select(['l.id', 'l.orderId', 'l.productId', 'l.warehouseId', 'l.net', 'l.baseQuantity', 'o.customerId', 'p.categoryId'])
  .where('l.id', 'in', a.ids));

/** Order lines with what analytics needs of them: revenue, units, customer, category. */
async function orderLineFacts(db: DbOrTx, lineIds: string[]) {
  if (lineIds.length === 0) return new Map<string, never>();
  const rows = await lineFacts.rows(db, { ids: lineIds });
  return new Map(rows.map((r) => [r.id, { ...r, net: Number(r.net), baseQuantity: Number(r.baseQuantity), categoryId: r.categoryId ?? '' }]));
}

/**
 * The facts of a shipment: per line the units, their share of the line's revenue (cumulative over
 * the line's shipments, so a line shipped in parts adds up to its revenue) and their cost of goods.
 * `shippedBefore` is each line's shipped units before this shipment.
 */
export async function recordShipmentFacts(
  trx: Tx, day: string, source: { type: string; id: string }, lines: Array<{ lineId: string; quantity: number; shippedBefore: number; cost: number }>,
): Promise<void> {
  const info = await orderLineFacts(trx, lines.map((l) => l.lineId));
  await recordFacts(trx, lines.map((s) => {
    const l = info.get(s.lineId)!;
    return {
      day, kind: 'sale', orderId: l.orderId, orderLineId: l.id, customerId: l.customerId, productId: l.productId, categoryId: l.categoryId, warehouseId: l.warehouseId,
      quantity: s.quantity, net: shareOf(l.net, l.baseQuantity, s.shippedBefore, s.quantity), cost: s.cost, costed: 1, sourceType: source.type, sourceId: source.id,
    };
  }));
}

/** The facts of an order imported as history: every line sold on its ship date; cost known (costed) only for the lines in `costs` (line id → fen). */
export async function historyFacts(trx: Tx, orderId: string, day: string, source: { type: string; id: string }, costs: ReadonlyMap<string, number> = new Map()): Promise<SaleFact[]> {
  const rows = await trx.selectFrom('salesOrderLines as l').innerJoin('salesOrders as o', 'o.id', 'l.orderId').innerJoin('products as p', 'p.id', 'l.productId')
    .select(['l.id', 'l.productId', 'l.warehouseId', 'l.net', 'l.baseQuantity', 'o.customerId', 'p.categoryId']).where('l.orderId', '=', orderId).execute();
  return rows.map((l) => ({
    day, kind: 'sale', orderId, orderLineId: l.id, customerId: l.customerId, productId: l.productId, categoryId: l.categoryId ?? '', warehouseId: l.warehouseId,
    quantity: Number(l.baseQuantity), net: Number(l.net), cost: costs.get(l.id) ?? 0, costed: costs.has(l.id) ? 1 : 0, sourceType: source.type, sourceId: source.id,
  }));
}

/** Writes the facts of an order imported as history (historyFacts) and adds them to the rollups. */
export async function recordHistoryFacts(trx: Tx, orderId: string, day: string, source: { type: string; id: string }, costs: ReadonlyMap<string, number> = new Map()): Promise<void> {
  await recordFacts(trx, await historyFacts(trx, orderId, day, source, costs));
}

/**
 * The facts of an inspected return: per line the units back (negative), their share of the sold
 * line's revenue (cumulative over the line's returns) and, for goods restocked, the cost of goods
 * taken back. Scrapped goods keep their cost in the sales' cost of goods.
 */
export async function recordReturnFacts(
  trx: Tx, day: string, source: { type: string; id: string }, lines: Array<{ orderLineId: string; quantity: number; restockedCost: number; costed: boolean }>,
): Promise<void> {
  const ids = lines.map((l) => l.orderLineId);
  const info = await orderLineFacts(trx, ids);
  const before = new Map((await trx.selectFrom('salesFacts').select(['orderLineId', (eb) => eb.fn.sum<number>('quantity').as('q')])
    .where('orderLineId', 'in', ids).where('kind', '=', 'return').groupBy('orderLineId').execute()).map((r) => [r.orderLineId, -Number(r.q)]));
  await recordFacts(trx, lines.map((s) => {
    const l = info.get(s.orderLineId)!;
    const returned = before.get(s.orderLineId) ?? 0;
    before.set(s.orderLineId, returned + s.quantity);
    return {
      day, kind: 'return', orderId: l.orderId, orderLineId: l.id, customerId: l.customerId, productId: l.productId, categoryId: l.categoryId, warehouseId: l.warehouseId,
      quantity: -s.quantity, net: -shareOf(l.net, l.baseQuantity, returned, s.quantity), cost: -s.restockedCost, costed: s.costed ? 1 : 0, sourceType: source.type, sourceId: source.id,
    };
  }));
}
