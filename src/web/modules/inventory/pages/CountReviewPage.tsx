import { ArrowLeftOutlined, AuditOutlined, BarcodeOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Radio, Row, Skeleton, Statistic, Switch, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { newIdempotencyKey } from '../../../shared/api/idempotency';
import { useSession } from '../../../shared/auth/session';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { stockCounts, type Uncounted, type VarianceLine, type Variances } from '../count-api';
import { CountScopeText } from '../components/CountScope';
import { SignedQuantity } from '../components/Kinds';
import { CountStatusTag, OutcomeTag } from '../components/MoveTags';

/**
 * 盘点单 and its variances: every line at once with 账面数量 / 实盘数量 / 差异 / 差异金额 and the totals,
 * then 审核过账 after a confirm (gains and losses post at moving-average cost). Approved: what was posted, read-only.
 */
export default function CountReviewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const [onlyDiff, setOnlyDiff] = useState(true);
  const [uncounted, setUncounted] = useState<Uncounted>('skip');
  const approveKey = useRef(newIdempotencyKey());
  const writable = can('stock:adjust');
  const head = useQuery({ queryKey: ['stock', 'counts', 'one', id], queryFn: () => stockCounts.get(id), staleTime: 0 });
  const query = { only: onlyDiff ? ('differences' as const) : ('all' as const), uncounted };
  const vs = useQuery({ queryKey: ['stock', 'counts', 'variances', id, query], queryFn: () => stockCounts.variances(id, query), enabled: writable, staleTime: 0 });

  const refresh = () => qc.invalidateQueries({ queryKey: ['stock'] });
  const approve = useMutation({
    mutationFn: () => stockCounts.approve(id, uncounted, approveKey.current),
    onSuccess: async (c) => {
      approveKey.current = newIdempotencyKey();
      message.success(t('cnt.approved', { number: c.number }));
      await refresh();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const cancel = useMutation({
    mutationFn: () => stockCounts.cancel(id),
    onSuccess: async (c) => {
      message.success(t('cnt.cancelled', { number: c.number }));
      await refresh();
    },
    onError: (e) => message.error(errorMessage(e)),
  });

  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/stock/counts')} aria-label={t('action.back')} />;
  const error = head.error ?? vs.error;
  if (error) return <><PageHeader title={t('cnt.title')} back={back} /><Alert type="error" showIcon title={errorMessage(error)} /></>;
  const c = head.data;
  if (!c) return <Skeleton active />;
  const counting = c.status === 'counting';

  const confirmApprove = (v: Variances) =>
    modal.confirm({
      title: t('cnt.approveTitle', { number: c.number }),
      content: (
        <div data-testid="approve-summary">
          {t('cnt.approveContent', {
            gain: formatMoney(v.totals.gainValue), gainQty: v.totals.gainQuantity, loss: formatMoney(v.totals.lossValue), lossQty: v.totals.lossQuantity, net: formatMoney(v.totals.netValue),
          })}
          {uncounted === 'zero' && v.totals.uncounted > 0 && <div>{t('cnt.approveUncountedZero', { n: v.totals.uncounted })}</div>}
        </div>
      ),
      okText: t('cnt.approve'),
      cancelText: t('action.cancel'),
      onOk: () => approve.mutateAsync().catch(() => undefined),
    });
  const confirmCancel = () =>
    modal.confirm({
      title: t('cnt.cancelTitle', { number: c.number }),
      content: t('cnt.cancelContent'),
      okText: t('cnt.cancel'),
      okButtonProps: { danger: true },
      cancelText: t('cnt.keep'),
      onOk: () => cancel.mutateAsync().catch(() => undefined),
    });

  return (
    <>
      <PageHeader
        title={<>{c.number} <CountStatusTag status={c.status} /></>}
        back={back}
        extra={writable && counting && (
          <>
            <Button danger icon={<StopOutlined />} loading={cancel.isPending} onClick={confirmCancel}>{t('cnt.cancel')}</Button>
            <Button icon={<BarcodeOutlined />} onClick={() => navigate(`/stock/counts/${id}/scan`)} data-testid="count-scan">{t('cnt.scan')}</Button>
            <Button type="primary" icon={<AuditOutlined />} disabled={!vs.data} loading={approve.isPending} onClick={() => vs.data && confirmApprove(vs.data)} data-testid="count-approve">{t('cnt.approve')}</Button>
          </>
        )}
      />
      {c.status === 'approved' && <Alert type="success" showIcon style={{ marginBottom: 16 }} data-testid="count-approved" title={t('cnt.approvedInfo', { at: formatDateTime(c.approvedAt), by: c.approvedBy ?? '' })} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('cnt.warehouse')}>{c.warehouseName}</Descriptions.Item>
          <Descriptions.Item label={t('cnt.scope')}><CountScopeText count={c} /></Descriptions.Item>
          <Descriptions.Item label={t('cnt.countedLines')}>{c.countedLines} / {c.lineCount}</Descriptions.Item>
          <Descriptions.Item label={t('cnt.snapshotAt')}>{formatDateTime(c.snapshotAt)}</Descriptions.Item>
          <Descriptions.Item label={t('cnt.maker')}>{c.actorName ?? '—'}</Descriptions.Item>
          {c.approvedAt && <Descriptions.Item label={t('cnt.approvedAt')}>{formatDateTime(c.approvedAt)} {c.approvedBy}</Descriptions.Item>}
          {c.cancelledAt && <Descriptions.Item label={t('cnt.cancelledAt')}>{formatDateTime(c.cancelledAt)}</Descriptions.Item>}
          {c.note && <Descriptions.Item label={t('cnt.note')} span="filled">{c.note}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {!writable ? (
        <Alert type="info" showIcon title={t('cnt.readOnlyHint')} />
      ) : (
        <Variance title={t(counting ? 'cnt.review' : 'cnt.result')} data={vs.data} loading={vs.isFetching} onlyDiff={onlyDiff} onOnlyDiff={setOnlyDiff} uncounted={uncounted} onUncounted={counting ? setUncounted : undefined} />
      )}
    </>
  );
}

type VarianceProps = {
  title: string; data: Variances | undefined; loading: boolean; onlyDiff: boolean; onOnlyDiff: (v: boolean) => void;
  uncounted: Uncounted; /** Absent once approved: what was posted cannot change. */ onUncounted?: (v: Uncounted) => void;
};

/** The totals and every variance line. */
function Variance({ title, data, loading, onlyDiff, onOnlyDiff, uncounted, onUncounted }: VarianceProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<VarianceLine> = [
    { title: t('cnt.sku'), dataIndex: 'sku', key: 'sku' },
    { title: t('cnt.product'), dataIndex: 'productName', key: 'productName' },
    {
      title: t('cnt.book'), dataIndex: 'expected', key: 'expected', align: 'right',
      render: (n: number, l) => (l.movements ? <Tooltip title={`${t('cnt.snapshot')} ${l.snapshot} · ${t('cnt.movements')} ${l.movements > 0 ? '+' : ''}${l.movements}`}><span data-testid="book">{n}</span></Tooltip> : <span data-testid="book">{n}</span>),
    },
    { title: t('cnt.actual'), dataIndex: 'counted', key: 'counted', align: 'right', render: (n: number | null) => <span data-testid="actual">{n ?? '—'}</span> },
    { title: t('cnt.variance'), dataIndex: 'variance', key: 'variance', align: 'right', render: (n: number | null, l) => (n === null ? '—' : <SignedQuantity n={n} unit={l.baseUnit} />) },
    { title: t('cnt.unitCost'), dataIndex: 'unitCost', key: 'unitCost', align: 'right', render: formatMoney },
    {
      title: t('cnt.value'), dataIndex: 'value', key: 'value', align: 'right',
      render: (v: number | null) => (v === null ? '—' : <Typography.Text type={v > 0 ? 'success' : v < 0 ? 'danger' : undefined} data-testid="variance-value">{formatMoney(v)}</Typography.Text>),
    },
    { title: t('cnt.outcome'), dataIndex: 'outcome', key: 'outcome', render: (o: VarianceLine['outcome']) => <OutcomeTag outcome={o} /> },
  ];
  const s = data?.totals;
  return (
    <>
      {s && (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="variance-totals">
          <Row gutter={[16, 12]}>
            <Col xs={12} md={6}><Statistic title={t('cnt.totals.lines')} value={s.lines} suffix={<Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('cnt.totals.counted')} {s.counted} · {t('cnt.totals.uncounted')} {s.uncounted}</Typography.Text>} /></Col>
            <Col xs={12} md={6}><Statistic title={t('cnt.totals.gain')} value={formatMoney(s.gainValue)} styles={{ content: { color: '#389e0d' } }} suffix={<Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('cnt.totals.qty', { n: s.gainQuantity, lines: s.gains })}</Typography.Text>} /></Col>
            <Col xs={12} md={6}><Statistic title={t('cnt.totals.loss')} value={formatMoney(-s.lossValue)} styles={{ content: { color: '#cf1322' } }} suffix={<Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('cnt.totals.qty', { n: s.lossQuantity, lines: s.losses })}</Typography.Text>} /></Col>
            <Col xs={12} md={6}><Statistic title={t('cnt.totals.net')} value={formatMoney(s.netValue)} /></Col>
          </Row>
        </Card>
      )}
      <Card
        size="small"
        title={title}
        extra={
          <Flex gap={16} wrap="wrap" align="center">
            {onUncounted && (
              <span>
                {t('cnt.uncounted')}{' '}
                <Radio.Group size="small" optionType="button" value={uncounted} onChange={(e) => onUncounted(e.target.value as Uncounted)}
                  options={[{ value: 'skip', label: t('cnt.uncountedSkip') }, { value: 'zero', label: t('cnt.uncountedZero') }]} />
              </span>
            )}
            <span>
              <Switch size="small" checked={onlyDiff} onChange={onOnlyDiff} aria-label={t('cnt.onlyDifferences')} /> {t('cnt.onlyDifferences')}
            </span>
          </Flex>
        }
      >
        <Table<VarianceLine>
          rowKey="productId"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={(data?.items.length ?? 0) > 200 ? { pageSize: 200, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('cnt.noDifferences') }}
          onRow={() => ({ 'data-testid': 'variance-line' }) as React.HTMLAttributes<HTMLElement>}
        />
      </Card>
    </>
  );
}
