import type { Db, DbOrTx } from '../../db/create-db.js';
import { businessDate, nowIso } from '../../platform/clock.js';
import { addDays } from '../finance/index.js';
import { newId } from '../../platform/ids.js';

// A minimal supplier payable ledger (应付): a receipt from a supplier adds what is owed, a purchase
// return credits it. One row per document; the balance is the sum. Payments (付款单), allocation,
// statements (对账单) and ageing are in modules/finance, which moves `settled` on these rows.

export type PayableEntry = { supplierId: string; kind: 'receipt' | 'purchase_return'; sourceType: string; sourceId: string; sourceNumber: string; net: number; tax: number };

/** VAT of a net amount at a percent rate, fen, rounded half up (the sign follows the amount). */
export const vatOf = (net: number, ratePercent: number) => Math.sign(net) * Math.floor((2 * Math.abs(net) * ratePercent + 100) / 200);

/**
 * Books one payable row in the caller's transaction (amount = net + tax; negative for credits),
 * dated today and due after the supplier's payment terms (账期; a credit is due at once).
 */
export async function recordPayable(trx: DbOrTx, e: PayableEntry): Promise<void> {
  const day = businessDate();
  const terms = e.net + e.tax > 0 ? Number((await trx.selectFrom('suppliers').select('paymentTermsDays').where('id', '=', e.supplierId).executeTakeFirst())?.paymentTermsDays ?? 0) : 0;
  await trx.insertInto('supplierPayables').values({ id: newId(), ...e, amount: e.net + e.tax, createdAt: nowIso(), docDate: day, dueDate: addDays(day, terms), settled: 0 }).execute();
}

/**
 * The VAT rate of receipt lines: the order line's when received against an order, else the
 * product's. Keyed by receipt line id.
 */
export async function receiptLineTaxRates(db: DbOrTx, lines: Array<{ id: string; orderLineId: string | null; productId: string }>): Promise<Map<string, number>> {
  const orderLineIds = [...new Set(lines.flatMap((l) => (l.orderLineId ? [l.orderLineId] : [])))];
  const productIds = [...new Set(lines.map((l) => l.productId))];
  const byOrderLine = new Map(orderLineIds.length ? (await db.selectFrom('purchaseOrderLines').select(['id', 'taxRate']).where('id', 'in', orderLineIds).execute()).map((r) => [r.id, r.taxRate]) : []);
  const byProduct = new Map(productIds.length ? (await db.selectFrom('products').select(['id', 'taxRate']).where('id', 'in', productIds).execute()).map((r) => [r.id, r.taxRate]) : []);
  return new Map(lines.map((l) => [l.id, (l.orderLineId ? byOrderLine.get(l.orderLineId) : undefined) ?? byProduct.get(l.productId) ?? 0]));
}

/** A supplier's payable rows, newest first, and the balance (what is owed now, fen). */
export async function supplierPayables(db: Db, f: { supplierId: string; page: number; pageSize: number }) {
  const base = db.selectFrom('supplierPayables').where('supplierId', '=', f.supplierId);
  const sums = await base.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount').as('balance')]).executeTakeFirst();
  const items = await base.selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return {
    supplierId: f.supplierId, balance: Number(sums?.balance ?? 0), total: Number(sums?.n ?? 0), page: f.page, pageSize: f.pageSize,
    items: items.map(({ supplierId: _s, ...r }) => ({ ...r, net: Number(r.net), tax: Number(r.tax), amount: Number(r.amount) })),
  };
}
