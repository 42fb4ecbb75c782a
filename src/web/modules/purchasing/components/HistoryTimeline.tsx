import { useQuery } from '@tanstack/react-query';
import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/lib/format';
import { purchaseOrders, type PurchaseOrder } from '../api';

const colors: Record<string, string> = { approve: 'green', receive: 'green', reject: 'red', cancel: 'red', close: 'gray', submit: 'blue', create: 'blue' };

/** 操作记录: who did what to the order and when, with the reason or the receipt number. */
export function HistoryTimeline({ order }: { order: PurchaseOrder }) {
  const { t } = useTranslation();
  // Keyed on updatedAt: every action on the order shows up here at once.
  const q = useQuery({ queryKey: ['purchaseOrders', 'history', order.id, order.updatedAt], queryFn: () => purchaseOrders.history(order.id) });
  const items = q.data ?? [];
  if (q.data && !items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pur.noHistory')} />;
  return (
    <Timeline
      data-testid="po-history"
      items={items.map((h) => ({
        color: colors[h.action] ?? 'blue',
        content: (
          <div data-testid="po-history-entry">
            <Typography.Text strong>{t(`pur.historyActions.${h.action}`, { defaultValue: h.action })}</Typography.Text>
            {h.toStatus && h.toStatus !== h.fromStatus && <Typography.Text type="secondary"> → {t(`pur.statuses.${h.toStatus}`, { defaultValue: h.toStatus })}</Typography.Text>}
            {h.comment && <div>{h.action === 'receive' ? t('pur.historyReceipt', { number: h.comment }) : h.comment}</div>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[formatDateTime(h.at), h.actorName].filter(Boolean).join(' · ')}</Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
