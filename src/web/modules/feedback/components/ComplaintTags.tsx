import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/lib/format';
import type { ComplaintStatus } from '../api';

const colors: Record<ComplaintStatus, string> = { open: 'orange', in_progress: 'blue', resolved: 'green', closed: 'default' };
const priorityColors: Record<string, string> = { low: 'default', normal: 'default', high: 'orange', urgent: 'red' };

/** 待处理 / 处理中 / 已解决 / 已关闭 as a coloured tag. */
export function ComplaintStatusTag({ status }: { status: ComplaintStatus }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]} data-testid="complaint-status">{t(`cmp.statuses.${status}`, { defaultValue: status })}</Tag>;
}

/** The priority, coloured only when it is above normal. */
export function PriorityTag({ priority }: { priority: string }) {
  const { t } = useTranslation();
  return <Tag color={priorityColors[priority] ?? 'default'}>{t(`cmp.priorities.${priority}`, { defaultValue: priority })}</Tag>;
}

/** The SLA due time; past it and still open, in red with 已超时. */
export function DueAt({ dueAt, overdue }: { dueAt: string; overdue: boolean }) {
  const { t } = useTranslation();
  if (!overdue) return <span>{formatDateTime(dueAt)}</span>;
  return (
    <span data-testid="complaint-overdue">
      <Tag color="red">{t('cmp.overdue')}</Tag>
      <Typography.Text type="danger">{formatDateTime(dueAt)}</Typography.Text>
    </span>
  );
}
