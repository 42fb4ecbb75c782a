import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/access.js';
import { systemActor, type Actor } from '../../platform/actor.js';
import type { Tx } from '../../db/create-db.js';
import { DomainError } from '../../platform/errors.js';
import { errorResponses, idempotencyHeaders, idParams, pageOf } from '../../platform/http-schemas.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { getReturnSettings, updateReturnSettings } from './return-settings.service.js';
import { inspectReturn, receiveReturn } from './sales-return-goods.service.js';
import { getSalesReturn, listSalesReturns, returnRates } from './sales-return-query.js';
import { closeReturn, exchangeReturn, refundReturn } from './sales-return-refund.service.js';
import * as schemas from './sales-return.schemas.js';
import type { ReturnView } from './sales-return.schemas.js';
import { approveReturn, cancelReturn, rejectReturn, requestReturn } from './sales-return.service.js';

const tags = ['returns'];
const responses = { 200: schemas.returnView, ...errorResponses };
const exchangeView = z.object({ salesReturn: schemas.returnView, orderId: z.string(), orderNumber: z.string(), orderStatus: z.string() });

/** Sales returns (销售退货单): request, approval, receipt by scanning, inspection, refund or exchange; the return-rate report. */
export const salesReturnRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;

  app.post('/api/v1/sales-returns', {
    config: { access: 'sales:write' },
    schema: { tags, headers: idempotencyHeaders, body: schemas.returnInput, response: { 201: schemas.returnView, ...responses }, summary: 'Request a return of a shipped order’s lines (TH-…); the approval rule approves it at once or leaves it for the approver role' },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => requestReturn(trx, actorOf(req), req.body)));

  app.post('/api/v1/track/:token/returns', {
    config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags, params: z.strictObject({ token: z.string().max(100) }), body: schemas.publicReturnInput, response: { 201: schemas.returnView, ...responses }, summary: 'The customer asks for a return from the tracking page (no sign-in): the order of the tracking link, or another order of the same customer' },
  }, async (req, reply) => {
    const token = req.params.token;
    const t = /^[A-Za-z0-9_-]{16,64}$/.test(token) ? await db.selectFrom('orderTracking as t').innerJoin('salesOrders as o', 'o.id', 't.orderId').select(['o.id', 'o.customerId']).where('t.token', '=', token).executeTakeFirst() : undefined;
    if (!t) throw new DomainError('NOT_FOUND', { entity: 'trackingToken' });
    const body = { ...req.body, orderId: req.body.orderId ?? t.id, customerId: t.customerId };
    const view = await db.transaction().execute((trx) => requestReturn(trx, systemActor('customer'), body, 'customer'));
    return reply.status(201).header('cache-control', 'no-store').send(view);
  });

  app.get('/api/v1/sales-returns', {
    config: { access: 'sales:read' },
    schema: { tags, querystring: schemas.returnListQuery, response: { 200: pageOf(schemas.returnSummary), ...errorResponses }, summary: 'Sales returns, newest first: status, customerId, orderId, from/to (creation date), q (number, order number, customer)' },
  }, async (req) => listSalesReturns(db, req.query));

  app.get('/api/v1/sales-returns/settings', {
    config: { access: 'sales:read' },
    schema: { tags, response: { 200: schemas.settingsView, ...errorResponses }, summary: 'The return policy: window days, auto-approval threshold (fen), approver role, per-category windows' },
  }, async () => getReturnSettings(db));

  app.patch('/api/v1/sales-returns/settings', {
    config: { access: 'approval:manage' },
    schema: { tags, body: schemas.settingsPatch, response: { 200: schemas.settingsView, ...errorResponses }, summary: 'Change the return policy (audited); categoryWindows replaces the list' },
  }, async (req) => updateReturnSettings(db, actorOf(req), req.body));

  app.get('/api/v1/sales-returns/:id', {
    config: { access: 'sales:read' },
    schema: { tags, params: idParams, response: responses, summary: 'A sales return with lines, what is refundable and its history' },
  }, async (req) => getSalesReturn(db, req.params.id));

  /** A step on one return: validated body, one service call in a transaction (Idempotency-Key honoured), the return back. */
  const action = <B extends z.ZodType>(path: string, access: 'sales:read' | 'sales:write' | 'shipping:write', summary: string, body: B,
    run: (trx: Tx, actor: Actor, id: string, body: z.infer<B>) => Promise<ReturnView>) =>
    app.post(`/api/v1/sales-returns/:id/${path}`, {
      config: { access },
      schema: { tags, headers: idempotencyHeaders, params: idParams, body, response: responses, summary },
    }, async (req, reply) => runIdempotent(db, req, reply, (trx) => run(trx, actorOf(req), req.params.id, req.body as z.infer<B>), 200));
  const comment = schemas.decisionBody.optional();

  action('approve', 'sales:read', 'Approve a requested return (the settings’ approver role or admin), with a comment', comment, (trx, a, id, b) => approveReturn(trx, a, id, b?.comment ?? null));
  action('reject', 'sales:read', 'Reject a requested return with a reason (by the approver role or admin)', schemas.rejectBody, (trx, a, id, b) => rejectReturn(trx, a, id, b.comment));
  action('cancel', 'sales:write', 'Cancel a return before goods came back', comment, (trx, a, id, b) => cancelReturn(trx, a, id, b?.comment ?? null));
  action('receive', 'shipping:write', 'Receive returned goods by scanning barcodes or SKUs against the lines', schemas.receiveInput, receiveReturn);
  action('inspect', 'shipping:write', 'Inspect every received line (grade, disposition): restock / return_to_supplier in at the original cost, scrap written off', schemas.inspectInput, inspectReturn);
  action('refund', 'sales:write', 'Record the refund or credit note: at most the received lines’ paid price minus the restocking fee', schemas.refundInput, refundReturn);
  action('close', 'sales:write', 'Close an inspected return without a refund', comment, (trx, a, id, b) => closeReturn(trx, a, id, b?.comment ?? null));

  app.post('/api/v1/sales-returns/:id/exchange', {
    config: { access: 'sales:write' },
    schema: { tags, headers: idempotencyHeaders, params: idParams, body: schemas.exchangeInput, response: { 201: exchangeView, ...errorResponses }, summary: 'Create the replacement sales order of an exchange (through the sales-order rules), linked to the return' },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => exchangeReturn(trx, actorOf(req), req.params.id, req.body)));

  app.get('/api/v1/reports/return-rates', {
    config: { access: 'sales:read' },
    schema: { tags, querystring: schemas.rateQuery, response: { 200: schemas.rateView, ...errorResponses }, summary: 'Returned ÷ shipped base units per product, category or reason (returns neither rejected nor cancelled)' },
  }, async (req) => returnRates(db, req.query));
};
