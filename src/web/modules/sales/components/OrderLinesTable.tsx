import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/lib/format';
import type { SalesOrder, SalesOrderLine } from '../api';
import { bpToPercent } from '../format';

/** Base units in the line's unit when they divide evenly (2 箱), else in the base unit (30 瓶). */
export const lineQty = (base: number, l: Pick<SalesOrderLine, 'factor' | 'unitName' | 'baseUnit'>) =>
  base % l.factor === 0 ? `${base / l.factor} ${l.unitName}` : `${base} ${l.baseUnit}`;

/** An order's lines as saved: prices, tax, and what is reserved and backordered (欠货) for each. */
export function OrderLinesTable({ order, warehouseName }: { order: SalesOrder; warehouseName: (id: string) => string }) {
  const { t } = useTranslation();
  const backorders = order.lines.some((l) => l.backordered > 0);
  const columns: TableColumnsType<SalesOrderLine> = [
    { title: '#', dataIndex: 'lineNo', width: 40 },
    { title: t('sales.sku'), dataIndex: 'sku' },
    { title: t('sales.product'), dataIndex: 'productName' },
    { title: t('sales.warehouse'), dataIndex: 'warehouseId', render: warehouseName },
    { title: t('sales.quantity'), key: 'qty', align: 'right', render: (_, l) => `${l.quantity} ${l.unitName}` },
    { title: t('sales.unitPrice'), dataIndex: 'unitPrice', align: 'right', render: formatMoney },
    { title: t('sales.discount'), dataIndex: 'discountBp', align: 'right', render: (bp: number) => (bp ? bpToPercent(bp) : '') },
    { title: t('sales.taxRate'), dataIndex: 'taxRate', align: 'right', render: (r: number) => `${r}%` },
    { title: t('sales.tax'), dataIndex: 'tax', align: 'right', render: formatMoney },
    { title: t('sales.lineTotal'), dataIndex: 'total', align: 'right', render: formatMoney },
    {
      title: t('sales.reserved'),
      key: 'reserved',
      align: 'right',
      render: (_, l) => (
        <Typography.Text type={l.reserved >= l.baseQuantity ? 'success' : 'secondary'} data-testid="line-reserved">
          {lineQty(l.reserved, l)}
        </Typography.Text>
      ),
    },
    ...(backorders
      ? [{
        title: t('sales.backordered'),
        key: 'backordered',
        align: 'right' as const,
        render: (_: unknown, l: SalesOrderLine) => (
          <Typography.Text type={l.backordered > 0 ? 'danger' : 'secondary'} strong={l.backordered > 0} data-testid="line-backordered">
            {l.backordered > 0 ? lineQty(l.backordered, l) : '—'}
          </Typography.Text>
        ),
      }]
      : []),
  ];
  return <Table<SalesOrderLine> rowKey="id" size="small" pagination={false} columns={columns} dataSource={order.lines} scroll={{ x: 'max-content' }} data-testid="order-lines" />;
}
