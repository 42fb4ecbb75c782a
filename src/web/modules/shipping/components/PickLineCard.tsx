import { Card, Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PickLine } from '../api';
import { PickLineTag } from './Tags';

/** One pick line as a phone card: the bin big on the left, the item, and scanned / to pick counting up. */
export function PickLineCard({ line: l, atBin, last }: { line: PickLine; atBin: boolean; last: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const done = l.status === 'open' ? l.scanned >= l.quantity : l.status === 'picked';
  const border = last ? token.colorPrimary : atBin ? token.colorInfoBorder : undefined;
  return (
    <Card
      size="small"
      data-testid="pick-line"
      data-line-status={l.status}
      style={{ borderColor: border, borderWidth: border ? 2 : 1, background: done ? token.colorSuccessBg : l.status === 'short' ? token.colorWarningBg : undefined }}
      styles={{ body: { padding: '10px 12px' } }}
    >
      <Flex gap={12} align="center">
        <div style={{ minWidth: 64, textAlign: 'center' }}>
          <div style={{ fontSize: 12, color: token.colorTextSecondary }}>{t('ship.bin')}</div>
          <div style={{ fontSize: 17, fontWeight: 600, wordBreak: 'break-all' }} data-testid="pick-bin">{l.binCode ?? '—'}</div>
        </div>
        <div style={{ flex: 1, minWidth: 0 }}>
          <div style={{ fontSize: 15, fontWeight: 500 }}>{l.productName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>{l.sku} · {l.orderNumber}</Typography.Text>
        </div>
        <div style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
          <div data-testid="pick-count" style={{ fontSize: 22, fontWeight: 600, lineHeight: 1.1 }}>
            <span style={{ color: done ? token.colorSuccess : undefined }}>{l.status === 'open' ? l.scanned : (l.picked ?? 0)}</span>
            <span style={{ fontSize: 15, color: token.colorTextSecondary }}>/{l.quantity}</span>
          </div>
          <div style={{ fontSize: 12 }}>{l.baseUnit} {l.status !== 'open' && <PickLineTag status={l.status} />}</div>
        </div>
      </Flex>
      {l.short > 0 && (
        <Typography.Text type="warning" style={{ display: 'block', marginTop: 4 }} data-testid="pick-short">
          {t('ship.pick.shortGoesBack', { n: l.short, unit: l.baseUnit })}
        </Typography.Text>
      )}
    </Card>
  );
}
