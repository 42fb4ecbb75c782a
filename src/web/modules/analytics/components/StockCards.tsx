import { useQuery } from '@tanstack/react-query';
import { Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/lib/format';
import type { AnalyticsFilters } from '../api';
import { stockAnalytics, type SlowMoving, type TurnoverRow } from '../api-stock';
import { Chart, type ChartOption } from './Chart';
import { FigureCard } from './FigureCard';

type TurnoverBy = 'product' | 'category' | 'warehouse';
const dec = (v: number | null, d = 1) => (v === null ? '—' : v.toFixed(d));

/** Turnover, days of inventory and days of supply by product, category or warehouse, with the total. */
export function TurnoverCard({ filters, by, onBy }: { filters: AnalyticsFilters; by: TurnoverBy; onBy: (b: TurnoverBy) => void }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['analytics', 'turnover', filters, by], queryFn: () => stockAnalytics.turnover(filters, by) });
  const columns: ColumnsType<TurnoverRow> = [
    { title: t(`ana.top.by.${by}`), key: 'name', width: 200, ellipsis: true, render: (_, r) => `${r.code ?? ''} ${r.name ?? t('ana.top.uncategorised')}`.trim() },
    { title: t('ana.turnover.cogs'), dataIndex: 'cogs', align: 'right', render: formatMoney },
    { title: t('ana.turnover.averageValue'), dataIndex: 'averageValue', align: 'right', render: formatMoney },
    { title: t('ana.turnover.turnover'), dataIndex: 'turnover', align: 'right', width: 80, render: (v: number | null) => dec(v, 2) },
    { title: t('ana.turnover.daysOfInventory'), dataIndex: 'daysOfInventory', align: 'right', width: 90, render: (v: number | null) => dec(v) },
    { title: t('ana.turnover.onHand'), dataIndex: 'onHand', align: 'right', width: 80 },
    { title: t('ana.turnover.daysOfSupply'), dataIndex: 'daysOfSupply', align: 'right', width: 90, render: (v: number | null) => dec(v) },
  ];
  const d = q.data;
  return (
    <FigureCard
      title={t('ana.turnover.title')} help={t('ana.turnover.help')} testId="card-turnover" loading={q.isLoading} error={q.error}
      controls={<Segmented<TurnoverBy> size="small" value={by} onChange={onBy} options={(['product', 'category', 'warehouse'] as const).map((b) => ({ value: b, label: t(`ana.turnover.by.${b}`) }))} />}
      exportFigure="turnover" exportQuery={{ ...filters, by }}
    >
      {d && d.count > d.rows.length && <Typography.Text type="secondary">{t('ana.turnover.shown', { shown: d.rows.length, count: d.count })}</Typography.Text>}
      <Table<TurnoverRow>
        size="small" rowKey={(r) => r.id ?? '-'} columns={columns} dataSource={d?.rows ?? []} pagination={{ pageSize: 8, size: 'small' }} scroll={{ x: 840 }}
        locale={{ emptyText: t('ana.empty') }}
        summary={() => d && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t('ana.turnover.total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">{formatMoney(d.total.cogs)}</Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">{formatMoney(d.total.averageValue)}</Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">{dec(d.total.turnover, 2)}</Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">{dec(d.total.daysOfInventory)}</Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">{d.total.onHand}</Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right">{dec(d.total.daysOfSupply)}</Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </FigureCard>
  );
}

/** The 3×3 ABC × XYZ matrix: products and revenue in each cell. */
export function AbcXyzCard({ filters }: { filters: AnalyticsFilters }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['analytics', 'abc-xyz', filters], queryFn: () => stockAnalytics.abcXyz(filters) });
  const cell = (abc: string, xyz: string) => q.data?.matrix.find((m) => m.abc === abc && m.xyz === xyz);
  const rows = ['A', 'B', 'C'].map((abc) => ({ abc }));
  const columns: ColumnsType<{ abc: string }> = [
    { title: `${t('ana.abc.abc')} \\ ${t('ana.abc.xyz')}`, dataIndex: 'abc', width: 120, render: (v: string) => <b>{v}</b> },
    ...['X', 'Y', 'Z'].map((xyz) => ({
      title: xyz, key: xyz, align: 'right' as const,
      render: (_: unknown, r: { abc: string }) => {
        const c = cell(r.abc, xyz);
        return c && c.products ? <span>{formatMoney(c.revenue)}<br /><Typography.Text type="secondary">{t('ana.abc.products', { count: c.products })}</Typography.Text></span> : '—';
      },
    })),
  ];
  return (
    <FigureCard title={t('ana.abc.title')} help={t('ana.abc.help')} testId="card-abc" loading={q.isLoading} error={q.error} exportFigure="abc-xyz" exportQuery={{ ...filters }}>
      <Table size="small" rowKey="abc" columns={columns} dataSource={rows} pagination={false} bordered />
    </FigureCard>
  );
}

/** Stock on hand by age bucket (value), first-in first-out. */
export function AgeingCard({ filters }: { filters: AnalyticsFilters }) {
  const { t } = useTranslation();
  // Stock now: dates do not apply.
  const scope = { warehouseId: filters.warehouseId, categoryId: filters.categoryId, productId: filters.productId };
  const q = useQuery({ queryKey: ['analytics', 'ageing', scope], queryFn: () => stockAnalytics.ageing(scope) });
  const d = q.data;
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, bottom: 8, top: 24, containLabel: true },
    xAxis: { type: 'category', data: d?.totals.map((b) => b.bucket) ?? [] },
    yAxis: { type: 'value', name: t('ana.ageing.value') },
    series: [{ type: 'bar', name: t('ana.ageing.value'), data: d?.totals.map((b) => b.value / 100) ?? [], itemStyle: { color: '#fa8c16' } }],
  }), [d, t]);
  return (
    <FigureCard title={t('ana.ageing.title')} help={t('ana.ageing.help')} testId="card-ageing" loading={q.isLoading} error={q.error} exportFigure="ageing" exportQuery={scope}>
      <Typography.Text>{d && t('ana.ageing.total', { value: formatMoney(d.value), units: d.units })}</Typography.Text>
      <Chart option={option} height={220} label={d?.totals.map((b) => `${b.bucket}: ${formatMoney(b.value)}`).join(', ')} />
    </FigureCard>
  );
}

/** Stock on hand with no sale from its warehouse in the last N days (30/60/90/180), oldest sale first. */
export function SlowMovingCard({ filters, days, onDays }: { filters: AnalyticsFilters; days: number; onDays: (d: number) => void }) {
  const { t } = useTranslation();
  // Stock now against sales up to today: the date range does not apply.
  const scope = { warehouseId: filters.warehouseId, categoryId: filters.categoryId, productId: filters.productId };
  const q = useQuery({ queryKey: ['analytics', 'slow-moving', scope, days], queryFn: () => stockAnalytics.slowMoving(scope, days) });
  type Row = SlowMoving['rows'][number];
  const columns: ColumnsType<Row> = [
    { title: t('ana.drill.product'), key: 'name', ellipsis: true, render: (_, r) => `${r.sku ?? ''} ${r.name ?? ''}`.trim() },
    { title: t('ana.drill.warehouse'), dataIndex: 'warehouseName', width: 100 },
    { title: t('ana.slow.lastSale'), dataIndex: 'lastSaleDay', width: 110, render: (v: string | null) => v ?? t('ana.slow.never') },
    { title: t('ana.turnover.onHand'), dataIndex: 'onHand', align: 'right', width: 80 },
    { title: t('ana.ageing.value'), dataIndex: 'value', align: 'right', render: formatMoney },
  ];
  const d = q.data;
  return (
    <FigureCard
      title={t('ana.slow.title')} help={t('ana.slow.help')} testId="card-slow" loading={q.isLoading} error={q.error} exportFigure="slow-moving" exportQuery={{ ...scope, days }}
      controls={<Segmented<number> size="small" value={days} onChange={onDays} options={[30, 60, 90, 180].map((n) => ({ value: n, label: t('ana.slow.days', { count: n }) }))} />}
    >
      <Typography.Text type="secondary">{d && t('ana.slow.total', { count: d.count, value: formatMoney(d.value) })}</Typography.Text>
      <Table<Row> size="small" rowKey={(r) => `${r.productId}:${r.warehouseId}`} columns={columns} dataSource={d?.rows ?? []} pagination={{ pageSize: 8, size: 'small' }} scroll={{ x: 560 }} locale={{ emptyText: t('ana.empty') }} />
    </FigureCard>
  );
}
