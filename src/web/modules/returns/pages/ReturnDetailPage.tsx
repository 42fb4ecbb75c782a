import { ArrowLeftOutlined, CheckOutlined, CloseOutlined, InboxOutlined, RollbackOutlined, StopOutlined, SwapOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Skeleton, Table, Timeline, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { newIdempotencyKey } from '../../../shared/api/idempotency';
import { useSession } from '../../../shared/auth/session';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { ReasonDialog } from '../../purchasing/components/ReasonDialog';
import { canDo, salesReturns, type InspectInput, type RefundInput, type ReturnLine, type SalesReturn } from '../api';
import { InspectDialog } from '../components/InspectDialog';
import { RefundDialog } from '../components/RefundDialog';
import { ReturnStatusTag } from '../components/ReturnStatusTag';

type Step = 'approve' | 'reject' | 'inspect' | 'refund' | null;

/** 退货单 detail: lines with what came back and how it was handled, history, and the next steps the user may take. */
export default function ReturnDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const { can, user } = useSession();
  const q = useQuery({ queryKey: ['salesReturns', 'one', id], queryFn: () => salesReturns.get(id), staleTime: 0 });
  const [step, setStepState] = useState<Step>(null);
  const [exchange, setExchange] = useState<{ orderId: string; orderNumber: string } | null>(null);
  const key = useRef(newIdempotencyKey());
  const act = useMutation({
    mutationFn: (f: () => Promise<SalesReturn | { salesReturn: SalesReturn; orderId: string; orderNumber: string }>) => f(),
    onSuccess: (res) => {
      key.current = newIdempotencyKey();
      const r = 'salesReturn' in res ? res.salesReturn : res;
      if ('salesReturn' in res) setExchange({ orderId: res.orderId, orderNumber: res.orderNumber });
      qc.setQueryData(['salesReturns', 'one', id], r);
      void qc.invalidateQueries({ queryKey: ['salesReturns', 'list'] });
      setStepState(null);
      message.success(t('rma.done'));
    },
    onError: () => { key.current = newIdempotencyKey(); },
  });
  // Each dialog starts without the previous step's refusal.
  const setStep = (s: Step) => {
    act.reset();
    setStepState(s);
  };
  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/sales-returns')} aria-label={t('action.back')} />;
  if (q.error) return <><PageHeader title={t('rma.title')} back={back} /><Alert type="error" showIcon title={errorMessage(q.error)} /></>;
  const r = q.data;
  if (!r) return <Skeleton active />;
  const run = (f: () => Promise<SalesReturn | { salesReturn: SalesReturn; orderId: string; orderNumber: string }>) => act.mutateAsync(f);
  const approver = user?.role === 'admin' || user?.role === (r.approvalRole ?? 'admin');
  const writable = can('sales:write');
  const warehouse = can('shipping:write');
  const confirm = (title: string, f: () => Promise<SalesReturn | { salesReturn: SalesReturn; orderId: string; orderNumber: string }>) =>
    modal.confirm({ title, onOk: () => run(f).catch((e) => { message.error(errorMessage(e)); }) });

  const lineColumns = [
    { title: t('rma.product'), key: 'p', render: (_: unknown, l: ReturnLine) => <>{l.productName}<div><Typography.Text type="secondary">{l.sku}</Typography.Text></div></> },
    { title: t('rma.quantity'), key: 'q', align: 'right' as const, render: (_: unknown, l: ReturnLine) => `${l.baseQuantity} ${l.baseUnit}` },
    { title: t('rma.reason'), key: 'reason', render: (_: unknown, l: ReturnLine) => <>{t(`rma.reasons.${l.reason}`, { defaultValue: l.reason })}{l.note && <div><Typography.Text type="secondary">{l.note}</Typography.Text></div>}</> },
    { title: t('rma.paid'), dataIndex: 'paidAmount', key: 'paid', align: 'right' as const, render: formatMoney },
    { title: t('rma.received'), dataIndex: 'received', key: 'received', align: 'right' as const },
    { title: t('rma.grade'), dataIndex: 'grade', key: 'grade', render: (g: string | null) => g ?? '—' },
    { title: t('rma.disposition'), dataIndex: 'disposition', key: 'disp', render: (d: string | null) => (d ? t(`rma.dispositions.${d}`) : '—') },
    { title: t('rma.writeOff'), dataIndex: 'writeOffAmount', key: 'wo', align: 'right' as const, render: (v: number) => (v ? formatMoney(v) : '—') },
  ];

  return (
    <div style={{ maxWidth: 1100 }}>
      <PageHeader
        back={back}
        title={<>{r.number} <ReturnStatusTag status={r.status} /></>}
        extra={
          <>
            {writable && canDo(r.status, 'cancel') && <Button danger icon={<StopOutlined />} onClick={() => confirm(t('rma.cancelConfirm', { number: r.number }), () => salesReturns.cancel(r.id))}>{t('rma.cancel')}</Button>}
            {approver && canDo(r.status, 'reject') && <Button danger icon={<CloseOutlined />} onClick={() => setStep('reject')}>{t('rma.reject')}</Button>}
            {approver && canDo(r.status, 'approve') && <Button type="primary" icon={<CheckOutlined />} onClick={() => setStep('approve')}>{t('rma.approve')}</Button>}
            {warehouse && canDo(r.status, 'receive') && <Button type="primary" icon={<InboxOutlined />} onClick={() => navigate(`/sales-returns/${r.id}/receive`)}>{t('rma.receive')}</Button>}
            {warehouse && canDo(r.status, 'inspect') && <Button type="primary" onClick={() => setStep('inspect')}>{t('rma.inspect')}</Button>}
            {writable && canDo(r.status, 'refund') && <Button type="primary" icon={<RollbackOutlined />} onClick={() => setStep('refund')}>{t('rma.refund')}</Button>}
            {writable && canDo(r.status, 'close') && <Button onClick={() => confirm(t('rma.close'), () => salesReturns.close(r.id))}>{t('rma.close')}</Button>}
            {writable && canDo(r.status, 'exchange') && !r.exchangeOrderId && (
              <Button icon={<SwapOutlined />} onClick={() => confirm(t('rma.exchangeConfirm'), () => salesReturns.exchange(r.id, r.lines.map((l) => ({ productId: l.productId, quantity: l.baseQuantity })), key.current))}>{t('rma.exchange')}</Button>
            )}
          </>
        }
      />
      {r.status === 'requested' && r.approvalReasons.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('rma.approvalWhy', { reasons: r.approvalReasons.map((x) => t(`rma.approvalReasons.${x}`, { defaultValue: x })).join('、') })} />
      )}
      {exchange && <Alert type="success" showIcon style={{ marginBottom: 12 }} title={<>{t('rma.exchangeOrder')}：<Link to={`/sales-orders/${exchange.orderId}`}>{exchange.orderNumber}</Link></>} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} items={[
          { key: 'o', label: t('rma.order'), children: <Link to={`/sales-orders/${r.orderId}`}>{r.orderNumber}</Link> },
          { key: 'c', label: t('rma.customer'), children: r.customerName },
          { key: 's', label: t('rma.source'), children: t(`rma.sources.${r.source}`, { defaultValue: r.source }) },
          { key: 'v', label: t('rma.requestedValue'), children: formatMoney(r.requestedValue) },
          { key: 'rf', label: t('rma.refundable'), children: <span data-testid="refundable">{formatMoney(r.refundable)}</span> },
          { key: 'ra', label: t('rma.refundAmount'), children: <span data-testid="refund-amount">{r.refundAmount === null ? '—' : formatMoney(r.refundAmount)}</span> },
          { key: 'fee', label: t('rma.restockingFee'), children: r.restockingFee ? formatMoney(r.restockingFee) : '—' },
          { key: 'm', label: t('rma.method'), children: r.refundMethod ? `${t(`rma.methods.${r.refundMethod}`, { defaultValue: r.refundMethod })}${r.refundReference ? ` · ${r.refundReference}` : ''}` : '—' },
          { key: 'wo', label: t('rma.writeOff'), children: <span data-testid="write-off">{formatMoney(r.writeOffAmount)}</span> },
          { key: 'x', label: t('rma.exchangeOrder'), children: r.exchangeOrderId ? <Link to={`/sales-orders/${r.exchangeOrderId}`}>{t('rma.exchangeOrder')}</Link> : '—' },
          { key: 'n', label: t('rma.note'), children: r.note ?? '—' },
          { key: 'at', label: t('rma.createdAt'), children: formatDateTime(r.createdAt) },
        ]} />
      </Card>
      <Card size="small" title={t('rma.lines')} style={{ marginBottom: 12 }}>
        <Table<ReturnLine> rowKey="id" dataSource={r.lines} columns={lineColumns} pagination={false} size="small" scroll={{ x: 800 }}
          onRow={() => ({ 'data-testid': 'return-line' } as React.HTMLAttributes<HTMLElement>)} />
      </Card>
      <Card size="small" title={t('rma.history')}>
        <Timeline data-testid="return-history" items={r.history.map((h) => ({
          content: (
            <div>
              <Typography.Text strong>{t(`rma.historyActions.${h.action}`, { defaultValue: h.action })}</Typography.Text>
              <Typography.Text type="secondary"> → {t(`rma.statuses.${h.toStatus}`, { defaultValue: h.toStatus })}</Typography.Text>
              {h.comment && <div>{h.comment}</div>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[formatDateTime(h.at), h.actorName].filter(Boolean).join(' · ')}</Typography.Text>
            </div>
          ),
        }))} />
      </Card>
      {(step === 'approve' || step === 'reject') && (
        <ReasonDialog
          title={t(step === 'approve' ? 'rma.approve' : 'rma.reject')} hint={t(step === 'approve' ? 'rma.approveHint' : 'rma.rejectHint')}
          label={t(step === 'approve' ? 'rma.comment' : 'rma.rejectReason')} okText={t(step === 'approve' ? 'rma.approve' : 'rma.reject')}
          danger={step === 'reject'} required={step === 'reject' ? t('rma.rejectRequired') : undefined} busy={act.isPending} onCancel={() => setStep(null)}
          onSubmit={(c) => run(() => (step === 'approve' ? salesReturns.approve(r.id, c) : salesReturns.reject(r.id, c))).catch((e) => { message.error(errorMessage(e)); throw e; })}
        />
      )}
      {step === 'inspect' && <InspectDialog r={r} busy={act.isPending} error={act.error} onCancel={() => setStep(null)} onSubmit={(input: InspectInput) => act.mutate(() => salesReturns.inspect(r.id, input, key.current))} />}
      {step === 'refund' && <RefundDialog r={r} busy={act.isPending} error={act.error} onCancel={() => setStep(null)} onSubmit={(input: RefundInput) => act.mutate(() => salesReturns.refund(r.id, input, key.current))} />}
    </div>
  );
}
