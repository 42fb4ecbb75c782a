import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Skeleton, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../shared/components/PageHeader';
import { ScanBox, type ScanFeedback } from '../../../shared/components/ScanBox';
import { errorMessage } from '../../../shared/lib/errors';
import { beepError } from '../../shipping/beep';
import { purchaseOrders, type PurchaseOrderSummary } from '../api';
import { PoStatusTag } from '../components/PoStatusTag';

const open = (o: PurchaseOrderSummary) => o.status === 'ordered' || o.status === 'partially_received';

/** 采购入库 on a phone: scan or tap the purchase order that arrived (earliest expected first), or 无单入库. */
export default function ReceivingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const [feedback, setFeedback] = useState<ScanFeedback>(null);
  const q = useQuery({
    queryKey: ['purchaseOrders', 'list', 'receivable'],
    queryFn: async () => {
      const [a, b] = await Promise.all(['partially_received', 'ordered'].map((status) => purchaseOrders.list({ status, pageSize: 100, sort: 'expectedDate' })));
      return [...a.items, ...b.items];
    },
  });
  const onScan = async (code: string) => {
    try {
      const hit = (q.data ?? []).find((o) => o.number === code) ?? (await purchaseOrders.list({ q: code, pageSize: 5 })).items.find((o) => o.number === code);
      if (!hit) throw new Error(t('rcv.orderNotFound', { code }));
      if (!open(hit)) throw new Error(t('rcv.orderNotOpen', { number: hit.number, status: t(`pur.statuses.${hit.status}`) }));
      navigate(`/receiving/${hit.id}`);
    } catch (e) {
      beepError();
      setFeedback({ type: 'error', text: errorMessage(e) });
    }
  };
  return (
    <div style={{ maxWidth: 720 }}>
      <PageHeader title={t('rcv.title')} extra={<Button icon={<PlusOutlined />} onClick={() => navigate('/receiving/unplanned')} data-testid="unplanned">{t('rcv.unplanned')}</Button>} />
      <ScanBox onScan={onScan} feedback={feedback} />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>{t('rcv.pickHint')}</Typography.Paragraph>
      {!q.data ? <Skeleton active /> : q.data.length === 0 ? <Empty description={t('rcv.noOpenOrders')} /> : (
        <Flex vertical gap={8}>
          {q.data.map((o) => (
            <Card key={o.id} size="small" hoverable onClick={() => navigate(`/receiving/${o.id}`)} data-testid="receivable-order" styles={{ body: { padding: '10px 12px' } }}>
              <Flex align="center" gap={12}>
                <div style={{ flex: 1, minWidth: 0 }}>
                  <div style={{ fontSize: 16, fontWeight: 600 }}>{o.number} <PoStatusTag status={o.status} /></div>
                  <div>{o.supplierName}</div>
                  {o.expectedDate && <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('pur.expectedShort')} {o.expectedDate}</Typography.Text>}
                </div>
                <RightOutlined style={{ color: token.colorTextSecondary }} />
              </Flex>
            </Card>
          ))}
        </Flex>
      )}
    </div>
  );
}
