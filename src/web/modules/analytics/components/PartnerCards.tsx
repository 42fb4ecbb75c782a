import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/lib/format';
import type { AnalyticsFilters } from '../api';
import { stockAnalytics, type Preferences, type Rfm, type Suppliers } from '../api-stock';
import type { DrillTarget } from './DrillDrawer';
import { FigureCard } from './FigureCard';

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);
const dec = (v: number | null) => (v === null ? '—' : v.toFixed(1));

/** Customers who ordered in the range by RFM segment: how many and their net sales. */
export function RfmCard({ filters }: { filters: AnalyticsFilters }) {
  const { t, i18n } = useTranslation();
  const q = useQuery({ queryKey: ['analytics', 'rfm', filters], queryFn: () => stockAnalytics.rfm(filters) });
  const columns: ColumnsType<Rfm['segments'][number]> = [
    { title: t('ana.rfm.segment'), key: 'segment', render: (_, s) => `${i18n.language === 'en' ? s.en : s.zh}${t('ana.p.open')}${s.segment}${t('ana.p.close')}` },
    { title: t('ana.rfm.customers'), dataIndex: 'customers', align: 'right', width: 90 },
    { title: t('ana.rfm.monetary'), dataIndex: 'monetary', align: 'right', render: formatMoney },
  ];
  return (
    <FigureCard title={t('ana.rfm.title')} help={t('ana.rfm.help')} testId="card-rfm" loading={q.isLoading} error={q.error} exportFigure="rfm" exportQuery={{ ...filters }}>
      <Typography.Text type="secondary">{t('ana.rfm.totalCustomers', { count: q.data?.customers ?? 0 })}</Typography.Text>
      <Table size="small" rowKey="segment" columns={columns} dataSource={q.data?.segments.filter((s) => s.customers > 0) ?? []} pagination={false} locale={{ emptyText: t('ana.empty') }} />
    </FigureCard>
  );
}

/** Per supplier: purchase orders, on-time receipts, promised and actual lead days, fill rate. */
export function SuppliersCard({ filters, onDrill }: { filters: AnalyticsFilters; onDrill: (d: DrillTarget) => void }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['analytics', 'suppliers', filters], queryFn: () => stockAnalytics.suppliers(filters) });
  type Row = Suppliers['rows'][number];
  const columns: ColumnsType<Row> = [
    { title: t('ana.suppliers.supplier'), key: 'name', ellipsis: true, render: (_, r) => <Typography.Link>{nameOf(r)}</Typography.Link> },
    { title: t('ana.suppliers.orders'), dataIndex: 'orders', align: 'right', width: 80 },
    { title: t('ana.suppliers.onTime'), dataIndex: 'onTimePercent', align: 'right', width: 90, render: pct },
    { title: t('ana.suppliers.promised'), dataIndex: 'promisedLeadDaysAverage', align: 'right', width: 100, render: dec },
    { title: t('ana.suppliers.actual'), dataIndex: 'actualLeadDaysAverage', align: 'right', width: 100, render: dec },
    { title: t('ana.suppliers.fillRate'), dataIndex: 'fillRatePercent', align: 'right', width: 90, render: pct },
  ];
  const tot = q.data?.total;
  const nameOf = (r: Row) => `${r.code ?? ''} ${r.name ?? ''}`.trim();
  return (
    <FigureCard title={t('ana.suppliers.title')} help={t('ana.suppliers.help')} testId="card-suppliers" loading={q.isLoading} error={q.error} exportFigure="suppliers" exportQuery={{ ...filters }}>
      <Table<Row>
        size="small" rowKey="supplierId" columns={columns} dataSource={q.data?.rows ?? []} pagination={{ pageSize: 8, size: 'small' }} scroll={{ x: 600 }} locale={{ emptyText: t('ana.empty') }}
        onRow={(r) => ({ style: { cursor: 'pointer' }, onClick: () => onDrill({ type: 'supplier-orders', title: nameOf(r), filters: { ...filters, from: q.data?.from, to: q.data?.to }, supplierId: r.supplierId }) })}
        summary={() => tot && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t('ana.suppliers.total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">{tot.orders}</Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">{pct(tot.onTimePercent)}</Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">{dec(tot.promisedLeadDaysAverage)}</Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">{dec(tot.actualLeadDaysAverage)}</Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">{pct(tot.fillRatePercent)}</Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </FigureCard>
  );
}

/** The top 10 customers' net sales by category, each cell with its share of the customer's sales; a click lists that customer's lines. */
export function PreferencesCard({ filters, onDrill }: { filters: AnalyticsFilters; onDrill: (d: DrillTarget) => void }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['analytics', 'customer-categories', filters], queryFn: () => stockAnalytics.preferences(filters) });
  type Row = Preferences['rows'][number];
  const nameOf = (r: Row) => `${r.code ?? ''} ${r.name ?? ''}`.trim();
  const columns: ColumnsType<Row> = [
    { title: t('ana.drill.customer'), key: 'name', fixed: 'left', width: 180, ellipsis: true, render: (_, r) => <Typography.Link>{nameOf(r)}</Typography.Link> },
    { title: t('ana.kpi.revenue'), dataIndex: 'revenue', align: 'right', width: 110, render: formatMoney },
    ...(q.data?.categories ?? []).map((c) => ({
      title: c.name ?? t('ana.top.uncategorised'), key: c.categoryId ?? '-', align: 'right' as const, width: 110,
      render: (_: unknown, r: Row) => {
        const x = r.categories.find((y) => y.categoryId === c.categoryId);
        return x ? <span>{formatMoney(x.revenue)}<br /><Typography.Text type="secondary">{pct(x.sharePercent)}</Typography.Text></span> : '—';
      },
    })),
  ];
  return (
    <FigureCard title={t('ana.prefs.title')} help={t('ana.prefs.help')} testId="card-preferences" loading={q.isLoading} error={q.error} exportFigure="customer-categories" exportQuery={{ ...filters, limit: 10 }}>
      <Table<Row>
        size="small" rowKey="customerId" columns={columns} dataSource={q.data?.rows ?? []} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('ana.empty') }}
        onRow={(r) => ({ style: { cursor: 'pointer' }, onClick: () => onDrill({ type: 'sales', title: nameOf(r), filters: { ...filters, from: q.data?.from, to: q.data?.to, customerId: r.customerId } }) })}
      />
    </FigureCard>
  );
}
