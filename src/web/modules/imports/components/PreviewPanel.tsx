import { Alert, Button, Card, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isDocumentImport, type Preview, type RowError } from '../api';
import { DocumentTable } from './DocumentTable';

const actionColor = { create: 'green', update: 'blue', error: 'red' } as const;

type Props = {
  preview: Preview;
  /** The options the file was checked with (sales orders: confirm, shortage). */
  options?: ReactNode;
  committing: boolean;
  onCommit: () => void;
  onReset: () => void;
};

/** What the server found in the file: totals, the documents it would make, every row error, recognised columns and a sample. */
export function PreviewPanel({ preview, options, committing, onCommit, onReset }: Props) {
  const { t } = useTranslation();
  const p = preview;
  const ok = p.errors.length === 0 && p.validRows > 0;
  const fields = Object.keys(p.mapping);
  const documents = isDocumentImport(p.entity) ? (p.documents ?? []) : null;
  const summary = !documents
    ? t('imports.summary', { total: p.totalRows, valid: p.validRows, create: p.toCreate, update: p.toUpdate, errors: p.errors.length })
    : p.errors.length
      ? t('imports.docErrorSummary', { total: p.totalRows, bad: p.totalRows - p.validRows, errors: p.errors.length })
      : t('imports.docSummary', { total: p.totalRows, valid: p.validRows, docs: documents.length, unit: t(`imports.units.${p.entity}`), errors: 0 });
  return (
    <Flex vertical gap={16}>
      <Alert type={ok ? 'success' : 'error'} showIcon title={p.totalRows ? summary : t('imports.noRows')} description={options} data-testid="import-summary" />
      {p.errors.length > 0 && (
        <Card size="small" title={t('imports.errorsTitle')}>
          <Table<RowError>
            size="small"
            rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
            dataSource={p.errors}
            pagination={p.errors.length > 50 ? { pageSize: 50, size: 'small' } : false}
            scroll={{ x: 'max-content' }}
            data-testid="import-errors"
            columns={[
              { title: t('imports.row'), dataIndex: 'row', width: 70 },
              { title: t('imports.column'), dataIndex: 'column', width: 140 },
              { title: t('imports.message'), dataIndex: 'message' },
            ]}
          />
        </Card>
      )}
      {documents && documents.length > 0 && (
        <Card size="small" title={t('imports.docsTitle')} data-testid="import-docs">
          {p.errors.length > 0 && <Typography.Paragraph type="secondary">{t('imports.docsWithErrors')}</Typography.Paragraph>}
          <DocumentTable entity={p.entity} documents={documents} sample={p.sample} />
        </Card>
      )}
      <Card size="small">
        <Typography.Text type="secondary">{t('imports.matched')}：</Typography.Text>
        {fields.map((f) => <Tag key={f} color="blue">{p.mapping[f]}</Tag>)}
        {p.ignoredColumns.length > 0 && (
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('imports.ignored')}：</Typography.Text>
            {p.ignoredColumns.map((c) => <Tag key={c}>{c}</Tag>)}
          </div>
        )}
      </Card>
      {p.sample.length > 0 && (
        <Card size="small" title={t('imports.sample')}>
          <Table
            size="small"
            rowKey="row"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={p.sample.map((s) => ({ ...s.values, __row: s.row, __action: s.action, row: s.row }))}
            columns={[
              { title: t('imports.row'), dataIndex: '__row', fixed: 'left', width: 60 },
              { title: t('imports.action'), dataIndex: '__action', width: 70, render: (a: Preview['sample'][number]['action']) => <Tag color={actionColor[a]}>{t(`imports.actions.${a}`)}</Tag> },
              ...fields.map((f) => ({ title: p.mapping[f], dataIndex: f, key: f })),
            ]}
          />
        </Card>
      )}
      <Flex gap={8} justify="flex-end" wrap="wrap">
        <Button onClick={onReset}>{t('imports.reupload')}</Button>
        <Tooltip title={ok ? undefined : t('imports.commitDisabled')}>
          <Button type="primary" disabled={!ok} loading={committing} onClick={onCommit} data-testid="import-commit">
            {t('imports.commit')}
          </Button>
        </Tooltip>
      </Flex>
    </Flex>
  );
}
