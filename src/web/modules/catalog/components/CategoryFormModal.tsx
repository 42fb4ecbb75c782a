import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../../shared/lib/errors';
import { categories, type Category, type CategoryInput } from '../api';
import { CategoryTreeSelect } from './CategoryTreeSelect';

type Target = { category: Category | null; parentId?: string | null } | null;

/** Add a category (optionally under a parent) or edit one. `target` null = closed. */
export function CategoryFormModal({ target, onClose }: { target: Target; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<CategoryInput>();
  const editing = target?.category ?? null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    const c = target.category;
    form.setFieldsValue(c ? { name: c.name, code: c.code, parentId: c.parentId, sortOrder: c.sortOrder } : { parentId: target.parentId ?? null, sortOrder: 0 });
  }, [target, form]);

  const m = useMutation({
    mutationFn: (v: CategoryInput) => {
      const body = { ...v, parentId: v.parentId ?? null, code: v.code || null, sortOrder: v.sortOrder ?? 0 };
      return editing ? categories.update(editing.id, body) : categories.create(body);
    },
    onSuccess: async () => {
      message.success(t(editing ? 'msg.saved' : 'msg.created'));
      await qc.invalidateQueries({ queryKey: ['categories'] });
      onClose();
    },
    onError: (e) => {
      applyFieldErrors(form, e);
      message.error(errorMessage(e));
    },
  });

  return (
    <Modal
      open={!!target}
      title={t(editing ? 'categories.edit' : 'categories.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={m.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)}>
        <Form.Item name="name" label={t('categories.name')} rules={[{ required: true, whitespace: true, message: t('msg.required', { field: t('categories.name') }) }, { max: 100 }]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="code" label={t('categories.code')} rules={[{ max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="parentId" label={t('categories.parent')}>
          <CategoryTreeSelect excludeId={editing?.id} placeholder={t('categories.parentNone')} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('categories.sortOrder')} extra={t('categories.sortOrderHint')}>
          <InputNumber precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
