import type { Db, Tx } from '../../db/create-db.js';
import type { CarrierTable } from '../../db/schema-shipping.js';
import { systemActor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { newId, randomToken } from '../../platform/ids.js';
import { enqueue } from '../../platform/outbox.js';
import { raiseAlert, resolveAlert } from '../alerts/index.js';
import { ensureFeedbackRequest, feedbackPath } from '../feedback/index.js';
import { orderShipping } from '../sales/index.js';
import { adapterFor, sign, SIGNATURE_HEADER, type CarrierEvent, type TrackingStatus } from './carrier-adapter.js';
import { callbackSecretOf, carrierByCode, carrierRow, type CarrierSecrets } from './carrier.service.js';

export type CallbackResult = { ok: true; duplicate: boolean; shipmentId: string; status: string };
type Headers = Record<string, string | string[] | undefined>;

/**
 * A carrier's tracking callback. The signature is checked on the raw body first (401
 * CARRIER_SIGNATURE_INVALID, also when the carrier has no secret: neither JXC_CARRIER_SECRET_<CODE>
 * nor its own), then the event is parsed (400) and its waybill found (404 WAYBILL_NOT_FOUND):
 * nothing is written before all three pass. An event id seen before is a no-op (duplicate: true).
 * Otherwise, in one transaction: the event on the order's timeline, the shipment's status
 * (delivered completes it; the order moves to delivered when all its shipments are), an alert on
 * an exception, the event in the outbox.
 */
export async function receiveCarrierEvent(db: Db, secrets: CarrierSecrets, carrierCode: string, rawBody: string, headers: Headers): Promise<CallbackResult> {
  const carrier = await carrierByCode(db, carrierCode);
  return acceptSigned(db, carrier, callbackSecretOf(carrier, secrets), rawBody, headers);
}

async function acceptSigned(db: Db, carrier: CarrierTable, secret: string | null, rawBody: string, headers: Headers): Promise<CallbackResult> {
  const adapter = adapterFor(carrier.adapter);
  if (!secret || !adapter.verify(rawBody, headers, secret)) {
    throw new DomainError('CARRIER_SIGNATURE_INVALID', {}, [{ field: SIGNATURE_HEADER, in: 'headers', message: { zh: '签名与请求内容不符', en: 'Signature does not match the body' } }]);
  }
  const event = adapter.parseCallback(rawBody);
  return db.transaction().execute(async (trx) => {
    const shipment = await trx.selectFrom('shipments as s').innerJoin('salesOrders as o', 'o.id', 's.orderId')
      .select(['s.id', 's.number', 's.orderId', 's.status', 'o.number as orderNumber']).where('s.carrierId', '=', carrier.id).where('s.trackingNumber', '=', event.trackingNumber).executeTakeFirst();
    if (!shipment) {
      throw new DomainError('WAYBILL_NOT_FOUND', { trackingNumber: event.trackingNumber }, [{ field: 'trackingNumber', message: { zh: '运单号不存在', en: 'Unknown tracking number' } }]);
    }
    const inserted = await trx.insertInto('trackingEvents').values({
      id: newId(), carrierId: carrier.id, eventId: event.eventId, shipmentId: shipment.id, orderId: shipment.orderId, status: event.status,
      at: event.at, location: event.location, description: event.description, createdAt: nowIso(),
    }).onConflict((oc) => oc.columns(['carrierId', 'eventId']).doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return { ok: true as const, duplicate: true, shipmentId: shipment.id, status: shipment.status };
    const status = await applyEvent(trx, { ...shipment, carrierCode: carrier.code }, event);
    return { ok: true as const, duplicate: false, shipmentId: shipment.id, status };
  });
}

type ShipmentRef = { id: string; number: string; orderId: string; status: string; orderNumber: string; carrierCode: string };

async function applyEvent(trx: Tx, s: ShipmentRef, e: CarrierEvent): Promise<string> {
  const actor = systemActor(`carrier:${s.carrierCode}`);
  // Delivered is final: a late in-transit event goes on the timeline but does not move it back.
  const status: string = s.status === 'delivered' ? 'delivered' : e.status;
  await trx.updateTable('shipments').set({
    status, updatedAt: nowIso(), ...(e.status === 'delivered' && s.status !== 'delivered' ? { deliveredAt: e.at } : {}), ...(e.expectedDate ? { expectedDate: e.expectedDate } : {}),
  }).where('id', '=', s.id).execute();
  const exceptionKey = `shipment-exception:${s.id}`;
  if (e.status === 'exception') {
    await raiseAlert(trx, {
      kind: 'shipment_exception', severity: 'warning', targetRole: 'sales',
      title: { zh: `物流异常：${s.orderNumber} ${s.number}（${e.description ?? e.location ?? s.carrierCode}）`, en: `Delivery exception: ${s.orderNumber} ${s.number} (${e.description ?? e.location ?? s.carrierCode})` },
      entity: 'salesOrder', entityId: s.orderId, data: { shipmentId: s.id, eventId: e.eventId, location: e.location, description: e.description }, dedupeKey: exceptionKey,
    });
  }
  // The delivered notice carries the order's rating link (one per order, made on its first delivery).
  let feedback: { feedbackPath: string } | Record<string, never> = {};
  if (e.status === 'delivered') {
    await resolveAlert(trx, exceptionKey);
    await orderShipping.deliverIfComplete(trx, actor, s.orderId);
    feedback = { feedbackPath: feedbackPath(await ensureFeedbackRequest(trx, s.orderId)) };
  }
  await enqueue(trx, 'shipment.tracking', {
    shipmentId: s.id, number: s.number, orderId: s.orderId, orderNumber: s.orderNumber, carrierCode: s.carrierCode, status: e.status, at: e.at,
    location: e.location, description: e.description, ...feedback,
  }, `shipment.tracking:${s.carrierCode}:${e.eventId}`);
  await writeAudit(trx, actor, { action: 'update', entity: 'shipment', entityId: s.id, summary: `${s.number} ${e.status}`, before: { status: s.status }, after: { status, event: e } });
  return status;
}

// Signs simulated events of a simulator carrier that has no secret of its own, so the simulator
// works out of the box. It lives only in this process and is never accepted from outside: the
// public callback path checks the carrier's real secret, and without one refuses (401).
const localSimulatorSecret = randomToken(32);

/**
 * Development and tests: has the simulator carrier report a tracking event for a shipment, signed
 * and accepted through the same path a real carrier's callback takes. Returns the request it made.
 */
export async function simulateEvent(db: Db, secrets: CarrierSecrets, shipmentId: string, input: { status: TrackingStatus; location?: string; description?: string }) {
  const s = await db.selectFrom('shipments').select(['id', 'carrierId', 'trackingNumber']).where('id', '=', shipmentId).executeTakeFirst();
  if (!s) throw new DomainError('NOT_FOUND', { entity: 'shipment' }, [{ field: 'id', in: 'params', message: { zh: '发货单不存在', en: 'No such shipment' } }]);
  const carrier = await carrierRow(db, s.carrierId);
  if (carrier.adapter !== 'simulator' || !s.trackingNumber) {
    throw new DomainError('CARRIER_NO_ADAPTER', { carrier: carrier.name }, [{ field: 'id', message: { zh: '只有模拟器快递公司的运单可以模拟', en: 'Only waybills of a simulator carrier can be simulated' } }]);
  }
  const secret = callbackSecretOf(carrier, secrets) ?? localSimulatorSecret;
  const body = JSON.stringify({ eventId: `sim-${randomToken(12)}`, trackingNumber: s.trackingNumber, status: input.status, at: nowIso(), location: input.location, description: input.description });
  const headers = { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(body, secret) };
  const result = await acceptSigned(db, carrier, secret, body, headers);
  return { request: { method: 'POST', path: `/api/v1/carrier-events/${carrier.code}`, headers, body }, result };
}
