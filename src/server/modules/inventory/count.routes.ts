import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/access.js';
import { errorResponses, idempotencyHeaders, idParams, pageOf } from '../../platform/http-schemas.js';
import { runIdempotent } from '../../platform/idempotency.js';
import * as svc from './count.service.js';
import { approveInput, countedLine, countedQuery, countInput, countListQuery, countView, scanInput, scanReply, varianceQuery, varianceReply } from './count.schemas.js';

const tags = ['stock'];

/** Stock counts (盘点单): snapshot at the start, blind counting by scanning, variances, approval. */
export const countRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, numbers } = app.deps.database;

  app.post('/api/v1/stock-counts', {
    config: { access: 'stock:adjust' },
    schema: {
      tags, summary: 'Start a stock count (盘点单 PD-…) of a warehouse, optionally a zone, bins, products or a category: the book quantities are frozen now',
      headers: idempotencyHeaders, body: countInput, response: { 201: countView, 200: countView, ...errorResponses },
    },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => svc.createCount(trx, actorOf(req), req.body, numbers)));

  app.get('/api/v1/stock-counts', {
    config: { access: 'stock:read' },
    schema: { tags, summary: 'Stock counts, newest first', querystring: countListQuery, response: { 200: pageOf(countView), ...errorResponses } },
  }, async (req) => svc.listCounts(db, req.query));

  app.get('/api/v1/stock-counts/:id', {
    config: { access: 'stock:read' },
    schema: { tags, summary: 'A stock count: scope, snapshot time, lines counted; after approval the gain and loss totals', params: idParams, response: { 200: countView, ...errorResponses } },
  }, async (req) => svc.getCount(db, req.params.id));

  app.get('/api/v1/stock-counts/:id/counted', {
    config: { access: 'stock:read' },
    schema: { tags, summary: 'What has been counted so far, by SKU, without book quantities (blind)', params: idParams, querystring: countedQuery, response: { 200: pageOf(countedLine), ...errorResponses } },
  }, async (req) => svc.countedLines(db, req.params.id, req.query));

  app.post('/api/v1/stock-counts/:id/scans', {
    config: { access: 'stock:adjust' },
    schema: {
      tags, params: idParams, headers: idempotencyHeaders, body: scanInput, response: { 200: scanReply, ...errorResponses },
      summary: 'Enter counted quantities by barcode or SKU (a pack barcode counts its factor); repeated scans add up (mode set: recount). 404 BARCODE_UNKNOWN naming each unknown line, 422 COUNT_NOT_IN_SCOPE; nothing written when refused. Send an Idempotency-Key from a phone so a retried scan is not counted twice',
    },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => svc.scanCount(trx, actorOf(req), req.params.id, req.body), 200));

  app.get('/api/v1/stock-counts/:id/variances', {
    config: { access: 'stock:adjust' },
    schema: {
      tags, params: idParams, querystring: varianceQuery, response: { 200: varianceReply, ...errorResponses },
      summary: 'All variances at once: counted − (snapshot + movements since the snapshot), valued at moving-average cost, with totals (after approval: what was posted)',
    },
  }, async (req) => svc.countVariances(db, req.params.id, req.query));

  app.post('/api/v1/stock-counts/:id/approve', {
    config: { access: 'stock:adjust' },
    schema: {
      tags, params: idParams, headers: idempotencyHeaders, body: z.preprocess((v) => v ?? {}, approveInput), response: { 200: countView, ...errorResponses },
      summary: 'Approve (审核): every variance posts as count_gain / count_loss at moving-average cost in one transaction; 409 COUNT_STATE when approved before (nothing written)',
    },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => svc.approveCount(trx, actorOf(req), req.params.id, req.body), 200));

  app.post('/api/v1/stock-counts/:id/cancel', {
    config: { access: 'stock:adjust' },
    schema: { tags, summary: 'Cancel (作废) a count still counting; nothing is posted', params: idParams, response: { 200: countView, ...errorResponses } },
  }, async (req) => db.transaction().execute((trx) => svc.cancelCount(trx, actorOf(req), req.params.id)));
};
