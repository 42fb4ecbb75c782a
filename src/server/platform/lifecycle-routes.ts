import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/create-db.js';
import { actorOf } from './access.js';
import { errorResponses, idParams } from './http-schemas.js';
import { deleteUnreferenced, setStatus } from './lifecycle.js';
import type { Permission } from './permissions.js';

type Options = {
  path: string;
  entity: string;
  table: Parameters<typeof setStatus>[2];
  access: Permission;
  tags: string[];
  view: z.ZodType;
  get: (db: Db, id: string) => Promise<unknown>;
};

/** DELETE (refused with 409 IN_USE when referenced), POST …/deactivate and …/activate for one master-data kind. */
export function lifecycleRoutes(o: Options): FastifyPluginAsyncZod {
  return async (app) => {
    const { db } = app.deps.database;
    app.delete(`${o.path}/:id`, {
      config: { access: o.access },
      schema: { tags: o.tags, summary: `Delete (409 IN_USE when referenced: deactivate instead)`, params: idParams, response: { 204: z.null().describe('Deleted'), ...errorResponses } },
    }, async (req, reply) => {
      await deleteUnreferenced(db, actorOf(req), o.table, o.entity, req.params.id);
      return reply.status(204).send(null);
    });
    for (const [verb, status] of [['deactivate', 'inactive'], ['activate', 'active']] as const) {
      app.post(`${o.path}/:id/${verb}`, {
        config: { access: o.access },
        schema: { tags: o.tags, summary: verb === 'deactivate' ? 'Deactivate (停用)' : 'Activate again (启用)', params: idParams, response: { 200: o.view, ...errorResponses } },
      }, async (req) => {
        await setStatus(db, actorOf(req), o.table, o.entity, req.params.id, status);
        return o.get(db, req.params.id);
      });
    }
  };
}
