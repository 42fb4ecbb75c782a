import { Alert, Flex, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickLine } from '../api';

type Props = { lines: PickLine[]; busy: boolean; onCancel: () => void; onConfirm: (lines: { lineId: string; picked: number }[]) => void };

/**
 * 确认拣货: every open line at what was scanned; lines not scanned in full are listed with the
 * quantity picked (editable, for an item that would not scan) and what goes back to the order.
 */
export function PickConfirmDialog({ lines, busy, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<Record<string, number>>(() => Object.fromEntries(lines.map((l) => [l.id, Math.min(l.scanned, l.quantity)])));
  const short = lines.filter((l) => (picked[l.id] ?? 0) < l.quantity);
  return (
    <Modal
      open
      title={t('ship.pick.confirmTitle')}
      okText={t('ship.pick.confirm')}
      cancelText={t('action.cancel')}
      onCancel={onCancel}
      onOk={() => onConfirm(lines.map((l) => ({ lineId: l.id, picked: picked[l.id] ?? 0 })))}
      okButtonProps={{ loading: busy, size: 'large', danger: short.length > 0 }}
      cancelButtonProps={{ size: 'large' }}
      data-testid="pick-confirm-dialog"
    >
      {short.length === 0 ? (
        <Alert type="success" showIcon title={t('ship.pick.confirmAll')} />
      ) : (
        <>
          <Alert type="warning" showIcon title={t('ship.pick.confirmShort')} style={{ marginBottom: 12 }} />
          <Flex vertical gap={10}>
            {lines.filter((l) => l.scanned < l.quantity || (picked[l.id] ?? 0) < l.quantity).map((l) => (
              <div key={l.id} data-testid="short-line">
                <div>
                  <b>{l.binCode ?? '—'}</b> {l.sku} {l.productName} <Typography.Text type="secondary">{l.orderNumber}</Typography.Text>
                </div>
                <Flex align="center" gap={8} wrap="wrap">
                  <span>{t('ship.pick.picked')}</span>
                  <InputNumber
                    min={0}
                    max={l.quantity}
                    precision={0}
                    size="large"
                    value={picked[l.id]}
                    onChange={(v) => setPicked((p) => ({ ...p, [l.id]: v ?? 0 }))}
                    aria-label={`${t('ship.pick.picked')} ${l.sku}`}
                    style={{ width: 96 }}
                  />
                  <span>/ {l.quantity} {l.baseUnit}</span>
                  {(picked[l.id] ?? 0) < l.quantity && (
                    <Typography.Text type="warning">{t('ship.pick.shortGoesBack', { n: l.quantity - (picked[l.id] ?? 0), unit: l.baseUnit })}</Typography.Text>
                  )}
                </Flex>
              </div>
            ))}
          </Flex>
        </>
      )}
    </Modal>
  );
}
