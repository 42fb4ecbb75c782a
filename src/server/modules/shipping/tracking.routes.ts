import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams } from '../../platform/http-schemas.js';
import { DomainError } from '../../platform/errors.js';
import { pickLocale, type Locale } from '../../platform/i18n.js';
import { SIGNATURE_HEADER } from './carrier-adapter.js';
import { simulateInput } from './shipping.schemas.js';
import { publicTracking, publicTrackingView, renderTrackingPage } from './tracking-page.js';
import { receiveCarrierEvent, simulateEvent } from './tracking.service.js';

const tags = ['shipping'];
const responses = { ...errorResponses, 422: errorResponses[400] };
const tokenParams = z.strictObject({ token: z.string().max(100) });
const callbackResult = z.object({ ok: z.literal(true), duplicate: z.boolean(), shipmentId: z.string(), status: z.string() });

/** Carrier callbacks (signed, idempotent), the simulator, and the customer tracking page. */
export const trackingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  const secrets = app.deps.config.carrierSecrets;
  // This plugin's own JSON parser keeps the body as the raw text: the signature is over those exact bytes.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, String(body)));

  app.post('/api/v1/carrier-events/:carrier', {
    config: { access: 'public' },
    schema: {
      tags, params: z.strictObject({ carrier: z.string().min(1).max(20) }), response: { 200: callbackResult, ...responses },
      summary: `Tracking callback from a carrier: JSON {eventId, trackingNumber, status, at?, location?, description?, expectedDate?}, signed with header ${SIGNATURE_HEADER}: sha256=<hex HMAC-SHA256 of the raw body with the carrier’s callback secret>. A repeated eventId is a 200 no-op (duplicate: true). 401 CARRIER_SIGNATURE_INVALID, 404 WAYBILL_NOT_FOUND`,
    },
  }, async (req) => receiveCarrierEvent(db, secrets, req.params.carrier, typeof req.body === 'string' ? req.body : '', req.headers));

  app.post('/api/v1/shipments/:id/simulate-event', {
    config: { access: 'shipping:write' },
    schema: {
      tags, params: idParams, body: simulateInput, response: { 200: z.object({ request: z.object({ method: z.string(), path: z.string(), headers: z.record(z.string(), z.string()), body: z.string() }), result: callbackResult }), ...responses },
      summary: 'Development: the simulator carrier reports a tracking event for this shipment through the signed callback path (the carrier’s adapter must be simulator; without a callback secret the event is signed with one known only to this server). 422 CARRIER_NO_ADAPTER for other carriers',
    },
    // The body arrives as raw text here too; parse it as the schema says.
    preValidation: async (req) => {
      if (typeof req.body === 'string') {
        try {
          req.body = req.body === '' ? {} : JSON.parse(req.body);
        } catch {
          throw new DomainError('VALIDATION_FAILED', { summary: 'body' }, [{ field: 'body', message: { zh: '不是有效的 JSON', en: 'Not valid JSON' } }]);
        }
      }
    },
  }, async (req) => simulateEvent(db, secrets, req.params.id, req.body));

  app.get('/api/v1/public/tracking/:token', {
    config: { access: 'public' },
    schema: { tags, summary: 'What the customer tracking link shows, as JSON (no sign-in)', params: tokenParams, response: { 200: publicTrackingView, ...responses } },
  }, async (req, reply) => {
    const view = await publicTracking(db, req.params.token);
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (!view) throw new DomainError('NOT_FOUND', { entity: 'trackingToken' });
    return view;
  });

  app.get('/t/:token', {
    config: { access: 'public' },
    schema: { hide: true, params: tokenParams, querystring: z.object({ lang: z.string().max(10).optional() }) },
  }, async (req, reply) => {
    const q = req.query.lang;
    const locale: Locale = q ? pickLocale(q) : pickLocale(req.headers['accept-language']);
    const view = await publicTracking(db, req.params.token);
    // The return and complaint forms' inline scripts run by nonce and may only call this server (their endpoints).
    const nonce = randomBytes(16).toString('base64');
    return reply.status(view ? 200 : 404).type('text/html; charset=utf-8')
      .header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex')
      .header('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`)
      .send(renderTrackingPage(view, locale, app.deps.config.timeZone, nonce));
  });
};
