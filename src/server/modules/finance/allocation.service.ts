import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { businessDate, nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { nextNumber } from '../../platform/numbering.js';
import { itemOf, partyOf, paymentOf, selectItems, selectPayments, sides, untyped, type ItemRow, type Side, type SideDef } from './sides.js';

// Payments (收款单 SK / 付款单 FK) and their allocation (核销) to open items. Every allocation is
// two conditional updates: the payment's allocated may not pass its amount, the item's settled may
// not pass its total. Either refusing throws, and the caller's transaction writes nothing.

const yuan = (fen: number) => (fen / 100).toFixed(2);
const int = (n: number) => sql<number>`cast(${n} as bigint)`;

export type AllocationInput = { itemId: string; amount: number };
export type PaymentInput = { partyId: string; date?: string; amount: number; method: string; reference?: string | null; note?: string | null; allocations?: AllocationInput[] };

/** Records a payment received or made, and allocates it when allocations are given. */
export async function createPayment(trx: Tx, actor: Actor, side: Side, input: PaymentInput) {
  const d = sides[side];
  const party = await partyOf(trx, d, input.partyId);
  if (!party) throw new DomainError('NOT_FOUND', { entity: d.partyEntity }, [{ field: `${d.partyEntity}Id`, message: { zh: `${d.partyName.zh}不存在`, en: `No such ${d.partyName.en}` } }]);
  const date = input.date ?? businessDate();
  const row = {
    id: newId(), number: await nextNumber(trx, d.prefix, date), [d.party]: party.id, doc_date: date, amount: input.amount, allocated: 0, method: input.method,
    reference: input.reference ?? null, note: input.note ?? null, actor_name: actor.name, created_at: nowIso(),
  };
  await untyped(trx).insertInto(d.payments).values(row).execute();
  await writeAudit(trx, actor, { action: 'create', entity: d.paymentEntity, entityId: row.id, summary: `${row.number} ${party.name} ${yuan(input.amount)}`, after: row });
  if (input.allocations?.length) await allocate(trx, actor, d, { kind: 'payment', id: row.id, number: row.number, partyId: party.id, amount: input.amount, allocated: 0 }, input.allocations);
  return getPayment(trx, side, row.id);
}

/** Allocates more of an existing payment to open items. */
export async function allocatePayment(trx: Tx, actor: Actor, side: Side, paymentId: string, allocations: AllocationInput[]) {
  const d = sides[side];
  const p = await selectPayments(trx, d).where('p.id', '=', paymentId).executeTakeFirst();
  if (!p) throw new DomainError('NOT_FOUND', { entity: d.paymentEntity });
  const pay = paymentOf(p);
  await allocate(trx, actor, d, { kind: 'payment', id: pay.id, number: pay.number, partyId: pay.partyId, amount: pay.amount, allocated: pay.allocated }, allocations);
  return getPayment(trx, side, paymentId);
}

/**
 * Applies an open credit (a credit note, a purchase return left over once its own invoice or
 * receipt was settled) to owed items of the same party, as a payment is allocated.
 */
export async function allocateCredit(trx: Tx, actor: Actor, side: Side, creditId: string, allocations: AllocationInput[]) {
  const d = sides[side];
  const r = await selectItems(trx, d).where('i.id', '=', creditId).executeTakeFirst();
  if (!r) throw new DomainError('NOT_FOUND', { entity: d.itemEntity });
  const c = itemOf(r);
  if (c.total >= 0) {
    throw new DomainError('ALLOCATION_MISMATCH', { number: c.number, party: (await partyOf(trx, d, c.partyId))?.name ?? '' }, [{ field: 'id', in: 'params', message: { zh: '不是红字（贷项）单据', en: 'Not a credit' } }]);
  }
  await allocate(trx, actor, d, { kind: 'credit', id: c.id, number: c.number, partyId: c.partyId, amount: -c.total, allocated: -c.settled }, allocations);
}

/** What is allocated from: a payment, or a credit (amount and allocated as positive figures). */
type Source = { kind: 'payment' | 'credit'; id: string; number: string; partyId: string; amount: number; allocated: number };

async function allocate(trx: Tx, actor: Actor, d: SideDef, payment: Source, input: AllocationInput[]) {
  const party = (await partyOf(trx, d, payment.partyId))!;
  const items = new Map((await selectItems(trx, d).where('i.id', 'in', [...new Set(input.map((a) => a.itemId))]).execute()).map((r) => [r.id as string, itemOf(r)]));
  const asked = new Map<string, number>();
  input.forEach((a, i) => {
    const it = items.get(a.itemId);
    if (!it || it.partyId !== payment.partyId || it.total <= 0) {
      throw new DomainError('ALLOCATION_MISMATCH', { number: it?.number ?? a.itemId, party: party.name }, [{
        field: `allocations.${i}.itemId`, message: { zh: `不是该${d.partyName.zh}的应${d.side === 'receivables' ? '收' : '付'}单据`, en: `Not an open item of this ${d.partyName.en}` },
      }]);
    }
    const sum = (asked.get(a.itemId) ?? 0) + a.amount;
    asked.set(a.itemId, sum);
    if (sum > it.total - it.settled) throw overItem(it, sum, `allocations.${i}.amount`);
  });
  const total = input.reduce((s, a) => s + a.amount, 0);
  const unallocated = payment.amount - payment.allocated;
  if (total > unallocated) throw overPayment(payment.number, payment.amount, payment.allocated, total);
  // The checks above give the message; these updates are the guard when another allocation raced in.
  const took = payment.kind === 'payment'
    ? await untyped(trx).updateTable(d.payments).set({ allocated: sql`allocated + ${int(total)}` }).where('id', '=', payment.id).where(sql<boolean>`amount - allocated >= ${int(total)}`).executeTakeFirst()
    : await untyped(trx).updateTable(d.items).set({ settled: sql`settled - ${int(total)}` }).where('id', '=', payment.id).where(sql<boolean>`settled - ${int(total)} >= ${sql.ref(d.itemTotal)}`).executeTakeFirst();
  if (Number(took.numUpdatedRows) === 0) throw overPayment(payment.number, payment.amount, payment.allocated, total);
  // Items in id order, so two allocations touching the same items cannot deadlock on PostgreSQL.
  const ordered = [...input.entries()].sort(([, a], [, b]) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  for (const [i, a] of ordered) {
    if (!(await settle(trx, d, a.itemId, a.amount))) throw overItem(items.get(a.itemId)!, a.amount, `allocations.${i}.amount`);
  }
  const now = nowIso();
  await untyped(trx).insertInto(d.allocations).values(input.map((a) => ({
    id: newId(), [d.party]: payment.partyId, [d.itemFk]: a.itemId, payment_id: payment.kind === 'payment' ? payment.id : null, credit_id: payment.kind === 'credit' ? payment.id : null,
    amount: a.amount, actor_name: actor.name, created_at: now,
  }))).execute();
  await writeAudit(trx, actor, {
    action: 'update', entity: payment.kind === 'payment' ? d.paymentEntity : d.itemEntity, entityId: payment.id, summary: `${payment.number} 核销 ${input.map((a) => `${items.get(a.itemId)!.number} ${yuan(a.amount)}`).join(', ')}`,
    after: { allocations: input },
  });
}

/** Moves an owed item's settled up by `amount` unless that passes its total; false when refused. */
async function settle(trx: DbOrTx, d: SideDef, itemId: string, amount: number): Promise<boolean> {
  const res = await untyped(trx).updateTable(d.items).set({ settled: sql`settled + ${int(amount)}` })
    .where('id', '=', itemId).where(sql<boolean>`${sql.ref(d.itemTotal)} - settled >= ${int(amount)}`).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Applies an open credit (a credit note, a purchase return) to owed items of the same party in the
 * order given, each up to what is open on both; returns what was applied. For credits booked by
 * the system (returns), not a user's choice, so nothing is refused.
 */
export async function applyCredit(trx: Tx, side: Side, creditId: string, targetIds: string[], actorName: string | null): Promise<number> {
  const d = sides[side];
  const credit = itemOf(await selectItems(trx, d).where('i.id', '=', creditId).executeTakeFirstOrThrow());
  let left = credit.settled - credit.total; // positive: what the credit still has
  if (left <= 0 || targetIds.length === 0) return 0;
  const targets = (await selectItems(trx, d).where('i.id', 'in', targetIds).execute()).map(itemOf);
  // The plan in the order given (oldest first); the rows are then touched in id order (no deadlocks).
  const plan: Array<{ id: string; amount: number }> = [];
  for (const id of targetIds) {
    const t = targets.find((x) => x.id === id);
    if (!t || t.total <= 0 || t.partyId !== credit.partyId || left === 0) continue;
    const x = Math.min(left, t.total - t.settled);
    if (x <= 0) continue;
    plan.push({ id, amount: x });
    left -= x;
  }
  let applied = 0;
  for (const p of plan.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (!(await settle(trx, d, p.id, p.amount))) continue;
    await untyped(trx).updateTable(d.items).set({ settled: sql`settled - ${int(p.amount)}` }).where('id', '=', credit.id).where(sql<boolean>`settled - ${int(p.amount)} >= ${sql.ref(d.itemTotal)}`).execute();
    await untyped(trx).insertInto(d.allocations).values({ id: newId(), [d.party]: credit.partyId, [d.itemFk]: p.id, payment_id: null, credit_id: credit.id, amount: p.amount, actor_name: actorName, created_at: nowIso() }).execute();
    applied += p.amount;
  }
  return applied;
}

function overItem(it: ItemRow, amount: number, field: string) {
  const open = it.total - it.settled;
  return new DomainError('OVER_ALLOCATION', { number: it.number, open: yuan(open), amount: yuan(amount) }, [{
    field, itemId: it.id, open, requested: amount, message: { zh: `${it.number} 未结 ${yuan(open)} 元`, en: `${it.number} has ¥${yuan(open)} open` },
  }]);
}

function overPayment(number: string, amount: number, allocated: number, requested: number) {
  const unallocated = amount - allocated;
  return new DomainError('PAYMENT_OVER_ALLOCATED', { number, unallocated: yuan(unallocated), amount: yuan(requested) }, [{
    field: 'allocations', unallocated, requested, message: { zh: `未核销 ${yuan(unallocated)} 元`, en: `¥${yuan(unallocated)} unallocated` },
  }]);
}

/** A payment with its allocations (each naming the item). */
export async function getPayment(db: DbOrTx, side: Side, id: string) {
  const d = sides[side];
  const p = await selectPayments(db, d).innerJoin(`${d.partyTable} as c`, 'c.id', `p.${d.party}`).select(['c.code as partyCode', 'c.name as partyName']).where('p.id', '=', id).executeTakeFirst();
  if (!p) throw new DomainError('NOT_FOUND', { entity: d.paymentEntity });
  const allocations = await untyped(db).selectFrom(`${d.allocations} as a`).innerJoin(`${d.items} as i`, 'i.id', `a.${d.itemFk}`)
    .select(['a.id', `a.${d.itemFk} as itemId`, `i.${d.itemNumber} as itemNumber`, 'i.kind as itemKind', 'a.amount', 'a.actor_name as actorName', 'a.created_at as createdAt'])
    .where('a.payment_id', '=', id).orderBy('a.created_at').orderBy('a.id').execute();
  const row = paymentOf(p);
  return { ...row, partyCode: p.partyCode as string, partyName: p.partyName as string, unallocated: row.amount - row.allocated, allocations: allocations.map((a) => ({ ...a, amount: Number(a.amount) })) };
}
