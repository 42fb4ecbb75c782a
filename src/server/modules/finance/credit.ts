import { sql } from 'kysely';
import type { DbOrTx } from '../../db/create-db.js';
import { businessDate } from '../../platform/clock.js';
import { daysBetween } from './ledger.js';

export type CustomerCredit = {
  /** What the customer owes now: invoices − credits + refunds − payments (fen). */
  receivable: number;
  /** Of the orders given as open, what shipments already invoiced (it is in receivable). */
  invoicedOfOpenOrders: number;
  /** Owed items past their due date, still open, and the most days any of them is late. */
  overdue: number;
  daysOverdue: number;
};

/**
 * A customer's receivable position for the approval rules (信用额度, 逾期): the balance, the part of
 * the customer's open orders (`openStatuses`, except `exceptOrderId`) already invoiced, overdue.
 */
export async function customerCredit(db: DbOrTx, customerId: string, openStatuses: string[], exceptOrderId: string, today = businessDate()): Promise<CustomerCredit> {
  const items = await db.selectFrom('customerInvoices').select([
    sql<number>`coalesce(sum(total), 0)`.as('charged'),
    sql<number>`coalesce(sum(case when total > settled and total > 0 and due_date < ${today} then total - settled else 0 end), 0)`.as('overdue'),
    sql<string | null>`min(case when total > settled and total > 0 and due_date < ${today} then due_date end)`.as('oldestDue'),
  ]).where('customerId', '=', customerId).executeTakeFirst();
  const paid = await db.selectFrom('customerPayments').select(sql<number>`coalesce(sum(amount), 0)`.as('s')).where('customerId', '=', customerId).executeTakeFirst();
  const invoiced = await db.selectFrom('customerInvoices as i').innerJoin('salesOrders as o', 'o.id', 'i.orderId')
    .select(sql<number>`coalesce(sum(i.total), 0)`.as('s'))
    .where('i.customerId', '=', customerId).where('i.kind', '=', 'invoice').where('o.status', 'in', openStatuses).where('o.id', '!=', exceptOrderId).executeTakeFirst();
  const oldest = items?.oldestDue ?? null;
  return {
    receivable: Number(items?.charged ?? 0) - Number(paid?.s ?? 0),
    invoicedOfOpenOrders: Number(invoiced?.s ?? 0),
    overdue: Number(items?.overdue ?? 0),
    daysOverdue: oldest ? daysBetween(oldest, today) : 0,
  };
}
