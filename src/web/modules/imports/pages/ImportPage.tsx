import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Radio, Result, Spin, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { useSession } from '../../../shared/auth/session';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { commitImport, downloadTemplate, importEntities, previewImport, type ImportEntity, type ImportMode, type Preview } from '../api';
import { PreviewPanel } from '../components/PreviewPanel';

/** 数据导入: choose what → template → upload → check every row → import in one go. */
export default function ImportPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const allowed = importEntities.filter((e) => can(e.permission));
  const [entity, setEntity] = useState<ImportEntity>(allowed[0]?.entity ?? 'products');
  const [mode, setMode] = useState<ImportMode>('create');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<{ created: number; updated: number } | null>(null);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    check.reset();
  };
  const check = useMutation({ mutationFn: (f: File) => previewImport(entity, f, mode), onSuccess: setPreview });
  const commit = useMutation({
    mutationFn: () => commitImport(entity, file!, mode),
    onSuccess: async (r) => {
      setResult(r);
      await qc.invalidateQueries({ queryKey: [entity] });
    },
    onError: (e) => {
      // The data changed since the check: show the new row errors.
      if (e instanceof ApiError && e.code === 'IMPORT_HAS_ERRORS' && preview && Array.isArray(e.details)) setPreview({ ...preview, errors: e.details as Preview['errors'] });
      message.error(errorMessage(e));
    },
  });
  const download = (format: 'xlsx' | 'csv') => downloadTemplate(entity, format).catch((e) => message.error(errorMessage(e)));
  const step = result ? 3 : preview ? 2 : file ? 1 : 0;
  const entityName = t(`imports.entities.${entity}`);
  const listPath = importEntities.find((e) => e.entity === entity)?.list ?? '/';

  return (
    <>
      <PageHeader title={t('imports.title')} />
      <Steps
        current={step}
        status={result ? 'finish' : preview && preview.errors.length ? 'error' : 'process'}
        size="small"
        responsive={false}
        titlePlacement="vertical"
        style={{ marginBottom: 16 }}
        items={[{ title: t('imports.stepChoose') }, { title: t('imports.stepUpload') }, { title: t('imports.stepCheck') }, { title: t('imports.stepDone') }]}
      />
      {result ? (
        <Card>
          <Result
            status="success"
            title={t('imports.doneTitle')}
            subTitle={t('imports.doneSub', result)}
            extra={[
              <Button key="list" type="primary" onClick={() => navigate(listPath)}>{t('imports.viewList', { entity: entityName })}</Button>,
              <Button key="again" onClick={reset}>{t('imports.again')}</Button>,
            ]}
          />
        </Card>
      ) : preview ? (
        <PreviewPanel preview={preview} committing={commit.isPending} onCommit={() => commit.mutate()} onReset={reset} />
      ) : (
        <Card>
          <Flex vertical gap={16}>
            <div>
              <Typography.Text strong>{t('imports.entity')}</Typography.Text>
              <div style={{ marginTop: 8 }}>
                <Radio.Group
                  value={entity}
                  onChange={(e) => setEntity(e.target.value)}
                  optionType="button"
                  buttonStyle="solid"
                  options={allowed.map((e) => ({ value: e.entity, label: t(`imports.entities.${e.entity}`) }))}
                />
              </div>
            </div>
            <div>
              <Typography.Text strong>{t('imports.mode')}</Typography.Text>
              <div style={{ marginTop: 8 }}>
                <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} options={(['create', 'upsert'] as const).map((m) => ({ value: m, label: t(`imports.modes.${m}`) }))} />
              </div>
            </div>
            <div>
              <Typography.Text strong>{t('imports.template')}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>{t('imports.templateHint')}</Typography.Paragraph>
              <Flex gap={8} wrap="wrap">
                <Button onClick={() => void download('xlsx')}>{t('imports.templateXlsx')}</Button>
                <Button onClick={() => void download('csv')}>{t('imports.templateCsv')}</Button>
              </Flex>
            </div>
            {check.isError && <Alert type="error" showIcon title={errorMessage(check.error)} />}
            <Spin spinning={check.isPending} tip={t('imports.checking')}>
              <Upload.Dragger
                accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                multiple={false}
                showUploadList={false}
                beforeUpload={(f) => {
                  setFile(f);
                  check.mutate(f);
                  return false;
                }}
                data-testid="import-upload"
              >
                <p className="ant-upload-drag-icon"><InboxOutlined /></p>
                <p className="ant-upload-text">{t('imports.upload')}</p>
                <p className="ant-upload-hint">{t('imports.uploadHint')}</p>
              </Upload.Dragger>
            </Spin>
          </Flex>
        </Card>
      )}
    </>
  );
}
