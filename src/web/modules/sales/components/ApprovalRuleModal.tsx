import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../../shared/components/form-parts';
import { applyFieldErrors, errorMessage } from '../../../shared/lib/errors';
import { fenToYuan, yuanToFen } from '../../../shared/lib/format';
import { approvalRules, ruleKinds, type ApprovalRule, type RuleKind } from '../api';

/** Roles that may be named as approvers: a read-only account cannot sensibly approve. */
const approverRoles = ['admin', 'sales', 'finance', 'warehouse', 'purchasing'] as const;

type Values = { name: string; kind: RuleKind; amount?: number | null; percent?: number | null; days?: number | null; approverRole: string };

/** The rule's threshold from the form: yuan → fen for totals, percent → basis points for discounts, days of grace for overdue. */
function thresholdOf(v: Values): number {
  if (v.kind === 'total_over') return yuanToFen(v.amount) ?? 0;
  if (v.kind === 'discount_over') return Math.round((v.percent ?? 0) * 100);
  if (v.kind === 'overdue') return v.days ?? 0;
  return 0;
}

const valuesOf = (r: ApprovalRule): Values => ({
  name: r.name, kind: r.kind, approverRole: r.approverRole,
  amount: r.kind === 'total_over' ? fenToYuan(r.threshold) : null,
  percent: r.kind === 'discount_over' ? r.threshold / 100 : null,
  days: r.kind === 'overdue' ? r.threshold : null,
});

/** 新增 / 编辑审核规则: name, type (fixed once saved), the amount or percentage it needs, and who approves. */
export function ApprovalRuleModal({ rule, open, onClose }: { rule: ApprovalRule | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { name: v.name.trim(), threshold: thresholdOf(v), approverRole: v.approverRole };
      return rule ? approvalRules.update(rule.id, body) : approvalRules.create({ ...body, kind: v.kind });
    },
    onSuccess: async () => {
      message.success(t(rule ? 'msg.saved' : 'msg.created'));
      await qc.invalidateQueries({ queryKey: ['approvalRules'] });
      onClose();
    },
    onError: (e) => {
      applyFieldErrors(form, e, { threshold: kind === 'discount_over' ? 'percent' : 'amount' });
      message.error(errorMessage(e));
    },
  });

  return (
    <Modal
      open={open}
      title={t(rule ? 'approvalRules.editTitle' : 'approvalRules.addTitle')}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        preserve={false}
        initialValues={rule ? valuesOf(rule) : { kind: 'total_over', approverRole: 'admin', name: '', amount: null, percent: null }}
      >
        <Form.Item name="name" label={t('approvalRules.name')} rules={[{ required: true, whitespace: true, message: t('msg.required', { field: t('approvalRules.name') }) }]}>
          <Input maxLength={100} placeholder={t('approvalRules.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('approvalRules.kind')}
          extra={rule ? t('approvalRules.kindLocked') : kind ? t(`approvalRules.kindHelp.${kind}`) : undefined}
          rules={[{ required: true }]}
        >
          <Select disabled={!!rule} options={ruleKinds.map((k) => ({ value: k, label: t(`approvalRules.kinds.${k}`) }))} />
        </Form.Item>
        {kind === 'total_over' && (
          <Form.Item name="amount" label={t('approvalRules.amount')} rules={[{ required: true, message: t('msg.required', { field: t('approvalRules.amount') }) }]}>
            <MoneyInput />
          </Form.Item>
        )}
        {kind === 'discount_over' && (
          <Form.Item name="percent" label={t('approvalRules.percent')} rules={[{ required: true, message: t('msg.required', { field: t('approvalRules.percent') }) }]}>
            <InputNumber<number> min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        )}
        {kind === 'overdue' && (
          <Form.Item name="days" label={t('approvalRules.graceDays')} extra={t('approvalRules.graceDaysHelp')}>
            <InputNumber<number> min={0} max={365} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="approverRole" label={t('approvalRules.approverRole')} rules={[{ required: true }]}>
          <Select options={approverRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
