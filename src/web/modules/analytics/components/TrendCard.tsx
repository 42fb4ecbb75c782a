import { useQuery } from '@tanstack/react-query';
import { Segmented } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { analytics, type AnalyticsFilters, type Granularity } from '../api';
import { Chart, type ChartOption } from './Chart';
import type { DrillTarget } from './DrillDrawer';
import { FigureCard } from './FigureCard';

const yuan = (fen: number) => Math.round(fen) / 100;

/** Net sales per day, week or month (bars), gross profit (line) and the previous period dashed; a click drills into that period. */
export function TrendCard({ filters, granularity, onGranularity, onDrill }: {
  filters: AnalyticsFilters; granularity: Granularity; onGranularity: (g: Granularity) => void; onDrill: (d: DrillTarget) => void;
}) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['analytics', 'trend', filters, granularity], queryFn: () => analytics.trend(filters, granularity) });
  const d = q.data;
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `¥${Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}` },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
    xAxis: { type: 'category', data: d?.points.map((p) => p.period) ?? [] },
    yAxis: { type: 'value' },
    series: [
      { name: t('ana.trend.current'), type: 'bar', data: d?.points.map((p) => yuan(p.revenue)) ?? [], itemStyle: { color: '#1677ff' } },
      { name: t('ana.trend.grossProfit'), type: 'line', data: d?.points.map((p) => yuan(p.grossProfit)) ?? [], itemStyle: { color: '#52c41a' } },
      // Aligned by index: point i of the previous period sits under point i of this one.
      { name: t('ana.trend.previous'), type: 'line', data: d?.points.map((_, i) => (d.previous[i] ? yuan(d.previous[i].revenue) : null)) ?? [], lineStyle: { type: 'dashed' }, itemStyle: { color: '#8c8c8c' }, symbol: 'emptyCircle' },
    ],
  }), [d, t]);
  const controls = (
    <Segmented<Granularity>
      size="small" value={granularity} onChange={onGranularity} data-testid="trend-granularity"
      options={(['day', 'week', 'month'] as const).map((g) => ({ value: g, label: t(`ana.trend.${g}`) }))}
    />
  );
  return (
    <FigureCard
      title={t('ana.trend.title')} help={t('ana.help.trend')} testId="card-trend" loading={q.isLoading} error={q.error}
      controls={controls} exportFigure="sales-trend" exportQuery={{ ...filters, granularity }}
    >
      <Chart
        option={option} testId="trend-chart"
        label={`${t('ana.trend.title')}: ${d?.points.map((p) => p.period).join(', ') ?? ''}`}
        onClick={({ seriesIndex, dataIndex }) => {
          // The dashed series is the previous period: its point drills into the previous dates.
          const p = seriesIndex === 2 ? d?.previous[dataIndex] : d?.points[dataIndex];
          if (p) onDrill({ type: 'sales', title: `${t('ana.trend.title')} ${p.period}`, filters: { ...filters, from: p.from, to: p.to } });
        }}
      />
    </FigureCard>
  );
}
