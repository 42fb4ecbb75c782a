import { api, downloadFile, type Query } from '../../shared/api/client';
import type { AnalyticsFilters } from './api';

// Stock, customer and supplier figures (src/server/modules/analytics/analytics-stock.schemas.ts).

type Named = { id: string | null; code: string | null; name: string | null };
export type TurnoverRow = Named & {
  cogs: number; unitsSold: number; openingValue: number; closingValue: number; averageValue: number; turnover: number | null; daysOfInventory: number | null;
  onHand: number; value: number; dailyUnits: number; daysOfSupply: number | null;
};
export type Turnover = { by: string; from: string; to: string; days: number; asOf: string; ignoredFilters: string[]; total: TurnoverRow; count: number; rows: TurnoverRow[] };
export type AbcXyz = {
  from: string; to: string; months: string[]; totalRevenue: number;
  matrix: { abc: string; xyz: string; products: number; revenue: number }[];
  rows: { rank: number; productId: string; sku: string | null; name: string | null; revenue: number; sharePercent: number | null; abc: 'A' | 'B' | 'C'; cv: number | null; xyz: 'X' | 'Y' | 'Z' }[];
};
export type Ageing = { asOf: string; buckets: string[]; ignoredFilters: string[]; totals: { bucket: string; units: number; value: number }[]; units: number; value: number; count: number };
export type Rfm = { from: string; to: string; ignoredFilters: string[]; customers: number; segments: { segment: string; zh: string; en: string; customers: number; monetary: number }[] };
type SupplierKpis = {
  orders: number; receipts: number; onTimePercent: number | null; promisedLeadDaysAverage: number | null; actualLeadDaysAverage: number | null;
  actualLeadDaysMedian: number | null; orderedUnits: number; receivedUnits: number; fillRatePercent: number | null;
};
export type Suppliers = { from: string; to: string; ignoredFilters: string[]; total: SupplierKpis; rows: (SupplierKpis & { supplierId: string; code: string | null; name: string | null })[] };
export type SlowMoving = {
  days: number; asOf: string; products: number; units: number; value: number; count: number;
  rows: { productId: string; sku: string | null; name: string | null; warehouseId: string; warehouseName: string | null; lastSaleDay: string | null; daysSinceSale: number | null; onHand: number; value: number }[];
};
export type SupplierOrder = {
  orderId: string; number: string; supplierId: string; status: string; orderDate: string; expectedDate: string | null; promisedDays: number | null; ordered: number; received: number;
  receipts: { receiptId: string; number: string; day: string; leadDays: number; onTime: boolean | null }[];
};
export type Preferences = {
  from: string; to: string;
  categories: { categoryId: string | null; code: string | null; name: string | null; revenue: number }[];
  rows: { customerId: string; code: string | null; name: string | null; revenue: number; categories: { categoryId: string | null; revenue: number; sharePercent: number | null }[] }[];
};
export type MoreFigure = 'turnover' | 'abc-xyz' | 'ageing' | 'rfm' | 'suppliers' | 'slow-moving' | 'supplier-orders' | 'customer-categories';

const base = '/analytics';

export const stockAnalytics = {
  turnover: (f: AnalyticsFilters, by: 'product' | 'category' | 'warehouse') => api.get<Turnover>(`${base}/stock/turnover`, { ...f, by }),
  abcXyz: (f: AnalyticsFilters) => api.get<AbcXyz>(`${base}/stock/abc-xyz`, f),
  ageing: (f: AnalyticsFilters) => api.get<Ageing>(`${base}/stock/ageing`, { ...f, limit: 1 }),
  rfm: (f: AnalyticsFilters) => api.get<Rfm>(`${base}/customers/rfm`, f),
  preferences: (f: AnalyticsFilters, limit = 10) => api.get<Preferences>(`${base}/customers/categories`, { ...f, limit }),
  suppliers: (f: AnalyticsFilters) => api.get<Suppliers>(`${base}/suppliers`, f),
  slowMoving: (f: AnalyticsFilters, days: number) => api.get<SlowMoving>(`${base}/stock/slow-moving`, { ...f, days }),
  supplierOrders: (f: AnalyticsFilters, supplierId: string) => api.get<{ items: SupplierOrder[] }>(`${base}/drill/supplier-orders`, { ...f, supplierId }),
  /** One of these figures as .xlsx with the page's filters. */
  exportXlsx: (figure: MoreFigure, query: Query) => downloadFile(`${base}/export-more`, { ...query, figure, format: 'xlsx' }, `${figure}.xlsx`),
};
