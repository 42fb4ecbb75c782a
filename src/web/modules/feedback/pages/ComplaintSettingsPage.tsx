import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../shared/auth/session';
import { PageHeader } from '../../../shared/components/PageHeader';
import { applyFieldErrors, errorMessage } from '../../../shared/lib/errors';
import { complaintCategories, complaints, type Sla } from '../api';

/** 投诉处理时限: hours per category from receiving a complaint to dealing with it (approvers change them; others may look). */
export default function ComplaintSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const qc = useQueryClient();
  const [form] = Form.useForm<Sla>();
  const q = useQuery({ queryKey: ['complaints', 'sla'], queryFn: complaints.sla });
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: (v: Sla) => complaints.updateSla(v),
    onSuccess: (s) => {
      qc.setQueryData(['complaints', 'sla'], s);
      message.success(t('cmp.settings.saved'));
    },
    onError: (e) => {
      applyFieldErrors(form, e);
      message.error(errorMessage(e));
    },
  });
  if (!q.data) return <Skeleton active />;
  const editable = can('approval:manage');
  return (
    <div style={{ maxWidth: 640 }}>
      <PageHeader title={t('cmp.settings.title')} />
      <Typography.Paragraph type="secondary">{t('cmp.settings.help')}</Typography.Paragraph>
      <Card size="small">
        <Form<Sla> form={form} layout="horizontal" labelCol={{ span: 6 }} initialValues={q.data} disabled={!editable} onFinish={(v) => save.mutate(v)}>
          {complaintCategories.map((c) => (
            <Form.Item key={c} name={c} label={t(`cmp.categories.${c}`)} rules={[{ required: true, message: t('msg.required', { field: t(`cmp.categories.${c}`) }) }]}>
              <InputNumber<number> min={1} max={24 * 90} precision={0} suffix={t('cmp.settings.hours')} style={{ width: 160 }} />
            </Form.Item>
          ))}
          {editable && <Form.Item wrapperCol={{ offset: 6 }}><Button type="primary" htmlType="submit" loading={save.isPending}>{t('action.save')}</Button></Form.Item>}
        </Form>
      </Card>
    </div>
  );
}
