import { useQuery } from '@tanstack/react-query';
import { Segmented, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/lib/format';
import { analytics, type AnalyticsFilters } from '../api';
import { Chart, type ChartOption } from './Chart';
import { FigureCard } from './FigureCard';

type By = 'warehouse' | 'category';

/** Inventory value now by warehouse or category (a pie); dates and customer do not apply. */
export function InventoryCard({ filters, by, onBy }: { filters: AnalyticsFilters; by: By; onBy: (b: By) => void }) {
  const { t } = useTranslation();
  // Dates do not apply to a value as of now: leave them out of the key so a new range does not refetch.
  const scope = { warehouseId: filters.warehouseId, categoryId: filters.categoryId, productId: filters.productId };
  const q = useQuery({ queryKey: ['analytics', 'inventory', scope, by], queryFn: () => analytics.inventoryValue(scope, by) });
  const d = q.data;
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number; percent: number }) => `${p.name}<br/>${formatMoney(Math.round(p.value * 100))} (${p.percent}%)` },
    legend: { type: 'scroll', bottom: 0 },
    series: [{
      type: 'pie', radius: ['40%', '70%'], center: ['50%', '45%'],
      data: d?.rows.map((r) => ({ name: r.name ?? t('ana.top.uncategorised'), value: r.value / 100 })) ?? [],
    }],
  }), [d, t]);
  return (
    <FigureCard
      title={t('ana.inventory.title')} help={t('ana.help.inventory')} testId="card-inventory" loading={q.isLoading} error={q.error}
      exportFigure="inventory-value" exportQuery={{ ...scope, by }}
    >
      {/* The switch sits in the body: beside the title it would squeeze it on a narrow card. */}
      <Segmented<By> size="small" value={by} onChange={onBy} options={(['warehouse', 'category'] as const).map((b) => ({ value: b, label: t(`ana.inventory.by.${b}`) }))} style={{ marginBottom: 8 }} />
      <br />
      <Typography.Text>
        {t('ana.inventory.total')} <b data-testid="inventory-total">{formatMoney(d?.total ?? 0)}</b>{t('ana.p.comma')}{t('ana.inventory.units')} {d?.units ?? 0}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('ana.inventory.ignored')}</Typography.Text>
      <Chart option={option} height={260} label={d?.rows.map((r) => `${r.name ?? ''} ${formatMoney(r.value)}`).join(', ')} />
    </FigureCard>
  );
}
