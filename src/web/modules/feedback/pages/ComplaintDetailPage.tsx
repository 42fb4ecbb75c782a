import { ArrowLeftOutlined, CheckOutlined, PlayCircleOutlined, RedoOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Select, Skeleton, Timeline, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime } from '../../../shared/lib/format';
import { ReasonDialog } from '../../purchasing/components/ReasonDialog';
import { complaintActions, complaintPriorities, complaints, type Complaint, type ComplaintAction, type ComplaintHistory, type ComplaintPatch } from '../api';
import { describeChange } from '../complaint-change';
import { ComplaintStatusTag, DueAt, PriorityTag } from '../components/ComplaintTags';

const actionIcons: Record<ComplaintAction, ReactNode> = { start: <PlayCircleOutlined />, resolve: <CheckOutlined />, close: <StopOutlined />, reopen: <RedoOutlined /> };

/** 投诉 detail: what the customer said, who handles it and by when, its history; assign, note, and the next steps the status allows. */
export default function ComplaintDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { can, user } = useSession();
  const q = useQuery({ queryKey: ['complaints', 'one', id], queryFn: () => complaints.get(id), staleTime: 0 });
  const people = useQuery({ queryKey: ['complaints', 'assignees'], queryFn: complaints.assignees, staleTime: 60_000 });
  const [step, setStep] = useState<ComplaintAction | null>(null);
  const [note, setNote] = useState('');
  const saved = (c: Complaint, text: string) => {
    qc.setQueryData(['complaints', 'one', id], c);
    void qc.invalidateQueries({ queryKey: ['complaints', 'list'] });
    void qc.invalidateQueries({ queryKey: ['salesOrders', 'timeline', c.orderId] });
    message.success(text);
  };
  const act = useMutation({
    mutationFn: ({ action, comment }: { action: ComplaintAction; comment: string }) => complaints.act(id, action, comment),
    onSuccess: (c) => { setStep(null); saved(c, t('cmp.done')); },
    onError: (e) => message.error(errorMessage(e)),
  });
  const patch = useMutation({
    mutationFn: (p: ComplaintPatch) => complaints.update(id, p),
    onSuccess: (c, p) => {
      if (p.comment) setNote('');
      saved(c, t(p.assigneeId !== undefined ? 'cmp.assigneeSaved' : p.priority ? 'cmp.prioritySaved' : 'cmp.done'));
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/complaints')} aria-label={t('action.back')} />;
  if (q.error) return <><PageHeader title={t('cmp.title')} back={back} /><Alert type="error" showIcon title={errorMessage(q.error)} /></>;
  const c = q.data;
  if (!c) return <Skeleton active />;
  const writable = can('sales:write');
  const active = c.status === 'open' || c.status === 'in_progress';
  const options = (people.data ?? []).map((p) => ({ value: p.id, label: p.name }));
  if (c.assigneeId && !options.some((o) => o.value === c.assigneeId)) options.unshift({ value: c.assigneeId, label: c.assigneeName ?? c.assigneeId });

  return (
    <div style={{ maxWidth: 1100 }}>
      <PageHeader
        back={back}
        title={<>{t('cmp.number')} · {c.orderNumber} <ComplaintStatusTag status={c.status} /></>}
        extra={writable && complaintActions(c.status).map((a) => (
          <Button key={a} type={a === 'resolve' ? 'primary' : 'default'} danger={a === 'close'} icon={actionIcons[a]} onClick={() => setStep(a)}>{t(`cmp.actions.${a}`)}</Button>
        ))}
      />
      {c.overdue && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={<>{t('cmp.overdue')} · {t('cmp.dueAt')} {formatDateTime(c.dueAt)}</>} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} items={[
          { key: 'o', label: t('cmp.order'), children: <Link to={`/sales-orders/${c.orderId}`}>{c.orderNumber}</Link> },
          { key: 'c', label: t('cmp.customer'), children: c.customerName },
          { key: 'cat', label: t('cmp.category'), children: t(`cmp.categories.${c.category}`, { defaultValue: c.category }) },
          {
            key: 'a', label: t('cmp.assignee'), children: writable && active ? (
              <Flex gap={8} wrap="wrap">
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 160 }} size="small" value={c.assigneeId ?? undefined} placeholder={t('cmp.unassigned')}
                  aria-label={t('cmp.assignee')} options={options} loading={patch.isPending} onChange={(v) => patch.mutate({ assigneeId: v ?? null })} />
                {user && c.assigneeId !== user.id && <Button size="small" type="link" onClick={() => patch.mutate({ assigneeId: user.id })}>{t('cmp.assignToMe')}</Button>}
              </Flex>
            ) : (c.assigneeName ?? t('cmp.unassigned')),
          },
          {
            key: 'p', label: t('cmp.priority'), children: writable && active ? (
              <Select size="small" style={{ width: 100 }} value={c.priority} aria-label={t('cmp.priority')} onChange={(v) => patch.mutate({ priority: v })}
                options={complaintPriorities.map((p) => ({ value: p, label: t(`cmp.priorities.${p}`) }))} />
            ) : <PriorityTag priority={c.priority} />,
          },
          { key: 'd', label: t('cmp.dueAt'), children: <DueAt dueAt={c.dueAt} overdue={c.overdue} /> },
          { key: 's', label: t('cmp.source'), children: t(`cmp.sources.${c.source}`, { defaultValue: c.source }) },
          { key: 'ct', label: t('cmp.contact'), children: c.contact ?? '—' },
          { key: 'm', label: t('cmp.maker'), children: c.source === 'customer' ? t('tl.customer') : (c.actorName ?? '—') },
          { key: 'at', label: t('cmp.createdAt'), children: formatDateTime(c.createdAt) },
          { key: 'r', label: t('cmp.resolvedAt'), children: c.resolvedAt ? formatDateTime(c.resolvedAt) : '—' },
        ]} />
      </Card>
      <Card size="small" title={t('cmp.description')} style={{ marginBottom: 12 }}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="complaint-description">{c.description}</Typography.Paragraph>
      </Card>
      <Card size="small" title={t('cmp.history')}>
        <Timeline data-testid="complaint-history" items={c.history.map((h) => ({ content: <HistoryEntry h={h} nameOf={(uid) => options.find((o) => o.value === uid)?.label ?? ''} /> }))} />
        {writable && (
          <Flex vertical gap={8}>
            <Input.TextArea rows={2} maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('cmp.commentPlaceholder')} aria-label={t('cmp.addComment')} />
            <div><Button disabled={!note.trim()} loading={patch.isPending && !!patch.variables?.comment} onClick={() => patch.mutate({ comment: note.trim() })}>{t('cmp.commentSave')}</Button></div>
          </Flex>
        )}
      </Card>
      {step && (
        <ReasonDialog
          title={t(`cmp.actions.${step}`)} hint={t(`cmp.actionHints.${step}`)}
          label={t(step === 'resolve' ? 'cmp.resolution' : 'cmp.actionComment')} okText={t(`cmp.actions.${step}`)} danger={step === 'close'}
          required={step === 'resolve' ? t('cmp.resolutionRequired') : undefined} busy={act.isPending} onCancel={() => setStep(null)}
          onSubmit={(comment) => act.mutateAsync({ action: step, comment })}
        />
      )}
    </div>
  );
}

function HistoryEntry({ h, nameOf }: { h: ComplaintHistory; nameOf: (userId: string) => string }) {
  const { t } = useTranslation();
  const comment = describeChange(h.action, h.comment, t, nameOf);
  return (
    <div>
      <Typography.Text strong>{t(`cmp.historyActions.${h.action}`, { defaultValue: h.action })}</Typography.Text>
      {h.toStatus && <Typography.Text type="secondary"> → {t(`cmp.statuses.${h.toStatus}`, { defaultValue: h.toStatus })}</Typography.Text>}
      {comment && <div style={{ whiteSpace: 'pre-wrap' }}>{comment}</div>}
      <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{[formatDateTime(h.at), h.actorName === 'customer' ? t('tl.customer') : h.actorName].filter(Boolean).join(' · ')}</Typography.Text></div>
    </div>
  );
}
