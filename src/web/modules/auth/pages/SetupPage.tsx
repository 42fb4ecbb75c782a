import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../shared/auth/session';
import { currentLang } from '../../../shared/i18n';
import { applyFieldErrors, errorMessage } from '../../../shared/lib/errors';
import { setup } from '../api';
import { AuthCard } from '../components/AuthCard';

type Values = { name: string; email: string; password: string; confirm: string };

/** First run: create the administrator, who is then signed in. */
export default function SetupPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [form] = Form.useForm<Values>();
  const m = useMutation({
    mutationFn: (v: Values) => setup({ name: v.name, email: v.email, password: v.password, locale: currentLang() }),
    onSuccess: signIn,
    onError: (e) => applyFieldErrors(form, e),
  });
  const required = (field: string) => ({ required: true, message: t('msg.required', { field }) });
  return (
    <AuthCard title={t('auth.setupTitle')} subtitle={t('auth.setupSubtitle')}>
      {m.isError && <Alert type="error" showIcon title={errorMessage(m.error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)} requiredMark={false}>
        <Form.Item name="name" label={t('auth.name')} rules={[required(t('auth.name')), { max: 100 }]}>
          <Input autoFocus autoComplete="name" />
        </Form.Item>
        <Form.Item name="email" label={t('auth.email')} rules={[required(t('auth.email')), { type: 'email', message: t('msg.invalidEmail') }]}>
          <Input autoComplete="username" inputMode="email" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[required(t('auth.password')), { min: 8, message: t('auth.passwordMin') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['password']}
          rules={[
            required(t('auth.confirmPassword')),
            ({ getFieldValue }) => ({
              validator: (_, v) => (!v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={m.isPending}>
          {t('auth.setupSubmit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
