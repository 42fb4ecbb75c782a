import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Empty, Flex, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { salesOrders, type OrderStatus } from '../../sales/api';
import { OrderStatusTag } from '../../sales/components/OrderStatusTag';
import { findOrderByNumber, fulfilment, type QueueStage } from '../api';
import { ScanStation, type ScanOutcome } from '../components/ScanStation';

type Tab = QueueStage | 'all';
type Row = { id: string; number: string; status: OrderStatus; customerName: string; requestedDate: string | null; note?: string; warehouses?: string[] };

/**
 * 复核打包, step one on a phone: scan the order's number (from the pick list or the order printout)
 * or tap an order: 待打包 (picked, not all packed) first, then 待发货 (packed, not shipped) and all
 * orders still to ship.
 */
export default function PackingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [tab, setTab] = useState<Tab>('to_pack');
  const queues = useQuery({
    queryKey: ['fulfilment', 'queues'],
    queryFn: async () => {
      const [toPack, toShip] = await Promise.all([fulfilment.queue('to_pack', { pageSize: 100 }), fulfilment.queue('to_ship', { pageSize: 100 })]);
      return { toPack, toShip };
    },
  });
  const all = useQuery({
    queryKey: ['salesOrders', 'list', 'toShip'],
    enabled: tab === 'all',
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

  const queued = (stage: QueueStage): Row[] | undefined => (stage === 'to_pack' ? queues.data?.toPack : queues.data?.toShip)?.items.map((o) => ({
    id: o.orderId, number: o.number, status: o.status as OrderStatus, customerName: o.customerName, requestedDate: o.requestedDate, warehouses: o.warehouses.map((w) => w.name),
    note: stage === 'to_pack' ? t('ship.pack.queueToPack', { lines: o.lineCount, n: o.toPack }) : t('ship.pack.queuePacked', { n: o.packed }),
  }));
  const rows: Row[] | undefined = tab === 'all' ? all.data : queued(tab);
  const loading = tab === 'all' ? all.isFetching : queues.isFetching;
  const error = tab === 'all' ? all.error : queues.error;
  const count = (n: number | undefined) => <Badge count={n ?? 0} showZero={false} size="small" color="#1677ff" style={{ marginInlineStart: 4 }} />;
  const empty = { to_pack: t('ship.pack.noToPack'), to_ship: t('ship.pack.noToShip'), all: t('ship.pack.noReady') }[tab];

  return (
    <div style={{ maxWidth: 800 }}>
      <PageHeader title={t('ship.pack.title')} />
      <ScanStation onScan={onScan} hint={t('ship.pack.chooseOrder')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        style={{ marginTop: 8 }}
        items={[
          { key: 'to_pack', label: <span data-testid="tab-to-pack">{t('ship.pack.toPackTab')}{count(queues.data?.toPack.total)}</span> },
          { key: 'to_ship', label: <span data-testid="tab-to-ship">{t('ship.pack.toShipTab')}{count(queues.data?.toShip.total)}</span> },
          { key: 'all', label: t('ship.pack.allTab') },
        ]}
      />
      {error && <Typography.Text type="danger">{errorMessage(error)}</Typography.Text>}
      <Spin spinning={loading}>
        {rows?.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
        ) : (
          <Flex vertical gap={8}>
            {rows?.map((o) => (
              <Card key={o.id} size="small" hoverable onClick={() => navigate(`/packing/${o.id}`)} data-testid="pack-order" styles={{ body: { padding: '12px' } }}>
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text strong style={{ fontSize: 16 }}>{o.number}</Typography.Text>
                  <OrderStatusTag status={o.status} />
                </Flex>
                <div style={{ fontSize: 14, marginTop: 2 }}>{o.customerName}{o.requestedDate && ` · ${t('ship.pack.requestedDate')} ${o.requestedDate}`}</div>
                {(o.note || o.warehouses?.length) && (
                  <Flex gap={4} wrap="wrap" align="center" style={{ marginTop: 4 }}>
                    {o.warehouses?.map((w) => <Tag key={w} style={{ marginInlineEnd: 0 }}>{w}</Tag>)}
                    {o.note && <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="pack-order-note">{o.note}</Typography.Text>}
                  </Flex>
                )}
              </Card>
            ))}
          </Flex>
        )}
      </Spin>
    </div>
  );
}
