import { useQuery } from '@tanstack/react-query';
import { Col, Row, Statistic, Typography, theme } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { analytics, type AnalyticsFilters, type Fulfilment, type OrderFlags } from '../api';
import { Chart, type ChartOption } from './Chart';
import type { DrillTarget } from './DrillDrawer';
import { FigureCard, HelpTip } from './FigureCard';

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);
/** A distribution bucket: 当天, ≤N 天, or >N 天 for the last, open one. */
const bucketLabel = (t: TFunction, upTo: number | null, after: number) =>
  upTo === null ? t('ana.fulfilment.bucketOpen', { after }) : upTo === 0 ? t('ana.fulfilment.bucketSame') : t('ana.fulfilment.bucket', { upTo });

/** On-time, backorder and return rates, days to ship and their distribution; each figure drills into its orders. */
export function FulfilmentCard({ filters, onDrill }: { filters: AnalyticsFilters; onDrill: (d: DrillTarget) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const q = useQuery({ queryKey: ['analytics', 'fulfilment', filters], queryFn: () => analytics.fulfilment(filters) });
  const d = q.data;
  const c: Fulfilment | undefined = d?.current;
  const drill = (title: string, flags: OrderFlags) => d && onDrill({ type: 'orders', title, filters: { ...filters, from: d.from, to: d.to }, flags });
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, bottom: 8, top: 24, containLabel: true },
    xAxis: { type: 'category', data: c?.daysToShip.map((b, i, all) => bucketLabel(t, b.upTo, all[i - 1]?.upTo ?? 0)) ?? [] },
    yAxis: { type: 'value', minInterval: 1, name: t('ana.fulfilment.count') },
    series: [{ type: 'bar', name: t('ana.fulfilment.count'), data: c?.daysToShip.map((b) => b.count) ?? [], itemStyle: { color: token.colorPrimary } }],
  }), [c, t, token.colorPrimary]);

  /** A figure that opens the orders behind it. */
  const figure = (key: string, title: string, value: ReactNode, help: string, flags: OrderFlags, prev?: string) => (
    <Col xs={12} md={8} key={key}>
      <div role="button" tabIndex={0} style={{ cursor: 'pointer' }} data-testid={`fulfilment-${key}`}
        onClick={() => drill(title, flags)} onKeyDown={(e) => e.key === 'Enter' && drill(title, flags)}>
        <Statistic title={<span>{title}<HelpTip text={help} /></span>} value={value as string} valueStyle={{ fontSize: 20 }} />
        {prev !== undefined && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('ana.previousShort')} {prev}</Typography.Text>}
      </div>
    </Col>
  );
  return (
    <FigureCard title={t('ana.fulfilment.title')} help={t('ana.help.fulfilment')} testId="card-fulfilment" loading={q.isLoading} error={q.error} exportFigure="fulfilment" exportQuery={{ ...filters }}>
      {c && d && (
        <>
          <Row gutter={[12, 12]}>
            {figure('onTime', t('ana.fulfilment.onTime'), pct(c.onTimePercent), t('ana.fulfilment.onTimeHelp'), { onTime: true }, pct(d.previous.onTimePercent))}
            {figure('backorder', t('ana.fulfilment.backorder'), pct(c.backorderPercent), t('ana.fulfilment.backorderHelp'), { backordered: true }, pct(d.previous.backorderPercent))}
            {figure('return', t('ana.fulfilment.returnRate'), pct(c.returnPercent), t('ana.fulfilment.returnHelp'), { returned: true }, pct(d.previous.returnPercent))}
            {figure('avgDays', t('ana.fulfilment.averageDays'), c.averageDaysToShip === null ? '—' : t('ana.fulfilment.days', { value: c.averageDaysToShip }), t('ana.fulfilment.daysHelp'), { shipped: true })}
            {figure('medianDays', t('ana.fulfilment.medianDays'), c.medianDaysToShip === null ? '—' : t('ana.fulfilment.days', { value: c.medianDaysToShip }), t('ana.fulfilment.daysHelp'), { shipped: true })}
            {figure('openLate', t('ana.fulfilment.openLate'), String(c.openLate), t('ana.fulfilment.openLateHelp'), { late: true })}
          </Row>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12 }}>
            {t('ana.fulfilment.distribution')}{t('ana.p.open')}{t('ana.fulfilment.orders')} {c.orders}{t('ana.p.comma')}{t('ana.fulfilment.shipped')} {c.shipped}{t('ana.p.close')}
          </Typography.Text>
          <Chart option={option} height={200} label={t('ana.fulfilment.distribution')} />
        </>
      )}
    </FigureCard>
  );
}
