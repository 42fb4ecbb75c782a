import { ArrowLeftOutlined, CheckOutlined, PrinterOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { useSession } from '../../../shared/auth/session';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { warehouses as warehouseApi } from '../../warehouses/api';
import { salesOrders, shortageOf, type SalesOrder, type SalesOrderLine, type ShortageDetail } from '../api';
import { OrderStatusTag } from '../components/OrderStatusTag';
import { OrderTotals } from '../components/OrderTotals';
import { bpToPercent, formatAddress } from '../format';

const cancellable = new Set(['draft', 'pending_approval', 'confirmed']);

/** 销售订单详情: header, lines with what is reserved, totals; 确认, 作废 and 打印. */
export default function SalesOrderDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['salesOrders', 'one', id], queryFn: () => salesOrders.get(id) });
  const whs = useQuery({ queryKey: ['warehouses', 'all'], queryFn: () => warehouseApi.list({ pageSize: 500, sort: 'code' }) });
  const warehouseName = (wid: string) => whs.data?.items.find((w) => w.id === wid)?.name ?? '';

  const act = useMutation({
    mutationFn: (action: 'confirm' | 'cancel') => (action === 'confirm' ? salesOrders.confirm(id) : salesOrders.cancel(id)),
    onSuccess: async (o, action) => {
      qc.setQueryData(['salesOrders', 'one', id], o);
      message.success(t(action === 'cancel' ? 'sales.cancelDone' : o.status === 'pending_approval' ? 'sales.pendingDone' : 'sales.confirmDone'));
      await qc.invalidateQueries({ queryKey: ['salesOrders', 'list'] });
      await qc.invalidateQueries({ queryKey: ['stock'] });
    },
    onError: (e) => {
      const short = e instanceof ApiError ? shortageOf(e.details) : [];
      if (short.length) {
        modal.warning({
          title: t('sales.confirmShortageTitle'),
          content: <><ShortageList items={short} warehouseName={warehouseName} /><p style={{ marginBottom: 0 }}>{t('sales.confirmShortageHint')}</p></>,
          width: 560,
        });
      } else message.error(errorMessage(e));
    },
  });

  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/sales-orders')} aria-label={t('action.back')} />;
  if (q.isError) return <><PageHeader title={t('sales.detail')} back={back} /><Alert type="error" showIcon title={errorMessage(q.error)} /></>;
  const o = q.data;
  if (!o) return <Skeleton active />;
  const writable = can('sales:write');

  const cancel = () =>
    modal.confirm({
      title: t('sales.cancelTitle', { number: o.number }),
      content: t('sales.cancelContent'),
      okText: t('sales.cancel'),
      okButtonProps: { danger: true },
      cancelText: t('sales.keep'),
      onOk: () => act.mutateAsync('cancel').catch(() => undefined),
    });

  return (
    <>
      <PageHeader
        title={<>{o.number} <OrderStatusTag status={o.status} /></>}
        back={back}
        extra={
          <>
            <Button icon={<PrinterOutlined />} onClick={() => window.open(`/sales-orders/${o.id}/print`, '_blank')}>{t('sales.print')}</Button>
            {writable && cancellable.has(o.status) && (
              <Button danger icon={<StopOutlined />} onClick={cancel} loading={act.isPending && act.variables === 'cancel'}>{t('sales.cancel')}</Button>
            )}
            {writable && o.status === 'draft' && (
              <Button type="primary" icon={<CheckOutlined />} onClick={() => act.mutate('confirm')} loading={act.isPending && act.variables === 'confirm'}>{t('sales.confirm')}</Button>
            )}
          </>
        }
      />
      {o.status === 'pending_approval' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('sales.approvalWaiting', { role: t(`roles.${o.approvalRole ?? 'admin'}`, { defaultValue: o.approvalRole ?? '' }) })}
          description={(o.approvalReasons ?? []).map((r) => (i18n.language === 'en' ? r.en : r.zh)).join('；')}
        />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('sales.customer')}>{o.customerName}</Descriptions.Item>
          <Descriptions.Item label={t('sales.warehouse')}>{warehouseName(o.warehouseId)}</Descriptions.Item>
          <Descriptions.Item label={t('sales.requestedDate')}>{o.requestedDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('sales.priceBasis')}>{t(o.pricesIncludeTax ? 'sales.pricesIncludeTax' : 'sales.pricesExcludeTax')}</Descriptions.Item>
          <Descriptions.Item label={t('sales.maker')}>{o.actorName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('sales.createdAt')}>{formatDateTime(o.createdAt)}</Descriptions.Item>
          {o.confirmedAt && <Descriptions.Item label={t('sales.confirmedAt')}>{formatDateTime(o.confirmedAt)}</Descriptions.Item>}
          {o.cancelledAt && <Descriptions.Item label={t('sales.cancelledAt')}>{formatDateTime(o.cancelledAt)}</Descriptions.Item>}
          <Descriptions.Item label={t('sales.address')} span="filled">{formatAddress(o.shippingAddress) || '—'}</Descriptions.Item>
          {o.notes && <Descriptions.Item label={t('sales.notes')} span="filled">{o.notes}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={t('sales.lines')} style={{ marginBottom: 16 }}>
        <LinesTable order={o} warehouseName={warehouseName} />
      </Card>
      <Card size="small">
        <OrderTotals totals={o} />
      </Card>
    </>
  );
}

function LinesTable({ order, warehouseName }: { order: SalesOrder; warehouseName: (id: string) => string }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<SalesOrderLine> = [
    { title: '#', dataIndex: 'lineNo', width: 40 },
    { title: t('sales.sku'), dataIndex: 'sku' },
    { title: t('sales.product'), dataIndex: 'productName' },
    { title: t('sales.warehouse'), dataIndex: 'warehouseId', render: warehouseName },
    { title: t('sales.quantity'), key: 'qty', align: 'right', render: (_, l) => `${l.quantity} ${l.unitName}` },
    { title: t('sales.unitPrice'), dataIndex: 'unitPrice', align: 'right', render: formatMoney },
    { title: t('sales.discount'), dataIndex: 'discountBp', align: 'right', render: (bp: number) => (bp ? bpToPercent(bp) : '') },
    { title: t('sales.taxRate'), dataIndex: 'taxRate', align: 'right', render: (r: number) => `${r}%` },
    { title: t('sales.tax'), dataIndex: 'tax', align: 'right', render: formatMoney },
    { title: t('sales.lineTotal'), dataIndex: 'total', align: 'right', render: formatMoney },
    {
      title: t('sales.reserved'),
      key: 'reserved',
      align: 'right',
      render: (_, l) => (
        <Typography.Text type={l.reserved >= l.baseQuantity ? 'success' : 'secondary'} data-testid="line-reserved">
          {l.reserved % l.factor === 0 ? `${l.reserved / l.factor} ${l.unitName}` : `${l.reserved} / ${l.baseQuantity}`}
        </Typography.Text>
      ),
    },
  ];
  return <Table<SalesOrderLine> rowKey="id" size="small" pagination={false} columns={columns} dataSource={order.lines} scroll={{ x: 'max-content' }} />;
}

function ShortageList({ items, warehouseName }: { items: ShortageDetail[]; warehouseName: (id: string) => string }) {
  const { t } = useTranslation();
  return (
    <ul style={{ paddingInlineStart: 18, margin: 0 }}>
      {items.map((d) => (
        <li key={d.field}>
          {t('sales.shortageDetailLine', { lineNo: d.lineNo, name: `${d.sku ?? ''} ${d.productName ?? ''}`.trim(), warehouse: warehouseName(d.warehouseId), message: d.message })}
          {d.elsewhere.length > 0 && <div>{t('sales.shortageElsewhere')}：{d.elsewhere.map((w) => `${w.warehouseName} ${w.available}`).join('、')}</div>}
        </li>
      ))}
    </ul>
  );
}
