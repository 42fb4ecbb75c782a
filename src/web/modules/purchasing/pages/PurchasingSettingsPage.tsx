import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Select, Skeleton, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../../shared/components/form-parts';
import { PageHeader } from '../../../shared/components/PageHeader';
import { applyFieldErrors, errorMessage } from '../../../shared/lib/errors';
import { fenToYuan, formatDateTime, yuanToFen } from '../../../shared/lib/format';
import { approverRoles, purchasingSettings, type PurchasingSettings } from '../api';

type Values = { overReceiptPercent: number; approvalOn: boolean; approvalThreshold: number | null; approverRole: string };
const toValues = (s: PurchasingSettings): Values => ({
  overReceiptPercent: s.overReceiptPercent, approvalOn: s.approvalThreshold != null, approvalThreshold: fenToYuan(s.approvalThreshold), approverRole: s.approverRole,
});

/** 采购设置 (admins): over-receipt tolerance, the total above which orders wait for approval, and who approves. */
export default function PurchasingSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const q = useQuery({ queryKey: ['purchasing', 'settings'], queryFn: purchasingSettings.get });
  useEffect(() => {
    if (q.data) form.setFieldsValue(toValues(q.data));
  }, [q.data, form]);
  const approvalOn = Form.useWatch('approvalOn', form);
  const save = useMutation({
    mutationFn: (v: Values) => purchasingSettings.update({
      overReceiptPercent: v.overReceiptPercent ?? 0,
      approvalThreshold: v.approvalOn ? (yuanToFen(v.approvalThreshold) ?? 0) : null,
      approverRole: v.approverRole,
    }),
    onSuccess: (s) => {
      qc.setQueryData(['purchasing', 'settings'], s);
      message.success(t('purSettings.saved'));
    },
    onError: (e) => {
      applyFieldErrors(form, e);
      message.error(errorMessage(e));
    },
  });
  if (!q.data) return <Skeleton active />;
  return (
    <div style={{ maxWidth: 640 }}>
      <PageHeader title={t('purSettings.title')} />
      <Card size="small">
        <Form form={form} layout="vertical" initialValues={toValues(q.data)} onFinish={(v) => save.mutate(v)}>
          <Form.Item name="overReceiptPercent" label={t('purSettings.overReceipt')} extra={t('purSettings.overReceiptHelp')}>
            <InputNumber<number> min={0} max={100} precision={2} suffix="%" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="approvalOn" label={t('purSettings.approvalOn')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {approvalOn && (
            <>
              <Form.Item name="approvalThreshold" label={t('purSettings.approvalThreshold')} extra={t('purSettings.approvalThresholdHelp')} rules={[{ required: true, message: t('msg.required', { field: t('purSettings.approvalThreshold') }) }]}>
                <MoneyInput style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="approverRole" label={t('purSettings.approverRole')} extra={t('purSettings.approverRoleHelp')}>
                <Select style={{ width: 200 }} options={approverRoles.map((r) => ({ value: r, label: t(`pur.roles.${r}`) }))} />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit" loading={save.isPending}>{t('action.save')}</Button>
          <Typography.Text type="secondary" style={{ marginInlineStart: 12, fontSize: 12 }}>{t('purSettings.updatedAt')} {formatDateTime(q.data.updatedAt)}</Typography.Text>
        </Form>
      </Card>
    </div>
  );
}
