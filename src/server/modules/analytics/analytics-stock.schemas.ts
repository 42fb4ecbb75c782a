import { z } from 'zod';
import { filterQuery } from './filters.js';

// Request and response shapes of the stock, customer and supplier figures (docs/metrics.md).

const num = z.number();
const optNum = z.number().nullable();
const optStr = z.string().nullable();
const ignored = z.array(z.string()).describe('Filters given that this figure does not use');

const rowLimit = (what: string) => z.coerce.number().int().min(1).max(100_000).default(100).describe(`Rows returned, ${what}; totals cover every row`);
export const turnoverQuery = z.strictObject({ ...filterQuery, by: z.enum(['product', 'category', 'warehouse']).default('product'), limit: rowLimit('by cost of goods sold, then value') });
export const abcXyzQuery = z.strictObject({
  ...filterQuery,
  aPercent: z.coerce.number().gt(0).lt(100).default(80).describe('Share of revenue class A covers (cumulative %)'),
  bPercent: z.coerce.number().gte(0).lt(100).default(15).describe('Share of revenue class B covers after A'),
  xMax: z.coerce.number().gt(0).default(0.5).describe('Coefficient of variation below which a product is X'),
  yMax: z.coerce.number().gt(0).default(1).describe('Coefficient of variation below which a product is Y (else Z)'),
  abc: z.enum(['A', 'B', 'C']).optional().describe('Rows of this ABC class only (the matrix still covers every product)'),
  xyz: z.enum(['X', 'Y', 'Z']).optional().describe('Rows of this XYZ class only'),
  limit: z.coerce.number().int().min(1).max(100_000).default(100).describe('Rows returned, by revenue; the matrix and `products` cover every product'),
}).refine((q) => q.aPercent + q.bPercent <= 100, { path: ['bPercent'], message: 'aPercent + bPercent must be at most 100' })
  .refine((q) => q.xMax < q.yMax, { path: ['yMax'], message: 'yMax must be above xMax' });
export const slowQuery = z.strictObject({ ...filterQuery, days: z.coerce.number().int().min(1).max(3660).default(90).describe('No sale in this many days up to today'), limit: z.coerce.number().int().min(1).max(100_000).default(100).describe('Rows returned, largest value first; the totals cover every row') });
export const ageingQuery = z.strictObject({ ...filterQuery, limit: z.coerce.number().int().min(1).max(100_000).default(100).describe('Rows shown, oldest stock value first') });
export const rfmQuery = z.strictObject({
  ...filterQuery,
  segment: z.enum(['HHH', 'LHH', 'HLH', 'LLH', 'HHL', 'LHL', 'HLL', 'LLL']).optional().describe('Rows of this segment only (the segment table still covers every customer)'),
  limit: rowLimit('by monetary value'),
});
export const preferencesQuery = z.strictObject({ ...filterQuery, limit: z.coerce.number().int().min(1).max(500).default(20).describe('Top customers by revenue') });
export const supplierQuery = z.strictObject({ ...filterQuery, supplierId: z.string().max(64).optional() });
export const moreExportQuery = z.strictObject({
  ...filterQuery,
  figure: z.enum(['turnover', 'abc-xyz', 'slow-moving', 'ageing', 'rfm', 'customer-categories', 'suppliers', 'supplier-orders']),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  by: turnoverQuery.shape.by, days: slowQuery.shape.days, limit: z.coerce.number().int().min(1).max(100_000).default(100_000), supplierId: supplierQuery.shape.supplierId,
  aPercent: z.coerce.number().gt(0).lt(100).default(80), bPercent: z.coerce.number().gte(0).lt(100).default(15), xMax: z.coerce.number().gt(0).default(0.5), yMax: z.coerce.number().gt(0).default(1),
});

const turnoverRow = z.object({
  id: optStr, code: optStr, name: optStr, cogs: num.describe('Cost of goods sold in the range, restocked returns taken back (fen)'), unitsSold: num,
  openingValue: num, closingValue: num, averageValue: num, turnover: optNum, daysOfInventory: optNum, onHand: num, value: num, dailyUnits: num, daysOfSupply: optNum,
});
export const turnoverView = z.object({ by: z.string(), from: z.string(), to: z.string(), days: num, asOf: z.string(), ignoredFilters: ignored, total: turnoverRow, count: num.describe('Rows in all; `rows` holds the first `limit`'), rows: z.array(turnoverRow) });

export const abcXyzView = z.object({
  from: z.string(), to: z.string(), months: z.array(z.string()), limits: z.object({ aPercent: num, bPercent: num, xMax: num, yMax: num }), totalRevenue: num,
  products: num.describe('Products sold in the range (all of them are classed)'),
  matching: num.describe('Products of the class asked for (abc, xyz); rows holds the first `limit` of them'),
  matrix: z.array(z.object({ abc: z.string(), xyz: z.string(), products: num, revenue: num })),
  rows: z.array(z.object({
    rank: num, productId: z.string(), sku: optStr, name: optStr, revenue: num, sharePercent: optNum, cumulativePercent: optNum, abc: z.enum(['A', 'B', 'C']),
    monthlyUnits: z.array(num), cv: optNum, xyz: z.enum(['X', 'Y', 'Z']),
  })),
});

export const slowView = z.object({
  days: num, asOf: z.string(), ignoredFilters: ignored, products: num, units: num, value: num, count: num.describe('Product × warehouse rows in all; rows holds the first `limit`'),
  rows: z.array(z.object({
    productId: z.string(), sku: optStr, name: optStr, categoryId: optStr, warehouseId: z.string(), warehouseName: optStr,
    lastSaleDay: optStr, daysSinceSale: optNum, onHand: num, value: num,
  })),
});

export const ageingView = z.object({
  asOf: z.string(), buckets: z.array(z.string()), ignoredFilters: ignored, totals: z.array(z.object({ bucket: z.string(), units: num, value: num })), units: num, value: num, count: num,
  rows: z.array(z.object({
    productId: z.string(), sku: optStr, name: optStr, categoryId: optStr, warehouseId: z.string(), warehouseName: optStr, onHand: num, value: num,
    oldestBucket: optStr.describe('The bucket of the oldest unit on hand'), units: z.array(num).describe('Units per bucket'), values: z.array(num).describe('Value per bucket (fen)'),
  })),
});

export const rfmView = z.object({
  from: z.string(), to: z.string(), ignoredFilters: ignored, customers: num, matching: num.describe('Customers of the segment asked for (all without one); rows holds the first `limit`'),
  segments: z.array(z.object({ segment: z.string(), zh: z.string(), en: z.string(), customers: num, monetary: num })),
  rows: z.array(z.object({
    customerId: z.string(), code: optStr, name: optStr, lastOrderDay: z.string(), recencyDays: num, frequency: num, monetary: num,
    r: num, f: num, m: num, segment: z.string(), segmentZh: z.string(), segmentEn: z.string(),
  })),
});

export const preferencesView = z.object({
  from: z.string(), to: z.string(),
  categories: z.array(z.object({ categoryId: optStr, code: optStr, name: optStr, revenue: num })),
  rows: z.array(z.object({
    customerId: z.string(), code: optStr, name: optStr, revenue: num,
    categories: z.array(z.object({ categoryId: optStr, revenue: num, sharePercent: optNum })),
  })),
});

const supplierKpis = {
  orders: num, receipts: num, receiptsDue: num.describe('Receipts of orders with an expected date'), onTime: num, onTimePercent: optNum,
  promisedLeadDaysAverage: optNum, promisedLeadDaysMedian: optNum, actualLeadDaysAverage: optNum, actualLeadDaysMedian: optNum,
  orderedUnits: num, receivedUnits: num, fillRatePercent: optNum,
};
export const suppliersView = z.object({
  from: z.string(), to: z.string(), ignoredFilters: ignored, total: z.object(supplierKpis),
  rows: z.array(z.object({ supplierId: z.string(), code: optStr, name: optStr, ...supplierKpis })),
});
export const supplierOrdersView = z.object({
  items: z.array(z.object({
    orderId: z.string(), number: z.string(), supplierId: z.string(), warehouseId: z.string(), status: z.string(), orderDate: z.string(), expectedDate: optStr,
    promisedDays: optNum, ordered: num, received: num,
    receipts: z.array(z.object({ receiptId: z.string(), number: z.string(), day: z.string(), leadDays: num, onTime: z.boolean().nullable() })),
  })),
});
