import type { DbOrTx } from '../../db/create-db.js';
import { businessDate } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { daysBetween, type Filters } from './filters.js';
import { mean, median, namesOf, percent } from './lookups.js';

// Supplier KPIs over purchase orders placed in a range (docs/metrics.md "Supplier KPIs").

const placed = ['ordered', 'partially_received', 'received', 'closed'];

/** 400 naming supplierId when it is not a supplier. */
export async function checkSupplier(db: DbOrTx, supplierId: string | undefined) {
  if (!supplierId || (await db.selectFrom('suppliers').select('id').where('id', '=', supplierId).executeTakeFirst())) return;
  throw new DomainError('VALIDATION_FAILED', { summary: 'supplierId' }, [{ field: 'supplierId', in: 'query', value: supplierId, message: { zh: '没有这个供应商', en: 'No such supplier' } }]);
}

/** The placed purchase orders of the range with their (filtered) lines' ordered and received units and their receipts. */
export async function supplierOrders(db: DbOrTx, f: Filters, supplierId?: string) {
  let q = db.selectFrom('purchaseOrders').select(['id', 'number', 'supplierId', 'warehouseId', 'status', 'orderDate', 'expectedDate'])
    .where('orderDate', '>=', f.from).where('orderDate', '<=', f.to).where('status', 'in', placed);
  if (f.warehouseId) q = q.where('warehouseId', '=', f.warehouseId);
  if (supplierId) q = q.where('supplierId', '=', supplierId);
  const orders = await q.orderBy('orderDate').orderBy('number').execute();
  const ids = orders.map((o) => o.id);
  const lines: Array<{ orderId: string; ordered: number; received: number }> = [];
  const receipts: Array<{ id: string; number: string; orderId: string | null; createdAt: string }> = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    let lq = db.selectFrom('purchaseOrderLines as l').innerJoin('products as p', 'p.id', 'l.productId').select(['l.orderId', 'l.baseQuantity', 'l.received']).where('l.orderId', 'in', chunk);
    if (f.productId) lq = lq.where('l.productId', '=', f.productId);
    if (f.categoryIds) lq = lq.where('p.categoryId', 'in', f.categoryIds);
    // Over-receipts within the tolerance do not make up for short lines.
    for (const l of await lq.execute()) lines.push({ orderId: l.orderId, ordered: Number(l.baseQuantity), received: Math.min(Number(l.received), Number(l.baseQuantity)) });
    receipts.push(...await db.selectFrom('purchaseReceipts').select(['id', 'number', 'orderId', 'createdAt']).where('orderId', 'in', chunk).orderBy('createdAt').execute());
  }
  const lineSums = new Map<string, { ordered: number; received: number }>();
  for (const l of lines) {
    const s = lineSums.get(l.orderId) ?? { ordered: 0, received: 0 };
    s.ordered += l.ordered; s.received += l.received;
    lineSums.set(l.orderId, s);
  }
  return orders.filter((o) => lineSums.has(o.id)).map((o) => {
    const expected = o.expectedDate ?? null;
    return {
      orderId: o.id, number: o.number, supplierId: o.supplierId, warehouseId: o.warehouseId, status: o.status, orderDate: o.orderDate, expectedDate: expected,
      promisedDays: expected ? daysBetween(o.orderDate, expected) : null, ...lineSums.get(o.id)!,
      receipts: receipts.filter((r) => r.orderId === o.id).map((r) => {
        const day = businessDate(new Date(r.createdAt));
        return { receiptId: r.id, number: r.number, day, leadDays: daysBetween(o.orderDate, day), onTime: expected ? day <= expected : null };
      }),
    };
  });
}

type Order = Awaited<ReturnType<typeof supplierOrders>>[number];

function kpis(list: Order[]) {
  const receipts = list.flatMap((o) => o.receipts);
  const due = receipts.filter((r) => r.onTime !== null);
  const promised = list.flatMap((o) => (o.promisedDays === null ? [] : [o.promisedDays]));
  const actual = receipts.map((r) => r.leadDays);
  const ordered = list.reduce((s, o) => s + o.ordered, 0);
  const received = list.reduce((s, o) => s + o.received, 0);
  return {
    orders: list.length, receipts: receipts.length, receiptsDue: due.length, onTime: due.filter((r) => r.onTime).length, onTimePercent: percent(due.filter((r) => r.onTime).length, due.length),
    promisedLeadDaysAverage: mean(promised), promisedLeadDaysMedian: median(promised), actualLeadDaysAverage: mean(actual), actualLeadDaysMedian: median(actual),
    orderedUnits: ordered, receivedUnits: received, fillRatePercent: percent(received, ordered),
  };
}

/** Per supplier: orders, receipts, on-time %, promised and actual lead time, fill rate; and all suppliers together. */
export async function supplierKpis(db: DbOrTx, f: Filters, supplierId?: string) {
  const orders = await supplierOrders(db, f, supplierId);
  const bySupplier = new Map<string, Order[]>();
  for (const o of orders) bySupplier.set(o.supplierId, [...(bySupplier.get(o.supplierId) ?? []), o]);
  const names = await namesOf(db, 'supplier', bySupplier.keys());
  return {
    from: f.from, to: f.to, ignoredFilters: f.customerId ? ['customerId'] : [],
    total: kpis(orders),
    rows: [...bySupplier.entries()].map(([id, list]) => ({ supplierId: id, code: names.get(id)?.code ?? null, name: names.get(id)?.name ?? null, ...kpis(list) }))
      .sort((a, b) => b.orderedUnits - a.orderedUnits || a.supplierId.localeCompare(b.supplierId)),
  };
}
