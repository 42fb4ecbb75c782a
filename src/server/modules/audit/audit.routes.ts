import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EXPORT_LIMIT, sendExport } from '../../platform/export.js';
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
  const filters = {
    q: listQueryBase.q,
    entity: z.string().max(40).optional(),
    entityId: z.string().max(64).optional(),
    action: z.string().max(20).optional(),
    actorType: z.enum(['user', 'api_key', 'system']).optional(),
    actorId: z.string().max(64).optional(),
    from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().describe('From this time (inclusive)'),
    to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().describe('Up to this time (a date includes the whole day)'),
  };
  app.get('/api/v1/audit-log', {
    config: { access: 'audit:read' },
    schema: {
      tags: ['audit'],
      summary: 'Audit log: who changed what, when, before and after',
      querystring: z.strictObject({ ...filters, page: listQueryBase.page, pageSize: listQueryBase.pageSize }),
      response: { 200: pageOf(entry), ...errorResponses },
    },
  }, async (req) => listAudit(db, req.query));

  app.get('/api/v1/audit-log/export', {
    config: { access: 'audit:read' },
    schema: { tags: ['audit'], summary: 'Export the filtered audit log as .xlsx or .csv', querystring: z.strictObject({ ...filters, format: z.enum(['xlsx', 'csv']).default('xlsx') }), response: { ...errorResponses } },
  }, async (req, reply) => {
    const { items } = await listAudit(db, { ...req.query, page: 1, pageSize: EXPORT_LIMIT });
    const json = (v: unknown) => (v == null ? '' : JSON.stringify(v));
    return sendExport(reply, {
      rows: items, format: req.query.format, locale: req.locale, name: req.locale === 'en' ? 'audit-log' : '操作日志',
      columns: [
        { key: 'at', zh: '时间', en: 'Time', width: 24 }, { key: 'actorName', zh: '操作人', en: 'By' }, { key: 'actorType', zh: '操作人类型', en: 'Actor type' },
        { key: 'action', zh: '操作', en: 'Action' }, { key: 'entity', zh: '对象', en: 'Entity' }, { key: 'entityId', zh: '对象 ID', en: 'Entity id', width: 28 },
        { key: 'summary', zh: '摘要', en: 'Summary', width: 30 }, { key: 'before', zh: '修改前', en: 'Before', value: (r) => json(r.before), width: 40 },
        { key: 'after', zh: '修改后', en: 'After', value: (r) => json(r.after), width: 40 },
      ],
    });
  });
};
