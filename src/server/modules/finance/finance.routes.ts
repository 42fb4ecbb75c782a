import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/access.js';
import { errorResponses, idempotencyHeaders, idParams } from '../../platform/http-schemas.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { allocateCredit, allocatePayment, createPayment, getPayment } from './allocation.service.js';
import * as s from './finance.schemas.js';
import { ageing, balances, getItem, listItems, listPayments, statement } from './reports.service.js';
import { reverseAllocation } from './unallocation.service.js';

const tags = ['finance'];
const read = { access: 'finance:read' } as const;
const write = { access: 'finance:write' } as const;

/** Receivables (应收) and payables (应付): open items, payments with allocation (核销), statements (对账单), ageing (账龄), balances. */
export const financeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  const r = '/api/v1/finance/receivables';
  const p = '/api/v1/finance/payables';

  // Receivables: invoices from shipments, credit notes and refunds from sales returns.
  app.get(`${r}/invoices`, {
    config: read, schema: { tags, querystring: s.customerItemListQuery, response: { 200: s.itemPage, ...errorResponses }, summary: 'Customer invoices (应收单), credit notes and refunds; status open lists the oldest due first' },
  }, async (req) => listItems(db, 'receivables', { ...req.query, partyId: req.query.customerId }));
  app.get(`${r}/invoices/:id`, {
    config: read, schema: { tags, params: idParams, response: { 200: s.itemDetail, ...errorResponses }, summary: 'An invoice with the payments and credits allocated to it' },
  }, async (req) => getItem(db, 'receivables', req.params.id));
  app.post(`${r}/invoices/:id/allocations`, {
    config: write, schema: { tags, headers: idempotencyHeaders, params: idParams, body: s.allocateInput, response: { 200: s.itemDetail, ...errorResponses }, summary: 'Apply an open credit note (红字应收) to invoices of the same customer; all or nothing' },
  }, async (req, reply) => runIdempotent(db, req, reply, async (trx) => { await allocateCredit(trx, actorOf(req), 'receivables', req.params.id, req.body.allocations); return getItem(trx, 'receivables', req.params.id); }, 200));
  app.post(`${r}/payments`, {
    config: write, schema: {
      tags, headers: idempotencyHeaders, body: s.receiptOfPaymentInput, response: { 201: s.paymentView, 200: s.paymentView, ...errorResponses },
      summary: 'Record a payment received (收款单 SK-…), allocated to invoices at once when given; an allocation beyond an invoice’s open amount or the payment’s amount writes nothing',
    },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => createPayment(trx, actorOf(req), 'receivables', { ...req.body, partyId: req.body.customerId })));
  app.get(`${r}/payments`, {
    config: read, schema: { tags, querystring: s.customerPaymentListQuery, response: { 200: s.paymentPage, ...errorResponses }, summary: 'Payments received, newest first' },
  }, async (req) => listPayments(db, 'receivables', { ...req.query, partyId: req.query.customerId }));
  app.get(`${r}/payments/:id`, {
    config: read, schema: { tags, params: idParams, response: { 200: s.paymentView, ...errorResponses }, summary: 'A payment received with its allocations' },
  }, async (req) => getPayment(db, 'receivables', req.params.id));
  app.post(`${r}/payments/:id/allocations`, {
    config: write, schema: { tags, headers: idempotencyHeaders, params: idParams, body: s.allocateInput, response: { 200: s.paymentView, ...errorResponses }, summary: 'Allocate (核销) more of a payment received to invoices; all or nothing' },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => allocatePayment(trx, actorOf(req), 'receivables', req.params.id, req.body.allocations), 200));
  app.delete(`${r}/allocations/:id`, {
    config: write, schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses }, summary: 'Reverse an allocation (反核销): the invoice opens again, and the payment or credit it came from' },
  }, async (req, reply) => { await db.transaction().execute((trx) => reverseAllocation(trx, actorOf(req), 'receivables', req.params.id)); return reply.status(204).send(null); });
  app.get('/api/v1/finance/customers/:id/statement', {
    config: read, schema: { tags, params: idParams, querystring: s.statementQuery, response: { 200: s.statementView, ...errorResponses }, summary: 'Customer statement (客户对账单) for a period: opening balance, invoices, credits, refunds and payments, closing balance' },
  }, async (req) => statement(db, 'receivables', req.params.id, req.query.from, req.query.to));
  app.get(`${r}/ageing`, {
    config: read, schema: { tags, querystring: ageingQuery('customerId'), response: { 200: s.ageingView, ...errorResponses }, summary: 'Receivables ageing (应收账龄) by customer: open amounts by days past the due date' },
  }, async (req) => ageing(db, 'receivables', req.query.asOf, req.query.customerId));
  app.get(`${r}/balances`, {
    config: read, schema: { tags, querystring: s.balanceQuery, response: { 200: s.balancePage, ...errorResponses }, summary: 'Each customer’s receivable balance, open and overdue amounts, largest first' },
  }, async (req) => balances(db, 'receivables', req.query));

  // Payables: a row per purchase receipt and purchase return (purchasing books them).
  app.get(`${p}/items`, {
    config: read, schema: { tags, querystring: s.supplierItemListQuery, response: { 200: s.itemPage, ...errorResponses }, summary: 'Payables (应付单): a row per purchase receipt, a credit per purchase return' },
  }, async (req) => listItems(db, 'payables', { ...req.query, partyId: req.query.supplierId }));
  app.get(`${p}/items/:id`, {
    config: read, schema: { tags, params: idParams, response: { 200: s.itemDetail, ...errorResponses }, summary: 'A payable with the payments and credits allocated to it' },
  }, async (req) => getItem(db, 'payables', req.params.id));
  app.post(`${p}/items/:id/allocations`, {
    config: write, schema: { tags, headers: idempotencyHeaders, params: idParams, body: s.allocateInput, response: { 200: s.itemDetail, ...errorResponses }, summary: 'Apply an open credit (a purchase return) to other receipts of the same supplier; all or nothing' },
  }, async (req, reply) => runIdempotent(db, req, reply, async (trx) => { await allocateCredit(trx, actorOf(req), 'payables', req.params.id, req.body.allocations); return getItem(trx, 'payables', req.params.id); }, 200));
  app.post(`${p}/payments`, {
    config: write, schema: {
      tags, headers: idempotencyHeaders, body: s.supplierPaymentInput, response: { 201: s.paymentView, 200: s.paymentView, ...errorResponses },
      summary: 'Record a payment made (付款单 FK-…), allocated to receipts at once when given; an allocation beyond a payable’s open amount or the payment’s amount writes nothing',
    },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => createPayment(trx, actorOf(req), 'payables', { ...req.body, partyId: req.body.supplierId })));
  app.get(`${p}/payments`, {
    config: read, schema: { tags, querystring: s.supplierPaymentListQuery, response: { 200: s.paymentPage, ...errorResponses }, summary: 'Payments made, newest first' },
  }, async (req) => listPayments(db, 'payables', { ...req.query, partyId: req.query.supplierId }));
  app.get(`${p}/payments/:id`, {
    config: read, schema: { tags, params: idParams, response: { 200: s.paymentView, ...errorResponses }, summary: 'A payment made with its allocations' },
  }, async (req) => getPayment(db, 'payables', req.params.id));
  app.post(`${p}/payments/:id/allocations`, {
    config: write, schema: { tags, headers: idempotencyHeaders, params: idParams, body: s.allocateInput, response: { 200: s.paymentView, ...errorResponses }, summary: 'Allocate (核销) more of a payment made to receipts; all or nothing' },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => allocatePayment(trx, actorOf(req), 'payables', req.params.id, req.body.allocations), 200));
  app.delete(`${p}/allocations/:id`, {
    config: write, schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses }, summary: 'Reverse an allocation (反核销): the payable opens again, and the payment or credit it came from' },
  }, async (req, reply) => { await db.transaction().execute((trx) => reverseAllocation(trx, actorOf(req), 'payables', req.params.id)); return reply.status(204).send(null); });
  app.get('/api/v1/finance/suppliers/:id/statement', {
    config: read, schema: { tags, params: idParams, querystring: s.statementQuery, response: { 200: s.statementView, ...errorResponses }, summary: 'Supplier statement (供应商对账单) for a period: opening balance, receipts, returns and payments, closing balance' },
  }, async (req) => statement(db, 'payables', req.params.id, req.query.from, req.query.to));
  app.get(`${p}/ageing`, {
    config: read, schema: { tags, querystring: ageingQuery('supplierId'), response: { 200: s.ageingView, ...errorResponses }, summary: 'Payables ageing (应付账龄) by supplier: open amounts by days past the due date' },
  }, async (req) => ageing(db, 'payables', req.query.asOf, req.query.supplierId));
  app.get(`${p}/balances`, {
    config: read, schema: { tags, querystring: s.balanceQuery, response: { 200: s.balancePage, ...errorResponses }, summary: 'What is owed each supplier: balance, open and overdue amounts, largest first' },
  }, async (req) => balances(db, 'payables', req.query));
};

function ageingQuery<K extends 'customerId' | 'supplierId'>(key: K) {
  return z.strictObject({ asOf: s.dateString.optional().describe('Default today'), [key]: z.string().min(1).max(64).optional() } as { asOf: z.ZodOptional<typeof s.dateString> } & Record<K, z.ZodOptional<z.ZodString>>);
}
