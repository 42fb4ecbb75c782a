import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../shared/auth/session';
import { applyFieldErrors, errorMessage } from '../../../shared/lib/errors';
import { login } from '../api';
import { AuthCard } from '../components/AuthCard';

type Values = { email: string; password: string };

/** Email + password sign-in. */
export default function LoginPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [form] = Form.useForm<Values>();
  const m = useMutation({
    mutationFn: login,
    onSuccess: signIn,
    onError: (e) => applyFieldErrors(form, e),
  });
  return (
    <AuthCard title={t('auth.loginTitle')} subtitle={t('auth.loginSubtitle')}>
      {m.isError && <Alert type="error" showIcon title={errorMessage(m.error)} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)} requiredMark={false}>
        <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, message: t('msg.required', { field: t('auth.email') }) }, { type: 'email', message: t('msg.invalidEmail') }]}>
          <Input prefix={<MailOutlined />} autoComplete="username" autoFocus inputMode="email" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('msg.required', { field: t('auth.password') }) }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={m.isPending}>
          {t('auth.login')}
        </Button>
      </Form>
    </AuthCard>
  );
}
