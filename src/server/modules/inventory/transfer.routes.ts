import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/access.js';
import { errorResponses, idempotencyHeaders, idParams, pageOf } from '../../platform/http-schemas.js';
import { runIdempotent } from '../../platform/idempotency.js';
import * as svc from './transfer.service.js';
import { inTransitQuery, inTransitView, transferInput, transferListQuery, transferReceiveInput, transferSummary, transferView } from './transfer.schemas.js';

const tags = ['stock'];

/** Transfers between warehouses (调拨单): draft → in transit (调出) → received (调入), or cancelled. */
export const transferRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, numbers } = app.deps.database;

  app.post('/api/v1/stock-transfers', {
    config: { access: 'stock:adjust' },
    schema: {
      tags, summary: 'Create a transfer (调拨单 DB-…) as a draft; with ship: true it also ships, or nothing is written (409 INSUFFICIENT_STOCK)',
      headers: idempotencyHeaders, body: transferInput, response: { 201: transferView, 200: transferView, ...errorResponses },
    },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => svc.createTransfer(trx, actorOf(req), req.body, numbers)));

  app.get('/api/v1/stock-transfers', {
    config: { access: 'stock:read' },
    schema: { tags, summary: 'Transfers, newest first (search number and note)', querystring: transferListQuery, response: { 200: pageOf(transferSummary), ...errorResponses } },
  }, async (req) => svc.listTransfers(db, req.query));

  app.get('/api/v1/stock-transfers/in-transit', {
    config: { access: 'stock:read' },
    schema: { tags, summary: 'In transit (在途) per product × destination warehouse, with the transfers it is on', querystring: inTransitQuery, response: { 200: inTransitView, ...errorResponses } },
  }, async (req) => svc.listInTransit(db, req.query));

  app.get('/api/v1/stock-transfers/:id', {
    config: { access: 'stock:read' },
    schema: { tags, summary: 'A transfer with its lines (shipped, received, in transit, cost)', params: idParams, response: { 200: transferView, ...errorResponses } },
  }, async (req) => svc.getTransfer(db, req.params.id));

  app.post('/api/v1/stock-transfers/:id/ship', {
    config: { access: 'stock:adjust' },
    schema: {
      tags, summary: 'Ship (调出) a draft: transfer_out movements from the source at moving-average cost; 409 INSUFFICIENT_STOCK (nothing written) when not available',
      params: idParams, headers: idempotencyHeaders, response: { 200: transferView, ...errorResponses },
    },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => svc.shipTransfer(trx, actorOf(req), req.params.id), 200));

  app.post('/api/v1/stock-transfers/:id/receive', {
    config: { access: 'stock:adjust' },
    schema: {
      tags, summary: 'Receive (调入) all that is in transit, or the given lines (partial): transfer_in movements at the destination at the cost that left; 409 TRANSFER_TOO_MANY beyond what is in transit',
      params: idParams, headers: idempotencyHeaders, body: z.preprocess((v) => v ?? {}, transferReceiveInput), response: { 200: transferView, ...errorResponses },
    },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => svc.receiveTransfer(trx, actorOf(req), req.params.id, req.body), 200));

  app.post('/api/v1/stock-transfers/:id/cancel', {
    config: { access: 'stock:adjust' },
    schema: { tags, summary: 'Cancel (作废) a draft, or a transfer in transit: what has not arrived goes back to the source (transfer_in) at the cost that left', params: idParams, response: { 200: transferView, ...errorResponses } },
  }, async (req) => db.transaction().execute((trx) => svc.cancelTransfer(trx, actorOf(req), req.params.id)));
};
