import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Result, Spin, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { useSession } from '../../../shared/auth/session';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { commitImport, importEntities, isDocumentImport, previewImport, type CommitResult, type ImportEntity, type ImportOptions, type Preview } from '../api';
import { DocumentTable } from '../components/DocumentTable';
import { chosenOptions, ImportSettings } from '../components/ImportSettings';
import { PreviewPanel } from '../components/PreviewPanel';

/** 数据导入: choose what → template → upload → check every row → import in one go. */
export default function ImportPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const allowed = importEntities.filter((e) => can(e.permission)).map((e) => e.entity);
  const [entity, setEntity] = useState<ImportEntity>(allowed[0] ?? 'products');
  const [options, setOptions] = useState<ImportOptions>({ mode: 'create', confirm: false, shortage: 'refuse' });
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<CommitResult | null>(null);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    check.reset();
  };
  const check = useMutation({ mutationFn: (f: File) => previewImport(entity, f, options), onSuccess: setPreview });
  const commit = useMutation({
    mutationFn: () => commitImport(entity, file!, options),
    onSuccess: async (r) => {
      setResult(r);
      // Imports touch lists, stock and orders alike.
      await qc.invalidateQueries();
    },
    onError: (e) => {
      // The data changed since the check: show the new row errors.
      if (e instanceof ApiError && e.code === 'IMPORT_HAS_ERRORS' && preview && Array.isArray(e.details)) setPreview({ ...preview, errors: e.details as Preview['errors'] });
      message.error(errorMessage(e));
    },
  });
  const step = result ? 3 : preview ? 2 : file ? 1 : 0;
  const documents = isDocumentImport(entity);
  const listPath = importEntities.find((e) => e.entity === entity)?.list ?? '/';
  const doneSub = documents ? t('imports.docDoneSub', { created: result?.created, unit: t(`imports.units.${entity}`) }) : t('imports.doneSub', result ?? {});

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
            subTitle={doneSub}
            extra={[
              <Button key="list" type="primary" onClick={() => navigate(listPath)}>{t(`imports.lists.${entity}`)}</Button>,
              <Button key="again" onClick={reset}>{t('imports.again')}</Button>,
            ]}
          />
          {result.documents && result.documents.length > 0 && (
            <div data-testid="import-done-docs">
              <Typography.Title level={5}>{t('imports.docsDone')}</Typography.Title>
              <DocumentTable entity={entity} documents={result.documents} sample={preview?.sample ?? []} done />
            </div>
          )}
        </Card>
      ) : preview ? (
        <PreviewPanel preview={preview} options={chosenOptions(entity, options, t)} committing={commit.isPending} onCommit={() => commit.mutate()} onReset={reset} />
      ) : (
        <Card>
          <Flex vertical gap={16}>
            <ImportSettings entities={allowed} entity={entity} onEntity={setEntity} options={options} onOptions={setOptions} />
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
