import { ApiError, api, request, type Page, type Query } from '../../shared/api/client';

/** One product in one warehouse; quantities in the product's base unit, avgCost in fen. */
export type StockRow = {
  productId: string; sku: string; productName: string; baseUnit: string; warehouseId: string; warehouseName: string;
  onHand: number; reserved: number; available: number; incoming: number; avgCost: number;
};

/** One line of the stock ledger; `balance` is on hand in that warehouse after it. */
export type Movement = {
  id: string; at: string; kind: string; productId: string; sku: string; productName: string; warehouseId: string; warehouseName: string;
  binId: string | null; quantity: number; unitCost: number; costAmount: number; balance: number;
  sourceType: string; sourceId: string; sourceNumber: string | null; reason: string | null; actorName: string | null;
};

export const documentKinds = ['gain', 'loss', 'mixed', 'opening'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** An adjustment (报损/报溢/调整) or opening (期初) document; `lines` only on the detail. */
export type Adjustment = {
  id: string; number: string; kind: string; warehouseId: string; warehouseName: string; note: string | null;
  lineCount: number; costAmount: number; actorName: string | null; createdAt: string; lines?: Omit<Movement, 'balance'>[];
};

export type AdjustmentInput = { warehouseId: string; note?: string; lines: { productId: string; quantity: number; reason: string }[] };
export type OpeningInput = { warehouseId: string; note?: string; lines: { productId: string; quantity: number; unitCost: number }[] };

const post = <T,>(path: string, body: unknown, idempotencyKey: string) => request<T>('POST', path, { body, headers: { 'Idempotency-Key': idempotencyKey } });

export const stock = {
  list: (query: Query) => api.get<Page<StockRow>>('/stock', query),
  movements: (query: Query) => api.get<Page<Movement>>('/stock/movements', query),
  adjustments: (query: Query) => api.get<Page<Adjustment>>('/stock/adjustments', query),
  adjustment: (id: string) => api.get<Adjustment>(`/stock/adjustments/${id}`),
  /** Posts 报损/报溢 lines; the key makes a repeated submit (double click, retry) return the same document. */
  postAdjustment: (input: AdjustmentInput, idempotencyKey: string) => post<Adjustment>('/stock/adjustments', input, idempotencyKey),
  /** Posts 期初 lines, under the same rule for the key. */
  postOpening: (input: OpeningInput, idempotencyKey: string) => post<Adjustment>('/stock/opening', input, idempotencyKey),
};

/** A product's rows in every warehouse it has a balance in. */
export const stockOfProduct = (productId: string) => stock.list({ productId, pageSize: 100 }).then((r) => r.items);

/**
 * Which sent line each server complaint belongs to: `lines.N.<field>` by index, and the
 * INSUFFICIENT_STOCK detail (field `lines`, with productId) by product. Returns line index → message.
 */
export function lineErrorsOf(err: unknown, sent: { productId: string }[]): Map<number, string> {
  const out = new Map<number, string>();
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return out;
  for (const d of err.details as { field?: unknown; message?: unknown; productId?: unknown }[]) {
    if (typeof d?.field !== 'string') continue;
    const message = typeof d.message === 'string' ? d.message : err.message;
    const m = /^lines\.(\d+)(\.|$)/.exec(d.field);
    if (m) out.set(Number(m[1]), message);
    else if (d.field === 'lines' && typeof d.productId === 'string') {
      sent.forEach((l, i) => l.productId === d.productId && out.set(i, message));
    }
  }
  return out;
}
