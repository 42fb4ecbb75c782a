import { sql } from 'kysely';
import type { DbOrTx } from '../../db/create-db.js';
import { businessDate } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { paginate, searchWhere } from '../../platform/list.js';
import { ageItems, daysBetween, statementOf, type StatementEntry } from './ledger.js';
import { itemOf, partyOf, paymentOf, selectItems, selectPayments, sides, untyped, type ItemRow, type Side } from './sides.js';

// Reading the ledgers: open items, payments, statements (对账单), ageing (账龄) and balances.

/** An item as shown: with its open amount and, when owed and past due on `asOf`, the days overdue. */
export const itemView = (it: ItemRow, asOf = businessDate()) => {
  const open = it.total - it.settled;
  return { ...it, open, daysOverdue: it.total > 0 && open > 0 ? Math.max(0, daysBetween(it.dueDate, asOf)) : 0 };
};

export type ItemQuery = { partyId?: string; status?: 'open' | 'settled' | 'overdue'; kind?: string; from?: string; to?: string; q?: string; page: number; pageSize: number };

/** Open items (应收单 / 应付单) of a side, filtered, oldest due first when listing what is open. */
export async function listItems(db: DbOrTx, side: Side, f: ItemQuery) {
  const d = sides[side];
  const today = businessDate();
  let q = selectItems(db, d).innerJoin(`${d.partyTable} as c`, 'c.id', `i.${d.party}`).select(['c.code as partyCode', 'c.name as partyName']);
  if (f.partyId) q = q.where(`i.${d.party}`, '=', f.partyId);
  if (f.kind) q = q.where('i.kind', '=', f.kind);
  if (f.from) q = q.where('i.doc_date', '>=', f.from);
  if (f.to) q = q.where('i.doc_date', '<=', f.to);
  const open = sql<boolean>`${sql.ref(`i.${d.itemTotal}`)} <> i.settled`;
  if (f.status === 'open') q = q.where(open);
  if (f.status === 'settled') q = q.where(sql<boolean>`${sql.ref(`i.${d.itemTotal}`)} = i.settled`);
  if (f.status === 'overdue') q = q.where(open).where(`i.${d.itemTotal}`, '>', 0).where('i.due_date', '<', today);
  q = searchWhere(q, f.q, [`i.${d.itemNumber}`, 'i.source_number', 'c.name', 'c.code']);
  const sorted = f.status === 'open' || f.status === 'overdue' ? q.orderBy('i.due_date').orderBy('i.id') : q.orderBy('i.created_at', 'desc').orderBy('i.id', 'desc');
  const page = await paginate(q, sorted, f);
  return { ...page, items: page.items.map((r: Record<string, unknown>) => ({ ...itemView(itemOf(r), today), partyCode: r.partyCode as string, partyName: r.partyName as string })) };
}

/** One item with what was allocated to it, or what it was allocated to (a credit). */
export async function getItem(db: DbOrTx, side: Side, id: string) {
  const d = sides[side];
  const r = await selectItems(db, d).innerJoin(`${d.partyTable} as c`, 'c.id', `i.${d.party}`).select(['c.code as partyCode', 'c.name as partyName']).where('i.id', '=', id).executeTakeFirst();
  if (!r) throw new DomainError('NOT_FOUND', { entity: d.itemEntity });
  const allocations = await untyped(db).selectFrom(`${d.allocations} as a`)
    .leftJoin(`${d.payments} as p`, 'p.id', 'a.payment_id').leftJoin(`${d.items} as cr`, 'cr.id', 'a.credit_id').leftJoin(`${d.items} as t`, 't.id', `a.${d.itemFk}`)
    .select(['a.id', 'a.amount', 'a.payment_id as paymentId', 'a.credit_id as creditId', `a.${d.itemFk} as itemId`, 'p.number as paymentNumber', `cr.${d.itemNumber} as creditNumber`, `t.${d.itemNumber} as itemNumber`, 'a.created_at as createdAt'])
    .where((eb) => eb.or([eb(`a.${d.itemFk}`, '=', id), eb('a.credit_id', '=', id)])).orderBy('a.created_at').orderBy('a.id').execute();
  return { ...itemView(itemOf(r)), partyCode: r.partyCode as string, partyName: r.partyName as string, allocations: allocations.map((a) => ({ ...a, amount: Number(a.amount) })) };
}

export type PaymentQuery = { partyId?: string; unallocated?: boolean; from?: string; to?: string; q?: string; page: number; pageSize: number };

/** Payments of a side, newest first. */
export async function listPayments(db: DbOrTx, side: Side, f: PaymentQuery) {
  const d = sides[side];
  let q = selectPayments(db, d).innerJoin(`${d.partyTable} as c`, 'c.id', `p.${d.party}`).select(['c.code as partyCode', 'c.name as partyName']);
  if (f.partyId) q = q.where(`p.${d.party}`, '=', f.partyId);
  if (f.unallocated) q = q.where(sql<boolean>`p.amount > p.allocated`);
  if (f.from) q = q.where('p.doc_date', '>=', f.from);
  if (f.to) q = q.where('p.doc_date', '<=', f.to);
  q = searchWhere(q, f.q, ['p.number', 'p.reference', 'c.name', 'c.code']);
  const page = await paginate(q, q.orderBy('p.doc_date', 'desc').orderBy('p.created_at', 'desc').orderBy('p.id', 'desc'), f);
  return { ...page, items: page.items.map((r: Record<string, unknown>) => { const p = paymentOf(r); return { ...p, unallocated: p.amount - p.allocated, partyCode: r.partyCode as string, partyName: r.partyName as string }; }) };
}

/**
 * A party's statement for [from, to]: the balance before `from`, every item and payment dated in
 * the period with the running balance, and the closing balance.
 */
export async function statement(db: DbOrTx, side: Side, partyId: string, from: string, to: string) {
  const d = sides[side];
  const party = await partyOf(db, d, partyId);
  if (!party) throw new DomainError('NOT_FOUND', { entity: d.partyEntity });
  if (from > to) throw new DomainError('VALIDATION_FAILED', { summary: 'from' }, [{ field: 'from', in: 'querystring', message: { zh: '开始日期不能晚于结束日期', en: 'The start date is after the end date' } }]);
  const u = untyped(db);
  const before = await u.selectFrom(d.items).select((eb) => eb.fn.sum(d.itemTotal).as('s')).where(d.party, '=', partyId).where('doc_date', '<', from).executeTakeFirst();
  const paidBefore = await u.selectFrom(d.payments).select((eb) => eb.fn.sum('amount').as('s')).where(d.party, '=', partyId).where('doc_date', '<', from).executeTakeFirst();
  const items = (await selectItems(db, d).where(`i.${d.party}`, '=', partyId).where('i.doc_date', '>=', from).where('i.doc_date', '<=', to).execute()).map(itemOf);
  const payments = (await selectPayments(db, d).where(`p.${d.party}`, '=', partyId).where('p.doc_date', '>=', from).where('p.doc_date', '<=', to).execute()).map(paymentOf);
  const entries: StatementEntry[] = [
    ...items.map((it) => ({ date: it.docDate, at: it.createdAt, id: it.id, kind: it.kind, number: it.number, sourceNumber: it.sourceNumber, charged: it.total, paid: 0 })),
    ...payments.map((p) => ({ date: p.docDate, at: p.createdAt, id: p.id, kind: 'payment', number: p.number, sourceNumber: p.reference, charged: 0, paid: p.amount })),
  ];
  const opening = Number(before?.s ?? 0) - Number(paidBefore?.s ?? 0);
  return { party: { id: party.id, code: party.code, name: party.name }, from, to, ...statementOf(opening, entries) };
}

/** Every party of a side with an open item or unallocated payment, aged on `asOf`; plus the totals. */
export async function ageing(db: DbOrTx, side: Side, asOf = businessDate(), partyId?: string) {
  const d = sides[side];
  let items = selectItems(db, d).where(sql<boolean>`${sql.ref(`i.${d.itemTotal}`)} <> i.settled`);
  let pays = selectPayments(db, d).where(sql<boolean>`p.amount > p.allocated`);
  if (partyId) { items = items.where(`i.${d.party}`, '=', partyId); pays = pays.where(`p.${d.party}`, '=', partyId); }
  const open = (await items.execute()).map(itemOf);
  const unallocated = new Map<string, number>();
  for (const p of (await pays.execute()).map(paymentOf)) unallocated.set(p.partyId, (unallocated.get(p.partyId) ?? 0) + p.amount - p.allocated);
  const ids = [...new Set([...open.map((i) => i.partyId), ...unallocated.keys()])];
  const parties = ids.length ? await untyped(db).selectFrom(d.partyTable).select(['id', 'code', 'name']).where('id', 'in', ids).execute() : [];
  const rows = parties.map((p) => ({ partyId: p.id as string, partyCode: p.code as string, partyName: p.name as string, ...ageItems(open.filter((i) => i.partyId === p.id), unallocated.get(p.id) ?? 0, asOf) }))
    .sort((a, b) => b.balance - a.balance || a.partyCode.localeCompare(b.partyCode));
  const totals = ageItems(open, [...unallocated.values()].reduce((s, x) => s + x, 0), asOf);
  return { asOf, rows, totals };
}

export type BalanceQuery = { q?: string; nonZero?: boolean; page: number; pageSize: number };

/**
 * Each party's balance (what is owed now: items − payments), open, overdue and unapplied amounts;
 * every active party, or only those with a balance or something open, largest balance first.
 */
export async function balances(db: DbOrTx, side: Side, f: BalanceQuery) {
  const d = sides[side];
  const today = businessDate();
  const u = untyped(db);
  const t = sql.ref(d.itemTotal);
  const items = await u.selectFrom(d.items).select([`${d.party} as partyId`,
    sql<number>`sum(${t})`.as('charged'),
    sql<number>`sum(case when ${t} > 0 then ${t} - settled else 0 end)`.as('open'),
    sql<number>`sum(case when ${t} > 0 and due_date < ${today} then ${t} - settled else 0 end)`.as('overdue'),
    sql<number>`sum(case when ${t} < 0 then ${t} - settled else 0 end)`.as('credits'),
  ]).groupBy(d.party).execute();
  const pays = await u.selectFrom(d.payments).select([`${d.party} as partyId`, sql<number>`sum(amount)`.as('paid'), sql<number>`sum(amount - allocated)`.as('unallocated')]).groupBy(d.party).execute();
  let parties = u.selectFrom(d.partyTable).select(['id', 'code', 'name', 'status']);
  parties = searchWhere(parties, f.q, ['code', 'name']);
  const byItems = new Map(items.map((r) => [r.partyId as string, r]));
  const byPays = new Map(pays.map((r) => [r.partyId as string, r]));
  const all = (await parties.execute()).map((p) => {
    const it = byItems.get(p.id);
    const pa = byPays.get(p.id);
    const paid = Number(pa?.paid ?? 0);
    const balance = Number(it?.charged ?? 0) - paid;
    return {
      partyId: p.id as string, partyCode: p.code as string, partyName: p.name as string, status: p.status as string,
      charged: Number(it?.charged ?? 0), paid, balance, open: Number(it?.open ?? 0), overdue: Number(it?.overdue ?? 0),
      unapplied: Number(it?.credits ?? 0) - Number(pa?.unallocated ?? 0),
    };
  }).filter((r) => (f.nonZero ? r.balance !== 0 || r.open !== 0 || r.unapplied !== 0 : r.status === 'active' || r.balance !== 0))
    .sort((a, b) => b.balance - a.balance || a.partyCode.localeCompare(b.partyCode));
  const start = (f.page - 1) * f.pageSize;
  const total = all.reduce((s, r) => s + r.balance, 0);
  return { items: all.slice(start, start + f.pageSize), total: all.length, page: f.page, pageSize: f.pageSize, balance: total };
}
