import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { stockOfProduct } from '../api';

/** Fetches (and caches briefly) a product's stock in every warehouse. */
export function useProductStock(productId: string) {
  return useQuery({ queryKey: ['stock', 'product', productId], queryFn: () => stockOfProduct(productId), staleTime: 10_000 });
}

type Props = {
  productId: string; warehouseId: string; baseUnit: string;
  /** Base units this order asks for there (all its lines). */ need: number;
  /** Base units the order already holds there (editing a confirmed order): available to it again. */ held?: number;
};

/** 可用 N 个 in the line's warehouse (counting what the order itself holds), red when the order asks for more. */
export function LineAvailability({ productId, warehouseId, baseUnit, need, held = 0 }: Props) {
  const { t } = useTranslation();
  const stock = useProductStock(productId);
  if (!stock.data) return <Typography.Text type="secondary">…</Typography.Text>;
  const available = (stock.data.find((r) => r.warehouseId === warehouseId)?.available ?? 0) + held;
  const short = need > available;
  return (
    <Typography.Text type={short ? 'danger' : 'secondary'} data-testid="line-available" title={short ? t('sales.notEnough') : undefined} style={{ whiteSpace: 'nowrap' }}>
      {t('sales.available', { n: available, unit: baseUnit })}
    </Typography.Text>
  );
}
