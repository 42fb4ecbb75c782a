import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/access.js';
import { EXPORT_LIMIT, sendExport, type ExportColumn } from '../../platform/export.js';
import { errorResponses, idempotencyHeaders, idParams, pageOf } from '../../platform/http-schemas.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { sortHelp } from '../../platform/list.js';
import { incomingList } from './incoming.service.js';
import { purchaseOrderHistory } from './purchase-order-history.js';
import * as orders from './purchase-order.service.js';
import * as receipts from './purchase-receipt.service.js';
import { getSettings, updateSettings } from './purchasing-settings.service.js';
import {
  commentBody, incomingQuery, incomingView, purchaseOrderEdit, purchaseOrderInput, purchaseOrderListQuery, purchaseOrderSummary, purchaseOrderView,
  receiptInput, receiptListQuery, receiptSummary, receiptView, receivingView, rejectBody, settingsPatch, settingsView,
} from './purchasing.schemas.js';

const tags = ['purchasing'];

const exportColumns: ExportColumn<z.infer<typeof purchaseOrderSummary>>[] = [
  { key: 'number', zh: '单号', en: 'Number' }, { key: 'orderDate', zh: '订单日期', en: 'Date' }, { key: 'supplierName', zh: '供应商', en: 'Supplier', width: 24 },
  { key: 'status', zh: '状态', en: 'Status' }, { key: 'total', zh: '价税合计', en: 'Total', money: true }, { key: 'tax', zh: '税额', en: 'Tax', money: true },
  { key: 'expectedDate', zh: '预计到货', en: 'Expected' }, { key: 'actorName', zh: '制单人', en: 'Entered by' },
];
const historyEntry = z.object({
  at: z.string(), actorName: z.string().nullable(), action: z.string().describe('create, submit, approve, reject, edit, receive, close, cancel, update'), summary: z.string().nullable(),
  fromStatus: z.string().nullable(), toStatus: z.string().nullable(), comment: z.string().nullable().describe('The comment given, or the receipt number for receive'),
});

/** Purchase orders (采购订单), purchase receipts (采购入库单), purchasing settings, incoming stock. */
export const purchasingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, numbers } = app.deps.database;
  const action = (name: 'submit' | 'approve' | 'cancel' | 'close', access: 'purchasing:write' | 'purchasing:read', summary: string) =>
    app.post(`/api/v1/purchase-orders/:id/${name}`, {
      config: { access },
      schema: { tags, summary, params: idParams, body: commentBody.optional(), response: { 200: purchaseOrderView, ...errorResponses } },
    }, async (req) => db.transaction().execute((trx) => orders.transitionPurchaseOrder(trx, actorOf(req), req.params.id, name, req.body?.comment)));

  app.post('/api/v1/purchase-orders', {
    config: { access: 'purchasing:write' },
    schema: {
      tags, summary: 'Create a purchase order (draft; with submit: true, submitted in the same call)',
      headers: idempotencyHeaders, body: purchaseOrderInput, response: { 201: purchaseOrderView, 200: purchaseOrderView, ...errorResponses },
    },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => orders.createPurchaseOrder(trx, actorOf(req), req.body, numbers)));

  app.get('/api/v1/purchase-orders', {
    config: { access: 'purchasing:read' },
    schema: {
      tags, summary: 'List purchase orders (search number, supplier, notes)',
      querystring: purchaseOrderListQuery.extend({ sort: purchaseOrderListQuery.shape.sort.describe(sortHelp(orders.purchaseOrderSorts)) }),
      response: { 200: pageOf(purchaseOrderSummary), ...errorResponses },
    },
  }, async (req) => orders.listPurchaseOrders(db, req.query));

  app.get('/api/v1/purchase-orders/export', {
    config: { access: 'purchasing:read' },
    schema: { tags, summary: 'Export the filtered order list as .xlsx or .csv', querystring: purchaseOrderListQuery.omit({ page: true, pageSize: true }).extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }), response: { ...errorResponses } },
  }, async (req, reply) => {
    const { items } = await orders.listPurchaseOrders(db, { ...req.query, page: 1, pageSize: EXPORT_LIMIT });
    return sendExport(reply, { rows: items, columns: exportColumns, format: req.query.format, locale: req.locale, name: req.locale === 'en' ? 'purchase-orders' : '采购订单' });
  });

  app.get('/api/v1/purchase-orders/:id/history', {
    config: { access: 'purchasing:read' },
    schema: { tags, summary: 'What happened to the order, oldest first (from the audit log)', params: idParams, response: { 200: z.array(historyEntry), ...errorResponses } },
  }, async (req) => purchaseOrderHistory(db, req.params.id));

  app.get('/api/v1/purchase-orders/:id', {
    config: { access: 'purchasing:read' },
    schema: { tags, summary: 'A purchase order with its lines (received and open quantities)', params: idParams, response: { 200: purchaseOrderView, ...errorResponses } },
  }, async (req) => orders.getPurchaseOrder(db, req.params.id));

  app.get('/api/v1/purchase-orders/:id/receiving', {
    config: { access: 'purchasing:read' },
    schema: { tags, summary: 'Open lines to receive, with each product’s barcodes and the suggested bin (上架建议)', params: idParams, response: { 200: receivingView, ...errorResponses } },
  }, async (req) => orders.receivingLines(db, req.params.id));

  app.patch('/api/v1/purchase-orders/:id', {
    config: { access: 'purchasing:write' },
    schema: { tags, summary: 'Edit a draft: replaces supplier, lines and terms', params: idParams, body: purchaseOrderEdit, response: { 200: purchaseOrderView, ...errorResponses } },
  }, async (req) => db.transaction().execute((trx) => orders.editPurchaseOrder(trx, actorOf(req), req.params.id, req.body)));

  action('submit', 'purchasing:write', 'Submit a draft: ordered, or pending approval when its total is over the approval threshold');
  action('approve', 'purchasing:read', 'Approve (审核) an order waiting for approval; only the approver role or an admin');
  action('cancel', 'purchasing:write', 'Cancel (作废) an order nothing has been received against');
  action('close', 'purchasing:write', 'Close an ordered, partially or fully received order: what is still open is no longer expected');

  app.post('/api/v1/purchase-orders/:id/reject', {
    config: { access: 'purchasing:read' },
    schema: { tags, summary: 'Reject (驳回) an order waiting for approval, with a reason; it goes back to draft', params: idParams, body: rejectBody, response: { 200: purchaseOrderView, ...errorResponses } },
  }, async (req) => db.transaction().execute((trx) => orders.transitionPurchaseOrder(trx, actorOf(req), req.params.id, 'reject', req.body.comment)));

  app.post('/api/v1/purchase-receipts', {
    config: { access: 'purchasing:receive' },
    schema: {
      tags, headers: idempotencyHeaders, body: receiptInput, response: { 201: receiptView, 200: receiptView, ...errorResponses },
      summary: 'Post a purchase receipt (采购入库单): against an order (partial receipts; over-receipt within the tolerance) or unplanned; stock in at cost, all lines or none',
    },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => receipts.postReceipt(trx, actorOf(req), req.body)));

  app.get('/api/v1/purchase-receipts', {
    config: { access: 'purchasing:read' },
    schema: { tags, summary: 'List purchase receipts, newest first', querystring: receiptListQuery, response: { 200: pageOf(receiptSummary), ...errorResponses } },
  }, async (req) => receipts.listReceipts(db, req.query));

  app.get('/api/v1/purchase-receipts/:id', {
    config: { access: 'purchasing:read' },
    schema: { tags, summary: 'A purchase receipt with its lines', params: idParams, response: { 200: receiptView, ...errorResponses } },
  }, async (req) => receipts.getReceipt(db, req.params.id));

  app.get('/api/v1/purchasing/settings', {
    config: { access: 'purchasing:read' },
    schema: { tags, summary: 'Purchasing settings: over-receipt tolerance, approval threshold and approver role', response: { 200: settingsView, ...errorResponses } },
  }, async () => getSettings(db));

  app.patch('/api/v1/purchasing/settings', {
    config: { access: 'purchasing:manage' },
    schema: { tags, summary: 'Change the purchasing settings', body: settingsPatch, response: { 200: settingsView, ...errorResponses } },
  }, async (req) => updateSettings(db, actorOf(req), req.body));

  app.get('/api/v1/stock/incoming', {
    config: { access: 'stock:read' },
    schema: {
      tags: ['stock', ...tags], querystring: incomingQuery, response: { 200: incomingView, ...errorResponses },
      summary: 'Incoming (在途) per product × warehouse from open purchase orders, with each open line’s order and expected date, earliest first',
    },
  }, async (req) => incomingList(db, req.query));
};
