import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Select, Tabs, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { DataTable } from '../../../shared/components/DataTable';
import { ListToolbar } from '../../../shared/components/ListToolbar';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { complaintCategories, complaints, complaintStatuses, type ComplaintSummary } from '../api';
import { ComplaintStatusTag, DueAt, PriorityTag } from '../components/ComplaintTags';

/** 投诉 list, the most urgent first: status tabs, category, assignee and overdue filters; overdue ones in red with their due time. */
export default function ComplaintListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const list = useListParams(['status', 'category', 'assigneeId', 'overdue', 'orderId']);
  const f = list.params.filters;
  const result = useQuery({ queryKey: ['complaints', 'list', list.query], queryFn: () => complaints.list(list.query), placeholderData: keepPreviousData });
  const people = useQuery({ queryKey: ['complaints', 'assignees'], queryFn: complaints.assignees, staleTime: 60_000 });
  const columns: TableColumnsType<ComplaintSummary> = [
    { title: t('cmp.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: (v: string, c) => <Link to={`/complaints/${c.id}`}>{formatDateTime(v)}</Link> },
    { title: t('cmp.order'), dataIndex: 'orderNumber', key: 'order', render: (v: string, c) => <Link to={`/sales-orders/${c.orderId}`}>{v}</Link> },
    { title: t('cmp.customer'), dataIndex: 'customerName', key: 'customer' },
    { title: t('cmp.category'), dataIndex: 'category', key: 'category', render: (v: string) => t(`cmp.categories.${v}`, { defaultValue: v }) },
    { title: t('cmp.description'), dataIndex: 'description', key: 'description', render: (v: string) => <Typography.Text ellipsis style={{ maxWidth: 260 }}>{v}</Typography.Text> },
    { title: t('cmp.priority'), dataIndex: 'priority', key: 'priority', render: (p: string) => <PriorityTag priority={p} /> },
    { title: t('cmp.status'), dataIndex: 'status', key: 'status', render: (s: ComplaintSummary['status']) => <ComplaintStatusTag status={s} /> },
    { title: t('cmp.assignee'), dataIndex: 'assigneeName', key: 'assignee', render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('cmp.unassigned')}</Typography.Text> },
    { title: t('cmp.dueAt'), dataIndex: 'dueAt', key: 'dueAt', render: (v: string, c) => <DueAt dueAt={v} overdue={c.overdue} /> },
  ];
  return (
    <>
      <PageHeader
        title={t('cmp.title')}
        extra={can('sales:write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/complaints/new')}>{t('cmp.add')}</Button>}
      />
      <Tabs
        activeKey={f.status ?? 'all'}
        onChange={(k) => list.update({ status: k === 'all' ? undefined : k })}
        size="small"
        style={{ marginBottom: 4 }}
        items={[{ key: 'all', label: t('cmp.allTab') }, ...complaintStatuses.map((s) => ({ key: s, label: t(`cmp.statuses.${s}`) }))]}
      />
      <ListToolbar q={list.params.q} onSearch={(q) => list.update({ q })} placeholder={t('cmp.searchPlaceholder')}>
        <Select allowClear style={{ width: 140 }} placeholder={t('cmp.allCategories')} value={f.category} aria-label={t('cmp.category')}
          onChange={(v) => list.update({ category: v })} options={complaintCategories.map((c) => ({ value: c, label: t(`cmp.categories.${c}`) }))} />
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 160 }} placeholder={t('cmp.allAssignees')} value={f.assigneeId} aria-label={t('cmp.assignee')}
          onChange={(v) => list.update({ assigneeId: v })} options={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        <Checkbox checked={f.overdue === 'true'} onChange={(e) => list.update({ overdue: e.target.checked ? 'true' : undefined })} style={{ alignSelf: 'center' }}>
          {t('cmp.overdueOnly')}
        </Checkbox>
      </ListToolbar>
      <DataTable<ComplaintSummary>
        result={result}
        list={list}
        columns={columns}
        onRow={(c) => ({
          onClick: (e) => !(e.target as HTMLElement).closest('a') && navigate(`/complaints/${c.id}`),
          style: { cursor: 'pointer', ...(c.overdue ? { background: '#fff1f0' } : {}) },
          'data-testid': 'complaint-row',
        } as React.HTMLAttributes<HTMLElement>)}
      />
    </>
  );
}
