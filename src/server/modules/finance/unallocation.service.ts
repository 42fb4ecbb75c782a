import { sql } from 'kysely';
import type { Tx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { DomainError } from '../../platform/errors.js';
import { sides, untyped, type Side } from './sides.js';

const int = (n: number) => sql<number>`cast(${n} as bigint)`;

/**
 * Reverses one allocation (反核销): the item it settled opens again by its amount, and so does the
 * payment or credit it came from. The allocation row is deleted first, so a second reversal of the
 * same row finds nothing (404) instead of opening the item twice.
 */
export async function reverseAllocation(trx: Tx, actor: Actor, side: Side, id: string): Promise<void> {
  const d = sides[side];
  const a = await untyped(trx).deleteFrom(d.allocations).where('id', '=', id)
    .returning(['id', `${d.itemFk} as itemId`, 'payment_id as paymentId', 'credit_id as creditId', 'amount']).executeTakeFirst();
  if (!a) throw new DomainError('NOT_FOUND', { entity: 'allocation' });
  const amount = Number(a.amount);
  // Each row moved back by exactly what the allocation moved; the conditions only keep the counters in range.
  await untyped(trx).updateTable(d.items).set({ settled: sql`settled - ${int(amount)}` }).where('id', '=', a.itemId).where(sql<boolean>`settled >= ${int(amount)}`).execute();
  if (a.paymentId) {
    await untyped(trx).updateTable(d.payments).set({ allocated: sql`allocated - ${int(amount)}` }).where('id', '=', a.paymentId).where(sql<boolean>`allocated >= ${int(amount)}`).execute();
  } else {
    await untyped(trx).updateTable(d.items).set({ settled: sql`settled + ${int(amount)}` }).where('id', '=', a.creditId).where(sql<boolean>`settled + ${int(amount)} <= 0`).execute();
  }
  const numbers = await untyped(trx).selectFrom(`${d.items} as i`).select(`i.${d.itemNumber} as number`).where('i.id', '=', a.itemId).executeTakeFirst();
  await writeAudit(trx, actor, {
    action: 'delete', entity: a.paymentId ? d.paymentEntity : d.itemEntity, entityId: (a.paymentId ?? a.creditId) as string,
    summary: `反核销 ${numbers?.number ?? a.itemId} ${(amount / 100).toFixed(2)}`, before: { allocation: { ...a, amount } },
  });
}
