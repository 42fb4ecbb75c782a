import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/access.js';
import { errorResponses, idempotencyHeaders, idParams, pageOf } from '../../platform/http-schemas.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { salesOrderInput, salesOrderListQuery, salesOrderSummary, salesOrderView } from './sales-order.schemas.js';
import * as svc from './sales-order.service.js';

const tags = ['sales-orders'];

/** Sales orders: create (optionally confirming), list, get, confirm (reserve stock), cancel (release). */
export const salesOrderRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  app.post('/api/v1/sales-orders', {
    config: { access: 'sales:write' },
    schema: {
      tags, summary: 'Create a sales order; with confirm: true it reserves stock in the same call (all lines or none)',
      headers: idempotencyHeaders, body: salesOrderInput, response: { 201: salesOrderView, 200: salesOrderView, ...errorResponses },
    },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => svc.createSalesOrder(trx, actorOf(req), req.body, 'api')));

  app.get('/api/v1/sales-orders', {
    config: { access: 'sales:read' },
    schema: { tags, summary: 'List sales orders (search number, customer)', querystring: salesOrderListQuery, response: { 200: pageOf(salesOrderSummary), ...errorResponses } },
  }, async (req) => svc.listSalesOrders(db, req.query));

  app.get('/api/v1/sales-orders/:id', {
    config: { access: 'sales:read' },
    schema: { tags, summary: 'Get a sales order with its lines', params: idParams, response: { 200: salesOrderView, ...errorResponses } },
  }, async (req) => svc.getSalesOrder(db, req.params.id));

  for (const action of ['confirm', 'cancel'] as const) {
    app.post(`/api/v1/sales-orders/:id/${action}`, {
      config: { access: 'sales:write' },
      schema: {
        tags, params: idParams, response: { 200: salesOrderView, ...errorResponses },
        summary: action === 'confirm' ? 'Confirm: reserve every line’s stock or none (409 INSUFFICIENT_STOCK lists what is short and where else it is)' : 'Cancel (作废); releases reserved stock',
      },
    }, async (req) => db.transaction().execute((trx) => svc.transition(trx, actorOf(req), req.params.id, action)));
  }
};
