import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Grid, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Page } from '../api/client';
import { errorMessage } from '../lib/errors';
import type { useListParams } from '../lib/list-params';

type Props<T> = Omit<TableProps<T>, 'dataSource' | 'pagination' | 'onChange' | 'loading'> & {
  result: UseQueryResult<Page<T>>;
  list: ReturnType<typeof useListParams>;
};

/** A server-paged, server-sorted table that scrolls sideways on narrow screens. */
export function DataTable<T extends object>({ result, list, columns, ...rest }: Props<T>) {
  const { t } = useTranslation();
  const cols = useUnpinnedOnPhones(columns);
  const data = result.data;
  return (
    <>
      {result.isError && <Alert type="error" showIcon title={t('msg.loadFailed')} description={errorMessage(result.error)} style={{ marginBottom: 12 }} />}
      <Table<T>
        rowKey="id"
        size="middle"
        scroll={{ x: 'max-content' }}
        {...rest}
        columns={cols}
        dataSource={data?.items ?? []}
        loading={result.isFetching}
        onChange={list.onTableChange as TableProps<T>['onChange']}
        pagination={{
          current: list.params.page,
          pageSize: list.params.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('msg.total', { total }),
          size: 'small',
        }}
      />
    </>
  );
}

/** On phones a pinned column would cover most of the row: let every column scroll. */
export function useUnpinnedOnPhones<C extends { fixed?: unknown }>(columns: C[] | undefined): C[] | undefined {
  const phone = Grid.useBreakpoint().md === false;
  return phone && columns ? columns.map((c) => ({ ...c, fixed: undefined })) : columns;
}
