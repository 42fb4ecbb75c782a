import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Descriptions, Drawer, Empty, Input, Popconfirm, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime } from '../../../shared/lib/format';
import { outbox, outboxStatuses, type Delivery, type OutboxMessage } from '../api';

const statusColor: Record<string, string> = { pending: 'processing', sent: 'success', failed: 'warning', dead: 'error' };
const canResend = (status: string) => status === 'failed' || status === 'dead';

function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status] ?? 'default'}>{t(`notify.ob.statuses.${status}`, { defaultValue: status })}</Tag>;
}

/** 消息记录 (admins): the outbox by status and topic, each message's delivery log, and 重新发送 for failed and dead ones. */
export default function OutboxPage() {
  const { t } = useTranslation();
  // ?id= opens one message (the order timeline links its failed and dead messages here), ?status= picks the tab.
  const [sp] = useSearchParams();
  const [status, setStatus] = useState<string>(sp.get('status') ?? 'all');
  const [topic, setTopic] = useState('');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<string | null>(sp.get('id'));
  const query = { ...page, status: status === 'all' ? undefined : status, topic: topic || undefined };
  const list = useQuery({ queryKey: ['notify', 'outbox', query], queryFn: () => outbox.list(query), refetchInterval: 5000 });
  const dead = useQuery({ queryKey: ['notify', 'outbox', 'deadCount'], queryFn: () => outbox.list({ status: 'dead', pageSize: 1 }), refetchInterval: 5000 });
  const deadCount = dead.data?.total ?? 0;
  return (
    <div>
      <PageHeader title={t('notify.ob.title')} />
      <Tabs activeKey={status} onChange={(k) => { setStatus(k); setPage((p) => ({ ...p, page: 1 })); }}
        tabBarExtraContent={<Input.Search allowClear placeholder={t('notify.ob.topicPlaceholder')} aria-label={t('notify.ob.topic')} style={{ width: 280 }}
          onSearch={(v) => { setTopic(v.trim()); setPage((p) => ({ ...p, page: 1 })); }} />}
        items={[{ key: 'all', label: t('notify.ob.all') }, ...outboxStatuses.map((s) => ({
          key: s,
          label: s === 'dead' && deadCount > 0 ? <Badge count={deadCount} size="small" offset={[8, -2]}>{t(`notify.ob.statuses.${s}`)}</Badge> : t(`notify.ob.statuses.${s}`),
        }))]} />
      <Table<OutboxMessage> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          { title: t('notify.ob.createdAt'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
          { title: t('notify.ob.topic'), dataIndex: 'topic', width: 200, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('notify.ob.payload'), dataIndex: 'payload', render: (v: unknown) => <Typography.Text ellipsis style={{ maxWidth: 280 }}>{summary(v)}</Typography.Text> },
          { title: t('notify.ob.status'), dataIndex: 'status', width: 100, render: (s: string) => <StatusBadge status={s} /> },
          { title: t('notify.ob.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
          { title: t('notify.ob.lastError'), dataIndex: 'lastError', render: (v: string | null) => v && <Typography.Text type="danger" ellipsis style={{ maxWidth: 300 }}>{v}</Typography.Text> },
        ]} />
      <OutboxDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}

/** The payload's identifying values (numbers, names, statuses) on one line. */
function summary(payload: unknown): string {
  if (!payload || typeof payload !== 'object') return String(payload ?? '');
  return Object.entries(payload as Record<string, unknown>)
    .filter(([k, v]) => (typeof v === 'string' || typeof v === 'number') && !/id$/i.test(k))
    .slice(0, 5).map(([k, v]) => `${k}: ${String(v)}`).join(' · ');
}

function OutboxDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['notify', 'outbox', 'detail', id], queryFn: () => outbox.get(id!), enabled: !!id, refetchInterval: 3000 });
  const resend = useMutation({
    mutationFn: () => outbox.resend(id!),
    onSuccess: (m) => {
      qc.setQueryData(['notify', 'outbox', 'detail', id], m);
      void qc.invalidateQueries({ queryKey: ['notify', 'outbox'] });
      message.success(t('notify.ob.resent'));
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const m = q.data;
  return (
    <Drawer open={!!id} onClose={onClose} width={760} title={t('notify.ob.detail')}
      extra={m && canResend(m.status) && (
        <Popconfirm title={t('notify.ob.resendConfirm')} onConfirm={() => resend.mutate()}>
          <Button type="primary" loading={resend.isPending}>{t('notify.ob.resend')}</Button>
        </Popconfirm>
      )}>
      {!m ? <Skeleton active /> : (
        <>
          <Descriptions size="small" column={2} bordered items={[
            { key: 'topic', label: t('notify.ob.topic'), children: <Typography.Text code>{m.topic}</Typography.Text> },
            { key: 'status', label: t('notify.ob.status'), children: <span data-testid="outbox-status"><StatusBadge status={m.status} /></span> },
            { key: 'attempts', label: t('notify.ob.attempts'), children: m.attempts },
            { key: 'created', label: t('notify.ob.createdAt'), children: formatDateTime(m.createdAt) },
            { key: 'sent', label: t('notify.ob.sentAt'), children: formatDateTime(m.sentAt) },
            { key: 'next', label: t('notify.ob.nextAttemptAt'), children: m.status === 'sent' ? '' : formatDateTime(m.nextAttemptAt) },
            ...(m.dedupeKey ? [{ key: 'dedupe', label: t('notify.ob.dedupeKey'), span: 2, children: m.dedupeKey }] : []),
            ...(m.lastError ? [{ key: 'err', label: t('notify.ob.lastError'), span: 2, children: <Typography.Text type="danger">{m.lastError}</Typography.Text> }] : []),
          ]} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('notify.ob.payload')}</Typography.Title>
          <pre style={{ maxHeight: 200, overflow: 'auto', background: '#fafafa', padding: 8, fontSize: 12, margin: 0 }}>{JSON.stringify(m.payload, null, 2)}</pre>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('notify.ob.deliveries')}</Typography.Title>
          <Table<Delivery> rowKey="id" size="small" pagination={false} dataSource={m.deliveries} locale={{ emptyText: <Empty description={t('notify.ob.noDeliveries')} /> }}
            columns={[
              { title: t('notify.ob.channel'), dataIndex: 'channel', width: 80 },
              { title: t('notify.ob.recipient'), dataIndex: 'recipient' },
              { title: t('notify.ob.attempt'), dataIndex: 'attempt', width: 70, align: 'right' },
              { title: t('notify.ob.status'), dataIndex: 'status', width: 90, render: (s: string) => <StatusBadge status={s} /> },
              { title: t('notify.ob.error'), dataIndex: 'error', render: (v: string | null) => v && <Typography.Text type="danger">{v}</Typography.Text> },
              { title: t('notify.ob.at'), dataIndex: 'at', width: 150, render: formatDateTime },
            ]} />
        </>
      )}
    </Drawer>
  );
}
