import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AnalyticsFilters } from './api';

const filterKeys = ['from', 'to', 'warehouseId', 'categoryId', 'customerId', 'productId'] as const;

/**
 * The dashboard's filters, kept in the URL (?from=&to=&warehouseId=…) so a link shows the same
 * figures. Values are passed to the server as given: a bad one comes back as a 400 the page shows.
 */
export function useAnalyticsFilters() {
  const [sp, setSp] = useSearchParams();
  const filters = useMemo<AnalyticsFilters>(() => {
    const out: AnalyticsFilters = {};
    for (const k of filterKeys) {
      const v = sp.get(k);
      if (v) out[k] = v;
    }
    return out;
  }, [sp]);

  /** Sets or clears URL parameters (filters and the cards' own choices such as granularity). */
  const update = useCallback(
    (patch: Record<string, string | undefined | null>) => {
      // From the address bar, not the rendered params: React Router renders a navigation in a
      // transition, so two quick changes (a range, then 月) would otherwise drop the first.
      const next = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === null || v === '') next.delete(k);
        else next.set(k, v);
      }
      setSp(next, { replace: true });
    },
    [setSp],
  );

  /** A card's own setting kept in the URL (e.g. ?granularity=week), with its default. */
  const option = useCallback(<T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const v = sp.get(key) as T | null;
    return v && allowed.includes(v) ? v : fallback;
  }, [sp]);

  return { filters, update, option };
}
