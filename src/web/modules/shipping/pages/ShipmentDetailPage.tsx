import { ArrowLeftOutlined, ExperimentOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Dropdown, Flex, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { carriers as carrierApi, shipments, trackingStatuses, type TrackingStatus } from '../api';
import { formatKg, formatSize } from '../format';
import { ShipmentStatusTag } from '../components/Tags';
import { TrackingTimeline } from '../components/TrackingTimeline';

/** 发货单详情: carrier and tracking number, what shipped in which boxes, the tracking timeline; 面单 and 送货单 to print. */
export default function ShipmentDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [sp] = useSearchParams();
  const navigate = useNavigate();
  const { can } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['shipments', 'one', id], queryFn: () => shipments.get(id) });
  const cs = useQuery({ queryKey: ['carriers', 'all'], queryFn: () => carrierApi.list() });
  const simulate = useMutation({
    mutationFn: (status: TrackingStatus) => shipments.simulate(id, { status }),
    onSuccess: async (_r, status) => {
      message.success(t('ship.shipment.simulated', { status: t(`ship.shipment.statuses.${status}`) }));
      await qc.invalidateQueries({ queryKey: ['shipments'] });
      await qc.invalidateQueries({ queryKey: ['fulfilment'] });
      await qc.invalidateQueries({ queryKey: ['salesOrders'] });
    },
    onError: (e) => void message.error(errorMessage(e)),
  });

  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/shipments')} aria-label={t('action.back')} />;
  if (q.isError) return <><PageHeader title={t('ship.shipment.detail')} back={back} /><Alert type="error" showIcon title={errorMessage(q.error)} /></>;
  const s = q.data;
  if (!s) return <Skeleton active />;
  const carrier = cs.data?.find((c) => c.id === s.carrierId);
  const canSimulate = can('shipping:write') && carrier?.adapter === 'simulator' && carrier.hasCallbackSecret && s.status !== 'delivered';
  const print = (kind: 'label' | 'note') => window.open(`/shipments/${s.id}/${kind}`, '_blank');

  return (
    <>
      <PageHeader
        title={<>{s.number} <ShipmentStatusTag status={s.status} /></>}
        back={back}
        extra={
          <>
            <Button icon={<PrinterOutlined />} onClick={() => print('label')} data-testid="print-label">{t('ship.shipment.label')}</Button>
            <Button icon={<PrinterOutlined />} onClick={() => print('note')}>{t('ship.shipment.note')}</Button>
            {canSimulate && (
              <Dropdown
                trigger={['click']}
                menu={{ items: trackingStatuses.map((st) => ({ key: st, label: t(`ship.shipment.statuses.${st}`) })), onClick: ({ key }) => simulate.mutate(key as TrackingStatus) }}
              >
                <Button icon={<ExperimentOutlined />} loading={simulate.isPending} title={t('ship.shipment.simulateHint')} data-testid="simulate">{t('ship.shipment.simulate')}</Button>
              </Dropdown>
            )}
          </>
        }
      />
      {sp.get('done') && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="ship-done"
          title={t('ship.shipment.done')}
          description={t('ship.shipment.doneHint', { number: s.number, carrier: s.carrierName, tracking: s.trackingNumber ?? '' })}
        />
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('ship.order')}><Link to={`/sales-orders/${s.orderId}`}>{s.orderNumber}</Link></Descriptions.Item>
          <Descriptions.Item label={t('ship.customer')}>{s.customerName}</Descriptions.Item>
          <Descriptions.Item label={t('ship.warehouse')}>{s.warehouseName}</Descriptions.Item>
          <Descriptions.Item label={t('ship.shipment.carrier')}>{s.carrierName}</Descriptions.Item>
          <Descriptions.Item label={t('ship.shipment.trackingNumber')}>
            {s.trackingNumber ? <Typography.Text copyable data-testid="tracking-number">{s.trackingNumber}</Typography.Text> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('ship.shipment.expectedDate')}>{s.expectedDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('ship.shipment.shippedAt')}>{formatDateTime(s.shippedAt)}</Descriptions.Item>
          {s.deliveredAt && <Descriptions.Item label={t('ship.shipment.deliveredAt')}>{formatDateTime(s.deliveredAt)}</Descriptions.Item>}
          <Descriptions.Item label={t('ship.shipment.costAmount')}>{formatMoney(s.costAmount)}</Descriptions.Item>
          <Descriptions.Item label={t('ship.maker')}>{s.actorName ?? '—'}</Descriptions.Item>
          {s.note && <Descriptions.Item label={t('ship.note')} span="filled">{s.note}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={t('ship.shipment.shippedLines')} style={{ marginBottom: 12 }}>
        <Table
          rowKey="orderLineId"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={s.lines}
          columns={[
            { title: t('ship.sku'), dataIndex: 'sku' },
            { title: t('ship.product'), dataIndex: 'productName' },
            { title: t('ship.quantity'), key: 'q', align: 'right', render: (_: unknown, l) => `${l.quantity} ${l.baseUnit}` },
            { title: t('ship.shipment.costAmount'), dataIndex: 'costAmount', align: 'right', render: formatMoney },
          ]}
        />
      </Card>
      {s.packages.length > 0 && (
        <Card size="small" title={t('ship.shipment.packages')} style={{ marginBottom: 12 }}>
          <Flex vertical gap={6}>
            {s.packages.map((p) => (
              <div key={p.id}>
                <b>{t('ship.pack.packageN', { n: p.seq })}</b> {[formatKg(p.weightG), formatSize(p)].filter(Boolean).join(' · ')}
                <div style={{ color: '#595959' }}>{p.items.map((i) => `${i.productName} × ${i.quantity} ${i.baseUnit}`).join(t('ship.listSeparator'))}</div>
              </div>
            ))}
          </Flex>
        </Card>
      )}
      <Card size="small" title={t('ship.shipment.events')}>
        <TrackingTimeline events={s.events} />
      </Card>
    </>
  );
}
