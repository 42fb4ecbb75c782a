import { ArrowLeftOutlined, CheckOutlined, CloseOutlined, CopyOutlined, EditOutlined, PrinterOutlined, RollbackOutlined, StopOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime } from '../../../shared/lib/format';
import { OrderTimelineCard } from '../../feedback/components/OrderTimelineCard';
import { FulfilmentCard } from '../../shipping/components/FulfilmentCard';
import { warehouses as warehouseApi } from '../../warehouses/api';
import { editable, salesOrders } from '../api';
import { ApprovalDialog } from '../components/ApprovalDialog';
import { ApprovalPanel, mayApprove } from '../components/ApprovalPanel';
import { lineQty, OrderLinesTable } from '../components/OrderLinesTable';
import { OrderStatusTag } from '../components/OrderStatusTag';
import { OrderTotals } from '../components/OrderTotals';
import { ShortageDialog } from '../components/ShortageDialog';
import { formatAddress } from '../format';
import { useOrderActions } from '../use-order-actions';

const cancellable = new Set(['draft', 'pending_approval', 'confirmed']);

/** 销售订单详情: header, approval, lines with what is reserved and backordered, totals, the order's 时间线; 确认, 审核, 修改, 复制, 作废, 打印, 退货, 投诉. */
export default function SalesOrderDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { can, user } = useSession();
  const { modal } = App.useApp();
  const q = useQuery({ queryKey: ['salesOrders', 'one', id], queryFn: () => salesOrders.get(id) });
  const whs = useQuery({ queryKey: ['warehouses', 'all'], queryFn: () => warehouseApi.list({ pageSize: 500, sort: 'code' }) });
  const warehouseName = (wid: string) => whs.data?.items.find((w) => w.id === wid)?.name ?? '';
  const { act, duplicate, refusal, dismissRefusal, backorder } = useOrderActions(id, (o) => navigate(`/sales-orders/${o.id}`));
  const [approval, setApproval] = useState<'approve' | 'reject' | null>(null);

  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/sales-orders')} aria-label={t('action.back')} />;
  if (q.isError) return <><PageHeader title={t('sales.detail')} back={back} /><Alert type="error" showIcon title={errorMessage(q.error)} /></>;
  const o = q.data;
  if (!o) return <Skeleton active />;
  const writable = can('sales:write');
  const approver = o.status === 'pending_approval' && mayApprove(user?.role, o);
  const busy = (action: string) => act.isPending && act.variables?.action === action;
  const backordered = o.lines.filter((l) => l.backordered > 0);

  const cancel = () =>
    modal.confirm({
      title: t('sales.cancelTitle', { number: o.number }),
      content: t('sales.cancelContent'),
      okText: t('sales.cancel'),
      okButtonProps: { danger: true },
      cancelText: t('sales.keep'),
      onOk: () => act.mutateAsync({ action: 'cancel' }).catch(() => undefined),
    });

  const submitApproval = async (comment: string) => {
    const mode = approval;
    await act.mutateAsync(mode === 'reject' ? { action: 'reject', comment } : { action: 'approve', comment: comment || undefined }).finally(() => {
      // A shortage closes this dialog too: the shortage dialog takes over.
      if (mode === 'approve') setApproval(null);
    });
    setApproval(null);
  };

  return (
    <>
      <PageHeader
        title={<>{o.number} <OrderStatusTag status={o.status} /></>}
        back={back}
        extra={
          <>
            <Button icon={<PrinterOutlined />} onClick={() => window.open(`/sales-orders/${o.id}/print`, '_blank')}>{t('sales.print')}</Button>
            {writable && (
              <Button icon={<CopyOutlined />} onClick={() => duplicate.mutate()} loading={duplicate.isPending}>{t('sales.duplicate')}</Button>
            )}
            {writable && editable(o) && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/sales-orders/${o.id}/edit`)}>{t('sales.edit')}</Button>
            )}
            {writable && o.lines.some((l) => l.shipped > 0) && (
              <Button icon={<RollbackOutlined />} onClick={() => navigate(`/sales-returns/new?orderId=${o.id}`)} data-testid="order-return">{t('rma.toOrder')}</Button>
            )}
            {writable && o.status !== 'draft' && (
              <Button icon={<WarningOutlined />} onClick={() => navigate(`/complaints/new?orderId=${o.id}`)} data-testid="order-complaint">{t('cmp.toOrder')}</Button>
            )}
            {writable && cancellable.has(o.status) && (
              <Button danger icon={<StopOutlined />} onClick={cancel} loading={busy('cancel')}>{t('sales.cancel')}</Button>
            )}
            {writable && o.status === 'draft' && (
              <Button type="primary" icon={<CheckOutlined />} onClick={() => act.mutate({ action: 'confirm' })} loading={busy('confirm')}>{t('sales.confirm')}</Button>
            )}
            {approver && (
              <>
                <Button danger icon={<CloseOutlined />} onClick={() => setApproval('reject')} loading={busy('reject')}>{t('sales.reject')}</Button>
                <Button type="primary" icon={<CheckOutlined />} onClick={() => setApproval('approve')} loading={busy('approve')}>{t('sales.approve')}</Button>
              </>
            )}
          </>
        }
      />
      <ApprovalPanel order={o} />
      {backordered.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="backorder-note"
          title={t('sales.backorderedNote', {
            lines: backordered.map((l) => t('sales.backorderedLine', { lineNo: l.lineNo, name: l.productName, qty: lineQty(l.backordered, l) })).join(t('sales.listSeparator')),
          })}
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
        <OrderLinesTable order={o} warehouseName={warehouseName} />
      </Card>
      <Card size="small" style={{ marginBottom: 16 }}>
        <OrderTotals totals={o} />
      </Card>
      {!['draft', 'pending_approval'].includes(o.status) && <FulfilmentCard orderId={o.id} />}
      <OrderTimelineCard orderId={o.id} version={o.updatedAt} />
      {approval && (
        <ApprovalDialog mode={approval} number={o.number} onCancel={() => setApproval(null)} onSubmit={submitApproval} busy={busy(approval)} />
      )}
      {refusal && (
        <ShortageDialog
          action={refusal.request.action}
          items={refusal.items}
          warehouseName={warehouseName}
          onClose={dismissRefusal}
          onBackorder={backorder}
          backordering={act.isPending}
          onEdit={writable && editable(o) ? () => navigate(`/sales-orders/${o.id}/edit`) : undefined}
          order={o}
        />
      )}
    </>
  );
}
