import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../../shared/components/PageHeader';
import { applyFieldErrors, errorMessage } from '../../../shared/lib/errors';
import { salesOrders } from '../../sales/api';
import { complaintCategories, complaintPriorities, complaints, type ComplaintCategory } from '../api';
import { OrderSelect } from '../components/OrderSelect';

type Values = { orderId: string; category: ComplaintCategory; description: string; contact?: string; priority: string; assigneeId?: string };

/** 新建投诉 by staff (a phone call, a message): the order picked by its number, what it is about, who handles it; due by the category's time limit. */
export default function ComplaintNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [sp] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const fromOrder = sp.get('orderId') ?? '';
  const order = useQuery({ queryKey: ['salesOrders', 'one', fromOrder], queryFn: () => salesOrders.get(fromOrder), enabled: !!fromOrder });
  const people = useQuery({ queryKey: ['complaints', 'assignees'], queryFn: complaints.assignees, staleTime: 60_000 });
  const sla = useQuery({ queryKey: ['complaints', 'sla'], queryFn: complaints.sla, staleTime: 60_000 });
  // Before the first change the watch may not have the initial value yet: the form starts on 物流.
  const category: ComplaintCategory = Form.useWatch('category', form) ?? 'logistics';
  const save = useMutation({
    mutationFn: (v: Values) => complaints.create({
      orderId: v.orderId, category: v.category, description: v.description.trim(), contact: v.contact?.trim() || undefined, priority: v.priority, assigneeId: v.assigneeId || undefined,
    }),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['complaints', 'list'] });
      message.success(t('cmp.created'));
      navigate(`/complaints/${c.id}`);
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(errorMessage(e));
    },
  });
  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('action.back')} />;
  const known = order.data ? { id: order.data.id, number: order.data.number, customerName: order.data.customerName } : null;
  return (
    <div style={{ maxWidth: 720 }}>
      <PageHeader title={t('cmp.newTitle')} back={back} />
      <Card size="small">
        <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}
          initialValues={{ orderId: fromOrder || undefined, category: 'logistics', priority: 'normal' }}>
          <Form.Item name="orderId" label={t('cmp.orderPick')} rules={[{ required: true, message: t('cmp.orderRequired') }]}>
            <OrderSelect known={known} placeholder={t('cmp.orderPickPlaceholder')} aria-label={t('cmp.orderPick')} />
          </Form.Item>
          <Form.Item name="category" label={t('cmp.category')} rules={[{ required: true, message: t('cmp.categoryRequired') }]}
            extra={sla.data ? t('cmp.dueHint', { hours: sla.data[category] }) : undefined}>
            <Radio.Group optionType="button" options={complaintCategories.map((c) => ({ value: c, label: t(`cmp.categories.${c}`) }))} />
          </Form.Item>
          <Form.Item name="description" label={t('cmp.description')} rules={[{ required: true, whitespace: true, message: t('cmp.descriptionRequired') }]}>
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
          <Form.Item name="contact" label={t('cmp.contact')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="priority" label={t('cmp.priority')}>
            <Radio.Group options={complaintPriorities.map((p) => ({ value: p, label: t(`cmp.priorities.${p}`) }))} />
          </Form.Item>
          <Form.Item name="assigneeId" label={t('cmp.assignee')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 220 }} placeholder={t('cmp.unassigned')} options={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="submit-complaint">{t('cmp.submit')}</Button>
        </Form>
      </Card>
    </div>
  );
}
