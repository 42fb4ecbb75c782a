import type { Db, DbOrTx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import type { SettingsPatch } from './purchasing.schemas.js';

const percentToBp = (percent: number) => Math.round(percent * 100);

/** The purchasing settings row (made by the migration). */
export async function settingsRow(db: DbOrTx) {
  return db.selectFrom('purchasingSettings').selectAll().where('id', '=', 'default').executeTakeFirstOrThrow();
}

/** The settings as the API shows them (tolerance in percent). */
export async function getSettings(db: DbOrTx) {
  const s = await settingsRow(db);
  return { overReceiptPercent: Number(s.overReceiptBp) / 100, approvalThreshold: s.approvalThreshold == null ? null : Number(s.approvalThreshold), approverRole: s.approverRole, updatedAt: s.updatedAt };
}

/** Changes the over-receipt tolerance, the approval threshold or the approver role; audited. */
export async function updateSettings(db: Db, actor: Actor, patch: SettingsPatch) {
  return db.transaction().execute(async (trx) => {
    const before = await getSettings(trx);
    await trx.updateTable('purchasingSettings').set({
      ...(patch.overReceiptPercent !== undefined ? { overReceiptBp: percentToBp(patch.overReceiptPercent) } : {}),
      ...(patch.approvalThreshold !== undefined ? { approvalThreshold: patch.approvalThreshold } : {}),
      ...(patch.approverRole !== undefined ? { approverRole: patch.approverRole } : {}),
      updatedAt: nowIso(),
    }).where('id', '=', 'default').execute();
    const after = await getSettings(trx);
    await writeAudit(trx, actor, { action: 'update', entity: 'purchasingSettings', entityId: 'default', summary: 'purchasing settings', before, after });
    return after;
  });
}

export { percentToBp };
