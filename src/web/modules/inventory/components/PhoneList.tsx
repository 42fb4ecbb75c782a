import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Pagination, Spin } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/lib/errors';
import type { useListParams } from '../../../shared/lib/list-params';

type Props<T> = {
  result: UseQueryResult<Page<T>>;
  list: ReturnType<typeof useListParams>;
  rowKey: (row: T) => string;
  renderItem: (row: T) => ReactNode;
  onOpen?: (row: T) => void;
  testId?: string;
  empty?: string;
  rowStyle?: (row: T) => CSSProperties;
};

/** A server-paged list as one card per row, for phones where a wide table would only scroll sideways. */
export function PhoneList<T>({ result, list, rowKey, renderItem, onOpen, testId, empty, rowStyle }: Props<T>) {
  const { t } = useTranslation();
  const items = result.data?.items ?? [];
  return (
    <Spin spinning={result.isFetching}>
      {result.isError && <Alert type="error" showIcon title={t('msg.loadFailed')} description={errorMessage(result.error)} style={{ marginBottom: 12 }} />}
      {items.length === 0 && !result.isFetching ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty ?? t('msg.noData')} />
      ) : (
        <Flex vertical gap={8}>
          {items.map((row) => (
            <Card key={rowKey(row)} size="small" hoverable={!!onOpen} onClick={onOpen && (() => onOpen(row))} data-testid={testId} style={rowStyle?.(row)} styles={{ body: { padding: '8px 12px' } }}>
              {renderItem(row)}
            </Card>
          ))}
        </Flex>
      )}
      <Pagination
        simple
        size="small"
        style={{ marginTop: 12, justifyContent: 'center' }}
        current={list.params.page}
        pageSize={list.params.pageSize}
        total={result.data?.total ?? 0}
        showTotal={(total) => t('msg.total', { total })}
        onChange={(page) => list.update({ page })}
        hideOnSinglePage
      />
    </Spin>
  );
}
