import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/lib/format';
import type { AccuracyPage, Breakdown } from '../api';
import { formatWape } from '../forecast-view';
import { DemandClassTag, useMethodName, WapeTag } from './ForecastTags';

function BreakdownTable({ rows, title, column, name, testId }: { rows: Breakdown[]; title: string; column: string; name: (key: string) => React.ReactNode; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Table<Breakdown>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('fc.empty') }}
        columns={[
          { key: 'key', title: column, render: (_, r) => name(r.key) },
          { key: 'series', title: t('fc.series'), dataIndex: 'series', align: 'right' },
          { key: 'wape', title: t('fc.wape'), align: 'right', render: (_, r) => <WapeTag wape={r.wape} /> },
        ]}
      />
    </Card>
  );
}

/** The top of 需求预测: overall WAPE (defined on hover), last run, series count, and WAPE by method and by demand class. */
export function AccuracySummary({ data }: { data: AccuracyPage | undefined }) {
  const { t } = useTranslation();
  const methodName = useMethodName();
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic
              title={<>{t('fc.overallWape')} <Tooltip title={t('fc.wapeHelp')}><QuestionCircleOutlined aria-label={t('fc.wapeHelp')} /></Tooltip></>}
              valueRender={() => <span data-testid="overall-wape">{formatWape(data?.overallWape)}</span>}
            />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic title={t('fc.lastRun')} valueRender={() => <span data-testid="last-run" style={{ fontSize: 18 }}>{data?.computedAt ? formatDateTime(data.computedAt) : t('fc.neverRun')}</span>} />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic title={t('fc.seriesCount')} valueRender={() => <span data-testid="series-count">{t('fc.seriesUnit', { n: data?.total ?? 0 })}</span>} />
          </Card>
        </Col>
      </Row>
      {data && data.total === 0 && <Typography.Paragraph type="secondary">{t('fc.notRunHint')}</Typography.Paragraph>}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <BreakdownTable rows={data?.byMethod ?? []} title={t('fc.byMethod')} column={t('fc.method')} name={methodName} testId="by-method" />
        </Col>
        <Col xs={24} lg={12}>
          <BreakdownTable rows={data?.byClass ?? []} title={t('fc.byClass')} column={t('fc.demandClass')} name={(k) => <DemandClassTag value={k} />} testId="by-class" />
        </Col>
      </Row>
    </>
  );
}
