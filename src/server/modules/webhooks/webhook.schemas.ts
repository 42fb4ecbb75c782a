import { z } from 'zod';
import { httpUrl } from '../../platform/http-schemas.js';
import { webhookEventTypes } from './webhook-events.js';

// Request and response schemas of webhook subscriptions, deliveries, resend and replay.

const eventList = z.array(z.enum(['*', ...webhookEventTypes] as [string, ...string[]])).min(1).max(100)
  .describe('event types to receive (GET /webhooks/events lists them); ["*"] for every type');

export const subscriptionInput = z.strictObject({
  url: httpUrl.describe('where to POST: an http:// or https:// URL'),
  events: eventList,
  description: z.string().trim().max(500).nullish(),
  active: z.boolean().default(true),
});
export const subscriptionPatch = z.strictObject({
  url: httpUrl.optional(),
  events: eventList.optional(),
  description: z.string().trim().max(500).nullish(),
  active: z.boolean().optional(),
});

const deliveryCounts = z.object({ pending: z.number().int(), failed: z.number().int(), delivered: z.number().int(), dead: z.number().int() });
export const subscriptionView = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.string()),
  active: z.boolean(),
  secretHint: z.string().describe('the secret’s first characters; GET …/secret for the whole'),
  createdAt: z.string(),
  updatedAt: z.string(),
  deliveries: deliveryCounts,
});
export const createdSubscription = subscriptionView.extend({ secret: z.string().describe('HMAC-SHA256 signing secret; also at GET /webhooks/subscriptions/{id}/secret') });
export const secretView = z.object({ secret: z.string() });

export const subscriptionQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  active: z.enum(['true', 'false']).optional(),
});

const deliveryStatus = z.enum(['pending', 'failed', 'delivered', 'dead']);
export const deliveryView = z.object({
  id: z.string().describe('sent as X-Jxc-Delivery'),
  subscriptionId: z.string(),
  eventId: z.string().describe('the body’s id: the same event has the same id in every delivery and replay'),
  eventType: z.string(),
  occurredAt: z.string(),
  source: z.string().describe('live, or replay:<id>'),
  status: deliveryStatus,
  attempts: z.number().int().describe('attempts since it was written or last resent'),
  nextAttemptAt: z.string(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export const attemptView = z.object({
  attempt: z.number().int(),
  at: z.string(),
  ok: z.boolean(),
  statusCode: z.number().int().nullable(),
  durationMs: z.number().int(),
  error: z.string().nullable(),
  responseExcerpt: z.string().nullable().describe('the receiver’s reply, first 1,000 characters'),
});
export const deliveryDetail = deliveryView.extend({ url: z.string(), body: z.unknown().describe('the JSON body sent'), log: z.array(attemptView).describe("every attempt, oldest first") });
export const deliveryQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  status: deliveryStatus.optional(),
  eventType: z.string().max(100).optional(),
});

export const replayInput = z.strictObject({
  from: z.iso.datetime({ offset: true }).describe('events written at or after this time'),
  to: z.iso.datetime({ offset: true }).describe('and before this time; at most 31 days after from'),
});
export const replayResult = z.object({ replayId: z.string(), subscriptionId: z.string(), from: z.string(), to: z.string(), events: z.number().int().describe('deliveries written, one per event') });

export const eventTypesView = z.object({ events: z.array(z.object({ type: z.string(), zh: z.string(), en: z.string() })) });
