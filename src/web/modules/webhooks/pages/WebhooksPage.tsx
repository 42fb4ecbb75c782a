import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/components/PageHeader';
import { applyFieldErrors, errorMessage } from '../../../shared/lib/errors';
import { formatDateTime } from '../../../shared/lib/format';
import { webhooks, type Subscription, type SubscriptionInput } from '../api';
import { DeliveriesDrawer } from '../components/DeliveriesDrawer';

const isHttpUrl = (s: string) => {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};

/** 开放接口 → Webhooks (admins): subscriptions (推送地址, 事件, 签名密钥), each one's 推送记录 with 重新推送 and 重放. */
export default function WebhooksPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const zhUi = i18n.language.startsWith('zh');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useQuery({ queryKey: ['webhooks', 'subs', page], queryFn: () => webhooks.list(page), refetchInterval: 10_000 });
  const events = useQuery({ queryKey: ['webhooks', 'events'], queryFn: webhooks.events, staleTime: Infinity });
  const eventName = (type: string) => {
    const e = events.data?.find((x) => x.type === type);
    return type === '*' ? t('wh.allEvents') : e ? (zhUi ? e.zh : e.en) : type;
  };
  const [editing, setEditing] = useState<Subscription | 'new' | null>(null);
  const [form] = Form.useForm<SubscriptionInput>();
  const [secret, setSecret] = useState<{ title: string; value: string } | null>(null);
  const [logOf, setLogOf] = useState<Subscription | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ['webhooks', 'subs'] });

  const save = useMutation({
    mutationFn: (v: SubscriptionInput) => (editing === 'new' ? webhooks.create(v) : webhooks.update((editing as Subscription).id, v)),
    onSuccess: async (s) => {
      setEditing(null);
      message.success(t('wh.saved'));
      if ('secret' in s && typeof s.secret === 'string') setSecret({ title: t('wh.createdTitle'), value: s.secret });
      await refresh();
    },
    onError: (e) => {
      applyFieldErrors(form, e);
      message.error(errorMessage(e));
    },
  });
  const act = async (fn: () => Promise<unknown>, done?: string) => {
    try {
      await fn();
      if (done) message.success(done);
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const showSecret = (s: Subscription) => act(async () => setSecret({ title: t('wh.secretTitle'), value: await webhooks.secret(s.id) }));
  const rotateSecret = (s: Subscription) => act(async () => setSecret({ title: t('wh.rotatedTitle'), value: await webhooks.rotateSecret(s.id) }));

  const open = (s: Subscription | 'new') => {
    form.resetFields();
    form.setFieldsValue(s === 'new' ? { events: [], active: true } : { url: s.url, events: s.events, description: s.description, active: s.active });
    setEditing(s);
  };

  return (
    <div>
      <PageHeader title={t('wh.title')} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{t('wh.add')}</Button>} />
      <Alert type="info" showIcon title={t('wh.intro')} style={{ marginBottom: 12 }} />
      <Table<Subscription> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          {
            title: t('wh.url'), dataIndex: 'url', render: (url: string, s) => (
              <div>
                <Typography.Text code copyable>{url}</Typography.Text>
                {s.description && <div style={{ color: '#888', fontSize: 12 }}>{s.description}</div>}
              </div>
            ),
          },
          { title: t('wh.events'), dataIndex: 'events', render: (ev: string[]) => <Space size={[0, 4]} wrap>{ev.map((e) => <Tag key={e} title={e}>{eventName(e)}</Tag>)}</Space> },
          {
            title: t('wh.active'), dataIndex: 'active', width: 80,
            render: (on: boolean, s) => <Switch size="small" checked={on} aria-label={t('wh.active')} onChange={(v) => void act(() => webhooks.update(s.id, { active: v }))} />,
          },
          {
            title: t('wh.counts'), key: 'counts', width: 220, render: (_, s) => (
              <Space size={4} wrap>
                <Tag color="success">{t('wh.statuses.delivered')} {s.deliveries.delivered}</Tag>
                {s.deliveries.pending > 0 && <Tag color="processing">{t('wh.statuses.pending')} {s.deliveries.pending}</Tag>}
                {s.deliveries.failed > 0 && <Tag color="warning">{t('wh.statuses.failed')} {s.deliveries.failed}</Tag>}
                {s.deliveries.dead > 0 && <Tag color="error">{t('wh.statuses.dead')} {s.deliveries.dead}</Tag>}
              </Space>
            ),
          },
          { title: t('field.createdAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
          {
            title: t('field.actions'), key: 'actions', width: 300, render: (_, s) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setLogOf(s)}>{t('wh.deliveries')}</Button>
                <Button type="link" size="small" onClick={() => open(s)}>{t('action.edit')}</Button>
                <Button type="link" size="small" onClick={() => void showSecret(s)}>{t('wh.showSecret')}</Button>
                <Popconfirm title={t('wh.rotateConfirm')} onConfirm={() => rotateSecret(s)}>
                  <Button type="link" size="small">{t('wh.rotateSecret')}</Button>
                </Popconfirm>
                <Popconfirm title={t('wh.removeConfirm', { url: s.url })} okButtonProps={{ danger: true }} onConfirm={() => act(() => webhooks.remove(s.id), t('wh.removed'))}>
                  <Button type="link" size="small" danger>{t('wh.remove')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]} />
      <Modal open={!!editing} title={editing === 'new' ? t('wh.add') : t('wh.edit')} onCancel={() => setEditing(null)} onOk={() => form.submit()}
        okText={t('action.save')} cancelText={t('action.cancel')} confirmLoading={save.isPending} forceRender width={640}>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate({ ...v, description: v.description || null })}>
          <Form.Item name="url" label={t('wh.url')} rules={[{ required: true, message: t('msg.required', { field: t('wh.url') }) }, { validator: async (_, v: string) => { if (v && !isHttpUrl(v.trim())) throw new Error(t('wh.urlInvalid')); } }]}>
            <Input placeholder={t('wh.urlPlaceholder')} />
          </Form.Item>
          <Form.Item name="events" label={t('wh.events')} rules={[{ required: true, message: t('msg.required', { field: t('wh.events') }) }]}>
            <Select mode="multiple" allowClear optionFilterProp="label"
              options={[{ value: '*', label: t('wh.allEvents') }, ...(events.data ?? []).map((e) => ({ value: e.type, label: `${zhUi ? e.zh : e.en}（${e.type}）` }))]} />
          </Form.Item>
          <Form.Item name="description" label={t('wh.description')} rules={[{ max: 500 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="active" label={t('wh.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!secret} title={secret?.title} onCancel={() => setSecret(null)} footer={<Button type="primary" onClick={() => setSecret(null)}>{t('action.close')}</Button>}>
        <Typography.Paragraph type="secondary">{t('wh.secretHint')}</Typography.Paragraph>
        <Typography.Paragraph code copyable data-testid="webhook-secret">{secret?.value}</Typography.Paragraph>
      </Modal>
      <DeliveriesDrawer subscription={logOf} eventName={eventName} onClose={() => setLogOf(null)} />
    </div>
  );
}
