import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  // Plain-HTTP installs have no clipboard API: fall back to a hidden textarea.
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  document.execCommand('copy');
  ta.remove();
}

/** Shows a new API key once, with a copy button. */
export function ApiKeyCreatedModal({ apiKey, onClose }: { apiKey: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Modal
      open={!!apiKey}
      title={t('apiKeys.createdTitle')}
      onCancel={onClose}
      maskClosable={false}
      footer={<Button type="primary" onClick={onClose}>{t('action.close')}</Button>}
    >
      <Alert type="warning" showIcon title={t('apiKeys.createdHint')} style={{ marginBottom: 12 }} />
      <Space.Compact style={{ width: '100%' }}>
        <Input readOnly value={apiKey ?? ''} data-testid="new-api-key" style={{ fontFamily: 'monospace' }} onFocus={(e) => e.target.select()} />
        <Button
          icon={<CopyOutlined />}
          onClick={() =>
            void copyText(apiKey ?? '').then(
              () => message.success(t('action.copied')),
              () => message.error(t('msg.copyFailed')),
            )
          }
        >
          {t('action.copy')}
        </Button>
      </Space.Compact>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 13 }}>
        {t('apiKeys.usage')}
      </Typography.Paragraph>
    </Modal>
  );
}
