import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, listQueryBase, pageOf } from '../../platform/http-schemas.js';
import { listAudit } from './audit.service.js';

const entry = z.object({
  id: z.string(),
  at: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  summary: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});

/** The audit log, filtered (admin and finance). */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  app.get('/api/v1/audit-log', {
    config: { access: 'audit:read' },
    schema: {
      tags: ['audit'],
      summary: 'Audit log: who changed what, when, before and after',
      querystring: z.strictObject({
        q: listQueryBase.q,
        page: listQueryBase.page,
        pageSize: listQueryBase.pageSize,
        entity: z.string().max(40).optional(),
        entityId: z.string().max(64).optional(),
        action: z.string().max(20).optional(),
        actorType: z.enum(['user', 'api_key', 'system']).optional(),
        actorId: z.string().max(64).optional(),
        from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().describe('From this time (inclusive)'),
        to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().describe('Up to this time (a date includes the whole day)'),
      }),
      response: { 200: pageOf(entry), ...errorResponses },
    },
  }, async (req) => listAudit(db, req.query));
};
