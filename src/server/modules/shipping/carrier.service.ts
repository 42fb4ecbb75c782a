import { prepared } from '../../db/prepared.js';
import type { Db, DbOrTx } from '../../db/create-db.js';
import type { CarrierTable } from '../../db/schema-shipping.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { adapterFor } from './carrier-adapter.js';
import type { carrierInput, carrierPatch, carrierView } from './shipping.schemas.js';
import type { z } from 'zod';

type CarrierView = z.infer<typeof carrierView>;

/** Callback secrets from the environment (JXC_CARRIER_SECRET_<CODE>), by carrier code: config.carrierSecrets. */
export type CarrierSecrets = Readonly<Record<string, string>>;

/** The secret a carrier's callbacks are signed with: the environment's for its code, else its own; null when neither is set. */
export function callbackSecretOf(c: Pick<CarrierTable, 'code' | 'callbackSecret'>, secrets: CarrierSecrets): string | null {
  return secrets[c.code] ?? c.callbackSecret ?? null;
}

/** The API view of a carrier: the callback secret is never shown, only whether one is set and where it comes from. */
export function toCarrierView({ callbackSecret, ...c }: CarrierTable, secrets: CarrierSecrets): CarrierView {
  const source = secrets[c.code] ? 'environment' : callbackSecret ? 'carrier' : null;
  return {
    ...c, trackingRequired: Boolean(c.trackingRequired), hasCallbackSecret: source !== null, callbackSecretSource: source, issuesWaybills: adapterFor(c.adapter).issuesWaybills,
  };
}

/** Carriers in their list order. */
export async function listCarriers(db: Db, secrets: CarrierSecrets, status?: string): Promise<CarrierView[]> {
  let q = db.selectFrom('carriers').selectAll();
  if (status) q = q.where('status', '=', status);
  return (await q.orderBy('sortOrder').orderBy('code').execute()).map((c) => toCarrierView(c, secrets));
}

/** One carrier row (with its secret), or NOT_FOUND naming `field`. */
export async function carrierRow(db: DbOrTx, id: string, field = 'carrierId'): Promise<CarrierTable> {
  const c = await carrierById.first(db, { id });
  if (!c) throw new DomainError('NOT_FOUND', { entity: 'carrier' }, [{ field, message: { zh: '快递公司不存在', en: 'No such carrier' } }]);
  return c;
}

// Every shipment reads its carrier: built once (see db/prepared.ts).
const carrierById = prepared((db, a: { id: string }) => db.selectFrom('carriers').selectAll().where('id', '=', a.id));

/** A carrier by its code (callbacks name it in the path). */
export async function carrierByCode(db: DbOrTx, code: string): Promise<CarrierTable> {
  const c = await db.selectFrom('carriers').selectAll().where('code', '=', code.toUpperCase()).executeTakeFirst();
  if (!c) throw new DomainError('NOT_FOUND', { entity: 'carrier' }, [{ field: 'carrier', in: 'params', message: { zh: `没有代码为「${code}」的快递公司`, en: `No carrier with code "${code}"` } }]);
  return c;
}

// The audit log records the row as saved (its own secret set or not), not the environment.
const audited = (c: CarrierTable) => toCarrierView(c, {});

/** Adds a carrier to the list. */
export async function createCarrier(db: Db, secrets: CarrierSecrets, actor: Actor, input: z.infer<typeof carrierInput>): Promise<CarrierView> {
  return db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('carriers').select('id').where('code', '=', input.code).executeTakeFirst()) {
      throw new DomainError('DUPLICATE', { entity: 'carrier', field: { zh: '代码', en: 'code' }, value: input.code }, [{ field: 'code', message: { zh: '代码已存在', en: 'Code already exists' } }]);
    }
    const now = nowIso();
    const max = await trx.selectFrom('carriers').select((eb) => eb.fn.max('sortOrder').as('m')).executeTakeFirst();
    const row: CarrierTable = {
      id: newId(), code: input.code, name: input.name, nameEn: input.nameEn ?? input.name, adapter: input.adapter, trackingRequired: input.trackingRequired ? 1 : 0,
      transitDays: input.transitDays, callbackSecret: input.callbackSecret ?? null, sortOrder: input.sortOrder ?? Number(max?.m ?? 0) + 1, status: 'active', createdAt: now, updatedAt: now,
    };
    await trx.insertInto('carriers').values(row).execute();
    await writeAudit(trx, actor, { action: 'create', entity: 'carrier', entityId: row.id, summary: `${row.code} ${row.name}`, after: audited(row) });
    return toCarrierView(row, secrets);
  });
}

/** Changes a carrier (name, adapter, transit days, callback secret, order). */
export async function updateCarrier(db: Db, secrets: CarrierSecrets, actor: Actor, id: string, patch: z.infer<typeof carrierPatch>): Promise<CarrierView> {
  return db.transaction().execute(async (trx) => {
    const before = await carrierRow(trx, id, 'id');
    const { trackingRequired, ...rest } = patch;
    const set = { ...rest, ...(trackingRequired === undefined ? {} : { trackingRequired: trackingRequired ? 1 : 0 }), updatedAt: nowIso() };
    await trx.updateTable('carriers').set(set).where('id', '=', id).execute();
    const after = await carrierRow(trx, id, 'id');
    await writeAudit(trx, actor, { action: 'update', entity: 'carrier', entityId: id, summary: `${after.code} ${after.name}`, before: audited(before), after: audited(after) });
    return toCarrierView(after, secrets);
  });
}

/** Deactivates (no new shipments; parcels on the way still report) or activates a carrier. */
export async function setCarrierStatus(db: Db, secrets: CarrierSecrets, actor: Actor, id: string, status: 'active' | 'inactive'): Promise<CarrierView> {
  return db.transaction().execute(async (trx) => {
    const before = await carrierRow(trx, id, 'id');
    await trx.updateTable('carriers').set({ status, updatedAt: nowIso() }).where('id', '=', id).execute();
    await writeAudit(trx, actor, { action: status === 'active' ? 'activate' : 'deactivate', entity: 'carrier', entityId: id, summary: `${before.code} ${before.name}` });
    return toCarrierView(await carrierRow(trx, id, 'id'), secrets);
  });
}
