import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { stock } from '../../inventory/api';

/** Under a line being ordered: on hand, available and already on the way (在途) in the receiving warehouse, in base units. */
export function LineStock({ productId, warehouseId, baseUnit }: { productId: string; warehouseId?: string; baseUnit: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['stock', 'list', { productId, warehouseId, pageSize: 1 }],
    queryFn: () => stock.list({ productId, warehouseId, pageSize: 1 }),
    enabled: !!warehouseId,
    staleTime: 10_000,
  });
  if (!q.data) return null;
  const r = q.data.items[0];
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="line-stock">
      {t('pur.lineStock', { onHand: r?.onHand ?? 0, available: r?.available ?? 0, incoming: r?.incoming ?? 0, unit: baseUnit })}
    </Typography.Text>
  );
}
