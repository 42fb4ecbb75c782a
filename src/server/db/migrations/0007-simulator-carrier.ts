import type { Kysely } from 'kysely';
import { newId } from '../../platform/ids.js';

// A carrier on the built-in simulator adapter, so development and demos can ship with an
// e-waybill and follow the parcel to delivery without setting anything up. It has no callback
// secret: the simulator signs its own events (POST /api/v1/shipments/{id}/simulate-event) while
// outside callbacks to SIM stay refused until a secret is set, as for every carrier. Listed last;
// an install that already has a carrier coded SIM keeps its own.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  if (await db.selectFrom('carriers').select('id').where('code', '=', 'SIM').executeTakeFirst()) return;
  const last = await db.selectFrom('carriers').select((eb) => eb.fn.max('sort_order').as('m')).executeTakeFirst();
  const now = new Date().toISOString();
  await db.insertInto('carriers').values({
    id: newId(), code: 'SIM', name: '模拟快递（演示）', name_en: 'Simulator (demo)', adapter: 'simulator', tracking_required: 1, transit_days: 2,
    callback_secret: null, sort_order: Number(last?.m ?? 0) + 1, status: 'active', created_at: now, updated_at: now,
  }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('carriers').where('code', '=', 'SIM').where('adapter', '=', 'simulator')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('shipments').select('id').whereRef('shipments.carrier_id', '=', 'carriers.id')))).execute();
}
