import { api, request, type Page, type Query } from '../../shared/api/client';

export const countStatuses = ['counting', 'approved', 'cancelled'] as const;
export type CountStatus = (typeof countStatuses)[number];

export type CountScope = { zone?: string; binIds?: string[]; productIds?: string[]; categoryId?: string };

/** A stock count (盘点单): the book is frozen at `snapshotAt`; amounts in fen. */
export type StockCount = {
  id: string; number: string; warehouseId: string; warehouseName: string; status: CountStatus; scope: CountScope;
  note: string | null; lineCount: number; countedLines: number; snapshotAt: string;
  gainQuantity: number; lossQuantity: number; gainAmount: number; lossAmount: number;
  actorName: string | null; approvedBy: string | null; approvedAt: string | null; cancelledAt: string | null; createdAt: string; updatedAt: string;
};

export type CountInput = { warehouseId: string; zone?: string; binIds?: string[]; productIds?: string[]; categoryId?: string; note?: string };

/** What has been counted of a product: never its book quantity (blind count). */
export type CountedLine = { productId: string; sku: string; productName: string; baseUnit: string; counted: number | null; countedAt: string | null };

export type VarianceOutcome = 'gain' | 'loss' | 'match' | 'uncounted';
export type VarianceLine = {
  productId: string; sku: string; productName: string; baseUnit: string;
  snapshot: number; movements: number; expected: number; counted: number | null; variance: number | null;
  outcome: VarianceOutcome; unitCost: number; value: number | null;
};
export type Uncounted = 'skip' | 'zero';
export type Variances = {
  count: StockCount;
  totals: { lines: number; counted: number; uncounted: number; gains: number; losses: number; gainQuantity: number; lossQuantity: number; gainValue: number; lossValue: number; netValue: number };
  items: VarianceLine[];
};

export type ScanLine = { barcode: string; quantity?: number } | { productId: string; quantity?: number };

const post = <T,>(path: string, body: unknown, idempotencyKey?: string) =>
  request<T>('POST', path, { body: body ?? {}, headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined });

export const stockCounts = {
  list: (query: Query) => api.get<Page<StockCount>>('/stock-counts', query),
  get: (id: string) => api.get<StockCount>(`/stock-counts/${id}`),
  /** Starts a count: the book is frozen now. */
  create: (input: CountInput, idempotencyKey: string) => post<StockCount>('/stock-counts', input, idempotencyKey),
  counted: (id: string, query: Query) => api.get<Page<CountedLine>>(`/stock-counts/${id}/counted`, query),
  /** `add`: scans add up; `set`: a recount replaces what was counted. The key keeps a retried scan from counting twice. */
  scan: (id: string, body: { mode?: 'add' | 'set'; lines: ScanLine[] }, idempotencyKey: string) =>
    post<{ countId: string; number: string; lines: CountedLine[] }>(`/stock-counts/${id}/scans`, body, idempotencyKey),
  variances: (id: string, query: { only: 'differences' | 'all'; uncounted: Uncounted }) => api.get<Variances>(`/stock-counts/${id}/variances`, query),
  approve: (id: string, uncounted: Uncounted, idempotencyKey: string) => post<StockCount>(`/stock-counts/${id}/approve`, { uncounted }, idempotencyKey),
  cancel: (id: string) => post<StockCount>(`/stock-counts/${id}/cancel`, {}),
};
