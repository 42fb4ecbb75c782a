import type { Db, DbOrTx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { roles } from '../../platform/permissions.js';
import { settingsRow } from './sales-return.repository.js';
import type { SettingsPatch } from './sales-return.schemas.js';

/** The return policy: window days, auto-approval threshold, approver role and per-category windows. */
export async function getReturnSettings(db: DbOrTx) {
  const s = await settingsRow(db);
  const cats = await db.selectFrom('returnCategoryWindows').selectAll().orderBy('categoryId').execute();
  return {
    windowDays: Number(s.windowDays), autoApproveMax: Number(s.autoApproveMax), approverRole: s.approverRole,
    categoryWindows: cats.map((c) => ({ categoryId: c.categoryId, windowDays: Number(c.windowDays) })), updatedAt: s.updatedAt,
  };
}

/** Changes the return policy; the category windows given replace the list. Audited. */
export async function updateReturnSettings(db: Db, actor: Actor, patch: SettingsPatch) {
  if (patch.approverRole !== undefined && !(roles as readonly string[]).includes(patch.approverRole)) {
    throw new DomainError('VALIDATION_FAILED', { summary: 'approverRole' }, [{ field: 'approverRole', message: { zh: `没有角色「${patch.approverRole}」`, en: `No role "${patch.approverRole}"` } }]);
  }
  return db.transaction().execute(async (trx) => {
    const before = await getReturnSettings(trx);
    if (patch.categoryWindows) {
      const ids = [...new Set(patch.categoryWindows.map((c) => c.categoryId))];
      const found = new Set(ids.length ? (await trx.selectFrom('categories').select('id').where('id', 'in', ids).execute()).map((c) => c.id) : []);
      const bad = patch.categoryWindows.findIndex((c) => !found.has(c.categoryId));
      if (bad >= 0) throw new DomainError('NOT_FOUND', { entity: 'category' }, [{ field: `categoryWindows.${bad}.categoryId`, message: { zh: '商品类别不存在', en: 'No such category' } }]);
      await trx.deleteFrom('returnCategoryWindows').execute();
      const rows = [...new Map(patch.categoryWindows.map((c) => [c.categoryId, c])).values()];
      if (rows.length) await trx.insertInto('returnCategoryWindows').values(rows).execute();
    }
    await trx.updateTable('returnSettings').set({
      ...(patch.windowDays !== undefined ? { windowDays: patch.windowDays } : {}),
      ...(patch.autoApproveMax !== undefined ? { autoApproveMax: patch.autoApproveMax } : {}),
      ...(patch.approverRole !== undefined ? { approverRole: patch.approverRole } : {}),
      updatedAt: nowIso(),
    }).where('id', '=', 'default').execute();
    const after = await getReturnSettings(trx);
    await writeAudit(trx, actor, { action: 'update', entity: 'returnSettings', entityId: 'default', summary: 'return settings', before, after });
    return after;
  });
}
