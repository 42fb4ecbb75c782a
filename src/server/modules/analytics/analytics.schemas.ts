import { z } from 'zod';
import { filterQuery } from './filters.js';

// Request and response shapes of the analytics API (docs/metrics.md defines every figure).

const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
const num = z.number();
const optNum = z.number().nullable();

export const filtersQuery = z.strictObject(filterQuery);
export const trendQuery = z.strictObject({ ...filterQuery, granularity: z.enum(['day', 'week', 'month']).default('day') });
export const topQuery = z.strictObject({
  ...filterQuery,
  by: z.enum(['product', 'customer', 'category', 'warehouse']).default('product'),
  sort: z.enum(['revenue', 'grossProfit', 'quantity']).default('revenue'),
  limit: z.coerce.number().int().min(1).max(500).default(10),
});
export const valueQuery = z.strictObject({ ...filterQuery, by: z.enum(['warehouse', 'category']).default('warehouse') });
const page = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(50) };
export const salesDrillQuery = z.strictObject({ ...filterQuery, ...page, kind: z.enum(['sale', 'return']).optional() });
export const orderDrillQuery = z.strictObject({
  ...filterQuery, ...page,
  shipped: boolQuery.optional(), onTime: boolQuery.optional(), backordered: boolQuery.optional(), returned: boolQuery.optional(),
  late: boolQuery.optional().describe('Open orders past their requested date'),
});
export const exportQuery = z.strictObject({
  ...filterQuery,
  figure: z.enum(['sales-trend', 'sales-top', 'inventory-value', 'fulfilment', 'sales-lines', 'orders']),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  granularity: trendQuery.shape.granularity, by: z.enum(['product', 'customer', 'category', 'warehouse']).optional(), sort: topQuery.shape.sort, limit: z.coerce.number().int().min(1).max(100_000).default(100_000),
  kind: salesDrillQuery.shape.kind, shipped: boolQuery.optional(), onTime: boolQuery.optional(), backordered: boolQuery.optional(), returned: boolQuery.optional(), late: boolQuery.optional(),
});

const salesFigures = z.object({
  quantity: num, net: num.describe('Sales without tax, after discounts (fen)'), cost: num.describe('Cost of goods (fen), returns restocked taken back'),
  costedNet: num.describe('Revenue whose cost of goods is known (fen)'), returnedQuantity: num, returnedNet: num, lines: num,
  revenue: num.describe('net − returnedNet (fen)'), grossProfit: num.describe('costedNet − cost (fen)'), marginPercent: optNum, costCoverage: optNum, returnRate: optNum,
  orders: optNum.describe('Orders entered in the range (order date); null under a category or product filter'), averageOrderValue: optNum,
});
const range = { from: z.string(), to: z.string(), previousFrom: z.string(), previousTo: z.string() };
export const summaryView = z.object({
  ...range, current: salesFigures, previous: salesFigures,
  change: z.object({ revenue: optNum, grossProfit: optNum, quantity: optNum, orders: optNum, marginPoints: optNum }).describe('Percent change against the previous period of the same length'),
});
const point = z.object({ period: z.string(), from: z.string(), to: z.string(), revenue: num, grossProfit: num, marginPercent: optNum, quantity: num, sales: num, returns: num, cost: num });
export const trendView = z.object({ granularity: z.string(), ...range, points: z.array(point), previous: z.array(point) });
export const topView = z.object({
  by: z.string(), sort: z.string(), from: z.string(), to: z.string(), count: num, totalRevenue: num,
  rows: z.array(z.object({
    rank: num, id: z.string().nullable(), code: z.string().nullable(), name: z.string().nullable(), revenue: num, grossProfit: num, marginPercent: optNum,
    quantity: num, returnedQuantity: num, returns: num, sharePercent: optNum,
  })),
  others: z.object({ revenue: num, grossProfit: num, quantity: num }),
});
export const valueView = z.object({
  by: z.string(), total: num, units: num, ignoredFilters: z.array(z.string()),
  rows: z.array(z.object({ id: z.string().nullable(), code: z.string().nullable(), name: z.string().nullable(), units: num, value: num, products: num, sharePercent: optNum })),
});
const fulfilment = z.object({
  orders: num, shipped: num, openLate: num, averageDaysToShip: optNum, medianDaysToShip: optNum,
  daysToShip: z.array(z.object({ upTo: optNum, count: num })), onTime: num, dueShipped: num, onTimePercent: optNum,
  backordered: num, backorderPercent: optNum, returned: num, returnPercent: optNum,
});
export const fulfilmentView = z.object({ ...range, ignoredFilters: z.array(z.string()), current: fulfilment, previous: fulfilment });
export const salesLinesView = z.object({
  total: num, page: num, pageSize: num, sums: z.object({ quantity: num, net: num, cost: num }),
  items: z.array(z.object({
    id: z.string(), day: z.string(), kind: z.string(), orderId: z.string(), orderNumber: z.string(), externalRef: z.string().nullable(), sourceType: z.string(), document: z.string(),
    customerId: z.string(), customerName: z.string(), productId: z.string(), sku: z.string(), productName: z.string(), warehouseId: z.string(), warehouseName: z.string(),
    quantity: num, net: num, cost: num, costed: z.boolean(),
  })),
});
export const ordersView = z.object({
  total: num, page: num, pageSize: num,
  items: z.array(z.object({
    orderId: z.string(), orderNumber: z.string(), externalRef: z.string().nullable(), status: z.string(), orderDay: z.string(), requestedDate: z.string().nullable(),
    firstShipDay: z.string().nullable(), shippedDay: z.string().nullable(), customerId: z.string(), customerName: z.string(), net: num, lineCount: num,
    backordered: z.boolean(), returned: z.boolean(), daysToShip: optNum, onTime: z.boolean().nullable(),
  })),
});

export const forecastRunBody = z.strictObject({ productId: z.string().max(64).optional(), warehouseId: z.string().max(64).optional() });
const accuracy = {
  overallWape: optNum.describe('Σ |actual − forecast| ÷ Σ actual over the held-back weeks of every series'),
  byMethod: z.array(z.object({ key: z.string(), series: num, wape: optNum })), byClass: z.array(z.object({ key: z.string(), series: num, wape: optNum })),
};
export const forecastRunView = z.object({ computedAt: z.string(), from: z.string(), to: z.string(), series: num, ...accuracy });
const forecastSeries = z.object({
  productId: z.string(), warehouseId: z.string(), method: z.string(), demandClass: z.string().describe('smooth, erratic, intermittent, lumpy, short (under 8 weeks since the first sale) or none'),
  params: z.record(z.string(), z.unknown()), historyWeeks: num, firstWeek: z.string(), weekly: z.array(num).describe('Units per week from firstWeek'),
  holdout: num, absError: num, actualSum: num, wape: optNum, computedAt: z.string(),
});
export const productForecastView = z.object({
  productId: z.string(), from: z.string(), to: z.string(), firstForecastWeek: z.string(), explanation: z.object({ zh: z.string(), en: z.string() }).nullable(),
  series: z.array(forecastSeries.extend({ history: z.object({ weeks: z.array(z.string()), quantities: z.array(num) }) })), ...accuracy,
});
export const forecastParams = z.strictObject({ productId: z.string().min(1).max(64) });
export const forecastProductQuery = z.strictObject({ warehouseId: z.string().max(64).optional() });
export const accuracyQuery = z.strictObject({ warehouseId: z.string().max(64).optional(), categoryId: z.string().max(64).optional(), ...page });
export const accuracyView = z.object({
  computedAt: z.string().nullable(), total: num, page: num, pageSize: num, ...accuracy,
  items: z.array(forecastSeries.extend({ sku: z.string(), productName: z.string(), warehouseName: z.string() })),
});
