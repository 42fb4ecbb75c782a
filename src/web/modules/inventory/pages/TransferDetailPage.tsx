import { ArrowLeftOutlined, ImportOutlined, PrinterOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Row, Skeleton, Table, Timeline, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { TransferStatusTag } from '../components/MoveTags';
import { transfers, type Transfer, type TransferLine } from '../transfer-api';
import { useTransferActions } from '../use-transfer-actions';

const receivable = new Set(['in_transit', 'partially_received']);
const cancellable = new Set(['draft', 'in_transit', 'partially_received']);

/** 调拨单详情: header, lines with shipped / received / in transit, history; 调出, 调入 (by scanning or all), 作废, 打印. */
export default function TransferDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { can } = useSession();
  const { modal } = App.useApp();
  const q = useQuery({ queryKey: ['stock', 'transfers', 'one', id], queryFn: () => transfers.get(id), staleTime: 0 });
  const act = useTransferActions(q.data);

  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/stock/transfers')} aria-label={t('action.back')} />;
  if (q.isError) return <><PageHeader title={t('xfer.detail')} back={back} /><Alert type="error" showIcon title={errorMessage(q.error)} /></>;
  const tr = q.data;
  if (!tr) return <Skeleton active />;
  const writable = can('stock:adjust');
  const busy = (a: string) => act.isPending && act.variables === a;
  const vars = { number: tr.number, from: tr.fromWarehouseName, to: tr.toWarehouseName, n: tr.inTransit };
  const confirm = (title: string, content: string, okText: string, action: 'ship' | 'receiveAll' | 'cancel', danger = false) =>
    modal.confirm({ title, content, okText, okButtonProps: { danger }, cancelText: action === 'cancel' ? t('xfer.keep') : t('action.cancel'), onOk: () => act.mutateAsync(action).catch(() => undefined) });

  const columns: TableColumnsType<TransferLine> = [
    { title: '#', dataIndex: 'lineNo', key: 'lineNo', width: 44 },
    {
      title: t('xfer.product'), key: 'product',
      render: (_, l) => (
        <>
          <Typography.Text strong>{l.sku}</Typography.Text> {l.productName}
          {act.lineErrors.get(l.id) && <Typography.Text type="danger" style={{ display: 'block' }} data-testid="line-error">{act.lineErrors.get(l.id)}</Typography.Text>}
        </>
      ),
    },
    { title: t('xfer.quantity'), key: 'quantity', align: 'right', render: (_, l) => `${l.quantity} ${l.baseUnit}` },
    { title: t('xfer.shipped'), dataIndex: 'shipped', key: 'shipped', align: 'right' },
    { title: t('xfer.received'), dataIndex: 'received', key: 'received', align: 'right', render: (n: number) => <span data-testid="line-received">{n}</span> },
    { title: t('xfer.inTransit'), dataIndex: 'inTransit', key: 'inTransit', align: 'right', render: (n: number) => <Typography.Text strong={n > 0} data-testid="line-in-transit">{n}</Typography.Text> },
    ...(tr.lines.some((l) => l.returned) ? [{ title: t('xfer.returned'), dataIndex: 'returned', key: 'returned', align: 'right' as const }] : []),
    { title: t('xfer.unitCost'), dataIndex: 'unitCost', key: 'unitCost', align: 'right', render: (v: number, l) => (l.shipped ? formatMoney(v) : '—') },
    { title: t('xfer.costAmount'), dataIndex: 'costAmount', key: 'costAmount', align: 'right', render: (v: number, l) => (l.shipped ? formatMoney(v) : '—') },
  ];

  return (
    <>
      <PageHeader
        title={<>{tr.number} <TransferStatusTag status={tr.status} /></>}
        back={back}
        extra={
          <>
            <Button icon={<PrinterOutlined />} onClick={() => window.open(`/stock/transfers/${tr.id}/print`, '_blank')}>{t('xfer.print')}</Button>
            {writable && cancellable.has(tr.status) && (
              <Button danger icon={<StopOutlined />} loading={busy('cancel')}
                onClick={() => confirm(t('xfer.cancelTitle', vars), tr.status === 'draft' ? t('xfer.cancelDraft') : t('xfer.cancelInTransit', vars), t('xfer.cancel'), 'cancel', true)}>
                {t('xfer.cancel')}
              </Button>
            )}
            {writable && receivable.has(tr.status) && (
              <>
                <Button loading={busy('receiveAll')} onClick={() => confirm(t('xfer.receiveAllTitle', vars), t('xfer.receiveAllContent', vars), t('xfer.receiveAll'), 'receiveAll')}>{t('xfer.receiveAll')}</Button>
                <Button type="primary" icon={<ImportOutlined />} onClick={() => navigate(`/stock/transfers/${tr.id}/receive`)} data-testid="receive-scan">{t('xfer.receive')}</Button>
              </>
            )}
            {writable && tr.status === 'draft' && (
              <Button type="primary" icon={<SendOutlined />} loading={busy('ship')} onClick={() => confirm(t('xfer.shipTitle', vars), t('xfer.shipContent', vars), t('xfer.ship'), 'ship')} data-testid="ship">
                {t('xfer.ship')}
              </Button>
            )}
          </>
        }
      />
      {act.problem && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={act.problem} data-testid="action-error" />}
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
              <Descriptions.Item label={t('xfer.from')}>{tr.fromWarehouseName}</Descriptions.Item>
              <Descriptions.Item label={t('xfer.to')}>{tr.toWarehouseName}</Descriptions.Item>
              <Descriptions.Item label={t('xfer.inTransit')}><span data-testid="transfer-in-transit">{tr.inTransit}</span></Descriptions.Item>
              <Descriptions.Item label={t('xfer.costAmount')}>{formatMoney(tr.costAmount)}</Descriptions.Item>
              <Descriptions.Item label={t('xfer.maker')}>{tr.actorName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('xfer.createdAt')}>{formatDateTime(tr.createdAt)}</Descriptions.Item>
              {tr.note && <Descriptions.Item label={t('xfer.note')} span="filled">{tr.note}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card size="small" title={t('xfer.lines')} style={{ marginBottom: 16 }}>
            <Table<TransferLine> rowKey="id" size="small" columns={columns} dataSource={tr.lines} pagination={false} scroll={{ x: 'max-content' }}
              onRow={() => ({ 'data-testid': 'transfer-line' }) as React.HTMLAttributes<HTMLElement>} />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card size="small" title={t('xfer.history')} style={{ marginBottom: 16 }}>
            <History tr={tr} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** 制单 → 调出 → 调入完成 / 作废, from the transfer's own timestamps. */
function History({ tr }: { tr: Transfer }) {
  const { t } = useTranslation();
  const steps = [
    { at: tr.createdAt, text: t('xfer.historyCreated'), who: tr.actorName, color: 'blue' },
    { at: tr.shippedAt, text: `${t('xfer.historyShipped')} · ${tr.fromWarehouseName}`, color: 'blue' },
    { at: tr.receivedAt, text: `${t('xfer.historyReceived')} · ${tr.toWarehouseName}`, color: 'green' },
    { at: tr.cancelledAt, text: t('xfer.historyCancelled'), color: 'red' },
  ].filter((s) => s.at);
  return (
    <Timeline
      data-testid="transfer-history"
      items={[
        ...steps.map((s) => ({
          color: s.color,
          content: (
            <div>
              <Typography.Text strong>{s.text}</Typography.Text>
              <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{[formatDateTime(s.at), s.who].filter(Boolean).join(' · ')}</Typography.Text></div>
            </div>
          ),
        })),
        ...(tr.inTransit > 0 ? [{ color: 'gray', content: <Typography.Text>{t('xfer.inTransitTotal', { n: tr.inTransit })}</Typography.Text> }] : []),
      ]}
    />
  );
}
