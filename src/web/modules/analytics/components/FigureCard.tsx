import { DownloadOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Tooltip } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/lib/errors';
import { analytics, type ExportFigure } from '../api';
import { stockAnalytics, type MoreFigure } from '../api-stock';

const moreFigures: readonly string[] = ['turnover', 'abc-xyz', 'ageing', 'rfm', 'suppliers', 'slow-moving', 'supplier-orders', 'customer-categories'] satisfies MoreFigure[];

/** ⓘ with how a figure is computed. */
export function HelpTip({ text }: { text: string }) {
  return (
    <Tooltip title={text}>
      <InfoCircleOutlined style={{ color: 'rgba(0,0,0,0.45)', marginInlineStart: 4, cursor: 'help' }} aria-label={text} />
    </Tooltip>
  );
}

/** 导出 Excel: the figure from the export endpoint with the page's filters. */
export function ExportXlsxButton({ figure, query, testId }: { figure: ExportFigure | MoreFigure; query: Query; testId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      // The stock, customer and supplier figures have their own export endpoint.
      if (moreFigures.includes(figure)) await stockAnalytics.exportXlsx(figure as MoreFigure, query);
      else await analytics.exportXlsx(figure as ExportFigure, query);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} data-testid={testId ?? `export-${figure}`}>
      {t('ana.exportXlsx')}
    </Button>
  );
}

type Props = {
  title: string; help: string; testId: string; loading: boolean; error: unknown;
  /** Switches shown beside the title (granularity, by, sort). */
  controls?: ReactNode; exportFigure: ExportFigure | MoreFigure; exportQuery: Query; children: ReactNode;
};

/** One dashboard card: title with ⓘ, its switches, 导出 Excel, and its error in place of the chart. */
export function FigureCard({ title, help, testId, loading, error, controls, exportFigure, exportQuery, children }: Props) {
  return (
    <Card
      size="small"
      data-testid={testId}
      loading={loading && !error}
      title={<span>{title}<HelpTip text={help} /></span>}
      extra={(
        <Flex gap={8} wrap="wrap" align="center">
          {controls}
          <ExportXlsxButton figure={exportFigure} query={exportQuery} testId={`${testId}-export`} />
        </Flex>
      )}
      style={{ height: '100%' }}
    >
      {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : children}
    </Card>
  );
}
