import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendExport, type ExportColumn } from '../../platform/export.js';
import { errorResponses } from '../../platform/http-schemas.js';
import { abcXyz } from './abc-xyz.js';
import * as schemas from './analytics-stock.schemas.js';
import { customerCategories, customerRfm } from './customer-figures.js';
import { exportOf } from './analytics-stock.export.js';
import { resolveFilters, type FilterInput } from './filters.js';
import { slowMoving, stockAgeing } from './stock-age.js';
import { stockTurnover } from './stock-turnover.js';
import { checkSupplier, supplierKpis, supplierOrders } from './supplier-figures.js';

const tags = ['analytics'];
const access = { access: 'analytics:read' } as const;
const filterKeys = ['from', 'to', 'warehouseId', 'categoryId', 'customerId', 'productId'] as const;
const filtersOf = (q: FilterInput): FilterInput => Object.fromEntries(filterKeys.filter((k) => q[k] !== undefined).map((k) => [k, q[k]]));

/** Stock, customer and supplier figures (docs/metrics.md): turnover, ABC/XYZ, slow-moving and ageing stock, RFM, category preferences, supplier KPIs, and their export. */
export const analyticsStockRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  app.get('/api/v1/analytics/stock/turnover', {
    config: access,
    schema: { tags, querystring: schemas.turnoverQuery, response: { 200: schemas.turnoverView, ...errorResponses }, summary: 'Turnover (cost of goods ÷ average inventory value) and days of supply by product, category or warehouse' },
  }, async (req) => stockTurnover(db, await resolveFilters(db, filtersOf(req.query)), req.query.by, req.query.limit));

  app.get('/api/v1/analytics/stock/abc-xyz', {
    config: access,
    schema: { tags, querystring: schemas.abcXyzQuery, response: { 200: schemas.abcXyzView, ...errorResponses }, summary: 'ABC classes by revenue, XYZ classes by the variation of monthly units, per product, with the 9-cell matrix' },
  }, async (req) => abcXyz(db, await resolveFilters(db, filtersOf(req.query)), { aPercent: req.query.aPercent, bPercent: req.query.bPercent, xMax: req.query.xMax, yMax: req.query.yMax }, { limit: req.query.limit, abc: req.query.abc, xyz: req.query.xyz }));

  app.get('/api/v1/analytics/stock/slow-moving', {
    config: access,
    schema: { tags, querystring: schemas.slowQuery, response: { 200: schemas.slowView, ...errorResponses }, summary: 'Stock on hand (product × warehouse) with no sale in N days up to today, with its last sale, units and value' },
  }, async (req) => slowMoving(db, await resolveFilters(db, filtersOf(req.query)), req.query.days, req.query.limit));

  app.get('/api/v1/analytics/stock/ageing', {
    config: access,
    schema: { tags, querystring: schemas.ageingQuery, response: { 200: schemas.ageingView, ...errorResponses }, summary: 'Units and value on hand by age (0–30, 31–60, 61–90, 91–180, >180 days), on hand taken to be the latest in-moves' },
  }, async (req) => stockAgeing(db, await resolveFilters(db, filtersOf(req.query)), req.query.limit));

  app.get('/api/v1/analytics/customers/rfm', {
    config: access,
    schema: { tags, querystring: schemas.rfmQuery, response: { 200: schemas.rfmView, ...errorResponses }, summary: 'Customers who ordered in the range: recency, frequency, monetary value, quintile scores and RFM segment' },
  }, async (req) => customerRfm(db, await resolveFilters(db, filtersOf(req.query)), { limit: req.query.limit, segment: req.query.segment }));

  app.get('/api/v1/analytics/customers/categories', {
    config: access,
    schema: { tags, querystring: schemas.preferencesQuery, response: { 200: schemas.preferencesView, ...errorResponses }, summary: 'Top customers’ revenue by category with each category’s share (customer × category matrix)' },
  }, async (req) => customerCategories(db, await resolveFilters(db, filtersOf(req.query)), req.query.limit));

  app.get('/api/v1/analytics/suppliers', {
    config: access,
    schema: { tags, querystring: schemas.supplierQuery, response: { 200: schemas.suppliersView, ...errorResponses }, summary: 'Per supplier over purchase orders placed in the range: receipts, on-time %, promised and actual lead time, fill rate' },
  }, async (req) => {
    const f = await resolveFilters(db, filtersOf(req.query));
    await checkSupplier(db, req.query.supplierId);
    return supplierKpis(db, f, req.query.supplierId);
  });

  app.get('/api/v1/analytics/drill/supplier-orders', {
    config: access,
    schema: { tags, querystring: schemas.supplierQuery, response: { 200: schemas.supplierOrdersView, ...errorResponses }, summary: 'The purchase orders and receipts behind the supplier KPIs' },
  }, async (req) => {
    const f = await resolveFilters(db, filtersOf(req.query));
    await checkSupplier(db, req.query.supplierId);
    return { items: await supplierOrders(db, f, req.query.supplierId) };
  });

  app.get('/api/v1/analytics/export-more', {
    config: access,
    schema: { tags, querystring: schemas.moreExportQuery, response: { ...errorResponses }, summary: 'A stock, customer or supplier figure as .xlsx or .csv, with the same filters' },
  }, async (req, reply) => {
    const q = req.query;
    const f = await resolveFilters(db, filtersOf(q));
    await checkSupplier(db, q.supplierId);
    const { rows, columns, name } = await exportOf(db, q, f);
    return sendExport(reply, { rows, columns: columns as ExportColumn<unknown>[], format: q.format, locale: req.locale, name: req.locale === 'en' ? name.en : name.zh });
  });
};
