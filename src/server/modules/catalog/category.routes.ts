import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/access.js';
import { errorResponses, idParams, statusEnum } from '../../platform/http-schemas.js';
import { lifecycleRoutes } from '../../platform/lifecycle-routes.js';
import { categoryInput, categoryPatch, categoryView } from './category.schemas.js';
import * as svc from './category.service.js';

const tags = ['categories'];

/** Product categories (a tree). */
export const categoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  app.get('/api/v1/categories', {
    config: { access: 'catalog:read' },
    schema: {
      tags, summary: 'All categories (flat list with parentId; build the tree client-side)',
      querystring: z.strictObject({ status: statusEnum.optional(), q: z.string().trim().max(100).optional() }),
      response: { 200: z.object({ items: z.array(categoryView) }), ...errorResponses },
    },
  }, async (req) => svc.listCategories(db, req.query));

  app.post('/api/v1/categories', {
    config: { access: 'catalog:write' },
    schema: { tags, summary: 'Create a category', body: categoryInput, response: { 201: categoryView, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await svc.createCategory(db, actorOf(req), req.body)));

  app.get('/api/v1/categories/:id', {
    config: { access: 'catalog:read' },
    schema: { tags, summary: 'Get a category', params: idParams, response: { 200: categoryView, ...errorResponses } },
  }, async (req) => svc.getCategory(db, req.params.id));

  app.patch('/api/v1/categories/:id', {
    config: { access: 'catalog:write' },
    schema: { tags, summary: 'Change a category (name, code, parent, order)', params: idParams, body: categoryPatch, response: { 200: categoryView, ...errorResponses } },
  }, async (req) => svc.updateCategory(db, actorOf(req), req.params.id, req.body));

  await app.register(lifecycleRoutes({ path: '/api/v1/categories', entity: 'category', table: 'categories', access: 'catalog:write', tags, view: categoryView, get: svc.getCategory }));
};
