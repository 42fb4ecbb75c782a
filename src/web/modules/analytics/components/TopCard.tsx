import { useQuery } from '@tanstack/react-query';
import { Progress, Select, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/lib/format';
import { analytics, type AnalyticsFilters, type TopBy, type TopRow, type TopSort } from '../api';
import type { DrillTarget } from './DrillDrawer';
import { FigureCard } from './FigureCard';

export const topBys: TopBy[] = ['product', 'customer', 'category', 'warehouse'];
export const topSorts: TopSort[] = ['revenue', 'grossProfit', 'quantity'];
const filterOf: Record<TopBy, keyof AnalyticsFilters> = { product: 'productId', customer: 'customerId', category: 'categoryId', warehouse: 'warehouseId' };

/** Top 10 products, customers, categories or warehouses; a click on a row lists its lines. */
export function TopCard({ filters, by, sort, onChange, onDrill }: {
  filters: AnalyticsFilters; by: TopBy; sort: TopSort; onChange: (p: { by?: TopBy; sort?: TopSort }) => void; onDrill: (d: DrillTarget) => void;
}) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['analytics', 'top', filters, by, sort], queryFn: () => analytics.top(filters, by, sort) });
  const nameOf = (r: TopRow) => (r.id === null ? t('ana.top.uncategorised') : `${r.code ? `${r.code} ` : ''}${r.name ?? ''}`);
  const columns: ColumnsType<TopRow> = [
    { title: t('ana.top.rank'), dataIndex: 'rank', width: 56 },
    { title: t(`ana.top.by.${by}`), key: 'name', width: 220, ellipsis: true, render: (_, r) => <Typography.Link>{nameOf(r)}</Typography.Link> },
    { title: t('ana.kpi.revenue'), dataIndex: 'revenue', align: 'right', render: formatMoney },
    { title: t('ana.kpi.grossProfit'), dataIndex: 'grossProfit', align: 'right', render: formatMoney },
    { title: t('ana.kpi.marginPercent'), dataIndex: 'marginPercent', align: 'right', width: 80, render: (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`) },
    { title: t('ana.kpi.quantity'), dataIndex: 'quantity', align: 'right', width: 70 },
    { title: t('ana.top.share'), dataIndex: 'sharePercent', width: 120, render: (v: number | null) => (v === null ? '—' : <Progress percent={Math.max(0, Math.min(100, v))} size="small" format={() => `${v.toFixed(1)}%`} />) },
  ];
  const controls = (
    <Select<TopSort> size="small" value={sort} onChange={(s) => onChange({ sort: s })} popupMatchSelectWidth={false} data-testid="top-sort"
      options={topSorts.map((s) => ({ value: s, label: t(`ana.top.sort.${s}`) }))} />
  );
  const others = q.data && q.data.count > q.data.rows.length ? q.data.count - q.data.rows.length : 0;
  return (
    <FigureCard
      title={t('ana.top.title')} help={t('ana.help.top')} testId="card-top" loading={q.isLoading} error={q.error}
      controls={controls} exportFigure="sales-top" exportQuery={{ ...filters, by, sort }}
    >
      <Tabs size="small" activeKey={by} onChange={(k) => onChange({ by: k as TopBy })} items={topBys.map((b) => ({ key: b, label: t(`ana.top.by.${b}`) }))} />
      <Table<TopRow>
        size="small" rowKey={(r) => r.id ?? '-'} pagination={false} columns={columns} dataSource={q.data?.rows ?? []} loading={q.isFetching} scroll={{ x: 820 }}
        data-testid="top-table" locale={{ emptyText: t('ana.empty') }}
        onRow={(r) => ({
          style: { cursor: r.id ? 'pointer' : undefined },
          // Uncategorised sales have no id to filter by, so they do not drill. A category's drill-down
          // includes its subcategories (the filter's rule), while its row counts its own products only.
          onClick: () => r.id && onDrill({
            type: 'sales', title: nameOf(r), filters: { ...filters, from: q.data?.from, to: q.data?.to, [filterOf[by]]: r.id },
            note: by === 'category' ? t('ana.top.withSubcategories') : undefined,
          }),
        })}
        footer={others ? () => <Typography.Text type="secondary">{t('ana.top.others', { count: others })}{t('ana.p.colon')}{formatMoney(q.data!.others.revenue)}</Typography.Text> : undefined}
      />
    </FigureCard>
  );
}
