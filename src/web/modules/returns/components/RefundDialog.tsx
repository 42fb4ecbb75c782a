import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/lib/errors';
import { fenToYuan, formatMoney, yuanToFen } from '../../../shared/lib/format';
import { refundMethods, type RefundInput, type SalesReturn } from '../api';

type Values = { amount: number; restockingFee?: number | null; method: string; reference?: string };

/** 退款: the amount starts at what is refundable; an optional 手续费, the method and a reference. */
export function RefundDialog({ r, busy, error, onCancel, onSubmit }: { r: SalesReturn; busy: boolean; error: unknown; onCancel: () => void; onSubmit: (input: RefundInput) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  return (
    <Modal open title={t('rma.refundTitle')} okText={t('rma.refund')} confirmLoading={busy} onCancel={onCancel} onOk={() => form.submit()} destroyOnHidden>
      {!!error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>{t('rma.refundable')}：{formatMoney(r.refundable)}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" initialValues={{ amount: fenToYuan(r.refundable), method: 'original' }}
        onValuesChange={(c: Partial<Values>) => {
          if ('restockingFee' in c) form.setFieldValue('amount', fenToYuan(Math.max(0, r.refundable - (yuanToFen(c.restockingFee ?? 0) ?? 0))));
        }}
        onFinish={(v) => onSubmit({ method: v.method, reference: v.reference?.trim() || undefined, amount: yuanToFen(v.amount), restockingFee: v.restockingFee ? yuanToFen(v.restockingFee) : undefined })}>
        <Form.Item name="restockingFee" label={t('rma.restockingFee')}><InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="amount" label={t('rma.refundAmount')} rules={[{ required: true }]}><InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="method" label={t('rma.method')}><Select options={refundMethods.map((m) => ({ value: m, label: t(`rma.methods.${m}`) }))} /></Form.Item>
        <Form.Item name="reference" label={t('rma.reference')}><Input maxLength={200} /></Form.Item>
      </Form>
    </Modal>
  );
}
