import type { Kysely } from 'kysely';
import type { DbOrTx } from '../../db/create-db.js';

// Receivables and payables are the same ledger seen from two sides: open items (应收单 / 应付单),
// payments (收款单 / 付款单) and allocations (核销). One description per side names its tables and
// columns, so the services below are written once. Queries go through `any` tables for that reason.

export type Side = 'receivables' | 'payables';

export type SideDef = {
  side: Side;
  items: string; itemTotal: string; itemNumber: string;
  payments: string; allocations: string; itemFk: string;
  party: string; partyTable: string; partyEntity: 'customer' | 'supplier';
  prefix: 'SK' | 'FK'; itemEntity: string; paymentEntity: string;
  /** What the party is called in messages. */
  partyName: { zh: string; en: string };
};

export const sides: Record<Side, SideDef> = {
  receivables: {
    side: 'receivables', items: 'customer_invoices', itemTotal: 'total', itemNumber: 'number', payments: 'customer_payments', allocations: 'receivable_allocations',
    itemFk: 'invoice_id', party: 'customer_id', partyTable: 'customers', partyEntity: 'customer', prefix: 'SK', itemEntity: 'customerInvoice', paymentEntity: 'customerPayment',
    partyName: { zh: '客户', en: 'customer' },
  },
  payables: {
    side: 'payables', items: 'supplier_payables', itemTotal: 'amount', itemNumber: 'source_number', payments: 'supplier_payments', allocations: 'payable_allocations',
    itemFk: 'payable_id', party: 'supplier_id', partyTable: 'suppliers', partyEntity: 'supplier', prefix: 'FK', itemEntity: 'supplierPayable', paymentEntity: 'supplierPayment',
    partyName: { zh: '供应商', en: 'supplier' },
  },
};

/* eslint-disable @typescript-eslint/no-explicit-any */
/** The handle without table types: the side names the tables (snake_case names map through CamelCasePlugin unchanged). */
export const untyped = (db: DbOrTx) => db as unknown as Kysely<any>;

export type ItemRow = {
  id: string; number: string; partyId: string; kind: string; sourceType: string; sourceId: string; sourceNumber: string; orderId: string | null;
  docDate: string; dueDate: string; net: number; tax: number; total: number; settled: number; createdAt: string;
};

/** Selects the open-item columns of a side under one set of names. */
export function selectItems(db: DbOrTx, d: SideDef) {
  return untyped(db).selectFrom(`${d.items} as i`).select([
    'i.id', `i.${d.itemNumber} as number`, `i.${d.party} as partyId`, 'i.kind', 'i.source_type as sourceType', 'i.source_id as sourceId', 'i.source_number as sourceNumber',
    ...(d.side === 'receivables' ? ['i.order_id as orderId'] : []), 'i.doc_date as docDate', 'i.due_date as dueDate', 'i.net', 'i.tax', `i.${d.itemTotal} as total`, 'i.settled', 'i.created_at as createdAt',
  ]);
}

/** Numbers as numbers (PostgreSQL returns bigint as text). */
export function itemOf(r: any): ItemRow {
  return {
    id: r.id, number: r.number, partyId: r.partyId, kind: r.kind, sourceType: r.sourceType, sourceId: r.sourceId, sourceNumber: r.sourceNumber, orderId: r.orderId ?? null,
    docDate: r.docDate ?? String(r.createdAt).slice(0, 10), dueDate: r.dueDate ?? r.docDate ?? String(r.createdAt).slice(0, 10),
    net: Number(r.net), tax: Number(r.tax), total: Number(r.total), settled: Number(r.settled ?? 0), createdAt: r.createdAt,
  };
}

export type PaymentRow = {
  id: string; number: string; partyId: string; docDate: string; amount: number; allocated: number; method: string; reference: string | null; note: string | null; actorName: string | null; createdAt: string;
};

/** Selects a side's payments under one set of names. */
export function selectPayments(db: DbOrTx, d: SideDef) {
  return untyped(db).selectFrom(`${d.payments} as p`).select([
    'p.id', 'p.number', `p.${d.party} as partyId`, 'p.doc_date as docDate', 'p.amount', 'p.allocated', 'p.method', 'p.reference', 'p.note', 'p.actor_name as actorName', 'p.created_at as createdAt',
  ]);
}

export const paymentOf = (r: any): PaymentRow => ({ ...r, amount: Number(r.amount), allocated: Number(r.allocated) });

/** A party's code and name, or null. */
export async function partyOf(db: DbOrTx, d: SideDef, id: string): Promise<{ id: string; code: string; name: string; paymentTermsDays: number } | null> {
  const r = await untyped(db).selectFrom(d.partyTable).select(['id', 'code', 'name', 'payment_terms_days as paymentTermsDays']).where('id', '=', id).executeTakeFirst();
  return r ? { ...r, paymentTermsDays: Number(r.paymentTermsDays ?? 0) } : null;
}
