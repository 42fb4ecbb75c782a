import { useQuery } from '@tanstack/react-query';
import { Col, Row } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { analytics, type AnalyticsFilters, type Granularity } from '../api';
import { DrillDrawer, type DrillTarget } from '../components/DrillDrawer';
import { FilterBar } from '../components/FilterBar';
import { FulfilmentCard } from '../components/FulfilmentCard';
import { InventoryCard } from '../components/InventoryCard';
import { PreferencesCard, RfmCard, SuppliersCard } from '../components/PartnerCards';
import { AbcXyzCard, AgeingCard, SlowMovingCard, TurnoverCard } from '../components/StockCards';
import { FilterError, KpiCards } from '../components/KpiCards';
import { TopCard, topBys, topSorts } from '../components/TopCard';
import { TrendCard } from '../components/TrendCard';
import { useAnalyticsFilters } from '../use-analytics-filters';

/** What every card gets: the filters, its own URL-kept settings, and the drill-down. */
export type CardContext = {
  filters: AnalyticsFilters;
  option: ReturnType<typeof useAnalyticsFilters>['option'];
  update: ReturnType<typeof useAnalyticsFilters>['update'];
  drill: (d: DrillTarget) => void;
};

/** The cards below the KPIs, in order; a new figure is one more entry (width in 24ths on wide screens). */
const cards: Array<{ key: string; span: number; render: (c: CardContext) => ReactNode }> = [
  {
    key: 'trend', span: 16,
    render: ({ filters, option, update, drill }) => (
      <TrendCard filters={filters} granularity={option<Granularity>('granularity', ['day', 'week', 'month'], 'day')} onGranularity={(g) => update({ granularity: g })} onDrill={drill} />
    ),
  },
  {
    key: 'inventory', span: 8,
    render: ({ filters, option, update }) => (
      <InventoryCard filters={filters} by={option('stockBy', ['warehouse', 'category'] as const, 'warehouse')} onBy={(b) => update({ stockBy: b })} />
    ),
  },
  {
    key: 'top', span: 14,
    render: ({ filters, option, update, drill }) => (
      <TopCard filters={filters} by={option('topBy', topBys, 'product')} sort={option('topSort', topSorts, 'revenue')} onChange={(p) => update({ topBy: p.by, topSort: p.sort })} onDrill={drill} />
    ),
  },
  { key: 'fulfilment', span: 10, render: ({ filters, drill }) => <FulfilmentCard filters={filters} onDrill={drill} /> },
  {
    key: 'turnover', span: 14,
    render: ({ filters, option, update }) => (
      <TurnoverCard filters={filters} by={option('turnoverBy', ['product', 'category', 'warehouse'] as const, 'product')} onBy={(b) => update({ turnoverBy: b })} />
    ),
  },
  { key: 'ageing', span: 10, render: ({ filters }) => <AgeingCard filters={filters} /> },
  { key: 'abc', span: 12, render: ({ filters }) => <AbcXyzCard filters={filters} /> },
  { key: 'rfm', span: 12, render: ({ filters }) => <RfmCard filters={filters} /> },
  { key: 'preferences', span: 24, render: ({ filters, drill }) => <PreferencesCard filters={filters} onDrill={drill} /> },
  { key: 'suppliers', span: 12, render: ({ filters, drill }) => <SuppliersCard filters={filters} onDrill={drill} /> },
  {
    key: 'slow', span: 12,
    render: ({ filters, option, update }) => (
      <SlowMovingCard filters={filters} days={Number(option('slowDays', ['30', '60', '90', '180'] as const, '90'))} onDays={(d) => update({ slowDays: String(d) })} />
    ),
  },
];

/** 经营分析: sales KPIs against the previous period, trend, top sellers, inventory value and fulfilment, each with its documents and an Excel export. */
export default function AnalyticsPage() {
  const { t } = useTranslation();
  const { filters, update, option } = useAnalyticsFilters();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const summary = useQuery({ queryKey: ['analytics', 'summary', filters], queryFn: () => analytics.summary(filters), retry: false });
  const ctx: CardContext = { filters, option, update, drill: setDrill };
  return (
    <>
      <PageHeader title={t('ana.title')} />
      <FilterBar filters={filters} previous={summary.data ? { from: summary.data.previousFrom, to: summary.data.previousTo } : undefined} onChange={update} />
      {summary.isError ? <FilterError error={summary.error} /> : (
        <>
          <KpiCards summary={summary.data} loading={summary.isLoading} error={summary.error} filters={filters} onDrill={setDrill} />
          <Row gutter={[12, 12]}>
            {cards.map((c) => <Col key={c.key} xs={24} xl={c.span}>{c.render(ctx)}</Col>)}
          </Row>
        </>
      )}
      <DrillDrawer target={drill} onClose={() => setDrill(null)} />
    </>
  );
}
