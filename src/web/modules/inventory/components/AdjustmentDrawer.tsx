import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Drawer, Flex, Grid, List, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { stock } from '../api';
import { DocumentKindTag, SignedQuantity } from './Kinds';

/** One adjustment or opening document with its lines, in a drawer (full width on phones). */
export function AdjustmentDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const doc = useQuery({ queryKey: ['stock', 'adjustment', id], queryFn: () => stock.adjustment(id!), enabled: !!id });
  const d = doc.data;
  return (
    <Drawer open={!!id} onClose={onClose} size={phone ? '100%' : 640} title={d ? t('stock.docs.detail', { number: d.number }) : ' '} data-testid="adjustment-drawer">
      {doc.isError && <Alert type="error" showIcon title={t('msg.loadFailed')} description={errorMessage(doc.error)} />}
      {!d ? (
        <Spin spinning={doc.isLoading} style={{ display: 'block', margin: 48 }} />
      ) : (
        <>
          <Descriptions size="small" column={phone ? 1 : 2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('stock.docs.number')}>{d.number}</Descriptions.Item>
            <Descriptions.Item label={t('stock.docs.kind')}><DocumentKindTag kind={d.kind} /></Descriptions.Item>
            <Descriptions.Item label={t('stock.warehouse')}>{d.warehouseName}</Descriptions.Item>
            <Descriptions.Item label={t('stock.docs.costAmount')}>{formatMoney(d.costAmount)}</Descriptions.Item>
            <Descriptions.Item label={t('stock.docs.maker')}>{d.actorName}</Descriptions.Item>
            <Descriptions.Item label={t('stock.docs.createdAt')}>{formatDateTime(d.createdAt)}</Descriptions.Item>
            {d.note && <Descriptions.Item label={t('stock.docs.note')} span={phone ? 1 : 2}>{d.note}</Descriptions.Item>}
          </Descriptions>
          <Typography.Title level={5}>{t('stock.docs.lines')}</Typography.Title>
          <List
            size="small"
            bordered
            dataSource={d.lines ?? []}
            renderItem={(l, i) => (
              <List.Item data-testid="adjustment-line">
                <Flex vertical style={{ width: '100%' }} gap={2}>
                  <Flex justify="space-between" gap={8}>
                    <span>
                      {i + 1}. <Typography.Text strong>{l.sku}</Typography.Text> {l.productName}
                    </span>
                    <SignedQuantity n={l.quantity} />
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[`${t('stock.movements.unitCost')} ${formatMoney(l.unitCost)}`, `${t('stock.movements.costAmount')} ${formatMoney(l.costAmount)}`, l.reason].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
