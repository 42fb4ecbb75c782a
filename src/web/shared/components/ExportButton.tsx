import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, type Query } from '../api/client';
import { errorMessage } from '../lib/errors';

/** 导出 ▾ → Excel or CSV of `<path>/export` with the list's current filters (not its page). */
export function ExportButton({ path, query }: { path: string; query: Query }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (format: 'xlsx' | 'csv') => {
    setBusy(true);
    try {
      await downloadFile(`${path}/export`, { ...query, page: undefined, pageSize: undefined, format }, `export.${format}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'xlsx', label: t('action.exportXlsx') },
          { key: 'csv', label: t('action.exportCsv') },
        ],
        onClick: ({ key }) => void run(key as 'xlsx' | 'csv'),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy} data-testid="export-button">
        {t('action.export')}
      </Button>
    </Dropdown>
  );
}
