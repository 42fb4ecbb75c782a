import type { Db } from '../db/create-db.js';
import type { Database } from '../db/schema.js';
import type { Actor } from './actor.js';
import { writeAudit } from './audit.js';
import { nowIso } from './clock.js';
import { DomainError } from './errors.js';
import { assertUnreferenced } from './references.js';

type StatusTable = 'categories' | 'products' | 'customers' | 'suppliers' | 'warehouses';

/** Sets status active/inactive on a master-data row, with an audit entry. */
export async function setStatus(db: Db, actor: Actor, table: StatusTable, entity: string, id: string, status: 'active' | 'inactive'): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new DomainError('NOT_FOUND', { entity });
    if (before.status === status) return;
    const updatedAt = nowIso();
    await trx.updateTable(table as 'products').set({ status, updatedAt }).where('id', '=', id).execute();
    await writeAudit(trx, actor, { action: status === 'active' ? 'activate' : 'deactivate', entity, entityId: id, before, after: { ...before, status, updatedAt } });
  });
}

/** Deletes a master-data row unless something references it (then 409 IN_USE: deactivate instead). */
export async function deleteUnreferenced(db: Db, actor: Actor, table: keyof Database & StatusTable, entity: string, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new DomainError('NOT_FOUND', { entity });
    await assertUnreferenced(trx, entity, id);
    await trx.deleteFrom(table).where('id', '=', id).execute();
    await writeAudit(trx, actor, { action: 'delete', entity, entityId: id, before });
  });
}
