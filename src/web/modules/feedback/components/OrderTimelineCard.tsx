import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Segmented, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime } from '../../../shared/lib/format';
import { complaints, orderTimeline, type TimelineEntry } from '../api';
import { describeChange } from '../complaint-change';

const kindColors: Record<TimelineEntry['kind'], string> = {
  order: 'blue', shipment: 'cyan', tracking: 'cyan', return: 'purple', complaint: 'volcano', feedback: 'gold', message: 'geekblue',
};
const deliveryColors: Record<string, string> = { sent: 'green', pending: 'blue', failed: 'orange', dead: 'red' };
const resendable = (status: string | null | undefined) => status === 'failed' || status === 'dead';

/** 时间线 of a sales order: everything that happened to it, each message with where it went and whether it arrived. `version` (the order's updatedAt) reloads it after a change. */
export function OrderTimelineCard({ orderId, version }: { orderId: string; version?: string }) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<'newest' | 'oldest'>('newest');
  const q = useQuery({ queryKey: ['salesOrders', 'timeline', orderId, version], queryFn: () => orderTimeline(orderId), staleTime: 0 });
  // Complaint assignments name the user by id: the names come from the assignee list.
  const people = useQuery({ queryKey: ['complaints', 'assignees'], queryFn: complaints.assignees, staleTime: 60_000, enabled: !!q.data?.some((e) => e.kind === 'complaint') });
  const nameOf = (userId: string) => people.data?.find((p) => p.id === userId)?.name ?? '';
  const entries = q.data ? (order === 'newest' ? q.data.slice().reverse() : q.data) : [];
  return (
    <Card
      size="small"
      title={t('tl.title')}
      style={{ marginBottom: 16 }}
      data-testid="order-timeline"
      extra={<Segmented size="small" value={order} onChange={(v) => setOrder(v as 'newest' | 'oldest')}
        options={[{ value: 'newest', label: t('tl.newestFirst') }, { value: 'oldest', label: t('tl.oldestFirst') }]} />}
    >
      {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} />}
      {q.isPending && <Skeleton active />}
      {q.data && !entries.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tl.empty')} />}
      {entries.length > 0 && (
        <Timeline items={entries.map((e, i) => ({
          key: `${e.kind}-${e.refId ?? ''}-${e.at}-${i}`,
          color: e.kind === 'message' ? (deliveryColors[e.status ?? ''] ?? 'gray') : kindColors[e.kind],
          content: <Entry e={e} nameOf={nameOf} />,
        }))} />
      )}
    </Card>
  );
}

function Entry({ e, nameOf }: { e: TimelineEntry; nameOf: (userId: string) => string }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const en = i18n.language === 'en';
  const actor = e.actorName === 'customer' ? t('tl.customer') : e.actorName;
  const meta = [formatDateTime(e.at), actor].filter(Boolean).join(' · ');
  if (e.kind === 'message') {
    const topic = e.title.en.replace(/^Message /, '');
    const name = t(`tl.topics.${topic.replace(/\./g, '__')}`, { defaultValue: en ? e.title.en : e.title.zh });
    return (
      <div data-testid="timeline-message">
        <Tag color={kindColors.message}>{t('tl.kinds.message')}</Tag>
        <Typography.Text strong>{name}</Typography.Text>{' '}
        {/* Handled without a single delivery: nobody was set up to receive it (no email, no robot). */}
        {e.status === 'sent' && !e.channel && !e.recipient
          ? <Tag data-testid="timeline-delivery">{t('tl.noRecipients')}</Tag>
          : e.status && <Tag color={deliveryColors[e.status] ?? 'default'} data-testid="timeline-delivery">{t(`tl.msgStatuses.${e.status}`, { defaultValue: e.status })}</Tag>}
        {(e.channel || e.recipient) && (
          <div>
            <Typography.Text type="secondary">
              {[e.channel && t(`tl.channels.${e.channel}`, { defaultValue: e.channel }), e.recipient && `${t('tl.to')} ${e.recipient}`].filter(Boolean).join(' · ')}
              {e.attempts ? ` · ${t('tl.attempts', { n: e.attempts })}` : ''}
            </Typography.Text>
          </div>
        )}
        {e.error && <div><Typography.Text type="danger">{t('tl.errorLine', { error: e.error })}</Typography.Text></div>}
        {resendable(e.status) && e.refId && can('notify:manage') && (
          <div><Link to={`/settings/outbox?id=${encodeURIComponent(e.refId)}`} data-testid="timeline-resend">{t('tl.resend')}</Link></div>
        )}
        <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{meta}</Typography.Text></div>
      </div>
    );
  }
  const detail = e.kind === 'complaint' ? describeChange(/^Complaint (assigned|updated)/.test(e.title.en) ? 'assign' : 'other', e.detail, t, nameOf) : e.detail;
  const link = e.refId && ({ complaint: `/complaints/${e.refId}`, return: `/sales-returns/${e.refId}`, shipment: `/shipments/${e.refId}` } as Record<string, string>)[e.kind];
  return (
    <div data-testid="timeline-entry">
      <Tag color={kindColors[e.kind]}>{t(`tl.kinds.${e.kind}`)}</Tag>
      {link ? <Link to={link}><Typography.Text strong>{en ? e.title.en : e.title.zh}</Typography.Text></Link> : <Typography.Text strong>{en ? e.title.en : e.title.zh}</Typography.Text>}
      {detail && <div style={{ whiteSpace: 'pre-wrap' }}>{detail}</div>}
      <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{meta}</Typography.Text></div>
    </div>
  );
}
