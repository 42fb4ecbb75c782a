import { api, downloadFile, type Page, type Query } from '../../shared/api/client';

// The dashboard's calls to /api/v1/analytics (shapes from src/server/modules/analytics/analytics.schemas.ts).

/** The filters every figure takes; kept in the page's URL. */
export type AnalyticsFilters = { from?: string; to?: string; warehouseId?: string; categoryId?: string; customerId?: string; productId?: string };
export type Granularity = 'day' | 'week' | 'month';
export type TopBy = 'product' | 'customer' | 'category' | 'warehouse';
export type TopSort = 'revenue' | 'grossProfit' | 'quantity';

export type SalesFigures = {
  quantity: number; net: number; cost: number; costedNet: number; returnedQuantity: number; returnedNet: number; lines: number;
  revenue: number; grossProfit: number; marginPercent: number | null; costCoverage: number | null; returnRate: number | null;
  orders: number | null; averageOrderValue: number | null;
};
type Range = { from: string; to: string; previousFrom: string; previousTo: string };
export type SalesSummary = Range & {
  current: SalesFigures; previous: SalesFigures;
  change: { revenue: number | null; grossProfit: number | null; quantity: number | null; orders: number | null; marginPoints: number | null };
};
export type TrendPoint = { period: string; from: string; to: string; revenue: number; grossProfit: number; marginPercent: number | null; quantity: number; sales: number; returns: number; cost: number };
export type SalesTrend = Range & { granularity: Granularity; points: TrendPoint[]; previous: TrendPoint[] };
export type TopRow = {
  rank: number; id: string | null; code: string | null; name: string | null; revenue: number; grossProfit: number; marginPercent: number | null;
  quantity: number; returnedQuantity: number; returns: number; sharePercent: number | null;
};
export type SalesTop = { by: TopBy; sort: TopSort; from: string; to: string; count: number; totalRevenue: number; rows: TopRow[]; others: { revenue: number; grossProfit: number; quantity: number } };
export type InventoryValue = {
  by: 'warehouse' | 'category'; total: number; units: number; ignoredFilters: string[];
  rows: { id: string | null; code: string | null; name: string | null; units: number; value: number; products: number; sharePercent: number | null }[];
};
export type Fulfilment = {
  orders: number; shipped: number; openLate: number; averageDaysToShip: number | null; medianDaysToShip: number | null;
  daysToShip: { upTo: number | null; count: number }[]; onTime: number; dueShipped: number; onTimePercent: number | null;
  backordered: number; backorderPercent: number | null; returned: number; returnPercent: number | null;
};
export type FulfilmentFigures = Range & { ignoredFilters: string[]; current: Fulfilment; previous: Fulfilment };
export type SalesLine = {
  id: string; day: string; kind: 'sale' | 'return'; orderId: string; orderNumber: string; externalRef: string | null; sourceType: string; document: string;
  customerId: string; customerName: string; productId: string; sku: string; productName: string; warehouseId: string; warehouseName: string;
  quantity: number; net: number; cost: number; costed: boolean;
};
export type SalesLines = Page<SalesLine> & { sums: { quantity: number; net: number; cost: number } };
export type OrderFact = {
  orderId: string; orderNumber: string; externalRef: string | null; status: string; orderDay: string; requestedDate: string | null;
  firstShipDay: string | null; shippedDay: string | null; customerId: string; customerName: string; net: number; lineCount: number;
  backordered: boolean; returned: boolean; daysToShip: number | null; onTime: boolean | null;
};
/** Which orders a fulfilment figure counts (the drill/orders flags). */
export type OrderFlags = { shipped?: boolean; onTime?: boolean; backordered?: boolean; returned?: boolean; late?: boolean };
export type ExportFigure = 'sales-trend' | 'sales-top' | 'inventory-value' | 'fulfilment' | 'sales-lines' | 'orders';

const base = '/analytics';

export const analytics = {
  summary: (f: AnalyticsFilters) => api.get<SalesSummary>(`${base}/sales/summary`, f),
  trend: (f: AnalyticsFilters, granularity: Granularity) => api.get<SalesTrend>(`${base}/sales/trend`, { ...f, granularity }),
  top: (f: AnalyticsFilters, by: TopBy, sort: TopSort, limit = 10) => api.get<SalesTop>(`${base}/sales/top`, { ...f, by, sort, limit }),
  inventoryValue: (f: AnalyticsFilters, by: 'warehouse' | 'category') => api.get<InventoryValue>(`${base}/inventory/value`, { ...f, by }),
  fulfilment: (f: AnalyticsFilters) => api.get<FulfilmentFigures>(`${base}/fulfilment`, f),
  salesLines: (f: AnalyticsFilters, q: { kind?: 'sale' | 'return'; page: number; pageSize: number }) => api.get<SalesLines>(`${base}/drill/sales`, { ...f, ...q }),
  orders: (f: AnalyticsFilters, q: OrderFlags & { page: number; pageSize: number }) => api.get<Page<OrderFact>>(`${base}/drill/orders`, { ...f, ...q }),
  /** Downloads one figure (or the documents behind it) as .xlsx with the page's filters. */
  exportXlsx: (figure: ExportFigure, query: Query) => downloadFile(`${base}/export`, { ...query, figure, format: 'xlsx' }, `${figure}.xlsx`),
};
