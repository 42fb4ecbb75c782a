import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/access.js';
import { errorResponses, idParams, statusEnum } from '../../platform/http-schemas.js';
import { lifecycleRoutes } from '../../platform/lifecycle-routes.js';
import { categoryInput, categoryPatch, categoryView, type CategoryView } from './category.schemas.js';
import { sendExport } from '../../platform/export.js';
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

  app.get('/api/v1/categories/export', {
    config: { access: 'catalog:read' },
    schema: {
      tags, summary: 'Export categories (with their full path) as .xlsx or .csv',
      querystring: z.strictObject({ status: statusEnum.optional(), q: z.string().trim().max(100).optional(), format: z.enum(['xlsx', 'csv']).default('xlsx') }),
      response: { ...errorResponses },
    },
  }, async (req, reply) => {
    const { items } = await svc.listCategories(db, req.query);
    const all = new Map((await svc.listCategories(db, {})).items.map((c) => [c.id, c]));
    const path = (c: CategoryView): string => {
      const names = [c.name];
      for (let p = c.parentId ? all.get(c.parentId) : undefined, depth = 0; p && depth < 100; p = p.parentId ? all.get(p.parentId) : undefined, depth++) names.unshift(p.name);
      return names.join('/');
    };
    return sendExport(reply, {
      rows: items, format: req.query.format, locale: req.locale, name: req.locale === 'en' ? 'categories' : '商品类别',
      columns: [
        { key: 'path', zh: '类别路径', en: 'Path', width: 36, value: path }, { key: 'name', zh: '名称', en: 'Name' }, { key: 'code', zh: '编号', en: 'Code' },
        { key: 'sortOrder', zh: '排序', en: 'Order' }, { key: 'productCount', zh: '商品数', en: 'Products' }, { key: 'status', zh: '状态', en: 'Status' },
      ],
    });
  });

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
