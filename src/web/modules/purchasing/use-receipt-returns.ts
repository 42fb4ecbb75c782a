import { useQueries, useQuery } from '@tanstack/react-query';
import { purchaseReturns, type PurchaseReturn } from './api';

/**
 * The purchase returns made against a receipt, with their lines, and how much of each receipt line
 * has gone back (base units). A receipt has few returns, so their details are fetched one by one.
 */
export function useReceiptReturns(receiptId: string) {
  const list = useQuery({ queryKey: ['purchaseReturns', 'list', { receiptId }], queryFn: () => purchaseReturns.list({ receiptId, pageSize: 100 }) });
  const details = useQueries({
    queries: (list.data?.items ?? []).map((r) => ({ queryKey: ['purchaseReturns', 'one', r.id], queryFn: () => purchaseReturns.get(r.id) })),
  });
  const loaded = list.isSuccess && details.every((d) => d.isSuccess);
  const returns = details.map((d) => d.data).filter((d): d is PurchaseReturn => !!d);
  const returned = new Map<string, number>();
  for (const r of returns) for (const l of r.lines) returned.set(l.receiptLineId, (returned.get(l.receiptLineId) ?? 0) + l.baseQuantity);
  return { returns: list.data?.items ?? [], returned, loaded, error: list.error ?? details.find((d) => d.error)?.error ?? null };
}
