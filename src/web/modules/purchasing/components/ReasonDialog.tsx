import { Form, Input, Modal, Typography } from 'antd';

type Props = {
  title: string;
  hint: string;
  label: string;
  okText: string;
  danger?: boolean;
  /** A reason must be given (驳回). */
  required?: string;
  busy: boolean;
  onCancel: () => void;
  /** Resolves when done; a refusal keeps the dialog open (the caller shows why). */
  onSubmit: (comment: string) => Promise<unknown>;
};

/** 审核通过 / 驳回 / 关闭 with a comment (required for a rejection). */
export function ReasonDialog({ title, hint, label, okText, danger, required, busy, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<{ comment: string }>();
  return (
    <Modal open title={title} okText={okText} okButtonProps={{ danger }} onOk={() => form.submit()} onCancel={onCancel} confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit((v.comment ?? '').trim()).catch(() => undefined)}>
        <Form.Item name="comment" label={label} rules={required ? [{ required: true, whitespace: true, message: required }] : []}>
          <Input.TextArea autoFocus rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
