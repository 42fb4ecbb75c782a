import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from '../../platform/errors.js';

/** Tracking statuses on an order's timeline, in the order a parcel usually goes through them. */
export const trackingStatuses = ['picked_up', 'in_transit', 'out_for_delivery', 'delivered', 'exception'] as const;
export type TrackingStatus = (typeof trackingStatuses)[number];

/** A carrier's tracking event, normalised. */
export type CarrierEvent = {
  eventId: string; trackingNumber: string; status: TrackingStatus; at: string;
  location: string | null; description: string | null; expectedDate: string | null;
};

export type WaybillRequest = { carrierCode: string; shipmentNumber: string; orderNumber: string; address: unknown; packages: Array<{ weightG: number | null }> };

/**
 * What jxc needs from a carrier integration. A real carrier plugs in by implementing this (its
 * waybill API, its callback format and signature) and registering under a name in `adapters`;
 * a carrier row names its adapter. createWaybill is an external call: the shipment calls it
 * inside its transaction and cancels the waybill again if the transaction fails.
 */
export interface CarrierAdapter {
  readonly name: string;
  /** Whether it issues waybill numbers (else the number is typed or scanned). */
  readonly issuesWaybills: boolean;
  createWaybill(req: WaybillRequest): Promise<{ trackingNumber: string }>;
  cancelWaybill(trackingNumber: string): Promise<void>;
  /** Whether the raw callback body is signed with the carrier's secret. */
  verify(rawBody: string, headers: Record<string, string | string[] | undefined>, secret: string): boolean;
  /** The event in a verified callback body; throws VALIDATION_FAILED naming the fields at fault. */
  parseCallback(rawBody: string): CarrierEvent;
}

export const SIGNATURE_HEADER = 'x-jxc-signature';

/** `sha256=` + hex HMAC-SHA256 of the raw body with the carrier's secret: jxc's own callback signature. */
export function sign(rawBody: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

function verifySignature(rawBody: string, headers: Record<string, string | string[] | undefined>, secret: string): boolean {
  const given = headers[SIGNATURE_HEADER];
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(sign(rawBody, secret));
  const actual = Buffer.from(given.trim().toLowerCase());
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const eventBody = z.strictObject({
  eventId: z.string().trim().min(1).max(100),
  trackingNumber: z.string().trim().min(1).max(64),
  status: z.enum(trackingStatuses),
  at: z.iso.datetime({ offset: true }).optional(),
  location: z.string().trim().max(200).optional(),
  description: z.string().trim().max(500).optional(),
  expectedDate: z.iso.date().optional(),
});

/** Parses jxc's generic callback body `{eventId, trackingNumber, status, at?, location?, description?, expectedDate?}`. */
function parseGeneric(rawBody: string): CarrierEvent {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new DomainError('VALIDATION_FAILED', { summary: 'body' }, [{ field: 'body', message: { zh: '不是有效的 JSON', en: 'Not valid JSON' } }]);
  }
  const r = eventBody.safeParse(json);
  if (!r.success) {
    const details = r.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message }));
    throw new DomainError('VALIDATION_FAILED', { summary: details.map((d) => d.field).join(', ') }, details);
  }
  const e = r.data;
  return {
    eventId: e.eventId, trackingNumber: e.trackingNumber, status: e.status, at: e.at ? new Date(e.at).toISOString() : new Date().toISOString(),
    location: e.location ?? null, description: e.description ?? null, expectedDate: e.expectedDate ?? null,
  };
}

/** Numbers typed or scanned by staff; callbacks in jxc's generic signed format. */
const manual: CarrierAdapter = {
  name: 'manual',
  issuesWaybills: false,
  createWaybill: async () => {
    throw new Error('the manual adapter issues no waybills');
  },
  cancelWaybill: async () => undefined,
  verify: verifySignature,
  parseCallback: parseGeneric,
};

/** The built-in local simulator (development and tests; no network): issues waybill numbers, signs events like a carrier would. */
const simulator: CarrierAdapter = {
  name: 'simulator',
  issuesWaybills: true,
  createWaybill: async (req) => ({ trackingNumber: `${req.carrierCode}${Date.now().toString().slice(-8)}${String(randomInt(0, 1e6)).padStart(6, '0')}` }),
  cancelWaybill: async () => undefined,
  verify: verifySignature,
  parseCallback: parseGeneric,
};

/** Registered adapters by name (carriers.adapter). */
export const adapters: Record<string, CarrierAdapter> = { manual, simulator };
export const adapterNames = ['manual', 'simulator'] as const;

/** The adapter a carrier names (manual when unknown). */
export const adapterFor = (name: string): CarrierAdapter => adapters[name] ?? manual;
