import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/create-db.js';
import { sendExport, type ExportColumn } from '../../platform/export.js';
import { errorResponses } from '../../platform/http-schemas.js';
import * as schemas from './analytics.schemas.js';
import { fulfilmentOrders, salesLines } from './drill.js';
import { resolveFilters, type FilterInput } from './filters.js';
import { fulfilmentFigures } from './fulfilment-figures.js';
import { inventoryValue } from './inventory-figures.js';
import { salesSummary, salesTop, salesTrend } from './sales-figures.js';
import { forecastAccuracy, productForecast, runForecasts } from './forecast.service.js';

const tags = ['analytics'];
const access = { access: 'analytics:read' } as const;
const filterKeys = ['from', 'to', 'warehouseId', 'categoryId', 'customerId', 'productId'] as const;
const filtersOf = (q: FilterInput): FilterInput => Object.fromEntries(filterKeys.filter((k) => q[k] !== undefined).map((k) => [k, q[k]]));

/** Dashboard figures (docs/metrics.md): sales, inventory value, fulfilment, the documents behind each, and .xlsx export. */
export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;

  app.get('/api/v1/analytics/sales/summary', {
    config: access,
    schema: { tags, querystring: schemas.filtersQuery, response: { 200: schemas.summaryView, ...errorResponses }, summary: 'Sales, gross profit, margin, units, orders and average order value over a range, with the previous period of the same length' },
  }, async (req) => salesSummary(db, await resolveFilters(db, req.query)));

  app.get('/api/v1/analytics/sales/trend', {
    config: access,
    schema: { tags, querystring: schemas.trendQuery, response: { 200: schemas.trendView, ...errorResponses }, summary: 'Sales and gross profit by day, ISO week or month, with the previous period aligned point by point' },
  }, async (req) => salesTrend(db, await resolveFilters(db, filtersOf(req.query)), req.query.granularity));

  app.get('/api/v1/analytics/sales/top', {
    config: access,
    schema: { tags, querystring: schemas.topQuery, response: { 200: schemas.topView, ...errorResponses }, summary: 'Top products, customers, categories or warehouses by revenue, gross profit or units, with their share' },
  }, async (req) => salesTop(db, await resolveFilters(db, filtersOf(req.query)), req.query.by, req.query.sort, req.query.limit));

  app.get('/api/v1/analytics/inventory/value', {
    config: access,
    schema: { tags, querystring: schemas.valueQuery, response: { 200: schemas.valueView, ...errorResponses }, summary: 'Inventory value and units on hand now, by warehouse or category (dates do not apply)' },
  }, async (req) => inventoryValue(db, await resolveFilters(db, filtersOf(req.query)), req.query.by));

  app.get('/api/v1/analytics/fulfilment', {
    config: access,
    schema: { tags, querystring: schemas.filtersQuery, response: { 200: schemas.fulfilmentView, ...errorResponses }, summary: 'Orders entered in a range: order-to-ship days, shipped on time, backorder and return rates, with the previous period' },
  }, async (req) => fulfilmentFigures(db, await resolveFilters(db, req.query)));

  app.get('/api/v1/analytics/drill/sales', {
    config: access,
    schema: { tags, querystring: schemas.salesDrillQuery, response: { 200: schemas.salesLinesView, ...errorResponses }, summary: 'The sold and returned lines behind a sales figure (shipment, return or import, order, customer, product), newest first' },
  }, async (req) => salesLines(db, await resolveFilters(db, filtersOf(req.query)), req.query));

  app.get('/api/v1/analytics/drill/orders', {
    config: access,
    schema: { tags, querystring: schemas.orderDrillQuery, response: { 200: schemas.ordersView, ...errorResponses }, summary: 'The orders behind a fulfilment figure (shipped, on time, backordered, returned, late), newest first' },
  }, async (req) => fulfilmentOrders(db, await resolveFilters(db, filtersOf(req.query)), req.query));

  app.post('/api/v1/analytics/forecast/run', {
    config: access,
    schema: { tags, body: schemas.forecastRunBody, response: { 200: schemas.forecastRunView, ...errorResponses }, summary: 'Forecast weekly demand of every product × warehouse shipped in the last 156 weeks (or of one product or warehouse), backtest each, store the results' },
  }, async (req) => {
    await resolveFilters(db, { productId: req.body.productId, warehouseId: req.body.warehouseId });
    return runForecasts(db, req.body);
  });

  app.get('/api/v1/analytics/forecast/products/:productId', {
    config: access,
    schema: { tags, params: schemas.forecastParams, querystring: schemas.forecastProductQuery, response: { 200: schemas.productForecastView, ...errorResponses }, summary: 'One product’s demand forecast per warehouse, computed now, with its weekly history and backtest; no shipments: an explained empty result' },
  }, async (req) => {
    await resolveFilters(db, { productId: req.params.productId, warehouseId: req.query.warehouseId });
    return productForecast(db, req.params.productId, req.query.warehouseId);
  });

  app.get('/api/v1/analytics/forecast/accuracy', {
    config: access,
    schema: { tags, querystring: schemas.accuracyQuery, response: { 200: schemas.accuracyView, ...errorResponses }, summary: 'The last run’s forecasts, largest backtest error first, with the overall WAPE and WAPE by method and demand class' },
  }, async (req) => {
    const f = await resolveFilters(db, { warehouseId: req.query.warehouseId, categoryId: req.query.categoryId });
    return forecastAccuracy(db, { warehouseId: f.warehouseId, categoryIds: f.categoryIds, page: req.query.page, pageSize: req.query.pageSize });
  });

  app.get('/api/v1/analytics/export', {
    config: access,
    schema: { tags, querystring: schemas.exportQuery, response: { ...errorResponses }, summary: 'Any figure or its documents as .xlsx or .csv, with the same filters' },
  }, async (req, reply) => {
    const q = req.query;
    const f = await resolveFilters(db, filtersOf(q));
    const { rows, columns, name } = await exportOf(db, q, f);
    return sendExport(reply, { rows, columns: columns as ExportColumn<unknown>[], format: q.format, locale: req.locale, name: req.locale === 'en' ? name.en : name.zh });
  });
};

type ExportQuery = import('zod').infer<typeof schemas.exportQuery>;
type Rows = { rows: unknown[]; columns: Array<ExportColumn<never>>; name: { zh: string; en: string } };

const money = (key: string, zh: string, en: string) => ({ key, zh, en, money: true });

async function exportOf(db: Db, q: ExportQuery, f: Awaited<ReturnType<typeof resolveFilters>>): Promise<Rows> {
  const flat = { page: 1, pageSize: 100_000 };
  switch (q.figure) {
    case 'sales-trend': {
      const t = await salesTrend(db, f, q.granularity);
      return {
        rows: t.points.map((p, i) => ({ ...p, previousPeriod: t.previous[i]?.period ?? null, previousRevenue: t.previous[i]?.revenue ?? null })), name: { zh: '销售趋势', en: 'sales-trend' },
        columns: [{ key: 'period', zh: '期间', en: 'Period' }, { key: 'from', zh: '起', en: 'From' }, { key: 'to', zh: '止', en: 'To' }, money('sales', '销售额', 'Sales'), money('returns', '退货额', 'Returns'),
          money('revenue', '净销售额', 'Net sales'), money('cost', '销售成本', 'Cost of goods'), money('grossProfit', '毛利', 'Gross profit'), { key: 'marginPercent', zh: '毛利率%', en: 'Margin %' },
          { key: 'quantity', zh: '销量', en: 'Units' }, { key: 'previousPeriod', zh: '上期', en: 'Previous period' }, money('previousRevenue', '上期净销售额', 'Previous net sales')],
      };
    }
    case 'sales-top': {
      const by = q.by ?? 'product';
      const t = await salesTop(db, f, by, q.sort, q.limit);
      const label = { product: ['商品', 'Product'], customer: ['客户', 'Customer'], category: ['分类', 'Category'], warehouse: ['仓库', 'Warehouse'] }[by];
      return {
        rows: t.rows, name: { zh: `${label[0]}销售排行`, en: `top-${by}s` },
        columns: [{ key: 'rank', zh: '排名', en: 'Rank' }, { key: 'code', zh: '编码', en: 'Code' }, { key: 'name', zh: label[0], en: label[1], width: 28 }, money('revenue', '净销售额', 'Net sales'),
          money('grossProfit', '毛利', 'Gross profit'), { key: 'marginPercent', zh: '毛利率%', en: 'Margin %' }, { key: 'quantity', zh: '销量', en: 'Units' },
          { key: 'returnedQuantity', zh: '退货数量', en: 'Units returned' }, { key: 'sharePercent', zh: '占比%', en: 'Share %' }],
      };
    }
    case 'inventory-value': {
      const by = q.by === 'category' ? 'category' : 'warehouse';
      const v = await inventoryValue(db, f, by);
      return {
        rows: v.rows, name: { zh: '库存金额', en: 'inventory-value' },
        columns: [{ key: 'code', zh: '编码', en: 'Code' }, { key: 'name', zh: by === 'warehouse' ? '仓库' : '分类', en: by === 'warehouse' ? 'Warehouse' : 'Category', width: 24 },
          { key: 'products', zh: '商品数', en: 'Products' }, { key: 'units', zh: '库存数量', en: 'Units' }, money('value', '库存金额', 'Value'), { key: 'sharePercent', zh: '占比%', en: 'Share %' }],
      };
    }
    case 'fulfilment': {
      const r = await fulfilmentFigures(db, f);
      const row = (period: string, x: typeof r.current) => ({ period, ...x });
      return {
        rows: [row(`${r.from}~${r.to}`, r.current), row(`${r.previousFrom}~${r.previousTo}`, r.previous)], name: { zh: '履约指标', en: 'fulfilment' },
        columns: [{ key: 'period', zh: '期间', en: 'Period', width: 24 }, { key: 'orders', zh: '订单数', en: 'Orders' }, { key: 'shipped', zh: '已发完', en: 'Shipped' },
          { key: 'averageDaysToShip', zh: '平均发货天数', en: 'Avg days to ship' }, { key: 'medianDaysToShip', zh: '发货天数中位数', en: 'Median days to ship' },
          { key: 'onTimePercent', zh: '准时发货率%', en: 'On time %' }, { key: 'backorderPercent', zh: '缺货率%', en: 'Backorder %' }, { key: 'returnPercent', zh: '退货率%', en: 'Return %' },
          { key: 'openLate', zh: '逾期未发', en: 'Open and late' }],
      };
    }
    case 'sales-lines': {
      const r = await salesLines(db, f, { ...flat, kind: q.kind });
      return {
        rows: r.items, name: { zh: '销售明细', en: 'sales-lines' },
        columns: [{ key: 'day', zh: '日期', en: 'Date' }, { key: 'kind', zh: '类型', en: 'Kind' }, { key: 'orderNumber', zh: '订单号', en: 'Order' }, { key: 'document', zh: '单据', en: 'Document' },
          { key: 'customerName', zh: '客户', en: 'Customer', width: 24 }, { key: 'sku', zh: '商品编码', en: 'SKU' }, { key: 'productName', zh: '商品', en: 'Product', width: 24 },
          { key: 'warehouseName', zh: '仓库', en: 'Warehouse' }, { key: 'quantity', zh: '数量', en: 'Units' }, money('net', '金额(不含税)', 'Amount excl. tax'), money('cost', '成本', 'Cost')],
      };
    }
    case 'orders': {
      const r = await fulfilmentOrders(db, f, { ...flat, shipped: q.shipped, onTime: q.onTime, backordered: q.backordered, returned: q.returned, late: q.late });
      return {
        rows: r.items, name: { zh: '订单履约明细', en: 'orders' },
        columns: [{ key: 'orderNumber', zh: '订单号', en: 'Order' }, { key: 'orderDay', zh: '下单日期', en: 'Order date' }, { key: 'requestedDate', zh: '要求交货日期', en: 'Requested' },
          { key: 'shippedDay', zh: '发完日期', en: 'Shipped' }, { key: 'daysToShip', zh: '发货天数', en: 'Days to ship' }, { key: 'onTime', zh: '准时', en: 'On time' },
          { key: 'backordered', zh: '缺货', en: 'Backordered' }, { key: 'returned', zh: '有退货', en: 'Returned' }, { key: 'customerName', zh: '客户', en: 'Customer', width: 24 }, money('net', '金额(不含税)', 'Amount excl. tax')],
      };
    }
  }
}
