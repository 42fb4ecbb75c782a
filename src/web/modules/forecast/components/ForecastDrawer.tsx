import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Drawer, Grid, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime } from '../../../shared/lib/format';
import { forecasts } from '../api';
import { paramsText } from '../forecast-view';
import { ForecastChart } from './ForecastChart';
import { DemandClassTag, useMethodName, WapeTag } from './ForecastTags';

export type DrawerTarget = { productId: string; warehouseId?: string; sku?: string; productName?: string };

/** One product × warehouse computed now: its weekly history and forecast chart, method, parameters and backtest; no history → the server's explanation. */
export function ForecastDrawer({ target, onClose }: { target: DrawerTarget | undefined; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const methodName = useMethodName();
  const q = useQuery({
    queryKey: ['forecast', 'product', target?.productId, target?.warehouseId],
    queryFn: () => forecasts.product(target!.productId, target!.warehouseId),
    enabled: !!target,
  });
  const d = q.data;
  const s = d?.series[0];
  const name = target?.sku ? `${target.sku} ${target.productName ?? ''}`.trim() : '';
  const words = { window: (n: number) => t('fc.detail.window', { n }), season: (n: number) => t('fc.detail.season', { n }) };
  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      size={phone ? '100%' : 760}
      title={name ? t('fc.detail.title', { sku: target?.sku, name: target?.productName ?? '' }) : t('fc.title')}
      data-testid="forecast-drawer"
      destroyOnHidden
    >
      {q.isError && <Alert type="error" showIcon title={t('msg.loadFailed')} description={errorMessage(q.error)} />}
      {!d ? (
        <Spin spinning={q.isLoading} tip={t('fc.detail.loading')} style={{ display: 'block', margin: 48 }}><div /></Spin>
      ) : !s ? (
        <Alert type="info" showIcon data-testid="forecast-explanation" title={d.explanation ? (i18n.language === 'en' ? d.explanation.en : d.explanation.zh) : t('fc.empty')} />
      ) : (
        <>
          <ForecastChart history={s.history} weekly={s.weekly} firstWeek={s.firstWeek} holdout={s.holdout} label={t('fc.detail.chartLabel', { name, weeks: s.weekly.length })} />
          <Descriptions size="small" column={phone ? 1 : 2} bordered style={{ marginTop: 16 }}>
            <Descriptions.Item label={t('fc.method')}><span data-testid="forecast-method">{methodName(s.method)}</span></Descriptions.Item>
            <Descriptions.Item label={t('fc.demandClass')}><DemandClassTag value={s.demandClass} /></Descriptions.Item>
            <Descriptions.Item label={t('fc.detail.params')}>{paramsText(s.params, words) || t('fc.detail.noParams')}</Descriptions.Item>
            <Descriptions.Item label={t('fc.wape')}><WapeTag wape={s.wape} testId="forecast-wape" /></Descriptions.Item>
            <Descriptions.Item label={t('fc.detail.holdoutWeeks')} span={phone ? 1 : 2}>
              {s.wape === null ? t('fc.detail.noWape') : t('fc.detail.holdoutText', { n: s.holdout, actual: s.actualSum, error: Math.round(s.absError * 10) / 10 })}
            </Descriptions.Item>
            <Descriptions.Item label={t('fc.historyWeeks')}>{s.historyWeeks}</Descriptions.Item>
            <Descriptions.Item label={t('fc.detail.firstWeek')}>{s.firstWeek}</Descriptions.Item>
            <Descriptions.Item label={t('fc.detail.computedAt')}>{formatDateTime(s.computedAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>{t('fc.wapeHelp')}</Typography.Paragraph>
        </>
      )}
    </Drawer>
  );
}
