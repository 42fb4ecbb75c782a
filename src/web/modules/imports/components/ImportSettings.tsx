import { App, Button, Checkbox, Flex, Radio, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/lib/errors';
import { downloadTemplate, isDocumentImport, type ImportEntity, type ImportOptions } from '../api';

type Props = {
  entities: readonly ImportEntity[];
  entity: ImportEntity;
  onEntity: (entity: ImportEntity) => void;
  options: ImportOptions;
  onOptions: (options: ImportOptions) => void;
};

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <Typography.Text strong>{label}</Typography.Text>
    <div style={{ marginTop: 8 }}>{children}</div>
  </div>
);

/** Step 1 of 数据导入: what to import, how (existing codes; confirming orders), the template and how to fill it in. */
export function ImportSettings({ entities, entity, onEntity, options, onOptions }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const set = (patch: Partial<ImportOptions>) => onOptions({ ...options, ...patch });
  const download = (format: 'xlsx' | 'csv') => downloadTemplate(entity, format).catch((e) => message.error(errorMessage(e)));
  const layout = isDocumentImport(entity) ? (t(`imports.layouts.${entity}`, { returnObjects: true }) as string[]) : null;

  return (
    <>
      <Field label={t('imports.entity')}>
        <Radio.Group
          value={entity}
          onChange={(e) => onEntity(e.target.value as ImportEntity)}
          optionType="button"
          buttonStyle="solid"
          options={entities.map((e) => ({ value: e, label: t(`imports.entities.${e}`) }))}
          style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }}
        />
      </Field>
      {!isDocumentImport(entity) && (
        <Field label={t('imports.mode')}>
          <Radio.Group value={options.mode} onChange={(e) => set({ mode: e.target.value })} options={(['create', 'upsert'] as const).map((m) => ({ value: m, label: t(`imports.modes.${m}`) }))} />
        </Field>
      )}
      {entity === 'sales-orders' && (
        <Flex vertical gap={8}>
          <Checkbox checked={options.confirm} onChange={(e) => set({ confirm: e.target.checked })} data-testid="import-confirm">
            <Typography.Text strong>{t('imports.confirm')}</Typography.Text>
          </Checkbox>
          <Typography.Text type="secondary">{t('imports.confirmHint')}</Typography.Text>
          {options.confirm && (
            <Field label={t('imports.shortage')}>
              <Radio.Group
                value={options.shortage}
                onChange={(e) => set({ shortage: e.target.value })}
                options={(['refuse', 'backorder'] as const).map((s) => ({ value: s, label: t(`imports.shortages.${s}`) }))}
                data-testid="import-shortage"
              />
              {options.shortage === 'backorder' && <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('imports.shortageHint')}</Typography.Paragraph>}
            </Field>
          )}
        </Flex>
      )}
      <div>
        <Typography.Text strong>{t('imports.template')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>{t('imports.templateHint')}</Typography.Paragraph>
        <Flex gap={8} wrap="wrap">
          <Button onClick={() => void download('xlsx')}>{t('imports.templateXlsx')}</Button>
          <Button onClick={() => void download('csv')}>{t('imports.templateCsv')}</Button>
        </Flex>
      </div>
      {layout && (
        <div data-testid="import-layout">
          <Typography.Text strong>{t('imports.layoutTitle')}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {layout.map((line) => <li key={line}><Typography.Text type="secondary">{line}</Typography.Text></li>)}
          </ul>
        </div>
      )}
    </>
  );
}

/** The sales-order options a file was checked with, in words, for the preview. */
export function chosenOptions(entity: ImportEntity, options: ImportOptions, t: (key: string) => string): string | undefined {
  if (entity !== 'sales-orders') return undefined;
  return t(`imports.chosen.${options.confirm ? options.shortage : 'draft'}`);
}
