import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemActor } from '../../platform/actor.js';
import { actorOf } from '../../platform/access.js';
import { DomainError } from '../../platform/errors.js';
import { errorResponses, idParams } from '../../platform/http-schemas.js';
import { pickLocale, type Locale } from '../../platform/i18n.js';
import { getComplaint, listAssignees, listComplaints } from './complaint-query.js';
import { complaintSla, createComplaint, transitionComplaint, updateComplaint, updateComplaintSla } from './complaint.service.js';
import type { ComplaintAction } from './complaint.js';
import * as schemas from './feedback.schemas.js';
import { renderFeedbackPage } from './feedback-page.js';
import { getFeedbackForm, listFeedback, submitFeedback } from './feedback.service.js';
import { fullOrderTimeline } from './order-timeline.service.js';

const noStore = 'no-store';

/** Customer feedback (rating link after delivery), complaints (投诉) and the full order timeline. */
export const feedbackRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;

  app.get('/api/v1/feedback/:token', {
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { tags: ['feedback'], params: schemas.tokenParams, response: { 200: schemas.feedbackForm, ...errorResponses }, summary: 'The customer’s rating page data (no sign-in): order number, date, lines, whether already answered' },
  }, async (req, reply) => reply.header('cache-control', noStore).send(await getFeedbackForm(db, req.params.token)));

  app.post('/api/v1/feedback/:token', {
    config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags: ['feedback'], params: schemas.tokenParams, body: schemas.feedbackAnswer, response: { 200: schemas.feedbackForm, ...errorResponses }, summary: 'The customer rates the order 1–5 with an optional comment, once (409 FEEDBACK_USED after)' },
  }, async (req, reply) => reply.header('cache-control', noStore).send(await submitFeedback(db, req.params.token, req.body)));

  app.get('/feedback/:token', {
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { hide: true, params: schemas.tokenParams, querystring: z.object({ lang: z.string().max(10).optional() }) },
  }, async (req, reply) => {
    const locale: Locale = pickLocale(req.query.lang ?? req.headers['accept-language']);
    const view = await getFeedbackForm(db, req.params.token).catch((e: unknown) => {
      if (e instanceof DomainError && e.code === 'NOT_FOUND') return null;
      throw e;
    });
    // The one inline script runs by nonce and may only call this server (the feedback endpoint).
    const nonce = randomBytes(16).toString('base64');
    return reply.status(view ? 200 : 404).type('text/html; charset=utf-8')
      .header('cache-control', noStore).header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex')
      .header('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`)
      .send(renderFeedbackPage(view, locale, nonce));
  });

  app.get('/api/v1/feedback', {
    config: { access: 'sales:read' },
    schema: { tags: ['feedback'], querystring: schemas.feedbackListQuery, response: { 200: schemas.feedbackPage, ...errorResponses }, summary: 'Answered feedback, newest first, with the average rating; filters rating, minRating, maxRating, orderId, q' },
  }, async (req) => listFeedback(db, req.query));

  app.get('/api/v1/complaints', {
    config: { access: 'sales:read' },
    schema: { tags: ['complaints'], querystring: schemas.complaintListQuery, response: { 200: z.object({ items: z.array(schemas.complaintSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }), ...errorResponses }, summary: 'Complaints by due time: status, category, assigneeId, orderId, overdue=true|false, q' },
  }, async (req) => listComplaints(db, req.query));

  app.get('/api/v1/complaints/settings', {
    config: { access: 'sales:read' },
    schema: { tags: ['complaints'], response: { 200: schemas.slaView, ...errorResponses }, summary: 'SLA hours per complaint category' },
  }, async () => complaintSla(db));

  app.get('/api/v1/complaints/assignees', {
    config: { access: 'sales:read' },
    schema: { tags: ['complaints'], response: { 200: z.array(z.object({ id: z.string(), name: z.string() })), ...errorResponses }, summary: 'Who a complaint may be assigned to: active users whose role may work on sales' },
  }, async () => listAssignees(db));

  app.patch('/api/v1/complaints/settings', {
    config: { access: 'approval:manage' },
    schema: { tags: ['complaints'], body: schemas.slaPatch, response: { 200: schemas.slaView, ...errorResponses }, summary: 'Change the SLA hours of complaint categories (audited); applies to complaints made afterwards' },
  }, async (req) => updateComplaintSla(db, actorOf(req), req.body));

  app.post('/api/v1/complaints', {
    config: { access: 'sales:write' },
    schema: { tags: ['complaints'], body: schemas.complaintInput, response: { 201: schemas.complaintView, ...errorResponses }, summary: 'Record a complaint about an order; due time from the category’s SLA hours; complaint.created to the outbox' },
  }, async (req, reply) => reply.status(201).send(await db.transaction().execute((trx) => createComplaint(trx, actorOf(req), req.body))));

  app.post('/api/v1/track/:token/complaints', {
    config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags: ['complaints'], params: schemas.tokenParams, body: schemas.publicComplaintInput, response: { 201: z.object({ id: z.string(), status: z.string(), dueAt: z.string() }), ...errorResponses }, summary: 'The customer complains about the order of a tracking link (no sign-in)' },
  }, async (req, reply) => {
    const token = req.params.token;
    const t = /^[A-Za-z0-9_-]{16,64}$/.test(token) ? await db.selectFrom('orderTracking').select('orderId').where('token', '=', token).executeTakeFirst() : undefined;
    if (!t) throw new DomainError('NOT_FOUND', { entity: 'trackingToken' }, [{ field: 'token', in: 'params', message: { zh: '物流查询链接不存在', en: 'No such tracking link' } }]);
    const c = await db.transaction().execute((trx) => createComplaint(trx, systemActor('customer'), { ...req.body, orderId: t.orderId }, 'customer'));
    return reply.status(201).header('cache-control', noStore).send({ id: c.id, status: c.status, dueAt: c.dueAt });
  });

  app.get('/api/v1/complaints/:id', {
    config: { access: 'sales:read' },
    schema: { tags: ['complaints'], params: idParams, response: { 200: schemas.complaintView, ...errorResponses }, summary: 'A complaint with its history' },
  }, async (req) => getComplaint(db, req.params.id));

  app.patch('/api/v1/complaints/:id', {
    config: { access: 'sales:write' },
    schema: { tags: ['complaints'], params: idParams, body: schemas.complaintPatch, response: { 200: schemas.complaintView, ...errorResponses }, summary: 'Assign, change the priority, add a comment' },
  }, async (req) => updateComplaint(db, actorOf(req), req.params.id, req.body));

  for (const action of ['start', 'resolve', 'close', 'reopen'] as const satisfies readonly ComplaintAction[]) {
    app.post(`/api/v1/complaints/:id/${action}`, {
      config: { access: 'sales:write' },
      schema: { tags: ['complaints'], params: idParams, body: schemas.transitionBody.optional(), response: { 200: schemas.complaintView, ...errorResponses }, summary: `Complaint: ${action} (409 COMPLAINT_STATE when the status does not allow it)` },
    }, async (req) => transitionComplaint(db, actorOf(req), req.params.id, action, req.body?.comment ?? null));
  }

  app.get('/api/v1/sales-orders/:id/timeline', {
    config: { access: 'sales:read' },
    schema: { tags: ['sales'], params: idParams, response: { 200: z.array(schemas.timelineEntry), ...errorResponses }, summary: 'Every event of the order, oldest first: its history, shipments and tracking, returns, complaints, feedback, and each message with its delivery status' },
  }, async (req) => fullOrderTimeline(db, req.params.id));
};
