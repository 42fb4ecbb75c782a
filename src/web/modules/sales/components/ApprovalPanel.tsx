import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../shared/auth/session';
import { formatDateTime } from '../../../shared/lib/format';
import { getOrderHistory, type ApprovalReason, type SalesOrder } from '../api';
import { approvalSteps, type ApprovalStep } from '../approval-history';

const stepColors: Record<ApprovalStep['kind'], string> = { submitted: 'blue', approved: 'green', rejected: 'red', edited: 'gray', cancelled: 'gray' };

/** Whether this user may approve or reject the order (its rule's role, or an administrator). */
export const mayApprove = (role: string | undefined, o: Pick<SalesOrder, 'approvalRole'>) => role === 'admin' || (!!role && role === o.approvalRole);

/**
 * 审核信息 on an order: while it waits, why and for whom; after a rejection, the reason; after
 * approval, who approved with what comment; and every step (the order's history).
 */
export function ApprovalPanel({ order: o }: { order: SalesOrder }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const history = useQuery({
    queryKey: ['sales-orders', o.id, 'history', o.updatedAt],
    queryFn: () => getOrderHistory(o.id),
    enabled: o.approvalReasons.length > 0,
  });
  if (o.approvalReasons.length === 0) return null;
  const role = t(`roles.${o.approvalRole ?? 'admin'}`, { defaultValue: o.approvalRole ?? '' });
  const reasonText = (r: ApprovalReason) => (i18n.language === 'en' ? r.en : r.zh);
  const reasons = (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="approval-reasons">
      {o.approvalReasons.map((r) => <li key={r.ruleId}>{r.name}：{reasonText(r)}</li>)}
    </ul>
  );
  const steps = approvalSteps(history.data ?? [], o.approvalReasons);
  const rejected = o.status === 'draft' && !!o.approvalComment;

  return (
    <div data-testid="approval-panel">
      {o.status === 'pending_approval' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('sales.approvalWaiting', { role })}
          description={
            <>
              {reasons}
              {!mayApprove(user?.role, o) && <Typography.Text type="secondary">{t('sales.notYourApproval', { role })}</Typography.Text>}
            </>
          }
        />
      )}
      {rejected && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('sales.approvalRejected')}
          description={<><div data-testid="reject-reason">{t('sales.rejectedReason')}：{o.approvalComment}</div>{reasons}</>}
        />
      )}
      {(o.approvedBy || steps.length > 0) && (
        <Card size="small" title={t('sales.approvalTitle')} style={{ marginBottom: 16 }}>
          {o.approvedBy && o.status !== 'draft' && o.status !== 'pending_approval' && (
            <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" style={{ marginBottom: steps.length ? 12 : 0 }}>
              <Descriptions.Item label={t('sales.approvalResult')}>{t('sales.approvalApproved')}</Descriptions.Item>
              <Descriptions.Item label={t('sales.approvedBy')}>{o.approvedBy}</Descriptions.Item>
              <Descriptions.Item label={t('sales.approvalComment')}><span data-testid="approval-comment">{o.approvalComment || '—'}</span></Descriptions.Item>
              <Descriptions.Item label={t('sales.approvalReasons')} span="filled">{reasons}</Descriptions.Item>
            </Descriptions>
          )}
          {steps.length > 0 && (
            <>
              <Typography.Text strong style={{ display: 'block', marginBottom: 12 }}>{t('sales.approvalHistory')}</Typography.Text>
              <Timeline
                data-testid="approval-history"
                items={steps.map((s) => ({
                  color: stepColors[s.kind],
                  content: (
                    <>
                      <Typography.Text strong>{t(`sales.history.${s.kind}`)}</Typography.Text>
                      <Typography.Text type="secondary"> · {s.by ?? '—'} · {formatDateTime(s.at)}</Typography.Text>
                      {s.comment && <div>{t(s.kind === 'rejected' ? 'sales.rejectedReason' : 'sales.approvalComment')}：{s.comment}</div>}
                      {s.kind === 'submitted' && s.reasons.length > 0 && <div>{s.reasons.map(reasonText).join('；')}</div>}
                    </>
                  ),
                }))}
              />
            </>
          )}
        </Card>
      )}
    </div>
  );
}
