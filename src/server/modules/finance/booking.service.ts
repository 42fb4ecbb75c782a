import type { Tx } from '../../db/create-db.js';
import type { Insertable } from 'kysely';
import { prepared } from '../../db/prepared.js';
import type { CustomerInvoiceTable } from '../../db/schema-finance.js';
import { businessDate, nowIso } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { applyCredit } from './allocation.service.js';
import { addDays, mulDivRound, shareOf } from './ledger.js';

// What shipping, sales returns and purchasing book into the ledgers, in their own transactions.

/** A document number with another prefix: CK-20261129-0001 → FP-20261129-0001. */
const renumber = (prefix: string, number: string) => `${prefix}-${number.slice(number.indexOf('-') + 1)}`;

export type ShippedLine = { lineId: string; quantity: number; shippedBefore: number };

/**
 * Books the invoice (应收单 FP-…, numbered after the shipment) of a shipment: each shipped line's
 * share of its net, tax and total as priced on the order, due after the customer's payment terms.
 */
export async function bookShipmentInvoice(trx: Tx, s: { shipmentId: string; shipmentNumber: string; orderId: string; customerId: string; actorName: string | null; lines: ShippedLine[] }): Promise<void> {
  if (s.lines.length === 0) return;
  const rows = await invoiceLines.rows(trx, { ids: s.lines.map((l) => l.lineId) });
  const byId = new Map(rows.map((r) => [r.id, r]));
  let net = 0;
  let tax = 0;
  for (const l of s.lines) {
    const r = byId.get(l.lineId);
    if (!r) continue;
    net += shareOf(Number(r.net), Number(r.baseQuantity), l.shippedBefore, l.quantity);
    tax += shareOf(Number(r.tax), Number(r.baseQuantity), l.shippedBefore, l.quantity);
  }
  const customer = await paymentTerms.first(trx, { id: s.customerId });
  if (!customer) throw new Error(`customer ${s.customerId} of shipment ${s.shipmentNumber} not found`);
  const day = businessDate();
  await insertInvoice.affected(trx, {
    id: newId(), number: renumber('FP', s.shipmentNumber), customerId: s.customerId, kind: 'invoice', sourceType: 'shipment', sourceId: s.shipmentId, sourceNumber: s.shipmentNumber,
    orderId: s.orderId, docDate: day, dueDate: addDays(day, Number(customer.paymentTermsDays)), net, tax, total: net + tax, settled: 0, actorName: s.actorName, createdAt: nowIso(),
  });
}
// Compiled once: they run with every shipment.
const invoiceLines = prepared((db, a: { ids: string[] }) => db.selectFrom('salesOrderLines').select(['id', 'baseQuantity', 'net', 'tax', 'total']).where('id', 'in', a.ids));
const paymentTerms = prepared((db, a: { id: string }) => db.selectFrom('customers').select('paymentTermsDays').where('id', '=', a.id));
const insertInvoice = prepared((db, row: Insertable<CustomerInvoiceTable>) => db.insertInto('customerInvoices').values(row));

/**
 * Books a refunded sales return: a credit note (红字应收 HZ-…) of the refund, its tax in the
 * order's proportion. Given as a credit note, it settles the order's open invoices, oldest first;
 * paid back in money (cash, bank, the original channel), the refund (退款 TK-…) is booked too and
 * the credit settles it, so the balance does not change but the statement shows both.
 */
export async function bookReturnCredit(trx: Tx, r: { returnId: string; returnNumber: string; orderId: string; customerId: string; amount: number; method: string; actorName: string | null }): Promise<void> {
  if (r.amount <= 0) return;
  const order = await trx.selectFrom('salesOrders').select(['tax', 'total']).where('id', '=', r.orderId).executeTakeFirstOrThrow();
  const tax = mulDivRound(r.amount, Number(order.tax), Number(order.total));
  const day = businessDate();
  const now = nowIso();
  const base = { customerId: r.customerId, sourceType: 'sales_return', sourceId: r.returnId, sourceNumber: r.returnNumber, orderId: r.orderId, docDate: day, dueDate: day, actorName: r.actorName, createdAt: now };
  const creditId = newId();
  await trx.insertInto('customerInvoices').values({ ...base, id: creditId, number: renumber('HZ', r.returnNumber), kind: 'credit', net: -(r.amount - tax), tax: -tax, total: -r.amount, settled: 0 }).execute();
  if (r.method === 'credit_note') {
    const open = await trx.selectFrom('customerInvoices').select('id').where('orderId', '=', r.orderId).where('kind', '=', 'invoice')
      .orderBy('docDate').orderBy('createdAt').orderBy('id').execute();
    await applyCredit(trx, 'receivables', creditId, open.map((x) => x.id), r.actorName);
    return;
  }
  const refundId = newId();
  await trx.insertInto('customerInvoices').values({ ...base, id: refundId, number: renumber('TK', r.returnNumber), kind: 'refund', net: r.amount - tax, tax, total: r.amount, settled: 0 }).execute();
  await applyCredit(trx, 'receivables', creditId, [refundId], r.actorName);
}

/** Settles a purchase return's credit against the payable of the receipt it returned goods of, as far as that is open. */
export async function settlePurchaseReturn(trx: Tx, r: { returnId: string; receiptId: string; actorName: string | null }): Promise<void> {
  const rows = await trx.selectFrom('supplierPayables').select(['id', 'sourceId']).where('sourceId', 'in', [r.returnId, r.receiptId]).execute();
  const credit = rows.find((x) => x.sourceId === r.returnId);
  const receipt = rows.find((x) => x.sourceId === r.receiptId);
  if (credit && receipt) await applyCredit(trx, 'payables', credit.id, [receipt.id], r.actorName);
}
