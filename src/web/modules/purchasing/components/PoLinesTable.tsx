import { Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/lib/format';
import type { PurchaseOrder, PurchaseOrderLine } from '../api';

/** Base units as the line's pack unit where whole (2 箱), else with the base unit (30 瓶). */
export function packQty(base: number, l: Pick<PurchaseOrderLine, 'factor' | 'unitName' | 'baseUnit'>): string {
  if (l.factor > 1 && base % l.factor === 0) return `${base / l.factor} ${l.unitName}`;
  return `${base} ${l.baseUnit}`;
}

/** An order's lines with what has come in (已入库) and what is still on the way (在途). */
export function PoLinesTable({ order, warehouseName }: { order: PurchaseOrder; warehouseName: (id: string) => string }) {
  const { t } = useTranslation();
  const multiWarehouse = order.lines.some((l) => l.warehouseId !== order.warehouseId);
  const columns: TableColumnsType<PurchaseOrderLine> = [
    { key: 'no', title: '#', dataIndex: 'lineNo', width: 40 },
    { key: 'product', title: t('pur.product'), render: (_, l) => <><Typography.Text strong>{l.sku}</Typography.Text> {l.productName}</> },
    { key: 'quantity', title: t('pur.quantity'), align: 'right', render: (_, l) => <span style={{ whiteSpace: 'nowrap' }}>{l.quantity} {l.unitName}{l.factor > 1 && <Typography.Text type="secondary"> ({l.baseQuantity}{l.baseUnit})</Typography.Text>}</span> },
    { key: 'unitPrice', title: t('pur.unitPrice'), align: 'right', render: (_, l) => formatMoney(l.unitPrice) },
    { key: 'taxRate', title: t('pur.taxRate'), align: 'right', render: (_, l) => `${l.taxRate}%` },
    { key: 'total', title: t('pur.lineTotal'), align: 'right', render: (_, l) => formatMoney(l.total) },
    { key: 'received', title: t('pur.received'), align: 'right', render: (_, l) => <span data-testid="line-received">{packQty(l.received, l)}</span> },
    {
      key: 'open', title: t('pur.incoming'), align: 'right',
      render: (_, l) => l.open > 0 ? (
        <Tooltip title={l.expectedDate || order.expectedDate ? `${t('pur.expectedShort')} ${l.expectedDate ?? order.expectedDate}` : undefined}>
          <Typography.Text type="warning" data-testid="line-incoming">{packQty(l.open, l)}</Typography.Text>
        </Tooltip>
      ) : '—',
    },
    ...(multiWarehouse ? [{ key: 'warehouse', title: t('pur.warehouse'), render: (_: unknown, l: PurchaseOrderLine) => warehouseName(l.warehouseId) }] : []),
  ];
  return (
    <Table<PurchaseOrderLine>
      rowKey="id"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={order.lines}
      scroll={{ x: 'max-content' }}
      onRow={() => ({ 'data-testid': 'po-line' }) as HTMLAttributes<HTMLElement>}
    />
  );
}
