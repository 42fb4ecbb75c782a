import { sql } from 'kysely';
import type { Db, DbOrTx } from '../../db/create-db.js';
import { DomainError } from '../../platform/errors.js';
import { paginate, searchWhere } from '../../platform/list.js';
import { paidFor, type ReturnStatus } from './sales-return.js';
import type { ReturnView } from './sales-return.schemas.js';

const headQuery = (db: DbOrTx) => db.selectFrom('salesReturns as r')
  .innerJoin('salesOrders as o', 'o.id', 'r.orderId')
  .innerJoin('customers as c', 'c.id', 'r.customerId')
  .select(['r.id', 'r.number', 'r.orderId', 'o.number as orderNumber', 'r.customerId', 'c.name as customerName', 'r.status', 'r.source', 'r.note', 'r.lineCount',
    'r.requestedValue', 'r.approvalRole', 'r.approvalReasons', 'r.decisionComment', 'r.decidedBy', 'r.writeOffAmount', 'r.refundAmount', 'r.restockingFee',
    'r.refundMethod', 'r.refundReference', 'r.exchangeOrderId', 'r.actorName', 'r.createdAt', 'r.updatedAt']);

type Head = Awaited<ReturnType<ReturnType<typeof headQuery>['executeTakeFirstOrThrow']>>;
const num = (v: number | null) => (v == null ? null : Number(v));
const shape = (r: Head) => ({
  ...r, status: r.status as ReturnStatus, lineCount: Number(r.lineCount), requestedValue: Number(r.requestedValue), writeOffAmount: Number(r.writeOffAmount),
  refundAmount: num(r.refundAmount), restockingFee: num(r.restockingFee), approvalReasons: r.approvalReasons ? (JSON.parse(r.approvalReasons) as string[]) : [],
});

/** One sales return with its lines, what is refundable and its history. */
export async function getSalesReturn(db: DbOrTx, id: string): Promise<ReturnView> {
  const r = await headQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!r) throw new DomainError('NOT_FOUND', { entity: 'salesReturn' });
  const lines = await db.selectFrom('salesReturnLines as l').innerJoin('products as p', 'p.id', 'l.productId').innerJoin('salesOrderLines as ol', 'ol.id', 'l.orderLineId')
    .select(['l.id', 'l.lineNo', 'l.orderLineId', 'l.productId', 'p.sku', 'p.name as productName', 'p.baseUnit', 'l.unitName', 'l.factor', 'l.quantity', 'l.baseQuantity',
      'l.reason', 'l.note', 'l.paidAmount', 'l.received', 'l.grade', 'l.disposition', 'l.warehouseId', 'l.unitCost', 'l.costAmount', 'l.writeOffAmount',
      'ol.total as orderLineTotal', 'ol.baseQuantity as orderLineQuantity'])
    .where('l.returnId', '=', id).orderBy('l.lineNo').execute();
  const history = await db.selectFrom('salesReturnHistory').select(['at', 'action', 'fromStatus', 'toStatus', 'comment', 'actorName'])
    .where('returnId', '=', id).orderBy('at').orderBy('id').execute();
  const refundable = lines.reduce((s, l) => s + paidFor(Number(l.orderLineTotal), Number(l.orderLineQuantity), Number(l.received)), 0);
  return {
    ...shape(r), refundable, history,
    lines: lines.map(({ orderLineTotal: _t, orderLineQuantity: _q, ...l }) => ({
      ...l, factor: Number(l.factor), quantity: Number(l.quantity), baseQuantity: Number(l.baseQuantity), paidAmount: Number(l.paidAmount), received: Number(l.received),
      unitCost: num(l.unitCost), costAmount: num(l.costAmount), writeOffAmount: Number(l.writeOffAmount),
    })),
  };
}

/** Sales returns, newest first, by status, customer, order and creation date. */
export async function listSalesReturns(db: Db, f: { q?: string; page: number; pageSize: number; status?: string[]; customerId?: string; orderId?: string; from?: string; to?: string }) {
  let q = headQuery(db);
  q = searchWhere(q, f.q, ['r.number', 'o.number', 'c.name']);
  if (f.status?.length) q = q.where('r.status', 'in', f.status);
  if (f.customerId) q = q.where('r.customerId', '=', f.customerId);
  if (f.orderId) q = q.where('r.orderId', '=', f.orderId);
  if (f.from) q = q.where('r.createdAt', '>=', f.from);
  if (f.to) q = q.where('r.createdAt', '<', `${f.to}T99`);
  const page = await paginate(q, q.orderBy('r.createdAt', 'desc').orderBy('r.number', 'desc'), f);
  return { ...page, items: page.items.map(shape) };
}

/**
 * Return rate per product, category or reason: base units asked back on returns neither rejected
 * nor cancelled (once inspected, what was received), over base units shipped, for shipments (and
 * returns) in the date range.
 */
export async function returnRates(db: Db, f: { groupBy: 'product' | 'category' | 'reason'; from?: string; to?: string }) {
  const to = f.to ? `${f.to}T99` : undefined;
  let shippedQ = db.selectFrom('shipmentLines as sl').innerJoin('shipments as s', 's.id', 'sl.shipmentId').innerJoin('products as p', 'p.id', 'sl.productId')
    .select(['p.id as productId', 'p.categoryId', sql<number>`sum(sl.quantity)`.as('qty')]).groupBy(['p.id', 'p.categoryId']);
  if (f.from) shippedQ = shippedQ.where('s.shippedAt', '>=', f.from);
  if (to) shippedQ = shippedQ.where('s.shippedAt', '<', to);
  let returnedQ = db.selectFrom('salesReturnLines as l').innerJoin('salesReturns as r', 'r.id', 'l.returnId').innerJoin('products as p', 'p.id', 'l.productId')
    .select(['p.id as productId', 'p.categoryId', 'l.reason', sql<number>`sum(case when r.status in ('inspected', 'refunded', 'closed') then l.received else l.base_quantity end)`.as('qty')])
    .where('r.status', 'not in', ['rejected', 'cancelled']).groupBy(['p.id', 'p.categoryId', 'l.reason']);
  if (f.from) returnedQ = returnedQ.where('r.createdAt', '>=', f.from);
  if (to) returnedQ = returnedQ.where('r.createdAt', '<', to);
  const [shipped, returned] = await Promise.all([shippedQ.execute(), returnedQ.execute()]);
  const keyOf = (r: { productId: string; categoryId: string | null; reason?: string }) => (f.groupBy === 'product' ? r.productId : f.groupBy === 'category' ? r.categoryId : r.reason ?? null);
  const groups = new Map<string | null, { returned: number; shipped: number }>();
  const add = (k: string | null, field: 'returned' | 'shipped', n: number) => {
    const g = groups.get(k) ?? { returned: 0, shipped: 0 };
    g[field] += n;
    groups.set(k, g);
  };
  for (const r of returned) add(keyOf(r), 'returned', Number(r.qty));
  const totalShipped = shipped.reduce((s, r) => s + Number(r.qty), 0);
  if (f.groupBy === 'reason') for (const g of groups.values()) g.shipped = totalShipped;
  else for (const r of shipped) add(keyOf(r), 'shipped', Number(r.qty));
  const names = await groupNames(db, f.groupBy, [...groups.keys()].filter((k): k is string => k !== null));
  const items = [...groups.entries()].map(([key, g]) => ({ key, name: key === null ? '—' : names.get(key) ?? key, ...g, rate: g.shipped ? Math.round((g.returned / g.shipped) * 10000) / 10000 : 0 }));
  return { groupBy: f.groupBy, items: items.sort((a, b) => b.rate - a.rate || b.returned - a.returned || a.name.localeCompare(b.name)) };
}

async function groupNames(db: Db, groupBy: string, keys: string[]): Promise<Map<string, string>> {
  if (!keys.length || groupBy === 'reason') return new Map();
  if (groupBy === 'product') return new Map((await db.selectFrom('products').select(['id', 'sku', 'name']).where('id', 'in', keys).execute()).map((p) => [p.id, `${p.sku} ${p.name}`]));
  return new Map((await db.selectFrom('categories').select(['id', 'name']).where('id', 'in', keys).execute()).map((c) => [c.id, c.name]));
}
