import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/access.js';
import { errorResponses, idParams, listQueryBase, pageOf } from '../../platform/http-schemas.js';
import * as svc from './alert.service.js';

const alertView = z.object({
  id: z.string(), kind: z.string(), severity: z.string(), targetRole: z.string(), title: z.object({ zh: z.string(), en: z.string() }),
  entity: z.string().nullable(), entityId: z.string().nullable(), data: z.unknown(), status: z.string(), createdAt: z.string(), resolvedAt: z.string().nullable(), read: z.boolean(),
});
const tags = ['alerts'];

/** The alert centre: shortages, approvals waiting, … for the caller's role. */
export const alertRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  app.get('/api/v1/alerts', {
    config: { access: 'authenticated' },
    schema: {
      tags, summary: 'Alerts for the caller’s role (admins: all), newest first',
      querystring: z.strictObject({
        page: listQueryBase.page, pageSize: listQueryBase.pageSize, status: z.enum(['open', 'resolved']).optional(), unread: z.enum(['true', 'false']).optional(),
        kind: z.enum(['shortage', 'approval_needed', 'reorder_point']).optional().describe('shortage: stock short for an order (purchasing); approval_needed: an order waits for approval; reorder_point: available + incoming at or below a reorder point (purchasing)'),
      }),
      response: { 200: pageOf(alertView), ...errorResponses },
    },
  }, async (req) => svc.listAlerts(db, actorOf(req), req.query));

  app.get('/api/v1/alerts/unread-count', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Open alerts the caller has not read', response: { 200: z.object({ count: z.number().int() }), ...errorResponses } },
  }, async (req) => ({ count: await svc.unreadCount(db, actorOf(req)) }));

  app.post('/api/v1/alerts/:id/read', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Mark one alert read', params: idParams, response: { 204: z.null(), ...errorResponses } },
  }, async (req, reply) => {
    await svc.markRead(db, actorOf(req), [req.params.id]);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/alerts/read-all', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Mark every visible alert read', response: { 204: z.null(), ...errorResponses } },
  }, async (req, reply) => {
    await svc.markRead(db, actorOf(req));
    return reply.status(204).send(null);
  });
};
