// The webhooks module's public surface: its routes, the dispatcher and the signature.
export { createWebhookDispatcher, deliveryBody, type WebhookDispatcher, type WebhookDispatcherOptions } from './webhook-dispatcher.js';
export { webhookEventTypes } from './webhook-events.js';
export { webhookRoutes } from './webhook.routes.js';
export { retrySchedule, signatureFor, verifySignature } from './webhooks.js';
