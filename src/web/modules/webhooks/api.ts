import { api, type Page } from '../../shared/api/client';

// The webhooks admin API: subscriptions, their delivery log, resend and replay (docs/api.md, Webhooks).

export type DeliveryCounts = { pending: number; failed: number; delivered: number; dead: number };
export type Subscription = {
  id: string; url: string; description: string | null; events: string[]; active: boolean; secretHint: string;
  createdAt: string; updatedAt: string; deliveries: DeliveryCounts;
};
export type SubscriptionInput = { url: string; events: string[]; description?: string | null; active?: boolean };
export type EventType = { type: string; zh: string; en: string };

export const deliveryStatuses = ['pending', 'failed', 'delivered', 'dead'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
export type WebhookDelivery = {
  id: string; subscriptionId: string; eventId: string; eventType: string; occurredAt: string; source: string; status: DeliveryStatus;
  attempts: number; nextAttemptAt: string; lastStatusCode: number | null; lastError: string | null; createdAt: string; deliveredAt: string | null;
};
export type Attempt = { attempt: number; at: string; ok: boolean; statusCode: number | null; durationMs: number; error: string | null; responseExcerpt: string | null };
export type DeliveryDetail = WebhookDelivery & { url: string; body: unknown; log: Attempt[] };
export type ReplayResult = { replayId: string; subscriptionId: string; from: string; to: string; events: number };

export const webhooks = {
  events: () => api.get<{ events: EventType[] }>('/webhooks/events').then((r) => r.events),
  list: (query: { page?: number; pageSize?: number }) => api.get<Page<Subscription>>('/webhooks/subscriptions', query),
  create: (body: SubscriptionInput) => api.post<Subscription & { secret: string }>('/webhooks/subscriptions', body),
  update: (id: string, body: Partial<SubscriptionInput>) => api.patch<Subscription>(`/webhooks/subscriptions/${id}`, body),
  remove: (id: string) => api.del(`/webhooks/subscriptions/${id}`),
  secret: (id: string) => api.get<{ secret: string }>(`/webhooks/subscriptions/${id}/secret`).then((r) => r.secret),
  rotateSecret: (id: string) => api.post<{ secret: string }>(`/webhooks/subscriptions/${id}/secret`).then((r) => r.secret),
  deliveries: (id: string, query: { page?: number; pageSize?: number; status?: string }) => api.get<Page<WebhookDelivery>>(`/webhooks/subscriptions/${id}/deliveries`, query),
  delivery: (id: string) => api.get<DeliveryDetail>(`/webhooks/deliveries/${id}`),
  resend: (id: string) => api.post<DeliveryDetail>(`/webhooks/deliveries/${id}/resend`),
  replay: (id: string, body: { from: string; to: string }) => api.post<ReplayResult>(`/webhooks/subscriptions/${id}/replay`, body),
};
