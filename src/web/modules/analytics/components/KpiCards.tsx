import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Row, Skeleton, Typography, theme } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/lib/errors';
import { formatMoney } from '../../../shared/lib/format';
import type { AnalyticsFilters, SalesSummary } from '../api';
import type { DrillTarget } from './DrillDrawer';
import { HelpTip } from './FigureCard';

type Key = 'revenue' | 'grossProfit' | 'marginPercent' | 'orders' | 'averageOrderValue' | 'quantity';
const keys: Key[] = ['revenue', 'grossProfit', 'marginPercent', 'orders', 'averageOrderValue', 'quantity'];

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);
const changeOf = (cur: number | null, prev: number | null) => (cur === null || prev === null || prev === 0 ? null : Math.round(((cur - prev) / Math.abs(prev)) * 1000) / 10);

function valueOf(s: SalesSummary, k: Key): string {
  const c = s.current;
  switch (k) {
    case 'revenue': case 'grossProfit': return formatMoney(c[k]);
    case 'averageOrderValue': return c.averageOrderValue === null ? '—' : formatMoney(c.averageOrderValue);
    case 'marginPercent': return pct(c.marginPercent);
    case 'orders': return c.orders === null ? '—' : String(c.orders);
    case 'quantity': return String(c.quantity);
  }
}

/** The change vs 上期: percent, except the margin in percentage points. */
function changeText(s: SalesSummary, k: Key, t: TFunction): { value: number | null; text: string } {
  if (k === 'marginPercent') {
    const v = s.change.marginPoints;
    return { value: v, text: v === null ? t('ana.noPrevious') : t('ana.points', { value: Math.abs(v).toFixed(1) }) };
  }
  const v = k === 'averageOrderValue' ? changeOf(s.current.averageOrderValue, s.previous.averageOrderValue) : s.change[k];
  return { value: v, text: v === null ? t('ana.noPrevious') : `${Math.abs(v).toFixed(1)}%` };
}

/**
 * 净销售额, 毛利, 毛利率, 订单数, 客单价, 销量 with the change vs 上期. Colours follow Ant Design's
 * business convention, green = up (good), red = down (bad) — not the stock-market red-for-up that
 * Chinese readers also know, because on a business dashboard the colour should say good or bad.
 */
export function KpiCards({ summary, loading, error, filters, onDrill }: { summary?: SalesSummary; loading: boolean; error: unknown; filters: AnalyticsFilters; onDrill: (d: DrillTarget) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  if (error) return null; // the page shows the filter error once, above
  const drill = (k: Key) => {
    if (!summary) return;
    const f = { ...filters, from: summary.from, to: summary.to };
    onDrill(k === 'orders' ? { type: 'orders', title: t('ana.kpi.orders'), filters: f, flags: {} } : { type: 'sales', title: t(`ana.kpi.${k}`), filters: f });
  };
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {keys.map((k) => {
        const ch = summary ? changeText(summary, k, t) : null;
        const color = ch?.value ? (ch.value > 0 ? token.colorSuccess : token.colorError) : token.colorTextSecondary;
        const noOrders = k === 'orders' || k === 'averageOrderValue' ? summary?.current.orders === null : false;
        return (
          <Col key={k} xs={12} md={8} xl={4} title={t('ana.clickToDrill')}>
            <Card size="small" hoverable onClick={() => drill(k)} data-testid={`kpi-${k}`} style={{ height: '100%' }}>
              <Typography.Text type="secondary">{t(`ana.kpi.${k}`)}<HelpTip text={t(`ana.help.${k}`)} /></Typography.Text>
              {loading || !summary ? <Skeleton active paragraph={false} /> : (
                <>
                  <div style={{ fontSize: 22, fontWeight: 600, margin: '4px 0' }} data-testid={`kpi-${k}-value`}>{valueOf(summary, k)}</div>
                  <Typography.Text style={{ color, fontSize: 12 }} data-testid={`kpi-${k}-change`}>
                    {noOrders ? t('ana.kpi.notUnderFilter') : ch?.value === null ? ch.text : <>{t('ana.vsPrevious')} {ch?.value ? (ch.value > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />) : null} {ch?.text}</>}
                  </Typography.Text>
                </>
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

/** The page-wide error (a bad filter in the URL): the server's message and each field's reason. */
export function FilterError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const details = error instanceof ApiError ? error.fieldErrors : [];
  return (
    <Alert
      type="error" showIcon data-testid="filter-error" style={{ marginBottom: 12 }}
      title={error instanceof ApiError && error.code === 'VALIDATION_FAILED' ? t('ana.badFilter') : errorMessage(error)}
      description={details.length ? details.map((d) => <div key={d.field}>{d.message}</div>) : errorMessage(error)}
    />
  );
}
