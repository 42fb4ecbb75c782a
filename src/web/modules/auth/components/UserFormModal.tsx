import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../../shared/lib/errors';
import { roles, users, type User } from '../api';

type Values = { email: string; name: string; role: string; password?: string; locale?: string | null };

/** Create a user, or edit one's name, role, language and (optionally) password. */
export function UserFormModal({ open, user, onClose }: { open: boolean; user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const editing = !!user;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(user ? { email: user.email, name: user.name, role: user.role, locale: user.locale } : { role: 'sales', locale: null });
  }, [open, user, form]);

  const m = useMutation({
    mutationFn: async (v: Values) => {
      if (user) return users.update(user.id, { name: v.name, role: v.role, locale: v.locale ?? null, ...(v.password ? { password: v.password } : {}) });
      return users.create({ email: v.email, name: v.name, password: v.password ?? '', role: v.role, locale: v.locale ?? null });
    },
    onSuccess: async () => {
      message.success(t(editing ? 'msg.saved' : 'msg.created'));
      await qc.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (e) => {
      applyFieldErrors(form, e);
      message.error(errorMessage(e));
    },
  });

  const required = (field: string) => ({ required: true, message: t('msg.required', { field }) });
  return (
    <Modal
      open={open}
      title={t(editing ? 'users.edit' : 'users.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={m.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)}>
        <Form.Item name="email" label={t('auth.email')} rules={[required(t('auth.email')), { type: 'email', message: t('msg.invalidEmail') }]}>
          <Input disabled={editing} autoComplete="off" inputMode="email" />
        </Form.Item>
        <Form.Item name="name" label={t('auth.name')} rules={[required(t('auth.name')), { max: 100 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[required(t('users.role'))]}>
          <Select options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        <Form.Item name="locale" label={t('users.language')}>
          <Select
            allowClear
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={editing ? t('users.newPassword') : t('auth.password')}
          extra={editing ? t('users.newPasswordHint') : undefined}
          rules={[...(editing ? [] : [required(t('auth.password'))]), { min: 8, message: t('auth.passwordMin') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
