import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Switch, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnpinnedOnPhones } from '../../../shared/components/DataTable';
import { PageHeader } from '../../../shared/components/PageHeader';
import { RowActions } from '../../../shared/components/RowActions';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { approvalRules, type ApprovalRule } from '../api';
import { ApprovalRuleModal } from '../components/ApprovalRuleModal';

/** The rule's condition in words: 订单金额超过 ¥100.00, 折扣超过 10%, … */
function useRuleCondition() {
  const { t } = useTranslation();
  return (r: Pick<ApprovalRule, 'kind' | 'threshold'>) =>
    t(`approvalRules.conditions.${r.kind}`, { amount: formatMoney(r.threshold), percent: Number((r.threshold / 100).toFixed(2)), days: r.threshold, defaultValue: r.kind });
}

/** 审核规则 (admins): which orders wait for approval and who approves them; add, edit, enable/disable, delete. */
export default function ApprovalRulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const condition = useRuleCondition();
  const [editing, setEditing] = useState<{ rule: ApprovalRule | null } | null>(null);
  const rules = useQuery({ queryKey: ['approvalRules'], queryFn: approvalRules.list });
  const refresh = () => qc.invalidateQueries({ queryKey: ['approvalRules'] });

  const toggle = useMutation({
    mutationFn: (r: ApprovalRule) => approvalRules.update(r.id, { status: r.status === 'active' ? 'inactive' : 'active' }),
    onSuccess: (r) => void message.success(t(r.status === 'active' ? 'msg.activated' : 'msg.deactivated')),
    onError: (e) => void message.error(errorMessage(e)),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (r: ApprovalRule) => approvalRules.remove(r.id),
    onSuccess: () => void message.success(t('msg.deleted')),
    onError: (e) => void message.error(errorMessage(e)),
    onSettled: refresh,
  });

  const columns = useUnpinnedOnPhones<TableColumnsType<ApprovalRule>[number]>([
    { title: t('approvalRules.name'), dataIndex: 'name', key: 'name', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('approvalRules.condition'), key: 'condition', render: (_, r) => condition(r) },
    { title: t('approvalRules.approverRole'), dataIndex: 'approverRole', key: 'approverRole', render: (role: string) => t(`roles.${role}`, { defaultValue: role }) },
    {
      title: t('status.label'),
      key: 'status',
      render: (_, r) => (
        <Switch
          size="small"
          checked={r.status === 'active'}
          loading={toggle.isPending && toggle.variables?.id === r.id}
          onChange={() => toggle.mutate(r)}
          checkedChildren={t('approvalRules.enabled')}
          unCheckedChildren={t('approvalRules.disabled')}
          aria-label={`${r.name} ${t('status.label')}`}
        />
      ),
    },
    { title: t('field.updatedAt'), dataIndex: 'updatedAt', key: 'updatedAt', render: formatDateTime },
    {
      title: t('field.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, r) => <RowActions name={r.name} onEdit={() => setEditing({ rule: r })} onRemove={() => remove.mutate(r)} />,
    },
  ]);

  return (
    <>
      <PageHeader
        title={t('approvalRules.title')}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ rule: null })}>{t('approvalRules.add')}</Button>}
      />
      <Typography.Paragraph type="secondary">{t('approvalRules.intro')}</Typography.Paragraph>
      {rules.isError && <Alert type="error" showIcon title={t('msg.loadFailed')} description={errorMessage(rules.error)} style={{ marginBottom: 12 }} />}
      <Table<ApprovalRule>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rules.data ?? []}
        loading={rules.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('approvalRules.empty') }}
        data-testid="approval-rules"
      />
      <ApprovalRuleModal rule={editing?.rule ?? null} open={!!editing} onClose={() => setEditing(null)} />
    </>
  );
}
