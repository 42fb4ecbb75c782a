import { Button, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShortageDetail } from '../api';
import { NotifyWhenBack } from './NotifyWhenBack';

type Props = {
  /** What was refused: confirming a draft, or approving an order that waits for approval. */
  action: 'confirm' | 'approve';
  items: ShortageDetail[];
  warehouseName: (id: string) => string;
  onClose: () => void;
  /** Confirm or approve again, reserving what is there and backordering the rest. */
  onBackorder: () => void;
  backordering: boolean;
  /** Open the order in the entry form to change lines or warehouses; absent when it cannot be edited. */
  onEdit?: () => void;
  /** The order, whose customer may ask to be told when a short product is back. */
  order?: { id: string; customerId: string };
};

/**
 * A confirmation or approval refused for want of stock, on the order's page: what is short, where
 * else it is, and the ways on (backorder the rest, or edit the order). Nothing was reserved.
 */
export function ShortageDialog({ action, items, warehouseName, onClose, onBackorder, backordering, onEdit, order }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      onCancel={onClose}
      width={600}
      title={t(action === 'approve' ? 'sales.approveShortageTitle' : 'sales.confirmShortageTitle')}
      footer={
        <Flex wrap="wrap" gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('action.close')}</Button>
          {onEdit && <Button onClick={onEdit}>{t('sales.editOrder')}</Button>}
          <Button type="primary" onClick={onBackorder} loading={backordering} data-testid="shortage-backorder" style={{ whiteSpace: 'normal', height: 'auto' }}>
            {t('sales.backorder')}
          </Button>
        </Flex>
      }
    >
      <div data-testid="shortage-dialog">
        <ul style={{ paddingInlineStart: 18, margin: '0 0 12px' }}>
          {items.map((d) => (
            <li key={d.field}>
              {t('sales.shortageDetailLine', { lineNo: d.lineNo, name: `${d.sku ?? ''} ${d.productName ?? ''}`.trim(), warehouse: warehouseName(d.warehouseId), message: d.message })}
              {d.elsewhere.length > 0 && <div>{t('sales.shortageElsewhere')}：{d.elsewhere.map((w) => `${w.warehouseName} ${w.available}`).join('、')}</div>}
              {d.restock && <Typography.Text type="secondary">{t('sales.restock', { date: d.restock.date })}</Typography.Text>}
              <div><NotifyWhenBack customerId={order?.customerId} productId={d.productId} warehouseId={d.warehouseId} orderId={order?.id} /></div>
            </li>
          ))}
        </ul>
        <Typography.Paragraph style={{ marginBottom: 4 }}>{t(action === 'approve' ? 'sales.approveShortageHint' : 'sales.confirmShortageHint')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('sales.backorderHint')}</Typography.Paragraph>
      </div>
    </Modal>
  );
}
