import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/access.js';
import { errorResponses, idempotencyHeaders, idParams, pageOf } from '../../platform/http-schemas.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { sortHelp } from '../../platform/list.js';
import * as svc from './pick-list.service.js';
import { listProductBins, setProductBin } from './product-bin.service.js';
import { pickConfirmInput, pickListInput, pickListQuery, pickListSummary, pickListView, pickScanInput, productBinInput, productBinQuery, productBinView } from './shipping.schemas.js';

const tags = ['shipping'];
const responses = { ...errorResponses, 422: errorResponses[400] };

/** Pick lists (拣货单) and the default bin each product is picked from. */
export const pickListRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;

  app.post('/api/v1/pick-lists', {
    config: { access: 'shipping:write' },
    schema: {
      tags, headers: idempotencyHeaders, body: pickListInput, response: { 201: pickListView, 200: pickListView, ...responses },
      summary: 'Create a pick list for one order or a wave: what each line holds reserved and not yet picked, grouped by warehouse and sorted by bin (JH-yyyymmdd-nnnn)',
    },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => svc.createPickList(trx, actorOf(req), req.body)));

  app.get('/api/v1/pick-lists', {
    config: { access: 'sales:read' },
    schema: { tags, summary: 'List pick lists', querystring: pickListQuery.extend({ sort: pickListQuery.shape.sort.describe(sortHelp(svc.pickListSorts)) }), response: { 200: pageOf(pickListSummary), ...responses } },
  }, async (req) => svc.listPickLists(db, req.query));

  app.get('/api/v1/pick-lists/:id', {
    config: { access: 'sales:read' },
    schema: { tags, summary: 'A pick list with its lines in walking order', params: idParams, response: { 200: pickListView, ...responses } },
  }, async (req) => svc.getPickList(db, req.params.id));

  app.post('/api/v1/pick-lists/:id/scans', {
    config: { access: 'shipping:write' },
    schema: {
      tags, params: idParams, body: pickScanInput, response: { 200: pickListView.shape.lines.element, ...responses },
      summary: 'Count one scanned item (a pack-unit barcode counts its factor) on its open line; 404 BARCODE_UNKNOWN, 422 PICK_WRONG_ITEM (not on the list or not at the scanned bin), 409 PICK_TOO_MANY',
    },
  }, async (req) => db.transaction().execute((trx) => svc.scanPick(trx, actorOf(req), req.params.id, req.body)));

  app.post('/api/v1/pick-lists/:id/confirm', {
    config: { access: 'shipping:write' },
    schema: {
      tags, params: idParams, body: pickConfirmInput.optional(), response: { 200: pickListView, ...responses },
      summary: 'Confirm picked quantities (given lines, or every open line at what was scanned); a short pick goes back to its order as backordered and alerts purchasing',
    },
  }, async (req) => db.transaction().execute((trx) => svc.confirmPickList(trx, actorOf(req), req.params.id, req.body ?? {})));

  app.get('/api/v1/product-bins', {
    config: { access: 'warehouses:read' },
    schema: { tags, summary: 'Default pick bins per product and warehouse', querystring: productBinQuery, response: { 200: z.object({ items: z.array(productBinView) }), ...responses } },
  }, async (req) => listProductBins(db, req.query));

  app.put('/api/v1/product-bins', {
    config: { access: 'warehouses:write' },
    schema: { tags, summary: 'Set (binId) or clear (binId: null) the bin a product is picked from in a warehouse', body: productBinInput, response: { 204: z.null(), ...responses } },
  }, async (req, reply) => {
    await setProductBin(db, actorOf(req), req.body);
    return reply.status(204).send(null);
  });
};
