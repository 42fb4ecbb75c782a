import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Flex, Grid, Switch, Typography, theme, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DataTable } from '../../../shared/components/DataTable';
import { ListToolbar } from '../../../shared/components/ListToolbar';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatMoney } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { IncomingCell } from '../../purchasing/components/IncomingCell';
import { stock, type StockRow } from '../api';
import { PhoneList } from '../components/PhoneList';
import { WarehouseSelect } from '../components/WarehouseSelect';

const rowKey = (r: StockRow) => `${r.productId}:${r.warehouseId}`;

/** 可用量 in red when nothing can be promised (≤ 0). */
function Available({ row }: { row: StockRow }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type={row.available <= 0 ? 'danger' : undefined} strong={row.available <= 0} title={row.available <= 0 ? t('stock.short') : undefined} data-testid="available">
      {row.available}
    </Typography.Text>
  );
}

/** 库存查询: stock by product × warehouse with on hand, reserved, available, incoming and value; a row opens its movements. */
export default function StockPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const { token } = theme.useToken();
  const tint = (r: StockRow) => (r.available <= 0 ? { background: token.colorErrorBg } : {});
  // 只看有库存 is on unless the URL says nonZero=false.
  const list = useListParams(['warehouseId', 'nonZero']);
  const f = list.params.filters;
  const nonZero = f.nonZero !== 'false';
  const query = { ...list.query, nonZero: nonZero ? 'true' : undefined };
  const result = useQuery({ queryKey: ['stock', 'list', query], queryFn: () => stock.list(query), placeholderData: keepPreviousData });
  const open = (r: StockRow) => navigate(`/stock/movements?productId=${r.productId}&warehouseId=${r.warehouseId}`);
  const num = { align: 'right' as const };

  const columns: TableColumnsType<StockRow> = [
    { title: t('stock.sku'), dataIndex: 'sku', key: 'sku' },
    { title: t('stock.product'), dataIndex: 'productName', key: 'productName' },
    { title: t('stock.warehouse'), dataIndex: 'warehouseName', key: 'warehouseName' },
    { title: t('stock.unit'), dataIndex: 'baseUnit', key: 'baseUnit' },
    { title: t('stock.onHand'), dataIndex: 'onHand', key: 'onHand', ...num },
    { title: t('stock.reserved'), dataIndex: 'reserved', key: 'reserved', ...num },
    { title: t('stock.available'), key: 'available', ...num, render: (_, r) => <Available row={r} /> },
    { title: t('stock.incoming'), dataIndex: 'incoming', key: 'incoming', ...num, render: (_, r) => <IncomingCell row={r} /> },
    { title: t('stock.avgCost'), dataIndex: 'avgCost', key: 'avgCost', ...num, render: formatMoney },
    { title: t('stock.value'), key: 'value', ...num, render: (_, r) => formatMoney(r.onHand * r.avgCost) },
  ];

  const card = (r: StockRow) => (
    <>
      <Flex justify="space-between" gap={8}>
        <span style={{ minWidth: 0 }}>
          <Typography.Text strong>{r.sku}</Typography.Text> {r.productName}
        </span>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{r.warehouseName}</Typography.Text>
      </Flex>
      <Flex justify="space-between" wrap="wrap" gap={4} style={{ marginTop: 4, fontSize: 13 }}>
        <span>{t('stock.onHand')} <Typography.Text strong>{r.onHand}</Typography.Text></span>
        <span>{t('stock.reserved')} {r.reserved}</span>
        <span>{t('stock.available')} <Available row={r} /> {r.baseUnit}</span>
        {r.incoming > 0 && <span>{t('stock.incoming')} {r.incoming}</span>}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('stock.avgCost')} {formatMoney(r.avgCost)} · {t('stock.value')} {formatMoney(r.onHand * r.avgCost)}
      </Typography.Text>
    </>
  );

  return (
    <>
      <PageHeader title={t('stock.title')} />
      <ListToolbar q={list.params.q} onSearch={(q) => list.update({ q })} placeholder={t('stock.searchPlaceholder')}>
        <WarehouseSelect
          allowClear
          placeholder={t('stock.allWarehouses')}
          aria-label={t('stock.warehouse')}
          value={f.warehouseId}
          onChange={(v) => list.update({ warehouseId: v })}
          style={{ width: 150 }}
        />
        <Flex align="center" gap={6}>
          <Switch id="stock-non-zero" size="small" checked={nonZero} onChange={(on) => list.update({ nonZero: on ? undefined : 'false' })} />
          <label htmlFor="stock-non-zero">{t('stock.nonZero')}</label>
        </Flex>
      </ListToolbar>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>{t('stock.rowHint')}</Typography.Paragraph>
      {phone ? (
        <PhoneList<StockRow> result={result} list={list} rowKey={rowKey} renderItem={card} onOpen={open} testId="stock-row" rowStyle={tint} />
      ) : (
        <DataTable<StockRow>
          result={result}
          list={list}
          columns={columns}
          rowKey={rowKey}
          onRow={(r) => ({ onClick: () => open(r), style: { cursor: 'pointer', ...tint(r) }, 'data-testid': 'stock-row' }) as HTMLAttributes<HTMLElement>}
        />
      )}
    </>
  );
}
