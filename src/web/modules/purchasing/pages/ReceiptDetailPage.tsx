import { ArrowLeftOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { purchaseReceipts, type ReceiptLine } from '../api';
import { PoStatusTag } from '../components/PoStatusTag';
import { useReceiptReturns } from '../use-receipt-returns';

/** 采购入库单详情: header, the order and its status now, lines with bin, cost and what went back; 退货, and the returns made. */
export default function ReceiptDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { can } = useSession();
  const q = useQuery({ queryKey: ['purchaseReceipts', 'one', id], queryFn: () => purchaseReceipts.get(id) });
  const { returns, returned } = useReceiptReturns(id);
  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/purchase-receipts')} aria-label={t('action.back')} />;
  if (q.isError) return <><PageHeader title={t('rct.detail')} back={back} /><Alert type="error" showIcon title={errorMessage(q.error)} /></>;
  const r = q.data;
  if (!r) return <Skeleton active />;
  const columns: TableColumnsType<ReceiptLine> = [
    { key: 'no', title: '#', dataIndex: 'lineNo', width: 40 },
    { key: 'product', title: t('pur.product'), render: (_, l) => <><Typography.Text strong>{l.sku}</Typography.Text> {l.productName}</> },
    { key: 'quantity', title: t('pur.quantity'), align: 'right', render: (_, l) => `${l.quantity} ${l.unitName}${l.factor > 1 ? ` (${l.baseQuantity}${l.baseUnit})` : ''}` },
    { key: 'bin', title: t('rct.bin'), render: (_, l) => l.binCode ?? '—' },
    { key: 'unitCost', title: t('rct.unitCost'), align: 'right', render: (_, l) => `${formatMoney(l.unitCost)}/${l.baseUnit}` },
    { key: 'costAmount', title: t('rct.costAmount'), align: 'right', render: (_, l) => formatMoney(l.costAmount) },
    ...(returns.length ? [{ key: 'returned', title: t('prt.returnedBefore'), align: 'right' as const, render: (_: unknown, l: ReceiptLine) => <span data-testid="line-returned">{returned.get(l.id) ?? 0}</span> }] : []),
  ];
  const returnable = can('purchasing:write') && !!r.supplierId && r.lines.some((l) => l.baseQuantity > (returned.get(l.id) ?? 0));
  return (
    <>
      <PageHeader
        title={r.number}
        back={back}
        extra={returnable && <Button icon={<RollbackOutlined />} onClick={() => navigate(`/purchase-receipts/${r.id}/return`)}>{t('prt.returnAction')}</Button>}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('rct.kind')}>{t(`rct.kinds.${r.kind}`)}</Descriptions.Item>
          {r.orderId && <Descriptions.Item label={t('rct.order')}><Link to={`/purchase-orders/${r.orderId}`}>{r.orderNumber}</Link>{r.orderStatus && <> <PoStatusTag status={r.orderStatus} /></>}</Descriptions.Item>}
          <Descriptions.Item label={t('rct.supplier')}>{r.supplierName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('rct.warehouse')}>{r.warehouseName}</Descriptions.Item>
          <Descriptions.Item label={t('rct.costAmount')}>{formatMoney(r.costAmount)}</Descriptions.Item>
          <Descriptions.Item label={t('rct.maker')}>{r.actorName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('rct.createdAt')}>{formatDateTime(r.createdAt)}</Descriptions.Item>
          {r.note && <Descriptions.Item label={t('rcv.note')} span="filled">{r.note}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small">
        <Table<ReceiptLine> rowKey="id" size="small" pagination={false} columns={columns} dataSource={r.lines} scroll={{ x: 'max-content' }} />
      </Card>
      {returns.length > 0 && (
        <Card size="small" title={t('prt.returns')} style={{ marginTop: 16 }} data-testid="receipt-returns">
          {returns.map((x) => (
            <div key={x.id}>
              <Link to={`/purchase-returns/${x.id}`}>{x.number}</Link> {formatDateTime(x.createdAt)} · {t('prt.creditTotal')} {formatMoney(x.creditTotal)}{x.reason ? ` · ${x.reason}` : ''}
            </div>
          ))}
        </Card>
      )}
    </>
  );
}
