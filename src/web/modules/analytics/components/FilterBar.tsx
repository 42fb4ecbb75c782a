import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CategoryTreeSelect } from '../../catalog/components/CategoryTreeSelect';
import { WarehouseSelect } from '../../inventory/components/WarehouseSelect';
import { customers } from '../../partners/api';
import { CustomerSelect } from '../../sales/components/CustomerSelect';
import type { AnalyticsFilters } from '../api';
import { defaultRange, localToday, presetKeys, presetRange, sameRangeLastYear, type DayRange } from '../date-presets';

const fmt = 'YYYY-MM-DD';
const pair = (r: DayRange): [Dayjs, Dayjs] => [dayjs(r.from), dayjs(r.to)];
/** A URL date the picker can show; anything else shows empty (the server's error says why). */
const shownDay = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) && dayjs(d).isValid() ? dayjs(d) : null);

/** Date range with presets, warehouse, category (tree) and customer (search); every change goes to the URL. */
export function FilterBar({ filters, previous, onChange }: {
  filters: AnalyticsFilters; previous?: { from: string; to: string }; onChange: (patch: Partial<Record<keyof AnalyticsFilters, string | undefined>>) => void;
}) {
  const { t } = useTranslation();
  const today = localToday();
  const shown: DayRange = filters.from || filters.to ? { from: filters.from ?? filters.to!, to: filters.to ?? today } : defaultRange(today);
  const known = useQuery({ queryKey: ['customers', filters.customerId], queryFn: () => customers.get(filters.customerId!), enabled: !!filters.customerId, retry: false });
  const presets = [
    ...presetKeys.map((k) => ({ label: t(`ana.filters.presets.${k}`), value: pair(presetRange(k, today)) })),
    // 去年同期: the dates now chosen, a year earlier.
    { label: t('ana.filters.presets.sameLastYear'), value: pair(sameRangeLastYear(shown)) },
  ];
  const hasAny = Object.values(filters).some(Boolean);
  return (
    <Flex wrap="wrap" gap={8} align="center" style={{ marginBottom: 12 }} data-testid="analytics-filters">
      <DatePicker.RangePicker
        value={[shownDay(shown.from), shownDay(shown.to)]} presets={presets} allowClear={false} aria-label={t('ana.filters.range')}
        onChange={(v) => v?.[0] && v[1] && onChange({ from: v[0].format(fmt), to: v[1].format(fmt) })}
      />
      <WarehouseSelect allowClear placeholder={t('ana.filters.warehouse')} style={{ width: 160 }} value={filters.warehouseId} onChange={(v) => onChange({ warehouseId: v })} aria-label={t('ana.filters.warehouse')} />
      <CategoryTreeSelect allowInactive placeholder={t('ana.filters.category')} style={{ width: 180 }} value={filters.categoryId} onChange={(v: string | undefined) => onChange({ categoryId: v })} aria-label={t('ana.filters.category')} />
      <CustomerSelect
        allowClear placeholder={t('ana.filters.customer')} style={{ width: 220 }} value={filters.customerId} known={known.data ?? null}
        onChange={(id) => onChange({ customerId: id })} aria-label={t('ana.filters.customer')}
      />
      {hasAny && <Button type="link" onClick={() => onChange({ from: undefined, to: undefined, warehouseId: undefined, categoryId: undefined, customerId: undefined, productId: undefined })}>{t('ana.filters.reset')}</Button>}
      {previous && <Typography.Text type="secondary" data-testid="previous-range">{t('ana.filters.previous', previous)}</Typography.Text>}
    </Flex>
  );
}
