import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';

/** 导出 ▾ → Excel or CSV of the list with its current filters (a plain download; the cookie carries the session). */
export function ExportButton({ url }: { url: (format: 'xlsx' | 'csv') => string }) {
  const { t } = useTranslation();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'xlsx', label: t('action.exportXlsx') },
          { key: 'csv', label: t('action.exportCsv') },
        ],
        onClick: ({ key }) => {
          window.location.href = url(key as 'xlsx' | 'csv');
        },
      }}
    >
      <Button icon={<DownloadOutlined />}>{t('action.export')}</Button>
    </Dropdown>
  );
}
