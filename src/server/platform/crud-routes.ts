import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Db } from '../db/create-db.js';
import { actorOf } from './access.js';
import type { Actor } from './actor.js';
import { EXPORT_LIMIT, sendExport, type ExportColumn } from './export.js';
import { errorResponses, idParams, pageOf } from './http-schemas.js';
import { lifecycleRoutes } from './lifecycle-routes.js';
import { sortHelp, type Page } from './list.js';
import type { Permission } from './permissions.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Options<V> = {
  path: string;
  entity: string;
  table: 'customers' | 'suppliers' | 'warehouses';
  tags: string[];
  read: Permission;
  write: Permission;
  noun: string;
  view: z.ZodType<V>;
  input: z.ZodType;
  patch: z.ZodType;
  listQuery: z.ZodObject;
  exportQuery: z.ZodObject;
  sorts: Record<string, string>;
  list: (db: Db, f: any) => Promise<Page<V>>;
  get: (db: Db, id: string) => Promise<V>;
  create: (db: Db, actor: Actor, input: any) => Promise<V>;
  update: (db: Db, actor: Actor, id: string, patch: any) => Promise<V>;
  exportColumns: ExportColumn<V>[];
  exportName: { zh: string; en: string };
};

/** The standard master-data endpoints: list, export, create, get, patch, delete, deactivate, activate. */
export function crudRoutes<V>(o: Options<V>): FastifyPluginAsyncZod {
  return async (app) => {
    const { db } = app.deps.database;
    const tags = o.tags;
    const view = o.view as z.ZodType<any>;
    const listQuery = o.listQuery.extend({ sort: (o.listQuery.shape.sort as z.ZodType).describe(sortHelp(o.sorts)) });
    app.get(o.path, {
      config: { access: o.read },
      schema: { tags, summary: `List ${o.noun}s`, querystring: listQuery, response: { 200: pageOf(view), ...errorResponses } },
    }, async (req) => o.list(db, req.query));

    app.get(`${o.path}/export`, {
      config: { access: o.read },
      schema: { tags, summary: `Export the filtered ${o.noun} list as .xlsx or .csv`, querystring: o.exportQuery, response: { ...errorResponses } },
    }, async (req, reply) => {
      const query = req.query as { format: 'xlsx' | 'csv' };
      const { items } = await o.list(db, { ...query, page: 1, pageSize: EXPORT_LIMIT });
      return sendExport(reply, { rows: items, columns: o.exportColumns, format: query.format, locale: req.locale, name: req.locale === 'en' ? o.exportName.en : o.exportName.zh });
    });

    app.post(o.path, {
      config: { access: o.write },
      schema: { tags, summary: `Create a ${o.noun}`, body: o.input, response: { 201: view, ...errorResponses } },
    }, async (req, reply) => reply.status(201).send((await o.create(db, actorOf(req), req.body)) as never));

    app.get(`${o.path}/:id`, {
      config: { access: o.read },
      schema: { tags, summary: `Get a ${o.noun}`, params: idParams, response: { 200: view, ...errorResponses } },
    }, async (req) => (await o.get(db, req.params.id)) as never);

    app.patch(`${o.path}/:id`, {
      config: { access: o.write },
      schema: { tags, summary: `Change a ${o.noun} (fields given are replaced)`, params: idParams, body: o.patch, response: { 200: view, ...errorResponses } },
    }, async (req) => (await o.update(db, actorOf(req), req.params.id, req.body)) as never);

    await app.register(lifecycleRoutes({ path: o.path, entity: o.entity, table: o.table, access: o.write, tags, view: o.view, get: o.get }));
  };
}
