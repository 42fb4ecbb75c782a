import type { TablePaginationConfig } from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type ListParams = { q: string; page: number; pageSize: number; sort: string; filters: Record<string, string> };

/**
 * A list's search, filters, sort and page, kept in the URL so a reload or a shared link shows the
 * same rows. `filterKeys` are the extra query fields this list understands.
 */
export function useListParams(filterKeys: readonly string[], defaults: { sort?: string; pageSize?: number } = {}) {
  const [sp, setSp] = useSearchParams();
  const key = filterKeys.join(',');
  const { sort: defaultSort = '', pageSize: defaultPageSize = 20 } = defaults;

  const params = useMemo<ListParams>(() => {
    const filters: Record<string, string> = {};
    for (const k of key ? key.split(',') : []) {
      const v = sp.get(k);
      if (v) filters[k] = v;
    }
    return {
      q: sp.get('q') ?? '',
      page: Math.max(1, Number(sp.get('page')) || 1),
      pageSize: Number(sp.get('pageSize')) || defaultPageSize,
      sort: sp.get('sort') ?? defaultSort,
      filters,
    };
  }, [sp, key, defaultSort, defaultPageSize]);

  /** Changes some parameters; any change other than the page goes back to page 1. */
  const update = useCallback(
    (patch: Partial<Record<string, string | number | undefined | null>>) => {
      setSp(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          if (!('page' in patch)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setSp],
  );

  /** What the API takes: q, page, pageSize, sort and the filters. */
  const query = useMemo(
    () => ({ q: params.q || undefined, page: params.page, pageSize: params.pageSize, sort: params.sort || undefined, ...params.filters }),
    [params],
  );

  /** antd Table onChange: pages and sorts go to the URL. */
  const onTableChange = useCallback(
    (pagination: TablePaginationConfig, _f: unknown, sorter: SorterResult<unknown> | SorterResult<unknown>[]) => {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const field = s?.columnKey ?? (Array.isArray(s?.field) ? s.field.join('.') : s?.field);
      const sort = s?.order && field ? `${s.order === 'descend' ? '-' : ''}${String(field)}` : '';
      const patch: Record<string, string | number | undefined> = { sort: sort || undefined };
      if (sort === (params.sort || '')) {
        patch.page = pagination.current ?? 1;
        patch.pageSize = pagination.pageSize ?? params.pageSize;
      }
      update(patch);
    },
    [params.sort, params.pageSize, update],
  );

  /** The sortOrder a column shows for the current sort. */
  const sortOrder = useCallback(
    (field: string): SortOrder => (params.sort === field ? 'ascend' : params.sort === `-${field}` ? 'descend' : null),
    [params.sort],
  );

  return { params, query, update, onTableChange, sortOrder };
}
