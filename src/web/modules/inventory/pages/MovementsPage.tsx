import { ArrowLeftOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Grid, Typography, theme, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DataTable } from '../../../shared/components/DataTable';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { products } from '../../catalog/api';
import { ProductSelect } from '../../catalog/components/ProductSelect';
import { stock, type Movement } from '../api';
import { MovementKindTag, SignedQuantity } from '../components/Kinds';
import { useProductStock } from '../components/LineStock';
import { PhoneList } from '../components/PhoneList';
import { WarehouseSelect } from '../components/WarehouseSelect';

/** The document a movement came from, as a link when we have a screen for it. */
function Source({ m }: { m: Movement }) {
  const text = m.sourceNumber ?? '';
  return m.sourceType === 'stock_adjustment' ? <Link to={`/stock/adjustments?open=${m.sourceId}`} onClick={(e) => e.stopPropagation()}>{text}</Link> : <>{text}</>;
}

/** 库存流水: one product's movements, newest first, with the running balance (结存) per warehouse. */
export default function MovementsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const { token } = theme.useToken();
  const list = useListParams(['productId', 'warehouseId'], { pageSize: 50 });
  const { productId, warehouseId } = list.params.filters;
  const product = useQuery({ queryKey: ['products', 'one', productId], queryFn: () => products.get(productId!), enabled: !!productId });
  const levels = useProductStock(productId);
  const result = useQuery({ queryKey: ['stock', 'movements', list.query], queryFn: () => stock.movements(list.query), enabled: !!productId, placeholderData: keepPreviousData });
  const unit = product.data?.baseUnit ?? '';

  const columns: TableColumnsType<Movement> = [
    { title: t('stock.movements.at'), dataIndex: 'at', key: 'at', render: formatDateTime },
    { title: t('stock.movements.kind'), dataIndex: 'kind', key: 'kind', render: (k: string) => <MovementKindTag kind={k} /> },
    ...(warehouseId ? [] : [{ title: t('stock.warehouse'), dataIndex: 'warehouseName', key: 'warehouseName' }]),
    { title: t('stock.movements.quantity'), dataIndex: 'quantity', key: 'quantity', align: 'right', render: (n: number) => <SignedQuantity n={n} /> },
    { title: t('stock.movements.balance'), dataIndex: 'balance', key: 'balance', align: 'right', render: (n: number) => <Typography.Text strong data-testid="balance">{n}</Typography.Text> },
    { title: t('stock.movements.unitCost'), dataIndex: 'unitCost', key: 'unitCost', align: 'right', render: formatMoney },
    { title: t('stock.movements.costAmount'), dataIndex: 'costAmount', key: 'costAmount', align: 'right', render: formatMoney },
    { title: t('stock.movements.source'), key: 'source', render: (_, m) => <Source m={m} /> },
    { title: t('stock.movements.reason'), dataIndex: 'reason', key: 'reason' },
    { title: t('stock.movements.actor'), dataIndex: 'actorName', key: 'actorName' },
  ];

  const card = (m: Movement) => (
    <>
      <Flex justify="space-between" align="center" gap={8}>
        <span>
          <MovementKindTag kind={m.kind} />
          <SignedQuantity n={m.quantity} unit={unit} />
        </span>
        <Typography.Text>
          {t('stock.movements.balance')} <Typography.Text strong data-testid="balance">{m.balance}</Typography.Text>
        </Typography.Text>
      </Flex>
      <Flex justify="space-between" wrap="wrap" gap={4} style={{ fontSize: 12, marginTop: 4 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[formatDateTime(m.at), warehouseId ? '' : m.warehouseName].filter(Boolean).join(' · ')}</Typography.Text>
        <Source m={m} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[m.reason, m.actorName, `${t('stock.movements.costAmount')} ${formatMoney(m.costAmount)}`].filter(Boolean).join(' · ')}
      </Typography.Text>
    </>
  );

  return (
    <>
      <PageHeader
        title={t('stock.movements.title')}
        back={<Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/stock')} aria-label={t('action.back')} />}
      />
      <Flex wrap="wrap" gap={8} style={{ marginBottom: 12 }}>
        <ProductSelect
          value={productId ?? null}
          known={product.data ? [product.data] : []}
          onChange={(id: string) => list.update({ productId: id })}
          placeholder={t('stock.movements.pickProduct')}
          aria-label={t('stock.movements.pickProduct')}
          style={{ width: 320, maxWidth: '100%' }}
        />
        <WarehouseSelect
          allowClear
          placeholder={t('stock.allWarehouses')}
          aria-label={t('stock.warehouse')}
          value={warehouseId}
          onChange={(v) => list.update({ warehouseId: v })}
          style={{ width: 150 }}
        />
      </Flex>
      {!productId ? (
        <Empty description={t('stock.movements.pickProductHint')} />
      ) : (
        <>
          {!!levels.data?.length && (
            <Flex wrap="wrap" gap={8} style={{ marginBottom: 12 }} data-testid="product-levels">
              {levels.data.filter((r) => !warehouseId || r.warehouseId === warehouseId).map((r) => (
                <Card key={r.warehouseId} size="small" styles={{ body: { padding: '6px 12px' } }}>
                  <Typography.Text strong>{r.warehouseName}</Typography.Text>
                  <span style={{ marginInlineStart: 8, fontSize: 13 }}>
                    {t('stock.onHand')} {r.onHand} · {t('stock.reserved')} {r.reserved} ·{' '}
                    <span style={r.available <= 0 ? { color: token.colorError } : undefined}>{t('stock.available')} {r.available}</span> {r.baseUnit}
                  </span>
                </Card>
              ))}
            </Flex>
          )}
          {phone ? (
            <PhoneList<Movement> result={result} list={list} rowKey={(m) => m.id} renderItem={card} testId="movement" empty={t('stock.movements.empty')} />
          ) : (
            <DataTable<Movement> result={result} list={list} columns={columns} locale={{ emptyText: t('stock.movements.empty') }} onRow={() => ({ 'data-testid': 'movement' }) as HTMLAttributes<HTMLElement>} />
          )}
        </>
      )}
    </>
  );
}
