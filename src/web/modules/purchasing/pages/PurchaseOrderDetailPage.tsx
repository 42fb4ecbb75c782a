import { ArrowLeftOutlined, CheckOutlined, CloseOutlined, EditOutlined, ImportOutlined, LockOutlined, PrinterOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Row, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime } from '../../../shared/lib/format';
import { OrderTotals } from '../../sales/components/OrderTotals';
import { warehouses as warehouseApi } from '../../warehouses/api';
import { purchaseOrders } from '../api';
import { HistoryTimeline } from '../components/HistoryTimeline';
import { PoLinesTable } from '../components/PoLinesTable';
import { PoStatusTag } from '../components/PoStatusTag';
import { ReasonDialog } from '../components/ReasonDialog';
import { usePoActions, type PoAction } from '../use-po-actions';

const cancellable = new Set(['draft', 'pending_approval', 'ordered']);
const closable = new Set(['ordered', 'partially_received', 'received']);
const receivable = new Set(['ordered', 'partially_received']);

/** 采购订单详情: header, approval, lines with received and incoming, totals, history; 提交, 审核/驳回, 作废, 关闭, 入库, 打印. */
export default function PurchaseOrderDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { can, user } = useSession();
  const { modal } = App.useApp();
  const q = useQuery({ queryKey: ['purchaseOrders', 'one', id], queryFn: () => purchaseOrders.get(id) });
  const whs = useQuery({ queryKey: ['warehouses', 'all'], queryFn: () => warehouseApi.list({ pageSize: 500, sort: 'code' }) });
  const warehouseName = (wid: string) => whs.data?.items.find((w) => w.id === wid)?.name ?? '';
  const act = usePoActions(id);
  const [dialog, setDialog] = useState<'approve' | 'reject' | 'close' | null>(null);

  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/purchase-orders')} aria-label={t('action.back')} />;
  if (q.isError) return <><PageHeader title={t('pur.detail')} back={back} /><Alert type="error" showIcon title={errorMessage(q.error)} /></>;
  const o = q.data;
  if (!o) return <Skeleton active />;
  const writable = can('purchasing:write');
  const approver = o.status === 'pending_approval' && (user?.role === 'admin' || user?.role === o.approvalRole);
  const busy = (a: PoAction) => act.isPending && act.variables?.action === a;
  const run = (action: PoAction, comment?: string) => act.mutateAsync({ action, comment }).then(() => setDialog(null));
  const en = i18n.language === 'en';

  const cancel = () =>
    modal.confirm({
      title: t('pur.cancelTitle', { number: o.number }),
      content: t('pur.cancelContent'),
      okText: t('pur.cancel'),
      okButtonProps: { danger: true },
      cancelText: t('pur.keep'),
      onOk: () => act.mutateAsync({ action: 'cancel' }).catch(() => undefined),
    });

  return (
    <>
      <PageHeader
        title={<>{o.number} <PoStatusTag status={o.status} /></>}
        back={back}
        extra={
          <>
            <Button icon={<PrinterOutlined />} onClick={() => window.open(`/purchase-orders/${o.id}/print`, '_blank')}>{t('pur.print')}</Button>
            {writable && o.status === 'draft' && <Button icon={<EditOutlined />} onClick={() => navigate(`/purchase-orders/${o.id}/edit`)}>{t('pur.edit')}</Button>}
            {writable && cancellable.has(o.status) && o.lines.every((l) => l.received === 0) && (
              <Button danger icon={<StopOutlined />} onClick={cancel} loading={busy('cancel')}>{t('pur.cancel')}</Button>
            )}
            {writable && closable.has(o.status) && <Button icon={<LockOutlined />} onClick={() => setDialog('close')} loading={busy('close')}>{t('pur.close')}</Button>}
            {can('purchasing:receive') && receivable.has(o.status) && (
              <Button icon={<ImportOutlined />} onClick={() => navigate(`/receiving/${o.id}`)}>{t('pur.receive')}</Button>
            )}
            {writable && o.status === 'draft' && (
              <Button type="primary" icon={<SendOutlined />} onClick={() => act.mutate({ action: 'submit' })} loading={busy('submit')}>{t('pur.submit')}</Button>
            )}
            {approver && (
              <>
                <Button danger icon={<CloseOutlined />} onClick={() => setDialog('reject')} loading={busy('reject')}>{t('pur.reject')}</Button>
                <Button type="primary" icon={<CheckOutlined />} onClick={() => setDialog('approve')} loading={busy('approve')}>{t('pur.approve')}</Button>
              </>
            )}
          </>
        }
      />
      {o.status === 'pending_approval' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="po-approval"
          title={t('pur.approvalWaiting', { role: t(`pur.roles.${o.approvalRole ?? 'admin'}`, { defaultValue: o.approvalRole ?? '' }) })}
          description={o.approvalReasons.map((r) => (en ? r.en : r.zh)).join(t('pur.listSeparator'))}
        />
      )}
      {o.status === 'draft' && o.approvalComment && <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="po-rejected" title={t('pur.approvalRejected', { comment: o.approvalComment })} />}
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
              <Descriptions.Item label={t('pur.supplier')}>{o.supplierName}</Descriptions.Item>
              <Descriptions.Item label={t('pur.warehouse')}>{warehouseName(o.warehouseId)}</Descriptions.Item>
              <Descriptions.Item label={t('pur.orderDate')}>{o.orderDate}</Descriptions.Item>
              <Descriptions.Item label={t('pur.expectedDate')}>{o.expectedDate ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('pur.priceBasis')}>{t(o.pricesIncludeTax ? 'pur.pricesIncludeTax' : 'pur.pricesExcludeTax')}</Descriptions.Item>
              {o.overReceiptPercent != null && <Descriptions.Item label={t('pur.overReceipt')}>{o.overReceiptPercent}%</Descriptions.Item>}
              <Descriptions.Item label={t('pur.maker')}>{o.actorName ?? '—'}</Descriptions.Item>
              {o.approvedBy && <Descriptions.Item label={t('pur.approvedBy')}>{o.approvedBy}</Descriptions.Item>}
              {o.orderedAt && <Descriptions.Item label={t('pur.orderedAt')}>{formatDateTime(o.orderedAt)}</Descriptions.Item>}
              {o.closedAt && <Descriptions.Item label={t('pur.closedAt')}>{formatDateTime(o.closedAt)}</Descriptions.Item>}
              {o.cancelledAt && <Descriptions.Item label={t('pur.cancelledAt')}>{formatDateTime(o.cancelledAt)}</Descriptions.Item>}
              {o.notes && <Descriptions.Item label={t('pur.notes')} span="filled">{o.notes}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card size="small" title={t('pur.lines')} style={{ marginBottom: 16 }}>
            <PoLinesTable order={o} warehouseName={warehouseName} />
          </Card>
          <Card size="small" style={{ marginBottom: 16 }}>
            <OrderTotals totals={{ ...o, discount: 0 }} />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card size="small" title={t('pur.history')} style={{ marginBottom: 16 }}>
            <HistoryTimeline order={o} />
          </Card>
        </Col>
      </Row>
      {dialog === 'approve' && (
        <ReasonDialog title={t('pur.approveTitle', { number: o.number })} hint={t('pur.approveHint')} label={t('pur.approveComment')} okText={t('pur.approve')} busy={busy('approve')} onCancel={() => setDialog(null)} onSubmit={(c) => run('approve', c || undefined)} />
      )}
      {dialog === 'reject' && (
        <ReasonDialog title={t('pur.rejectTitle', { number: o.number })} hint={t('pur.rejectHint')} label={t('pur.rejectReason')} okText={t('pur.reject')} danger required={t('pur.rejectReasonRequired')} busy={busy('reject')} onCancel={() => setDialog(null)} onSubmit={(c) => run('reject', c)} />
      )}
      {dialog === 'close' && (
        <ReasonDialog title={t('pur.closeTitle', { number: o.number })} hint={t('pur.closeContent')} label={t('pur.closeReason')} okText={t('pur.close')} busy={busy('close')} onCancel={() => setDialog(null)} onSubmit={(c) => run('close', c || undefined)} />
      )}
    </>
  );
}
