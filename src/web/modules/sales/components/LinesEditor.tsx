import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Grid, InputNumber, Select, Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PricedLine } from '../../../../server/modules/sales/pricing';
import { MoneyInput } from '../../../shared/components/form-parts';
import { formatMoney, yuanToFen } from '../../../shared/lib/format';
import type { Warehouse } from '../../warehouses/api';
import { baseNeededByOthers, lineWarehouse, unitsOf, type Draft, type DraftLine } from '../order-draft';
import { LineAvailability } from './LineAvailability';

type Props = {
  draft: Draft;
  orderWarehouse: string;
  warehouses: Warehouse[];
  priced: PricedLine[];
  /** Lines the server found short on the last try. */
  shortKeys: Set<string>;
  /** Base units the order being edited holds there now (released and reserved again on saving). */
  held?: (productId: string, warehouseId: string) => number;
  onChange: (key: string, patch: Partial<DraftLine>) => void;
  onRemove: (key: string) => void;
};

type Cells = Record<'product' | 'unit' | 'quantity' | 'available' | 'price' | 'discount' | 'warehouse' | 'total' | 'remove', ReactNode>;

/** The inputs of one line; the table (desktop) and the cards (phone) lay out the same cells. */
function useCells({ draft, orderWarehouse, warehouses, priced, shortKeys, held, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  return (l: DraftLine, i: number): Cells => {
    const p = l.product;
    const wh = lineWarehouse(l, orderWarehouse);
    const need = (l.quantity ?? 0) * l.factor + baseNeededByOthers(draft, l, orderWarehouse);
    const n = i + 1;
    return {
      product: (
        <div style={{ minWidth: 140 }}>
          <Typography.Text strong>{p.sku}</Typography.Text> {p.name}
          {p.spec && <Typography.Text type="secondary"> {p.spec}</Typography.Text>}
        </div>
      ),
      unit: (
        <Select
          value={l.unit}
          onChange={(unit) => onChange(l.key, { unit })}
          options={unitsOf(p).map((u) => ({ value: u.name, label: u.factor === 1 ? u.name : `${u.name} (${u.factor}${p.baseUnit})` }))}
          aria-label={`${t('sales.unit')} ${n}`}
          popupMatchSelectWidth={false}
          style={{ width: 100 }}
        />
      ),
      quantity: (
        <InputNumber<number>
          value={l.quantity}
          min={1}
          precision={0}
          status={shortKeys.has(l.key) || !l.quantity ? 'error' : undefined}
          onChange={(v) => onChange(l.key, { quantity: v })}
          aria-label={`${t('sales.quantity')} ${n}`}
          data-line-key={l.key}
          data-line-field="quantity"
          style={{ width: 80 }}
        />
      ),
      available: <LineAvailability productId={p.id} warehouseId={wh} baseUnit={p.baseUnit} need={need} held={held?.(p.id, wh) ?? 0} />,
      price: (
        <MoneyInput
          value={l.unitPrice / 100}
          onChange={(v) => onChange(l.key, { unitPrice: yuanToFen(v) ?? 0, priceEdited: true })}
          aria-label={`${t('sales.unitPrice')} ${n}`}
          style={{ width: 108 }}
        />
      ),
      discount: (
        <InputNumber<number>
          value={l.discountPercent}
          min={0}
          max={100}
          precision={2}
          suffix="%"
          onChange={(v) => onChange(l.key, { discountPercent: v })}
          aria-label={`${t('sales.discountPercent')} ${n}`}
          data-line-last
          style={{ width: 80 }}
        />
      ),
      warehouse: (
        <Select
          value={wh || undefined}
          onChange={(w) => onChange(l.key, { warehouseId: w })}
          options={warehouses.map((w) => ({ value: w.id, label: w.name }))}
          aria-label={`${t('sales.warehouse')} ${n}`}
          popupMatchSelectWidth={false}
          style={{ width: 104 }}
        />
      ),
      total: <span data-testid="line-total" style={{ whiteSpace: 'nowrap' }}>{formatMoney(priced[i]?.total ?? 0)}</span>,
      remove: <Button type="text" danger icon={<DeleteOutlined />} onClick={() => onRemove(l.key)} aria-label={`${t('sales.removeLine')} ${n}`} tabIndex={-1} />,
    };
  };
}

/** The order's lines: a grid on desktops, one card per line on phones. */
export function LinesEditor(props: Props) {
  const { t } = useTranslation();
  // Below xl the grid would squeeze the product names: one card per line instead.
  const cardsLayout = Grid.useBreakpoint().xl === false;
  const cells = useCells(props);
  const lines = props.draft.lines;
  if (lines.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sales.noLines')} />;
  if (cardsLayout) {
    return (
      <Flex vertical gap={8}>
        {lines.map((l, i) => {
          const c = cells(l, i);
          const labelled = (label: string, node: ReactNode) => (
            <Flex vertical gap={2}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{label}</Typography.Text>
              {node}
            </Flex>
          );
          return (
            <Card
              key={l.key}
              size="small"
              data-testid="order-line"
              title={<span style={{ whiteSpace: 'normal' }}>{i + 1}. <Typography.Text strong>{l.product.sku}</Typography.Text> {l.product.name}</span>}
              extra={c.remove}
            >
              <Flex wrap="wrap" gap={8} align="flex-end">
                {labelled(t('sales.unit'), c.unit)}
                {labelled(t('sales.quantity'), c.quantity)}
                {labelled(t('sales.unitPrice'), c.price)}
                {labelled(t('sales.discountPercent'), c.discount)}
                {labelled(t('sales.warehouse'), c.warehouse)}
              </Flex>
              <Flex justify="space-between" style={{ marginTop: 8 }}>
                {c.available}
                <Typography.Text strong>{c.total}</Typography.Text>
              </Flex>
            </Card>
          );
        })}
      </Flex>
    );
  }
  const col = (key: keyof Cells, title: string, extra: object = {}) => ({ key, title, render: (_: unknown, l: DraftLine, i: number) => cells(l, i)[key], ...extra });
  const columns: TableColumnsType<DraftLine> = [
    { key: 'no', title: '#', width: 40, render: (_, __, i) => i + 1 },
    col('product', t('sales.product')),
    col('unit', t('sales.unit')),
    {
      key: 'quantity',
      title: t('sales.quantity'),
      render: (_, l, i) => {
        const c = cells(l, i);
        return <Flex vertical gap={2}>{c.quantity}<span style={{ fontSize: 12 }}>{c.available}</span></Flex>;
      },
    },
    col('price', t('sales.unitPrice')),
    col('discount', t('sales.discountPercent')),
    col('warehouse', t('sales.warehouse')),
    col('total', t('sales.lineTotal'), { align: 'right', onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }) }),
    col('remove', '', { width: 48 }),
  ];
  return (
    <Table<DraftLine>
      rowKey="key"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={lines}
      onRow={() => ({ 'data-testid': 'order-line' }) as HTMLAttributes<HTMLElement>}
    />
  );
}
