import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = {
  mode: 'approve' | 'reject';
  number: string;
  onCancel: () => void;
  /** Resolves when done; a rejection keeps the dialog open (the caller shows why). */
  onSubmit: (comment: string) => Promise<unknown>;
  busy: boolean;
};

/** 审核通过 with an optional comment, or 驳回 with a required reason. */
export function ApprovalDialog({ mode, number, onCancel, onSubmit, busy }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment: string }>();
  const reject = mode === 'reject';
  return (
    <Modal
      open
      title={t(reject ? 'sales.rejectTitle' : 'sales.approveTitle', { number })}
      okText={t(reject ? 'sales.reject' : 'sales.approve')}
      okButtonProps={{ danger: reject }}
      cancelText={t('action.cancel')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t(reject ? 'sales.rejectHint' : 'sales.approveHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit((v.comment ?? '').trim()).catch(() => undefined)}>
        <Form.Item
          name="comment"
          label={t(reject ? 'sales.rejectReason' : 'sales.approveComment')}
          rules={reject ? [{ required: true, whitespace: true, message: t('sales.rejectReasonRequired') }] : []}
        >
          <Input.TextArea autoFocus rows={3} maxLength={500} showCount placeholder={t(reject ? 'sales.rejectReasonPlaceholder' : 'sales.approveCommentPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
