import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShortageDetail } from '../api';
import type { DraftLine } from '../order-draft';
import { NotifyWhenBack } from './NotifyWhenBack';

// Long choices (a substitute's name) wrap inside their button on phones instead of overflowing.
const wrap = { whiteSpace: 'normal', height: 'auto', textAlign: 'start' } as const;

export type Shortage = { lineKey: string; detail: ShortageDetail; resolved: boolean };

type Props = {
  shortages: Shortage[];
  lines: DraftLine[];
  warehouseName: (id: string) => string;
  /** Base units this line may have at most there (what is available less the other lines' need). */
  allowed: (s: Shortage) => number;
  onSwitchWarehouse: (s: Shortage, warehouseId: string) => void;
  onReduce: (s: Shortage) => void;
  onSubstitute: (s: Shortage, productId: string, warehouseId: string) => void;
  onRemove: (s: Shortage) => void;
  onRetry: () => void;
  retrying: boolean;
  /** Confirm as it is: reserve what is there and backorder the rest (欠货). */
  onBackorder: () => void;
  backordering: boolean;
  /** What happened to the order (not saved; saved but not confirmed; edit refused). */
  title: string;
  /** The order's customer, who may ask to be told when a short product is back. */
  customerId?: string;
};

/**
 * What a refused confirmation found short, line by line: available here and in other warehouses,
 * substitutes, and the ways out (ship from another warehouse, reduce, substitute, remove); then retry,
 * or confirm as it is with the short part backordered.
 */
export function ShortagePanel({ shortages, lines, warehouseName, allowed, onSwitchWarehouse, onReduce, onSubstitute, onRemove, onRetry, retrying, onBackorder, backordering, title, customerId }: Props) {
  const { t } = useTranslation();
  const open = shortages.filter((s) => lines.some((l) => l.key === s.lineKey));
  if (open.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="shortage-panel"
      style={{ marginBottom: 16 }}
      title={title}
      description={
        <Flex vertical gap={8}>
          <span>{t('sales.shortageHint')}</span>
          {open.map((s) => {
            const line = lines.find((l) => l.key === s.lineKey)!;
            const d = s.detail;
            const base = line.product.baseUnit;
            const max = allowed(s);
            return (
              <Card key={s.lineKey} size="small" data-testid="shortage-line">
                <Flex vertical gap={6}>
                  <Typography.Text strong>
                    {s.resolved && <CheckCircleOutlined style={{ color: '#52c41a', marginInlineEnd: 6 }} />}
                    {t('sales.shortageLine', { lineNo: d.lineNo, name: `${d.sku ?? line.product.sku} ${d.productName ?? line.product.name}`, requested: d.requested, available: d.available, unit: base, warehouse: warehouseName(d.warehouseId) })}
                    {s.resolved && <Typography.Text type="success"> · {t('sales.resolved')}</Typography.Text>}
                  </Typography.Text>
                  {d.restock && <Typography.Text type="secondary">{t('sales.restock', { date: d.restock.date })}</Typography.Text>}
                  {!s.resolved && (
                    <Flex wrap="wrap" gap={8}>
                      {d.elsewhere.length === 0 && <Typography.Text type="secondary">{t('sales.shortageNoneElsewhere')}</Typography.Text>}
                      {d.elsewhere.map((w) => (
                        <Button key={w.warehouseId} type={w.available >= d.requested ? 'primary' : 'default'} size="small" style={wrap} onClick={() => onSwitchWarehouse(s, w.warehouseId)} data-testid="switch-warehouse">
                          {t('sales.switchWarehouse', { warehouse: w.warehouseName, available: `${w.available} ${base}` })}
                        </Button>
                      ))}
                      {max > 0 && (
                        <Button size="small" style={wrap} onClick={() => onReduce(s)}>
                          {t('sales.reduceTo', { n: max % line.factor === 0 ? max / line.factor : max, unit: max % line.factor === 0 ? line.unit : base })}
                        </Button>
                      )}
                      {(d.substitutes ?? []).map((x) => (
                        <Button key={x.productId} size="small" style={wrap} onClick={() => onSubstitute(s, x.productId, x.warehouseId)} data-testid="use-substitute">
                          {t('sales.useSubstitute', { sku: x.sku, name: x.name, warehouse: x.warehouseName, available: x.available })}
                        </Button>
                      ))}
                      <Button size="small" danger onClick={() => onRemove(s)}>{t('sales.removeShortLine')}</Button>
                      <NotifyWhenBack customerId={customerId} productId={d.productId} warehouseId={d.warehouseId} />
                    </Flex>
                  )}
                </Flex>
              </Card>
            );
          })}
          <Flex wrap="wrap" gap={8} align="center">
            <Button type="primary" onClick={onRetry} loading={retrying} data-testid="shortage-retry">{t('sales.retry')}</Button>
            <Button onClick={onBackorder} loading={backordering} style={wrap} data-testid="shortage-backorder">{t('sales.backorder')}</Button>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('sales.backorderHint')}</Typography.Text>
        </Flex>
      }
    />
  );
}
