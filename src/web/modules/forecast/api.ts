import { api } from '../../shared/api/client';

// The 需求预测 page's calls to /api/v1/analytics/forecast (shapes from src/server/modules/analytics/analytics.schemas.ts).

export type MethodName = 'holt-winters' | 'holt' | 'ses' | 'croston' | 'sba' | 'moving-average' | 'naive-seasonal' | 'zeros';
export type DemandClass = 'smooth' | 'erratic' | 'intermittent' | 'lumpy' | 'short' | 'none';
export type Breakdown = { key: string; series: number; wape: number | null };
/** Overall WAPE = Σ|actual − forecast| ÷ Σ actual over every series' held-back weeks, and the same by method and demand class. */
export type Accuracy = { overallWape: number | null; byMethod: Breakdown[]; byClass: Breakdown[] };

export type ForecastSeries = {
  productId: string; warehouseId: string; method: string; demandClass: string; params: Record<string, unknown>; historyWeeks: number;
  /** The Monday the weekly forecast starts from. */
  firstWeek: string; weekly: number[]; holdout: number; absError: number; actualSum: number; wape: number | null; computedAt: string;
};
export type AccuracyRow = ForecastSeries & { sku: string; productName: string; warehouseName: string };
export type AccuracyPage = Accuracy & { computedAt: string | null; total: number; page: number; pageSize: number; items: AccuracyRow[] };
export type RunResult = Accuracy & { computedAt: string; from: string; to: string; series: number };
export type ProductForecast = Accuracy & {
  productId: string; from: string; to: string; firstForecastWeek: string; explanation: { zh: string; en: string } | null;
  series: Array<ForecastSeries & { history: { weeks: string[]; quantities: number[] } }>;
};

export type AccuracyQuery = { warehouseId?: string; categoryId?: string; page?: number; pageSize?: number };

const base = '/analytics/forecast';

export const forecasts = {
  /** The last run's results, largest absolute backtest error first. */
  accuracy: (q: AccuracyQuery) => api.get<AccuracyPage>(`${base}/accuracy`, q),
  /** Forecasts every series again and stores the results. */
  run: (body: { productId?: string; warehouseId?: string } = {}) => api.post<RunResult>(`${base}/run`, body),
  /** One product computed now, per warehouse, with its weekly history. */
  product: (productId: string, warehouseId?: string) => api.get<ProductForecast>(`${base}/products/${encodeURIComponent(productId)}`, { warehouseId }),
};
