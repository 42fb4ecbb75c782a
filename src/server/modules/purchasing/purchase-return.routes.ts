import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/access.js';
import { errorResponses, idempotencyHeaders, idParams, pageOf } from '../../platform/http-schemas.js';
import { runIdempotent } from '../../platform/idempotency.js';
import * as returns from './purchase-return.service.js';
import { payableQuery, payableView, purchaseReturnInput, purchaseReturnListQuery, purchaseReturnSummary, purchaseReturnView } from './purchase-return.schemas.js';
import { supplierPayables } from './supplier-payable.js';

const tags = ['purchasing'];

/** Purchase returns (采购退货单) and the supplier payable ledger they credit. */
export const purchaseReturnRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;

  app.post('/api/v1/purchase-returns', {
    config: { access: 'purchasing:write' },
    schema: {
      tags, headers: idempotencyHeaders, body: purchaseReturnInput, response: { 201: purchaseReturnView, 200: purchaseReturnView, ...errorResponses },
      summary: 'Post a purchase return (采购退货单) against a receipt: stock out, the supplier’s payable credited at the receipt’s cost; all lines or none',
    },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => returns.postPurchaseReturn(trx, actorOf(req), req.body)));

  app.get('/api/v1/purchase-returns', {
    config: { access: 'purchasing:read' },
    schema: { tags, summary: 'List purchase returns, newest first', querystring: purchaseReturnListQuery, response: { 200: pageOf(purchaseReturnSummary), ...errorResponses } },
  }, async (req) => returns.listPurchaseReturns(db, req.query));

  app.get('/api/v1/purchase-returns/:id', {
    config: { access: 'purchasing:read' },
    schema: { tags, summary: 'A purchase return with its lines', params: idParams, response: { 200: purchaseReturnView, ...errorResponses } },
  }, async (req) => returns.getPurchaseReturn(db, req.params.id));

  app.get('/api/v1/purchasing/payables', {
    config: { access: 'purchasing:read' },
    schema: { tags, summary: 'A supplier’s payable (应付) rows, newest first, and the balance: receipts add, returns credit', querystring: payableQuery, response: { 200: payableView, ...errorResponses } },
  }, async (req) => supplierPayables(db, req.query));
};
