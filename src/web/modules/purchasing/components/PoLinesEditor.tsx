import { DeleteOutlined } from '@ant-design/icons';
import { Button, Empty, InputNumber, Select, Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { PricedLine } from '../../../../server/modules/sales/pricing';
import { MoneyInput } from '../../../shared/components/form-parts';
import { formatMoney, yuanToFen } from '../../../shared/lib/format';
import { unitsOf, type PoLine } from '../po-draft';
import { LineStock } from './LineStock';

type Props = { lines: PoLine[]; warehouseId?: string; priced: PricedLine[]; onChange: (key: string, patch: Partial<PoLine>) => void; onRemove: (key: string) => void };

/** The order's lines: product, pack unit, quantity, price (defaulted, editable), VAT and total; scrolls sideways on a phone. */
export function PoLinesEditor({ lines, warehouseId, priced, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  if (!lines.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pur.noLines')} />;
  const columns: TableColumnsType<PoLine> = [
    { key: 'no', title: '#', width: 40, render: (_, __, i) => i + 1 },
    {
      key: 'product', title: t('pur.product'),
      render: (_, l) => <div style={{ minWidth: 140 }}><Typography.Text strong>{l.product.sku}</Typography.Text> {l.product.name}{l.product.spec && <Typography.Text type="secondary"> {l.product.spec}</Typography.Text>}
        <div><LineStock productId={l.product.id} warehouseId={warehouseId} baseUnit={l.product.baseUnit} /></div>
      </div>,
    },
    {
      key: 'unit', title: t('pur.unit'),
      render: (_, l, i) => (
        <Select
          value={l.unit}
          onChange={(unit) => onChange(l.key, { unit })}
          options={unitsOf(l.product).map((u) => ({ value: u.name, label: u.factor === 1 ? u.name : `${u.name} (${u.factor}${l.product.baseUnit})` }))}
          aria-label={`${t('pur.unit')} ${i + 1}`}
          popupMatchSelectWidth={false}
          style={{ width: 110 }}
        />
      ),
    },
    {
      key: 'quantity', title: t('pur.quantity'),
      render: (_, l, i) => (
        <InputNumber<number>
          value={l.quantity}
          min={1}
          precision={0}
          status={l.quantity ? undefined : 'error'}
          onChange={(v) => onChange(l.key, { quantity: v })}
          aria-label={`${t('pur.quantity')} ${i + 1}`}
          data-line-key={l.key}
          style={{ width: 84 }}
        />
      ),
    },
    {
      key: 'price', title: t('pur.unitPrice'),
      render: (_, l, i) => (
        <MoneyInput
          value={l.unitPrice / 100}
          onChange={(v) => onChange(l.key, { unitPrice: yuanToFen(v) ?? 0, priceEdited: true })}
          aria-label={`${t('pur.unitPrice')} ${i + 1}`}
          data-line-last
          style={{ width: 112 }}
        />
      ),
    },
    { key: 'tax', title: t('pur.taxRate'), render: (_, l) => `${l.product.taxRate}%` },
    { key: 'total', title: t('pur.lineTotal'), align: 'right', render: (_, __, i) => <span data-testid="line-total" style={{ whiteSpace: 'nowrap' }}>{formatMoney(priced[i]?.total ?? 0)}</span> },
    { key: 'remove', width: 48, render: (_, l, i) => <Button type="text" danger icon={<DeleteOutlined />} onClick={() => onRemove(l.key)} aria-label={t('pur.removeLine', { n: i + 1 })} tabIndex={-1} /> },
  ];
  return (
    <Table<PoLine>
      rowKey="key"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={lines}
      scroll={{ x: 'max-content' }}
      onRow={() => ({ 'data-testid': 'po-line' }) as HTMLAttributes<HTMLElement>}
    />
  );
}
