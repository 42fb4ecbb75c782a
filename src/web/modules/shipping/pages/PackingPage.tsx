import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { salesOrders } from '../../sales/api';
import { OrderStatusTag } from '../../sales/components/OrderStatusTag';
import { findOrderByNumber } from '../api';
import { ScanStation, type ScanOutcome } from '../components/ScanStation';

/** 复核打包, step one on a phone: scan the order's number (from the pick list or the order printout) or tap an order waiting to ship. */
export default function PackingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ready = useQuery({
    queryKey: ['salesOrders', 'list', 'toShip'],
    queryFn: async () => {
      const [a, b] = await Promise.all(['confirmed', 'partially_shipped'].map((status) => salesOrders.list({ status, pageSize: 50, sort: '-createdAt' })));
      return [...a.items, ...b.items];
    },
  });

  const onScan = async (code: string): Promise<ScanOutcome> => {
    try {
      const o = await findOrderByNumber(code);
      if (!o) return { ok: false, text: t('ship.pack.orderNotFound', { code }) };
      navigate(`/packing/${o.id}`);
      return { ok: true, text: o.number };
    } catch (e) {
      return { ok: false, text: errorMessage(e) };
    }
  };

  return (
    <div style={{ maxWidth: 800 }}>
      <PageHeader title={t('ship.pack.title')} />
      <ScanStation onScan={onScan} hint={t('ship.pack.chooseOrder')} />
      <Typography.Title level={5} style={{ margin: '16px 0 8px' }}>{t('ship.pack.readyOrders')}</Typography.Title>
      <Spin spinning={ready.isFetching}>
        {ready.data?.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ship.pack.noReady')} />
        ) : (
          <Flex vertical gap={8}>
            {ready.data?.map((o) => (
              <Card key={o.id} size="small" hoverable onClick={() => navigate(`/packing/${o.id}`)} data-testid="pack-order" styles={{ body: { padding: '12px' } }}>
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text strong style={{ fontSize: 16 }}>{o.number}</Typography.Text>
                  <OrderStatusTag status={o.status} />
                </Flex>
                <div style={{ fontSize: 14, marginTop: 2 }}>{o.customerName}{o.requestedDate && ` · ${o.requestedDate}`}</div>
              </Card>
            ))}
          </Flex>
        )}
      </Spin>
    </div>
  );
}
