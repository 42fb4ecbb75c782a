import { CopyOutlined, ExportOutlined, GiftOutlined, InboxOutlined, LinkOutlined, OrderedListOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Grid, Input, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime } from '../../../shared/lib/format';
import { fulfilment, type FulfilmentLine } from '../api';
import { useCreatePickList } from '../use-create-pick-list';
import { ShipmentStatusTag } from './Tags';
import { TrackingTimeline } from './TrackingTimeline';

const shippable = new Set(['confirmed', 'partially_shipped']);

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * An order's 发货进度 on its page: per line what is being picked, picked, packed, shipped and
 * backordered (欠货); its shipments with their tracking status; the tracking timeline; the customer's
 * tracking link to copy; and 生成拣货单 · 复核打包 · 发货.
 */
export function FulfilmentCard({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const phone = Grid.useBreakpoint().md === false;
  const q = useQuery({ queryKey: ['fulfilment', orderId], queryFn: () => fulfilment.get(orderId) });
  const createPickList = useCreatePickList();
  const link = useMutation({
    mutationFn: () => fulfilment.trackingLink(orderId),
    onSuccess: async () => void (await qc.invalidateQueries({ queryKey: ['fulfilment', orderId] })),
    onError: (e) => void message.error(errorMessage(e)),
  });
  const allocate = useMutation({
    mutationFn: () => fulfilment.allocate(orderId),
    onSuccess: async (next) => {
      const before = q.data?.lines.reduce((n, l) => n + l.backordered, 0) ?? 0;
      const after = next.lines.reduce((n, l) => n + l.backordered, 0);
      qc.setQueryData(['fulfilment', orderId], next);
      if (after < before) message.success(t('ship.fulfilment.allocated'));
      else message.info(t('ship.fulfilment.nothingArrived'));
      await qc.invalidateQueries({ queryKey: ['salesOrders', 'one', orderId] });
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const f = q.data;
  if (!f) return null;
  const writable = can('shipping:write') && shippable.has(f.status);
  const toPick = f.lines.some((l) => l.toShip > 0);
  const picked = f.lines.some((l) => l.picked > l.packed);
  const url = f.trackingPath ? `${window.location.origin}${f.trackingPath}` : null;
  const numberOf = new Map(f.shipments.map((s) => [s.id, `${s.carrierName} ${s.trackingNumber ?? s.number}`]));
  const cell = (n: number, l: FulfilmentLine) => (n ? `${n} ${l.baseUnit}` : '');
  const actions = writable && (
    <Space wrap size={4}>
      {f.lines.some((l) => l.backordered > 0) && (
        <Button size={phone ? 'middle' : 'small'} icon={<InboxOutlined />} loading={allocate.isPending} onClick={() => allocate.mutate()} title={t('ship.fulfilment.allocateHint')}>{t('ship.fulfilment.allocate')}</Button>
      )}
      {toPick && <Button size={phone ? 'middle' : 'small'} icon={<OrderedListOutlined />} loading={createPickList.isPending} onClick={() => createPickList.mutate([orderId])}>{t('ship.pick.create')}</Button>}
      {picked && <Button size={phone ? 'middle' : 'small'} icon={<GiftOutlined />} onClick={() => navigate(`/packing/${orderId}`)}>{t('ship.fulfilment.pack')}</Button>}
      <Button size={phone ? 'middle' : 'small'} type="primary" icon={<SendOutlined />} onClick={() => navigate(`/ship/${orderId}`)}>{t('ship.fulfilment.ship')}</Button>
    </Space>
  );
  // On a phone each line reads as one sentence of what is where, instead of a table scrolled sideways.
  const phoneLine = (l: FulfilmentLine) => {
    const parts: [string, number][] = [
      ['ship.shipment.ordered', l.ordered], ['ship.shipment.picking', l.picking], ['ship.pack.pickedQty', l.picked],
      ['ship.pack.packed', l.packed], ['ship.shipment.shippedQty', l.shipped],
    ];
    return (
      <div key={l.id} data-testid="fulfilment-line" style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
        <div>{l.lineNo}. <b>{l.sku}</b> {l.productName}</div>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {parts.filter(([, n], i) => i === 0 || n > 0).map(([k, n]) => `${t(k)} ${n}`).join(' · ')} {l.baseUnit}
        </Typography.Text>
        {l.backordered > 0 && <Typography.Text type="warning" style={{ fontSize: 13 }}> · {t('ship.shipment.backordered')} <span data-testid="fulfilment-backordered">{cell(l.backordered, l)}</span></Typography.Text>}
      </div>
    );
  };

  return (
    <Card
      size="small"
      title={t('ship.fulfilment.title')}
      style={{ marginBottom: 16 }}
      data-testid="fulfilment"
      extra={!phone && actions}
    >
      {phone && actions && <div style={{ marginBottom: 8 }}>{actions}</div>}
      {phone ? f.lines.map(phoneLine) : (
      <Table<FulfilmentLine>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={f.lines}
        onRow={() => ({ 'data-testid': 'fulfilment-line' }) as object}
        columns={[
          { title: '#', dataIndex: 'lineNo', width: 40 },
          { title: t('ship.product'), key: 'p', render: (_, l) => <>{l.sku} {l.productName}</> },
          { title: t('ship.shipment.ordered'), key: 'o', align: 'right', render: (_, l) => cell(l.ordered, l) },
          { title: t('ship.shipment.picking'), key: 'pk', align: 'right', render: (_, l) => cell(l.picking, l) },
          { title: t('ship.pack.pickedQty'), key: 'pd', align: 'right', render: (_, l) => cell(l.picked, l) },
          { title: t('ship.pack.packed'), key: 'pa', align: 'right', render: (_, l) => cell(l.packed, l) },
          { title: t('ship.shipment.shippedQty'), key: 's', align: 'right', render: (_, l) => <span data-testid="fulfilment-shipped">{cell(l.shipped, l)}</span> },
          { title: t('ship.shipment.backordered'), key: 'b', align: 'right', render: (_, l) => <Typography.Text type={l.backordered ? 'warning' : undefined} data-testid="fulfilment-backordered">{cell(l.backordered, l)}</Typography.Text> },
        ]}
      />
      )}
      {f.shipments.length > 0 && (
        <>
          <Typography.Title level={5} style={{ margin: '16px 0 8px' }}>{t('ship.fulfilment.shipments')}</Typography.Title>
          <Flex vertical gap={6}>
            {f.shipments.map((s) => (
              <Flex key={s.id} gap={8} wrap="wrap" align="center" data-testid="order-shipment">
                <Link to={`/shipments/${s.id}`}>{s.number}</Link>
                <ShipmentStatusTag status={s.status} />
                <span>{s.carrierName}</span>
                {s.trackingNumber && <Typography.Text copyable>{s.trackingNumber}</Typography.Text>}
                <Typography.Text type="secondary">{formatDateTime(s.shippedAt)}{s.expectedDate && ` · ${t('ship.shipment.expectedDate')} ${s.expectedDate}`}</Typography.Text>
              </Flex>
            ))}
          </Flex>
          <Typography.Title level={5} style={{ margin: '16px 0 8px' }}>{t('ship.fulfilment.timeline')}</Typography.Title>
          <TrackingTimeline events={f.events} label={f.shipments.length > 1 ? (id) => numberOf.get(id) : undefined} />
        </>
      )}
      {(f.shipments.length > 0 || url) && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text strong>{t('ship.fulfilment.trackingLink')}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 4 }}>{t('ship.fulfilment.trackingLinkHint')}</Typography.Text>
          {url ? (
            <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
              <Input readOnly value={url} data-testid="tracking-link" onFocus={(e) => e.target.select()} />
              <Button icon={<CopyOutlined />} onClick={async () => (await copy(url)) ? message.success(t('ship.fulfilment.linkCopied')) : message.warning(t('msg.copyFailed'))}>
                {t('ship.fulfilment.copyLink')}
              </Button>
              <Button icon={<ExportOutlined />} href={url} target="_blank" aria-label={t('ship.fulfilment.openLink')} />
            </Space.Compact>
          ) : (
            <Button icon={<LinkOutlined />} loading={link.isPending} onClick={() => link.mutate()}>{t('ship.fulfilment.makeLink')}</Button>
          )}
        </div>
      )}
    </Card>
  );
}
