import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../../shared/lib/errors';
import { carriers, type Carrier, type CarrierInput } from '../api';

type Values = Omit<CarrierInput, 'callbackSecret'> & { callbackSecret?: string };

/** 新增 / 编辑承运商: code (fixed once saved), names, how numbers arrive, transit days, the callback secret (write-only). */
export function CarrierModal({ carrier, onClose }: { carrier: Carrier | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { ...v, nameEn: v.nameEn?.trim() || undefined, callbackSecret: v.callbackSecret?.trim() || undefined };
      if (!carrier) return carriers.create(body);
      const { code: _code, ...patch } = body;
      return carriers.update(carrier.id, patch);
    },
    onSuccess: async () => {
      message.success(t(carrier ? 'msg.saved' : 'msg.created'));
      await qc.invalidateQueries({ queryKey: ['carriers'] });
      onClose();
    },
    onError: (e) => {
      applyFieldErrors(form, e);
      message.error(errorMessage(e));
    },
  });
  const initial: Partial<Values> = carrier
    ? { code: carrier.code, name: carrier.name, nameEn: carrier.nameEn, adapter: carrier.adapter === 'simulator' ? 'simulator' : 'manual', trackingRequired: carrier.trackingRequired, transitDays: carrier.transitDays, sortOrder: carrier.sortOrder }
    : { adapter: 'manual', trackingRequired: true, transitDays: 3 };
  return (
    <Modal
      open
      title={t(carrier ? 'ship.carrier.edit' : 'ship.carrier.add')}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="code" label={t('ship.carrier.code')} rules={[{ required: true, message: t('msg.required', { field: t('ship.carrier.code') }) }]}>
          <Input disabled={!!carrier} maxLength={20} />
        </Form.Item>
        <Form.Item name="name" label={t('ship.carrier.name')} rules={[{ required: true, message: t('msg.required', { field: t('ship.carrier.name') }) }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('ship.carrier.nameEn')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="adapter" label={t('ship.carrier.adapter')}>
          <Select options={(['manual', 'simulator'] as const).map((a) => ({ value: a, label: t(`ship.carrier.adapters.${a}`) }))} />
        </Form.Item>
        <Form.Item name="trackingRequired" label={t('ship.carrier.trackingRequired')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="transitDays" label={t('ship.carrier.transitDays')} extra={t('ship.carrier.transitDaysHint')}>
          <InputNumber min={0} max={60} precision={0} />
        </Form.Item>
        <Form.Item
          name="callbackSecret"
          label={t('ship.carrier.callbackSecret')}
          extra={carrier?.callbackSecretSource === 'environment' ? t('ship.carrier.secretFromEnvHint', { name: `JXC_CARRIER_SECRET_${carrier.code}` }) : t('ship.carrier.callbackSecretHint')}
          rules={[{ min: 16, message: t('ship.carrier.callbackSecretHint') }]}>
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('ship.carrier.sortOrder')}>
          <InputNumber min={0} max={10000} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
