// Table types of outbound webhooks (camelCase; see schema.ts and migration 0024).

/** A receiver of outbox events: where to POST, which event types, the signing secret. */
export interface WebhookSubscriptionTable {
  id: string;
  url: string;
  description: string | null;
  /** JSON array of event types; ["*"] for every type. */
  events: string;
  secret: string;
  active: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One event to send to one subscription, with its retry state and claim lease. */
export interface WebhookDeliveryTable {
  id: string;
  subscriptionId: string;
  /** The outbox message's id (the body's `id`). */
  eventId: string;
  eventType: string;
  occurredAt: string;
  /** live | replay:<id> */
  source: string;
  /** pending | failed | delivered | dead */
  status: string;
  attempts: number;
  nextAttemptAt: string;
  lockedUntil: string | null;
  lockedBy: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** One HTTP attempt of a delivery. */
export interface WebhookAttemptTable {
  id: string;
  deliveryId: string;
  attempt: number;
  at: string;
  ok: number;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  responseExcerpt: string | null;
}
