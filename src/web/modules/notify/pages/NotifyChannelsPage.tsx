import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Skeleton, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { applyFieldErrors, errorMessage } from '../../../shared/lib/errors';
import { formatDateTime } from '../../../shared/lib/format';
import { channels, emailSettings, type Channel, type ChannelKind, type EmailSettings } from '../api';

/** 通知渠道 (admins): the SMTP server, the WeCom and DingTalk group robots and the SMS adapter, each with a test send. */
export default function NotifyChannelsPage() {
  const { t } = useTranslation();
  const email = useQuery({ queryKey: ['notify', 'email'], queryFn: emailSettings.get });
  const list = useQuery({ queryKey: ['notify', 'channels'], queryFn: channels.list });
  if (!email.data || !list.data) return <Skeleton active />;
  const channel = (kind: ChannelKind) => list.data.find((c) => c.kind === kind);
  return (
    <div style={{ maxWidth: 720 }}>
      <PageHeader title={t('notify.ch.title')} />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <EmailCard settings={email.data} />
        {(['wecom', 'dingtalk'] as const).map((k) => { const c = channel(k); return c && <RobotCard key={k} channel={c} />; })}
        {channel('sms') && <SmsCard channel={channel('sms')!} />}
      </Space>
    </div>
  );
}

type EmailValues = { host: string; port: number; secure: boolean; user: string; password: string; from: string; shopName: string; maxAttempts: number };
const blankToNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

function EmailCard({ settings }: { settings: EmailSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<EmailValues>();
  useEffect(() => {
    form.setFieldsValue({ ...settings, host: settings.host ?? '', user: settings.user ?? '', from: settings.from ?? '', shopName: settings.shopName ?? '', password: '' });
  }, [settings, form]);
  const save = useMutation({
    mutationFn: (v: EmailValues) => emailSettings.update({
      host: blankToNull(v.host), port: v.port, secure: v.secure, user: blankToNull(v.user), from: blankToNull(v.from), shopName: blankToNull(v.shopName),
      maxAttempts: v.maxAttempts, ...(v.password ? { password: v.password } : {}),
    }),
    onSuccess: (s) => {
      qc.setQueryData(['notify', 'email'], s);
      message.success(t('notify.ch.saved'));
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(errorMessage(e));
    },
  });
  const [testTo, setTestTo] = useState('');
  const test = useMutation({
    mutationFn: () => emailSettings.test(testTo.trim()),
    onSuccess: (r) => message.success(t('notify.ch.testSent', { to: r.to })),
  });
  return (
    <Card size="small" title={t('notify.ch.email')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('notify.ch.updatedAt')} {formatDateTime(settings.updatedAt)}</Typography.Text>}>
      {settings.source === 'env' && <Alert type="info" showIcon message={t('notify.ch.envSource')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Space wrap align="start">
          <Form.Item name="host" label={t('notify.ch.host')}><Input placeholder="smtp.exmail.qq.com" style={{ width: 260 }} /></Form.Item>
          <Form.Item name="port" label={t('notify.ch.port')}><InputNumber<number> min={1} max={65535} style={{ width: 120 }} /></Form.Item>
          <Form.Item name="secure" label={t('notify.ch.secure')} valuePropName="checked" tooltip={t('notify.ch.secureHelp')}><Switch /></Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="user" label={t('notify.ch.user')}><Input style={{ width: 260 }} autoComplete="off" /></Form.Item>
          <Form.Item name="password" label={t('notify.ch.password')} extra={settings.passwordSet ? t('notify.ch.passwordSet') : undefined}>
            <Input.Password style={{ width: 260 }} autoComplete="new-password" placeholder={settings.passwordSet ? '••••••••' : ''} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="from" label={t('notify.ch.from')} extra={t('notify.ch.fromHelp')}><Input style={{ width: 320 }} /></Form.Item>
          <Form.Item name="shopName" label={t('notify.ch.shopName')}><Input style={{ width: 200 }} /></Form.Item>
          <Form.Item name="maxAttempts" label={t('notify.ch.maxAttempts')}><InputNumber<number> min={1} max={50} style={{ width: 120 }} /></Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('action.save')}</Button>
        <Space.Compact style={{ marginInlineStart: 16, verticalAlign: 'top' }}>
          <Input aria-label={t('notify.ch.testTo')} placeholder={t('notify.ch.testTo')} style={{ width: 220 }} value={testTo} onChange={(e) => setTestTo(e.target.value)} />
          <Button onClick={() => test.mutate()} loading={test.isPending} disabled={!testTo.trim()}>{t('notify.ch.testEmail')}</Button>
        </Space.Compact>
        {test.error instanceof ApiError && <Alert type="error" showIcon message={errorMessage(test.error)} style={{ marginTop: 12 }} data-testid="test-email-error" />}
      </Form>
    </Card>
  );
}

type RobotValues = { enabled: boolean; webhookUrl: string; secret: string };

function RobotCard({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<RobotValues>();
  useEffect(() => {
    form.setFieldsValue({ enabled: channel.enabled, webhookUrl: channel.webhookUrl ?? '', secret: '' });
  }, [channel, form]);
  const save = useMutation({
    mutationFn: (v: RobotValues) => channels.update(channel.kind, { enabled: v.enabled, webhookUrl: blankToNull(v.webhookUrl), ...(v.secret ? { secret: v.secret } : {}) }),
    onSuccess: (c) => {
      qc.setQueryData<Channel[]>(['notify', 'channels'], (l) => l?.map((x) => (x.kind === c.kind ? c : x)));
      message.success(t('notify.ch.saved'));
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(errorMessage(e));
    },
  });
  const test = useMutation({ mutationFn: () => channels.test(channel.kind, {}), onSuccess: () => message.success(t('notify.ch.testOk')) });
  return (
    <Card size="small" title={t(`notify.ch.${channel.kind}`)}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="enabled" label={t('notify.ch.enabled')} valuePropName="checked"><Switch /></Form.Item>
        <Form.Item name="webhookUrl" label={t('notify.ch.webhookUrl')}>
          <Input placeholder={channel.kind === 'wecom' ? 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' : 'https://oapi.dingtalk.com/robot/send?access_token=…'} />
        </Form.Item>
        {channel.kind === 'dingtalk' && (
          <Form.Item name="secret" label={t('notify.ch.secret')} extra={channel.secretSet ? t('notify.ch.secretSet') : undefined}>
            <Input.Password autoComplete="new-password" placeholder={channel.secretSet ? '••••••••' : 'SEC…'} style={{ width: 360 }} />
          </Form.Item>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>{t('action.save')}</Button>
          <Button onClick={() => test.mutate()} loading={test.isPending}>{t('notify.ch.test')}</Button>
        </Space>
        {test.error instanceof ApiError && <Alert type="error" showIcon message={errorMessage(test.error)} style={{ marginTop: 12 }} />}
      </Form>
    </Card>
  );
}

function SmsCard({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ to: string }>();
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => channels.update('sms', { enabled }),
    onSuccess: (c) => qc.setQueryData<Channel[]>(['notify', 'channels'], (l) => l?.map((x) => (x.kind === c.kind ? c : x))),
    onError: (e) => message.error(errorMessage(e)),
  });
  const test = useMutation({
    mutationFn: async () => channels.test('sms', { to: (await form.validateFields()).to }),
    onSuccess: () => message.success(t('notify.ch.testOk')),
  });
  return (
    <Card size="small" title={t('notify.ch.sms')}>
      <Typography.Paragraph type="secondary">{t('notify.ch.smsHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Space wrap align="start">
          <Form.Item label={t('notify.ch.enabled')}><Switch checked={channel.enabled} loading={toggle.isPending} onChange={(v) => toggle.mutate(v)} /></Form.Item>
          <Form.Item label={t('notify.ch.adapter')}><Input value={channel.adapter ?? 'log'} readOnly style={{ width: 160 }} /></Form.Item>
        </Space>
        <Space.Compact>
          <Form.Item name="to" noStyle rules={[{ required: true, message: t('notify.ch.smsTo') }]}>
            <Input aria-label={t('notify.ch.smsTo')} placeholder={t('notify.ch.smsTo')} style={{ width: 200 }} />
          </Form.Item>
          <Button onClick={() => test.mutate()} loading={test.isPending}>{t('notify.ch.test')}</Button>
        </Space.Compact>
        {test.error instanceof ApiError && <Alert type="error" showIcon message={errorMessage(test.error)} style={{ marginTop: 12 }} />}
      </Form>
    </Card>
  );
}
