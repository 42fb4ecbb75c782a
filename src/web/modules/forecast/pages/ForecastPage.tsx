import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { CategoryTreeSelect } from '../../catalog/components/CategoryTreeSelect';
import { WarehouseSelect } from '../../inventory/components/WarehouseSelect';
import { forecasts, type AccuracyRow } from '../api';
import { AccuracySummary } from '../components/AccuracySummary';
import { ForecastDrawer, type DrawerTarget } from '../components/ForecastDrawer';
import { DemandClassTag, useMethodName, WapeTag } from '../components/ForecastTags';
import { nextWeeksSum } from '../forecast-view';

const rowKey = (r: AccuracyRow) => `${r.productId}:${r.warehouseId}`;
const wapeOrder = (w: number | null) => (w === null ? -1 : w);

/**
 * 需求预测: the last run's accuracy (overall WAPE, by method and demand class), a paged table of
 * product × warehouse forecasts (worst backtest error first), 重新预测, and a drawer per row with
 * the weekly history and forecast chart. Filters and the open row live in the URL.
 */
export default function ForecastPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const methodName = useMethodName();
  const [sp, setSp] = useSearchParams();
  const warehouseId = sp.get('warehouseId') ?? undefined;
  const categoryId = sp.get('categoryId') ?? undefined;
  const page = Math.max(1, Number(sp.get('page')) || 1);
  const pageSize = Number(sp.get('pageSize')) || 20;
  const set = (patch: Record<string, string | number | undefined>) =>
    setSp((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === '') next.delete(k);
        else next.set(k, String(v));
      }
      if (!('page' in patch) && !('productId' in patch)) next.delete('page');
      return next;
    }, { replace: true });

  const query = { warehouseId, categoryId, page, pageSize };
  const result = useQuery({ queryKey: ['forecast', 'accuracy', query], queryFn: () => forecasts.accuracy(query) });
  const [opened, setOpened] = useState<AccuracyRow | undefined>();
  const productId = sp.get('productId') ?? undefined;
  const target: DrawerTarget | undefined = productId
    ? opened && opened.productId === productId ? opened : { productId, warehouseId: sp.get('productWarehouseId') ?? undefined }
    : undefined;

  const run = useMutation({
    mutationFn: () => forecasts.run({}),
    onSuccess: async (r) => {
      message.success(t('fc.rerunDone', { n: r.series }));
      await qc.invalidateQueries({ queryKey: ['forecast'] });
      await qc.invalidateQueries({ queryKey: ['replenishment'] });
    },
    onError: (e) => message.error(errorMessage(e)),
  });

  const columns: TableColumnsType<AccuracyRow> = [
    { key: 'sku', title: t('fc.sku'), dataIndex: 'sku', sorter: (a, b) => a.sku.localeCompare(b.sku), render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { key: 'product', title: t('fc.product'), dataIndex: 'productName', sorter: (a, b) => a.productName.localeCompare(b.productName, 'zh-CN') },
    { key: 'warehouse', title: t('fc.warehouse'), dataIndex: 'warehouseName', sorter: (a, b) => a.warehouseName.localeCompare(b.warehouseName, 'zh-CN') },
    { key: 'method', title: t('fc.method'), sorter: (a, b) => methodName(a.method).localeCompare(methodName(b.method), 'zh-CN'), render: (_, r) => <span data-testid="row-method">{methodName(r.method)}</span> },
    { key: 'class', title: t('fc.demandClass'), sorter: (a, b) => a.demandClass.localeCompare(b.demandClass), render: (_, r) => <DemandClassTag value={r.demandClass} /> },
    { key: 'historyWeeks', title: t('fc.historyWeeks'), dataIndex: 'historyWeeks', align: 'right', sorter: (a, b) => a.historyWeeks - b.historyWeeks },
    {
      key: 'next4', title: t('fc.next4'), align: 'right',
      sorter: (a, b) => nextWeeksSum(a.weekly, a.firstWeek) - nextWeeksSum(b.weekly, b.firstWeek),
      render: (_, r) => <span data-testid="row-next4">{nextWeeksSum(r.weekly, r.firstWeek)}</span>,
    },
    { key: 'absError', title: t('fc.absError'), align: 'right', sorter: (a, b) => a.absError - b.absError, render: (_, r) => Math.round(r.absError * 10) / 10 },
    { key: 'wape', title: t('fc.wape'), align: 'right', sorter: (a, b) => wapeOrder(a.wape) - wapeOrder(b.wape), render: (_, r) => <WapeTag wape={r.wape} testId="row-wape" /> },
  ];

  return (
    <>
      <PageHeader
        title={t('fc.title')}
        extra={<Button type="primary" icon={<ReloadOutlined />} loading={run.isPending} onClick={() => run.mutate()}>{t('fc.rerun')}</Button>}
      />
      {result.isError && <Alert type="error" showIcon title={t('msg.loadFailed')} description={errorMessage(result.error)} style={{ marginBottom: 12 }} />}
      <AccuracySummary data={result.data} />
      <Flex wrap="wrap" gap={8} align="center" style={{ marginBottom: 12 }}>
        <WarehouseSelect allowClear placeholder={t('fc.allWarehouses')} aria-label={t('fc.warehouse')} value={warehouseId} onChange={(v) => set({ warehouseId: v })} style={{ width: 160 }} />
        <CategoryTreeSelect allowClear allowInactive placeholder={t('fc.allCategories')} aria-label={t('fc.category')} value={categoryId} onChange={(v: string | undefined) => set({ categoryId: v })} style={{ width: 200 }} />
        <Typography.Text type="secondary">{t('fc.rowHint')}</Typography.Text>
      </Flex>
      <Table<AccuracyRow>
        rowKey={rowKey}
        size="middle"
        scroll={{ x: 'max-content' }}
        loading={result.isFetching}
        columns={columns}
        dataSource={result.data?.items ?? []}
        locale={{ emptyText: t('fc.empty') }}
        onRow={(r) => ({
          'data-testid': 'forecast-row',
          style: { cursor: 'pointer' },
          onClick: () => {
            setOpened(r);
            set({ productId: r.productId, productWarehouseId: r.warehouseId });
          },
        } as React.HTMLAttributes<HTMLElement>)}
        onChange={(p, _f, _s, extra) => {
          if (extra.action === 'paginate') set({ page: p.current ?? 1, pageSize: p.pageSize ?? pageSize });
        }}
        pagination={{
          current: page,
          pageSize,
          total: result.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('msg.total', { total }),
          size: 'small',
        }}
      />
      <ForecastDrawer target={target} onClose={() => set({ productId: undefined, productWarehouseId: undefined })} />
    </>
  );
}
