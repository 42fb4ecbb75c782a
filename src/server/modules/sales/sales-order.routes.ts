import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/access.js';
import { errorResponses, idempotencyHeaders, idParams, pageOf } from '../../platform/http-schemas.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { EXPORT_LIMIT, sendExport } from '../../platform/export.js';
import { sortHelp } from '../../platform/list.js';
import { z } from 'zod';
import * as rules from './approval.service.js';
import { duplicateSalesOrder, editSalesOrder, setOrderPriority } from './sales-order-edit.js';
import { approvalBody, confirmBody, priorityBody, salesOrderEdit, approvalRuleInput, approvalRulePatch, approvalRuleView, rejectBody, salesOrderInput, salesOrderListQuery, salesOrderSummary, salesOrderView } from './sales-order.schemas.js';
import * as svc from './sales-order.service.js';
import { alertingShortage } from './shortage.js';
import { orderTimeline } from './sales-order-timeline.js';

const tags = ['sales-orders'];


/** Sales orders: create (optionally confirming), list, get, confirm (reserve stock), cancel (release). */
export const salesOrderRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, numbers } = app.deps.database;
  app.post('/api/v1/sales-orders', {
    config: { access: 'sales:write' },
    schema: {
      tags, summary: 'Create a sales order; with confirm: true it reserves stock in the same call (all lines or none)',
      headers: idempotencyHeaders, body: salesOrderInput, response: { 201: salesOrderView, 200: salesOrderView, ...errorResponses },
    },
  }, async (req, reply) => alertingShortage(db, () => runIdempotent(db, req, reply, (trx) => svc.createSalesOrder(trx, actorOf(req), req.body, 'api', numbers))));

  app.get('/api/v1/sales-orders', {
    config: { access: 'sales:read' },
    schema: { tags, summary: 'List sales orders (search number, customer)', querystring: salesOrderListQuery.extend({ sort: salesOrderListQuery.shape.sort.describe(sortHelp(svc.salesOrderSorts)) }), response: { 200: pageOf(salesOrderSummary), ...errorResponses } },
  }, async (req) => svc.listSalesOrders(db, req.query));

  app.get('/api/v1/sales-orders/export', {
    config: { access: 'sales:read' },
    schema: { tags, summary: 'Export the filtered order list as .xlsx or .csv', querystring: salesOrderListQuery.omit({ page: true, pageSize: true }).extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }), response: { ...errorResponses } },
  }, async (req, reply) => {
    const { items } = await svc.listSalesOrders(db, { ...req.query, page: 1, pageSize: EXPORT_LIMIT });
    return sendExport(reply, {
      rows: items, format: req.query.format, locale: req.locale, name: req.locale === 'en' ? 'sales-orders' : '销售订单',
      columns: [
        { key: 'number', zh: '单号', en: 'Number' }, { key: 'orderDate', zh: '订单日期', en: 'Date' }, { key: 'customerName', zh: '客户', en: 'Customer', width: 24 },
        { key: 'status', zh: '状态', en: 'Status' }, { key: 'total', zh: '价税合计', en: 'Total', money: true }, { key: 'tax', zh: '税额', en: 'Tax', money: true },
        { key: 'discount', zh: '折扣', en: 'Discount', money: true }, { key: 'requestedDate', zh: '交货日期', en: 'Requested' }, { key: 'actorName', zh: '制单人', en: 'Entered by' },
      ],
    });
  });

  app.get('/api/v1/sales-orders/:id', {
    config: { access: 'sales:read' },
    schema: { tags, summary: 'Get a sales order with its lines', params: idParams, response: { 200: salesOrderView, ...errorResponses } },
  }, async (req) => svc.getSalesOrder(db, req.params.id));

  app.get('/api/v1/sales-orders/:id/history', {
    config: { access: 'sales:read' },
    schema: {
      tags, summary: 'What happened to the order, oldest first: created, confirmed, held for approval, approved or rejected (who, comment), edited, cancelled', params: idParams,
      response: {
        200: z.array(z.object({
          at: z.string(), actorName: z.string().nullable(), action: z.string().describe('create, confirm, approve, reject, cancel, edit, update'), summary: z.string().nullable(),
          fromStatus: z.string().nullable(), toStatus: z.string().nullable(), comment: z.string().nullable(),
        })),
        ...errorResponses,
      },
    },
  }, async (req) => orderTimeline(db, req.params.id));

  app.post('/api/v1/sales-orders/:id/confirm', {
    config: { access: 'sales:write' },
    schema: {
      tags, params: idParams, body: confirmBody.optional(), response: { 200: salesOrderView, ...errorResponses },
      summary: 'Confirm: runs the approval rules (a tripped rule → pending_approval); else reserves every line, or none (409 INSUFFICIENT_STOCK with what is short, where else it is, substitutes, restock date), or with shortage: backorder what is there',
    },
  }, async (req) => alertingShortage(db, () => db.transaction().execute((trx) => svc.transition(trx, actorOf(req), req.params.id, 'confirm', undefined, req.body?.shortage))));

  app.patch('/api/v1/sales-orders/:id', {
    config: { access: 'sales:write' },
    schema: {
      tags, params: idParams, body: salesOrderEdit, response: { 200: salesOrderView, ...errorResponses },
      summary: 'Edit lines and terms (draft, pending approval, or confirmed and not shipped); a confirmed order is re-reserved and re-approved when a rule trips',
    },
  }, async (req) => alertingShortage(db, () => db.transaction().execute((trx) => editSalesOrder(trx, actorOf(req), req.params.id, req.body))));

  app.patch('/api/v1/sales-orders/:id/priority', {
    config: { access: 'sales:write' },
    schema: {
      tags, params: idParams, body: priorityBody, response: { 200: salesOrderView, ...errorResponses },
      summary: 'Change the priority (urgent, high, normal, low) of an order not yet fully shipped; backorders are reserved in that order at the next receipt',
    },
  }, async (req) => db.transaction().execute((trx) => setOrderPriority(trx, actorOf(req), req.params.id, req.body.priority)));

  app.post('/api/v1/sales-orders/:id/duplicate', {
    config: { access: 'sales:write' },
    schema: { tags, params: idParams, headers: idempotencyHeaders, response: { 201: salesOrderView, 200: salesOrderView, ...errorResponses }, summary: 'Copy an order into a new draft (same customer, lines and prices)' },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => duplicateSalesOrder(trx, actorOf(req), req.params.id, numbers)));

  app.post('/api/v1/sales-orders/:id/cancel', {
    config: { access: 'sales:write' },
    schema: { tags, params: idParams, response: { 200: salesOrderView, ...errorResponses }, summary: 'Cancel (作废); releases reserved stock' },
  }, async (req) => db.transaction().execute((trx) => svc.transition(trx, actorOf(req), req.params.id, 'cancel')));

  app.post('/api/v1/sales-orders/:id/approve', {
    config: { access: 'sales:read' },
    schema: { tags, summary: 'Approve (审核) an order waiting for approval; reserves its stock. Only the rule’s approver role or an admin', params: idParams, body: approvalBody.optional(), response: { 200: salesOrderView, ...errorResponses } },
  }, async (req) => alertingShortage(db, () => db.transaction().execute((trx) => svc.transition(trx, actorOf(req), req.params.id, 'approve', req.body?.comment, req.body?.shortage))));

  app.post('/api/v1/sales-orders/:id/reject', {
    config: { access: 'sales:read' },
    schema: { tags, summary: 'Reject (驳回) an order waiting for approval, with a reason; it goes back to draft', params: idParams, body: rejectBody, response: { 200: salesOrderView, ...errorResponses } },
  }, async (req) => db.transaction().execute((trx) => svc.transition(trx, actorOf(req), req.params.id, 'reject', req.body.comment)));

  const ruleTags = ['approval-rules'];
  app.get('/api/v1/approval-rules', {
    config: { access: 'sales:read' },
    schema: { tags: ruleTags, summary: 'Approval rules', response: { 200: z.object({ items: z.array(approvalRuleView) }), ...errorResponses } },
  }, async () => ({ items: await rules.listRules(db) }));
  app.post('/api/v1/approval-rules', {
    config: { access: 'approval:manage' },
    schema: { tags: ruleTags, summary: 'Create an approval rule', body: approvalRuleInput, response: { 201: approvalRuleView, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await rules.createRule(db, actorOf(req), req.body)));
  app.patch('/api/v1/approval-rules/:id', {
    config: { access: 'approval:manage' },
    schema: { tags: ruleTags, summary: 'Change an approval rule', params: idParams, body: approvalRulePatch, response: { 200: approvalRuleView, ...errorResponses } },
  }, async (req) => rules.updateRule(db, actorOf(req), req.params.id, req.body));
  app.delete('/api/v1/approval-rules/:id', {
    config: { access: 'approval:manage' },
    schema: { tags: ruleTags, summary: 'Delete an approval rule', params: idParams, response: { 204: z.null(), ...errorResponses } },
  }, async (req, reply) => {
    await rules.deleteRule(db, actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
};
