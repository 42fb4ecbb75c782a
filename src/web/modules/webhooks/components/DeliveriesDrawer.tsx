import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Descriptions, Drawer, Popconfirm, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime } from '../../../shared/lib/format';
import { deliveryStatuses, webhooks, type Attempt, type Subscription, type WebhookDelivery } from '../api';

const statusColor: Record<string, string> = { pending: 'processing', delivered: 'success', failed: 'warning', dead: 'error' };

function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status] ?? 'default'}>{t(`wh.statuses.${status}`, { defaultValue: status })}</Tag>;
}

/** 推送记录 of one subscription: deliveries by status, 重放 of a time range, and each delivery's attempts with 重新推送. */
export function DeliveriesDrawer({ subscription, eventName, onClose }: { subscription: Subscription | null; eventName: (type: string) => string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const id = subscription?.id;
  const [status, setStatus] = useState('all');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const query = { ...page, status: status === 'all' ? undefined : status };
  const list = useQuery({ queryKey: ['webhooks', 'deliveries', id, query], queryFn: () => webhooks.deliveries(id!, query), enabled: !!id, refetchInterval: 5000 });
  const replay = useMutation({
    mutationFn: () => webhooks.replay(id!, { from: range![0]!.toISOString(), to: range![1]!.toISOString() }),
    onSuccess: (r) => {
      message.success(t('wh.replayDone', { count: r.events }));
      void qc.invalidateQueries({ queryKey: ['webhooks'] });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Drawer open={!!subscription} onClose={onClose} width={900} title={`${t('wh.deliveries')}：${subscription?.url ?? ''}`}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('wh.replayHelp')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }} wrap>
        <DatePicker.RangePicker showTime value={range} onChange={(v) => setRange(v)} aria-label={t('wh.replayRange')} />
        <Popconfirm title={t('wh.replay')} onConfirm={() => replay.mutate()} disabled={!range?.[0] || !range?.[1]}>
          <Button disabled={!range?.[0] || !range?.[1]} loading={replay.isPending}>{t('wh.replayStart')}</Button>
        </Popconfirm>
      </Space>
      <Tabs activeKey={status} onChange={(k) => { setStatus(k); setPage((p) => ({ ...p, page: 1 })); }}
        items={[{ key: 'all', label: t('wh.all') }, ...deliveryStatuses.map((s) => ({ key: s, label: t(`wh.statuses.${s}`) }))]} />
      <Table<WebhookDelivery> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          { title: t('wh.occurredAt'), dataIndex: 'occurredAt', width: 150, render: formatDateTime },
          { title: t('wh.eventType'), dataIndex: 'eventType', render: (v: string) => <span title={v}>{eventName(v)}</span> },
          { title: t('wh.source'), dataIndex: 'source', width: 70, render: (v: string) => (v === 'live' ? t('wh.sourceLive') : t('wh.sourceReplay')) },
          { title: t('wh.status'), dataIndex: 'status', width: 90, render: (s: string) => <StatusTag status={s} /> },
          { title: t('wh.attempts'), dataIndex: 'attempts', width: 80, align: 'right' },
          { title: t('wh.lastStatusCode'), dataIndex: 'lastStatusCode', width: 90, align: 'right' },
          { title: t('wh.lastError'), dataIndex: 'lastError', render: (v: string | null) => v && <Typography.Text type="danger" ellipsis style={{ maxWidth: 200 }}>{v}</Typography.Text> },
        ]} />
      <DeliveryDrawer id={openId} onClose={() => setOpenId(null)} />
    </Drawer>
  );
}

function DeliveryDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['webhooks', 'delivery', id], queryFn: () => webhooks.delivery(id!), enabled: !!id, refetchInterval: 3000 });
  const resend = useMutation({
    mutationFn: () => webhooks.resend(id!),
    onSuccess: (d) => {
      qc.setQueryData(['webhooks', 'delivery', id], d);
      void qc.invalidateQueries({ queryKey: ['webhooks'] });
      message.success(t('wh.resent'));
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const d = q.data;
  return (
    <Drawer open={!!id} onClose={onClose} width={760} title={t('wh.detail')}
      extra={d && d.status !== 'pending' && (
        <Popconfirm title={t('wh.resendConfirm')} onConfirm={() => resend.mutate()}>
          <Button type="primary" loading={resend.isPending}>{t('wh.resend')}</Button>
        </Popconfirm>
      )}>
      {!d ? <Skeleton active /> : (
        <>
          <Descriptions size="small" column={2} bordered items={[
            { key: 'type', label: t('wh.eventType'), children: <Typography.Text code>{d.eventType}</Typography.Text> },
            { key: 'status', label: t('wh.status'), children: <span data-testid="webhook-delivery-status"><StatusTag status={d.status} /></span> },
            { key: 'url', label: t('wh.url'), span: 2, children: <Typography.Text code>{d.url}</Typography.Text> },
            { key: 'occurred', label: t('wh.occurredAt'), children: formatDateTime(d.occurredAt) },
            { key: 'delivered', label: t('wh.deliveredAt'), children: formatDateTime(d.deliveredAt) },
            { key: 'attempts', label: t('wh.attempts'), children: d.attempts },
            { key: 'next', label: t('wh.nextAttemptAt'), children: d.status === 'pending' || d.status === 'failed' ? formatDateTime(d.nextAttemptAt) : '' },
            { key: 'ids', label: 'X-Jxc-Delivery', span: 2, children: <Typography.Text code copyable>{d.id}</Typography.Text> },
          ]} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('wh.body')}</Typography.Title>
          <pre style={{ maxHeight: 220, overflow: 'auto', background: '#fafafa', padding: 8, fontSize: 12, margin: 0 }}>{JSON.stringify(d.body, null, 2)}</pre>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('wh.log')}</Typography.Title>
          <Table<Attempt> rowKey="attempt" size="small" pagination={false} dataSource={d.log}
            columns={[
              { title: t('wh.attempt'), dataIndex: 'attempt', width: 60, align: 'right' },
              { title: t('wh.at'), dataIndex: 'at', width: 150, render: formatDateTime },
              { title: t('wh.statusCode'), dataIndex: 'statusCode', width: 80, render: (v: number | null, a) => <Tag color={a.ok ? 'success' : 'error'}>{v ?? '—'}</Tag> },
              { title: t('wh.duration'), dataIndex: 'durationMs', width: 80, align: 'right', render: (v: number) => `${v} ms` },
              { title: t('wh.error'), dataIndex: 'error', render: (v: string | null) => v && <Typography.Text type="danger">{v}</Typography.Text> },
              { title: t('wh.response'), dataIndex: 'responseExcerpt', render: (v: string | null) => v && <Typography.Text ellipsis style={{ maxWidth: 200 }} title={v}>{v}</Typography.Text> },
            ]} />
        </>
      )}
    </Drawer>
  );
}
