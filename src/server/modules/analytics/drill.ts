import type { DbOrTx } from '../../db/create-db.js';
import { businessDate } from '../../platform/clock.js';
import { daysBetween, type Filters } from './filters.js';
import { salesBy, zero } from './sales-source.js';

// The documents behind a figure: the sold and returned lines (sales figures) and the orders
// (fulfilment figures), with the same filters, so their sums are the figure.

export type SalesDrill = { kind?: 'sale' | 'return'; page: number; pageSize: number };

export async function salesLines(db: DbOrTx, f: Filters, d: SalesDrill) {
  let q = db.selectFrom('salesFacts as x').where('x.day', '>=', f.from).where('x.day', '<=', f.to);
  if (f.warehouseId) q = q.where('x.warehouseId', '=', f.warehouseId);
  if (f.categoryIds) q = q.where('x.categoryId', 'in', f.categoryIds);
  if (f.customerId) q = q.where('x.customerId', '=', f.customerId);
  if (f.productId) q = q.where('x.productId', '=', f.productId);
  if (d.kind) q = q.where('x.kind', '=', d.kind);
  // The count and sums: from the rollups (the same facts summed) unless one kind is asked for.
  const totals = d.kind ? await q.select([
    (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('x.net').as('net'), (eb) => eb.fn.sum<number>('x.cost').as('cost'), (eb) => eb.fn.sum<number>('x.quantity').as('quantity'),
  ]).executeTakeFirstOrThrow() : await (async () => {
    const m = [...(await salesBy(db, f, 'none')).values()][0] ?? zero();
    return { n: m.lines, net: m.net - m.returnedNet, cost: m.cost, quantity: m.quantity - m.returnedQuantity };
  })();
  const rows = await q.innerJoin('salesOrders as o', 'o.id', 'x.orderId').innerJoin('customers as c', 'c.id', 'x.customerId').innerJoin('products as p', 'p.id', 'x.productId')
    .innerJoin('warehouses as w', 'w.id', 'x.warehouseId')
    .select(['x.id', 'x.day', 'x.kind', 'x.orderId', 'o.number as orderNumber', 'o.externalRef', 'x.sourceType', 'x.sourceId as document', 'x.customerId', 'c.name as customerName',
      'x.productId', 'p.sku', 'p.name as productName', 'x.warehouseId', 'w.name as warehouseName', 'x.quantity', 'x.net', 'x.cost', 'x.costed'])
    .orderBy('x.day', 'desc').orderBy('x.id', 'desc').limit(d.pageSize).offset((d.page - 1) * d.pageSize).execute();
  return {
    total: Number(totals.n), page: d.page, pageSize: d.pageSize,
    sums: { quantity: Number(totals.quantity ?? 0), net: Number(totals.net ?? 0), cost: Number(totals.cost ?? 0) },
    items: rows.map((r) => ({ ...r, quantity: Number(r.quantity), net: Number(r.net), cost: Number(r.cost), costed: Boolean(r.costed) })),
  };
}

export type OrderDrill = { shipped?: boolean; onTime?: boolean; backordered?: boolean; returned?: boolean; late?: boolean; page: number; pageSize: number };

export async function fulfilmentOrders(db: DbOrTx, f: Filters, d: OrderDrill) {
  let q = db.selectFrom('orderFacts as x').where('x.orderDay', '>=', f.from).where('x.orderDay', '<=', f.to).where('x.cancelled', '=', 0);
  if (f.warehouseId) q = q.where('x.warehouseId', '=', f.warehouseId);
  if (f.customerId) q = q.where('x.customerId', '=', f.customerId);
  if (d.shipped !== undefined) q = q.where('x.shippedDay', d.shipped ? 'is not' : 'is', null);
  if (d.onTime !== undefined) {
    q = q.where('x.requestedDate', 'is not', null).where('x.shippedDay', 'is not', null);
    q = q.where((eb) => (d.onTime ? eb('x.shippedDay', '<=', eb.ref('x.requestedDate')) : eb('x.shippedDay', '>', eb.ref('x.requestedDate'))));
  }
  if (d.late) q = q.where('x.shippedDay', 'is', null).where('x.requestedDate', '<', businessDate());
  if (d.backordered !== undefined) q = q.where('x.backordered', '=', d.backordered ? 1 : 0);
  if (d.returned !== undefined) q = q.where('x.returned', '=', d.returned ? 1 : 0);
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.innerJoin('salesOrders as o', 'o.id', 'x.orderId').innerJoin('customers as c', 'c.id', 'x.customerId')
    .select(['x.orderId', 'o.number as orderNumber', 'o.externalRef', 'o.status', 'x.orderDay', 'x.requestedDate', 'x.firstShipDay', 'x.shippedDay', 'x.customerId', 'c.name as customerName',
      'x.net', 'x.lineCount', 'x.backordered', 'x.returned'])
    .orderBy('x.orderDay', 'desc').orderBy('x.orderId', 'desc').limit(d.pageSize).offset((d.page - 1) * d.pageSize).execute();
  return {
    total: Number(n), page: d.page, pageSize: d.pageSize,
    items: rows.map((r) => ({
      ...r, net: Number(r.net), backordered: Boolean(r.backordered), returned: Boolean(r.returned),
      daysToShip: r.shippedDay ? daysBetween(r.orderDay, r.shippedDay) : null,
      onTime: r.shippedDay && r.requestedDate ? r.shippedDay <= r.requestedDate : null,
    })),
  };
}
