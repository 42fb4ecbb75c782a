import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { stockOfProduct } from '../api';

/** A product's stock rows in every warehouse (cached briefly; refreshed when stock is posted). */
export function useProductStock(productId: string | undefined) {
  return useQuery({ queryKey: ['stock', 'of-product', productId], queryFn: () => stockOfProduct(productId!), enabled: !!productId, staleTime: 10_000 });
}

type Props = {
  productId: string; warehouseId?: string; unit: string;
  /** Signed change this line makes, base units. */ delta?: number;
  /** For 期初: say so when the product already has movements there (a balance row exists only after one). */ opening?: boolean;
};

/** 现存 N，可用 M 瓶 in the chosen warehouse, with the on hand after this line; red when a loss exceeds what is available. */
export function LineStock({ productId, warehouseId, unit, delta, opening }: Props) {
  const { t } = useTranslation();
  const stock = useProductStock(productId);
  if (!warehouseId) return null;
  if (!stock.data) return <Typography.Text type="secondary">…</Typography.Text>;
  const row = stock.data.find((r) => r.warehouseId === warehouseId);
  const onHand = row?.onHand ?? 0;
  const available = row?.available ?? 0;
  const over = delta !== undefined && delta < 0 && -delta > available;
  if (opening && row) {
    return (
      <Typography.Text type="warning" style={{ fontSize: 13 }} data-testid="line-stock">
        {t('stock.opening.hasMovements')} · {t('stock.entry.stockNow', { onHand, available, unit })}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type={over ? 'danger' : 'secondary'} style={{ fontSize: 13 }} data-testid="line-stock">
      {[t('stock.entry.stockNow', { onHand, available, unit }), delta && !over ? t('stock.entry.stockAfter', { n: onHand + delta }) : '', over ? t('stock.entry.overAvailable') : '']
        .filter(Boolean)
        .join(' · ')}
    </Typography.Text>
  );
}
