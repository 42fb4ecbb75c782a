import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/access.js';
import { errorResponses, idParams, pageOf } from '../../platform/http-schemas.js';
import {
  createdSubscription, deliveryDetail, deliveryQuery, deliveryView, eventTypesView, replayInput, replayResult, secretView,
  subscriptionInput, subscriptionPatch, subscriptionQuery, subscriptionView,
} from './webhook.schemas.js';
import * as webhooks from './webhook.service.js';

const tags = ['webhooks'];
const access = 'webhooks:manage' as const;
const errors = { ...errorResponses, 422: errorResponses[400] };

/** Webhook subscriptions, their delivery log, resend and replay (docs/api.md, Webhooks). */
export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  app.get('/api/v1/webhooks/events', {
    config: { access },
    schema: { tags, summary: 'The event types a subscription can name', response: { 200: eventTypesView, ...errors } },
  }, async () => webhooks.listEventTypes());
  app.get('/api/v1/webhooks/subscriptions', {
    config: { access },
    schema: { tags, summary: 'Subscriptions, newest first, with deliveries counted by status', querystring: subscriptionQuery, response: { 200: pageOf(subscriptionView), ...errors } },
  }, async (req) => webhooks.listSubscriptions(db, req.query));
  app.post('/api/v1/webhooks/subscriptions', {
    config: { access },
    schema: { tags, summary: 'Subscribe a URL to event types; the signing secret is generated and returned', body: subscriptionInput, response: { 201: createdSubscription, ...errors } },
  }, async (req, reply) => reply.status(201).send(await webhooks.createSubscription(db, actorOf(req), req.body)));
  app.get('/api/v1/webhooks/subscriptions/:id', {
    config: { access },
    schema: { tags, summary: 'One subscription', params: idParams, response: { 200: subscriptionView, ...errors } },
  }, async (req) => webhooks.getSubscription(db, req.params.id));
  app.get('/api/v1/webhooks/subscriptions/:id/secret', {
    config: { access },
    schema: { tags, summary: 'The subscription’s signing secret', params: idParams, response: { 200: secretView, ...errors } },
  }, async (req) => webhooks.getSubscriptionSecret(db, req.params.id));
  app.post('/api/v1/webhooks/subscriptions/:id/secret', {
    config: { access },
    schema: { tags, summary: 'Replace the signing secret with a new one, returned; later deliveries are signed with it', params: idParams, response: { 200: secretView, ...errors } },
  }, async (req) => webhooks.rotateSubscriptionSecret(db, actorOf(req), req.params.id));
  app.patch('/api/v1/webhooks/subscriptions/:id', {
    config: { access },
    schema: { tags, summary: 'Change URL, event types, description or active; fields left out stay', params: idParams, body: subscriptionPatch, response: { 200: subscriptionView, ...errors } },
  }, async (req) => webhooks.updateSubscription(db, actorOf(req), req.params.id, req.body));
  app.delete('/api/v1/webhooks/subscriptions/:id', {
    config: { access },
    schema: { tags, summary: 'Delete a subscription and its delivery log', params: idParams, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await webhooks.deleteSubscription(db, actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
  app.get('/api/v1/webhooks/subscriptions/:id/deliveries', {
    config: { access },
    schema: { tags, summary: 'The subscription’s deliveries, newest first, by status and event type', params: idParams, querystring: deliveryQuery, response: { 200: pageOf(deliveryView), ...errors } },
  }, async (req) => webhooks.listDeliveries(db, req.params.id, req.query));
  app.post('/api/v1/webhooks/subscriptions/:id/replay', {
    config: { access },
    schema: {
      tags, summary: 'Send the subscription every event of its types written in [from, to) again; over 31 days or 10,000 events: 422 WEBHOOK_REPLAY_TOO_LARGE, nothing written',
      params: idParams, body: replayInput, response: { 201: replayResult, ...errors },
    },
  }, async (req, reply) => reply.status(201).send(await webhooks.replayEvents(db, actorOf(req), req.params.id, req.body)));
  app.get('/api/v1/webhooks/deliveries/:id', {
    config: { access },
    schema: { tags, summary: 'One delivery: the body it sends and every attempt (status code, duration, error, reply)', params: idParams, response: { 200: deliveryDetail, ...errors } },
  }, async (req) => webhooks.getDelivery(db, req.params.id));
  app.post('/api/v1/webhooks/deliveries/:id/resend', {
    config: { access },
    schema: { tags, summary: 'Send a delivered, failed or dead delivery again now, attempts from 0 (409 WEBHOOK_DELIVERY_STATE when it already waits)', params: idParams, response: { 200: deliveryDetail, ...errors } },
  }, async (req) => webhooks.resendDelivery(db, actorOf(req), req.params.id));
};
