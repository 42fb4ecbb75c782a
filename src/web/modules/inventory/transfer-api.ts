import { api, request, type Page, type Query } from '../../shared/api/client';

export const transferStatuses = ['draft', 'in_transit', 'partially_received', 'received', 'cancelled'] as const;
export type TransferStatus = (typeof transferStatuses)[number];

/** One line of a transfer; quantities in base units, cost in fen (what left the source). */
export type TransferLine = {
  id: string; lineNo: number; productId: string; sku: string; productName: string; baseUnit: string;
  quantity: number; shipped: number; received: number; returned: number; inTransit: number; unitCost: number; costAmount: number;
};

/** A transfer (调拨单); `lines` only on the detail. */
export type Transfer = {
  id: string; number: string; status: TransferStatus;
  fromWarehouseId: string; fromWarehouseName: string; toWarehouseId: string; toWarehouseName: string;
  note: string | null; lineCount: number; costAmount: number; inTransit: number;
  actorName: string | null; shippedAt: string | null; receivedAt: string | null; cancelledAt: string | null; createdAt: string; updatedAt: string;
  lines: TransferLine[];
};

export type TransferInput = { fromWarehouseId: string; toWarehouseId: string; note?: string; ship?: boolean; lines: { productId: string; quantity: number }[] };
export type TransferReceiveInput = { lines?: { lineId: string; quantity: number }[]; note?: string };

const post = <T,>(path: string, body: unknown, idempotencyKey?: string) =>
  request<T>('POST', path, { body: body ?? {}, headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined });

export const transfers = {
  list: (query: Query) => api.get<Page<Omit<Transfer, 'lines'>>>('/stock-transfers', query),
  get: (id: string) => api.get<Transfer>(`/stock-transfers/${id}`),
  /** A draft, or shipped at once with `ship`; the key makes a repeated submit return the same transfer. */
  create: (input: TransferInput, idempotencyKey: string) => post<Transfer>('/stock-transfers', input, idempotencyKey),
  ship: (id: string, idempotencyKey: string) => post<Transfer>(`/stock-transfers/${id}/ship`, {}, idempotencyKey),
  /** No lines: everything still in transit. */
  receive: (id: string, input: TransferReceiveInput, idempotencyKey: string) => post<Transfer>(`/stock-transfers/${id}/receive`, input, idempotencyKey),
  cancel: (id: string) => post<Transfer>(`/stock-transfers/${id}/cancel`, {}),
};
