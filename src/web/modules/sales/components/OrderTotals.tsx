import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/lib/format';

type Totals = { gross: number; discount: number; net: number; tax: number; total: number };

/** 金额 · 折扣 · 不含税金额 · 税额 · 价税合计. */
export function OrderTotals({ totals, hint }: { totals: Totals; hint?: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid="order-totals">
      <Descriptions size="small" column={{ xs: 1, sm: 3, lg: 5 }} colon>
        <Descriptions.Item label={t('sales.gross')}>{formatMoney(totals.gross)}</Descriptions.Item>
        <Descriptions.Item label={t('sales.discount')}>{formatMoney(totals.discount)}</Descriptions.Item>
        <Descriptions.Item label={t('sales.net')}>{formatMoney(totals.net)}</Descriptions.Item>
        <Descriptions.Item label={t('sales.tax')}>{formatMoney(totals.tax)}</Descriptions.Item>
        <Descriptions.Item label={t('sales.total')}>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="order-total">{formatMoney(totals.total)}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      {hint && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{hint}</Typography.Text>}
    </div>
  );
}
