import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { purchaseReturns, type PurchaseReturnLine } from '../api';

/** 采购退货单详情: the receipt it returns against, the payable credited, the lines with receipt cost and credit; 打印. */
export default function PurchaseReturnDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = useQuery({ queryKey: ['purchaseReturns', 'one', id], queryFn: () => purchaseReturns.get(id) });
  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/purchase-returns')} aria-label={t('action.back')} />;
  if (q.isError) return <><PageHeader title={t('prt.detail')} back={back} /><Alert type="error" showIcon title={errorMessage(q.error)} /></>;
  const r = q.data;
  if (!r) return <Skeleton active />;
  const columns: TableColumnsType<PurchaseReturnLine> = [
    { key: 'no', title: '#', dataIndex: 'lineNo', width: 40 },
    { key: 'product', title: t('pur.product'), render: (_, l) => <><Typography.Text strong>{l.sku}</Typography.Text> {l.productName}</> },
    { key: 'quantity', title: t('prt.quantity'), align: 'right', render: (_, l) => <span data-testid="return-qty">{`${l.quantity} ${l.unitName}${l.factor > 1 ? ` (${l.baseQuantity}${l.baseUnit})` : ''}`}</span> },
    { key: 'unitCost', title: t('prt.unitCost'), align: 'right', render: (_, l) => `${formatMoney(l.unitCost)}/${l.baseUnit}` },
    { key: 'credit', title: t('prt.creditAmount'), align: 'right', render: (_, l) => formatMoney(l.creditAmount) },
    { key: 'cost', title: t('prt.costAmount'), align: 'right', render: (_, l) => formatMoney(l.costAmount) },
  ];
  return (
    <>
      <PageHeader
        title={<>{t('prt.detail')} {r.number}</>}
        back={back}
        extra={<Button icon={<PrinterOutlined />} onClick={() => window.open(`/purchase-returns/${r.id}/print`, '_blank')}>{t('prt.print')}</Button>}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('prt.receipt')}><Link to={`/purchase-receipts/${r.receiptId}`}>{r.receiptNumber}</Link></Descriptions.Item>
          <Descriptions.Item label={t('prt.supplier')}><Link to={`/payables?supplierId=${r.supplierId}`}>{r.supplierName}</Link></Descriptions.Item>
          <Descriptions.Item label={t('prt.warehouse')}>{r.warehouseName}</Descriptions.Item>
          <Descriptions.Item label={t('prt.creditTotal')}><span data-testid="credit-total">{formatMoney(r.creditTotal)}</span></Descriptions.Item>
          <Descriptions.Item label={t('prt.creditNet')}>{formatMoney(r.creditNet)}</Descriptions.Item>
          <Descriptions.Item label={t('prt.creditTax')}>{formatMoney(r.creditTax)}</Descriptions.Item>
          <Descriptions.Item label={t('prt.maker')}>{r.actorName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('prt.createdAt')}>{formatDateTime(r.createdAt)}</Descriptions.Item>
          {r.reason && <Descriptions.Item label={t('prt.reason')} span="filled">{r.reason}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small">
        <Table<PurchaseReturnLine> rowKey="id" size="small" pagination={false} columns={columns} dataSource={r.lines} scroll={{ x: 'max-content' }} />
      </Card>
    </>
  );
}
