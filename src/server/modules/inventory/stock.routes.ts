import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/access.js';
import { EXPORT_LIMIT, sendExport, type ExportColumn } from '../../platform/export.js';
import { errorResponses, idParams, idempotencyHeaders, listQueryBase, pageOf } from '../../platform/http-schemas.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { sortHelp } from '../../platform/list.js';
import {
  adjustmentInput, adjustmentQuery, adjustmentView, movementQuery, movementView, openingInput, stockExportQuery, stockQuery, stockRow, stockTotals, verifyReply,
} from './stock.schemas.js';
import * as svc from './stock.service.js';
import { verifyStock } from './stock-verify.js';
import { listSubscriptions, subscribe } from './back-in-stock.js';

const tags = ['stock'];

export const stockExportColumns: ExportColumn<z.infer<typeof stockRow>>[] = [
  { key: 'sku', zh: '编码', en: 'SKU' },
  { key: 'productName', zh: '名称', en: 'Name', width: 30 },
  { key: 'baseUnit', zh: '单位', en: 'Unit' },
  { key: 'warehouseName', zh: '仓库', en: 'Warehouse', width: 16 },
  { key: 'onHand', zh: '库存', en: 'On hand' },
  { key: 'reserved', zh: '已预留', en: 'Reserved' },
  { key: 'available', zh: '可用', en: 'Available' },
  { key: 'avgCost', zh: '平均成本', en: 'Average cost', money: true },
  { key: 'value', zh: '库存金额', en: 'Value', money: true },
];

/** Stock balances, movements with running balance, adjustments (报损/报溢), opening balances, verify-stock. */
export const stockRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  app.get('/api/v1/stock', {
    config: { access: 'stock:read' },
    schema: {
      tags, summary: 'Stock by product × warehouse: onHand, reserved, available, incoming, value; totals over every matching row',
      querystring: stockQuery.extend({ sort: stockQuery.shape.sort.describe(sortHelp(svc.stockSorts)) }),
      response: { 200: pageOf(stockRow).extend({ totals: stockTotals }), ...errorResponses },
    },
  }, async (req) => svc.listStock(db, req.query));

  app.get('/api/v1/stock/export', {
    config: { access: 'stock:read' },
    schema: { tags, summary: 'Export the filtered stock list as .xlsx or .csv', querystring: stockExportQuery.extend({ sort: stockExportQuery.shape.sort.describe(sortHelp(svc.stockSorts)) }), response: { ...errorResponses } },
  }, async (req, reply) => {
    const { items } = await svc.listStock(db, { ...req.query, page: 1, pageSize: EXPORT_LIMIT });
    return sendExport(reply, { rows: items, columns: stockExportColumns, format: req.query.format, locale: req.locale, name: req.locale === 'en' ? 'stock' : '库存' });
  });

  app.get('/api/v1/stock/movements', {
    config: { access: 'stock:read' },
    schema: { tags, summary: 'Movement history of a product with the running balance per warehouse', querystring: movementQuery, response: { 200: pageOf(movementView), ...errorResponses } },
  }, async (req) => svc.listMovements(db, req.query));

  app.post('/api/v1/stock/adjustments', {
    config: { access: 'stock:adjust' },
    schema: { tags, summary: 'Post a stock adjustment: quantity + is 报溢 (gain), − is 报损 (loss); all lines or none', headers: idempotencyHeaders, body: adjustmentInput, response: { 201: adjustmentView, 200: adjustmentView, ...errorResponses } },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => svc.postAdjustment(trx, actorOf(req), req.body)));

  app.get('/api/v1/stock/adjustments', {
    config: { access: 'stock:read' },
    schema: {
      tags, summary: 'Adjustment and opening-balance documents',
      querystring: adjustmentQuery,
      response: { 200: pageOf(adjustmentView), ...errorResponses },
    },
  }, async (req) => svc.listAdjustments(db, req.query));

  app.get('/api/v1/stock/adjustments/:id', {
    config: { access: 'stock:read' },
    schema: { tags, summary: 'One adjustment document with its lines', params: idParams, response: { 200: adjustmentView, ...errorResponses } },
  }, async (req) => svc.getAdjustment(db, req.params.id));

  app.post('/api/v1/stock/opening', {
    config: { access: 'stock:adjust' },
    schema: { tags, summary: 'Post opening balances (期初) with unit cost; only before a product has movements in that warehouse', headers: idempotencyHeaders, body: openingInput, response: { 201: adjustmentView, 200: adjustmentView, ...errorResponses } },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => svc.postOpening(trx, actorOf(req), req.body)));

  app.get('/api/v1/admin/verify-stock', {
    config: { access: 'system:maintain' },
    schema: { tags, summary: 'Check the stock invariants (on hand = Σ movements, reserved = Σ reservations)', response: { 200: verifyReply, ...errorResponses } },
  }, async () => verifyStock(db));

  app.post('/api/v1/back-in-stock', {
    config: { access: 'sales:write' },
    schema: {
      tags, summary: 'Subscribe a customer to a back-in-stock notice (stock.back_in_stock goes to the outbox when stock arrives)',
      body: z.strictObject({ customerId: z.string().min(1).max(64), productId: z.string().min(1).max(64), warehouseId: z.string().min(1).max(64).optional(), orderId: z.string().min(1).max(64).optional() }),
      response: { 201: subscriptionView, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await subscribe(db, actorOf(req), req.body)));

  app.get('/api/v1/back-in-stock', {
    config: { access: 'sales:read' },
    schema: {
      tags, summary: 'Back-in-stock subscriptions',
      querystring: z.strictObject({ page: listQueryBase.page, pageSize: listQueryBase.pageSize, status: z.enum(['waiting', 'notified']).optional(), productId: z.string().max(64).optional(), customerId: z.string().max(64).optional() }),
      response: { 200: pageOf(subscriptionView), ...errorResponses },
    },
  }, async (req) => listSubscriptions(db, req.query));
};

const subscriptionView = z.object({ id: z.string(), customerId: z.string(), productId: z.string(), warehouseId: z.string().nullable(), orderId: z.string().nullable(), status: z.string(), createdAt: z.string(), notifiedAt: z.string().nullable() });
