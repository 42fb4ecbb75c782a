import type { Db, DbOrTx } from '../../db/create-db.js';
import { prepared } from '../../db/prepared.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { customerCredit } from '../finance/index.js';
import { checkApproval, type ApprovalRule, type RuleKind, type Triggered } from './approval.js';
import type { SalesOrderView } from './sales-order.schemas.js';

export type RuleInput = { name: string; kind: RuleKind; threshold: number; approverRole: string };

/** All approval rules (active and not). */
export const listRules = (db: DbOrTx) => db.selectFrom('approvalRules').selectAll().orderBy('createdAt').execute();

async function getRule(db: DbOrTx, id: string) {
  const r = await db.selectFrom('approvalRules').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new DomainError('NOT_FOUND', { entity: 'approvalRule' });
  return r;
}

/** Creates a rule. */
export async function createRule(db: Db, actor: Actor, input: RuleInput) {
  const now = nowIso();
  const row = { id: newId(), ...input, status: 'active', createdAt: now, updatedAt: now };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('approvalRules').values(row).execute();
    await writeAudit(trx, actor, { action: 'create', entity: 'approvalRule', entityId: row.id, summary: input.name, after: row });
  });
  return row;
}

/** Changes a rule (name, threshold, approver role, status). */
export async function updateRule(db: Db, actor: Actor, id: string, patch: Partial<RuleInput> & { status?: string }) {
  return db.transaction().execute(async (trx) => {
    const before = await getRule(trx, id);
    await trx.updateTable('approvalRules').set({ ...patch, updatedAt: nowIso() }).where('id', '=', id).execute();
    const after = await getRule(trx, id);
    await writeAudit(trx, actor, { action: 'update', entity: 'approvalRule', entityId: id, summary: after.name, before, after });
    return after;
  });
}

/** Deletes a rule (orders keep the reasons they were held for). */
export async function deleteRule(db: Db, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const before = await getRule(trx, id);
    await trx.deleteFrom('approvalRules').where('id', '=', id).execute();
    await writeAudit(trx, actor, { action: 'delete', entity: 'approvalRule', entityId: id, summary: before.name, before });
  });
}

// Read on every confirmation: built once (see db/prepared.ts).
const activeRules = prepared((db, _: Record<string, never>) => db.selectFrom('approvalRules').select(['id', 'name', 'kind', 'threshold', 'approverRole']).where('status', '=', 'active'));

/** The active rules an order trips, from the order, its customer, its history and current costs. */
export async function rulesTripped(trx: DbOrTx, order: SalesOrderView): Promise<Triggered[]> {
  const rules = (await activeRules.rows(trx, {})) as ApprovalRule[];
  if (rules.length === 0) return [];
  const customer = await trx.selectFrom('customers').select(['creditLimit']).where('id', '=', order.customerId).executeTakeFirstOrThrow();
  const openStatuses = ['pending_approval', 'confirmed', 'partially_shipped'];
  const open = await trx.selectFrom('salesOrders').select((eb) => eb.fn.sum<number>('total').as('sum'))
    .where('customerId', '=', order.customerId).where('id', '!=', order.id).where('status', 'in', openStatuses).executeTakeFirst();
  // Shipped parts of open orders are invoiced: counted in the receivable, not twice.
  const credit = rules.some((r) => r.kind === 'over_credit' || r.kind === 'overdue') ? await customerCredit(trx, order.customerId, openStatuses, order.id) : null;
  const history = await trx.selectFrom('salesOrders').select('id').where('customerId', '=', order.customerId).where('id', '!=', order.id).where('confirmedAt', 'is not', null).limit(1).executeTakeFirst();
  const ids = [...new Set(order.lines.map((l) => l.productId))];
  const costs = new Map((await trx.selectFrom('products as p').leftJoin('productCosts as c', 'c.productId', 'p.id').select(['p.id', 'p.costPrice', 'c.quantity', 'c.value']).where('p.id', 'in', ids).execute())
    .map((p) => [p.id, p.quantity && Number(p.quantity) > 0 ? Number(p.value) / Number(p.quantity) : p.costPrice]));
  const afterLineDiscounts = order.gross - order.lines.reduce((s, l) => s + l.lineDiscount, 0);
  const orderDiscountBp = afterLineDiscounts > 0 ? Math.round((order.orderDiscount * 10000) / afterLineDiscounts) : 0;
  return checkApproval(rules, {
    total: order.total,
    maxDiscountBp: Math.max(orderDiscountBp, ...order.lines.map((l) => l.discountBp)),
    belowCostLines: order.lines.filter((l) => l.net < (costs.get(l.productId) ?? 0) * l.baseQuantity).map((l) => l.lineNo),
    creditLimit: customer.creditLimit,
    openOrdersTotal: Number(open?.sum ?? 0) - (credit?.invoicedOfOpenOrders ?? 0),
    receivable: credit?.receivable ?? 0,
    overdueAmount: credit?.overdue ?? 0,
    daysOverdue: credit?.daysOverdue ?? 0,
    hasHistory: Boolean(history),
  });
}
