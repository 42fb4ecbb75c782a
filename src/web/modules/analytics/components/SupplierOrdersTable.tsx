import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../shared/lib/errors';
import type { AnalyticsFilters } from '../api';
import { stockAnalytics, type SupplierOrder } from '../api-stock';
import { ExportXlsxButton } from './FigureCard';

/** The purchase orders and receipts behind a supplier's KPIs, each order linking to its page. */
export function SupplierOrdersTable({ filters, supplierId }: { filters: AnalyticsFilters; supplierId: string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['analytics', 'drill-supplier', filters, supplierId], queryFn: () => stockAnalytics.supplierOrders(filters, supplierId) });
  const columns: ColumnsType<SupplierOrder> = [
    { title: t('ana.drill.order'), dataIndex: 'number', width: 170, render: (n: string, r) => <Link to={`/purchase-orders/${r.orderId}`}>{n}</Link> },
    { title: t('ana.drill.orderDay'), dataIndex: 'orderDate', width: 110 },
    { title: t('ana.suppliers.expected'), dataIndex: 'expectedDate', width: 110 },
    { title: t('ana.suppliers.ordered'), dataIndex: 'ordered', align: 'right', width: 80 },
    { title: t('ana.suppliers.received'), dataIndex: 'received', align: 'right', width: 80 },
    {
      title: t('ana.suppliers.receipts'), key: 'receipts',
      render: (_, r) => r.receipts.map((x) => (
        <Tag key={x.receiptId} color={x.onTime === false ? 'red' : x.onTime ? 'green' : undefined}>{x.number} {x.day}{t('ana.p.open')}{t('ana.fulfilment.days', { value: x.leadDays })}{t('ana.p.close')}</Tag>
      )),
    },
  ];
  if (q.isError) return <Alert type="error" showIcon title={errorMessage(q.error)} />;
  const items = q.data?.items ?? [];
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text data-testid="drill-total">
          {t('ana.drill.total')}{t('ana.p.colon')}{t('ana.suppliers.orders')} <b>{items.length}</b>{t('ana.p.comma')}{t('ana.suppliers.ordered')} {items.reduce((s, o) => s + o.ordered, 0)}{t('ana.p.comma')}
          {t('ana.suppliers.received')} {items.reduce((s, o) => s + o.received, 0)}
        </Typography.Text>
        <ExportXlsxButton figure="supplier-orders" query={{ ...filters, supplierId }} testId="drill-export" />
      </Flex>
      <Table<SupplierOrder> size="small" rowKey="orderId" loading={q.isFetching} columns={columns} dataSource={items} scroll={{ x: 800 }} data-testid="drill-table" pagination={{ pageSize: 20 }} />
    </>
  );
}
