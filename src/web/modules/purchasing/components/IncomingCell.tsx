import { useQuery } from '@tanstack/react-query';
import { Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { incoming } from '../api';

type Row = { productId: string; warehouseId: string; incoming: number; baseUnit: string };

/** 在途 of a stock row; hovering shows the open purchase orders behind it, earliest expected first. */
export function IncomingCell({ row }: { row: Row }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const q = useQuery({
    queryKey: ['stock', 'incoming', row.productId, row.warehouseId],
    queryFn: () => incoming({ productId: row.productId, warehouseId: row.warehouseId }),
    enabled: open,
  });
  if (!row.incoming) return <>{row.incoming}</>;
  const orders = q.data?.[0]?.orders ?? [];
  const content = !q.data ? <Spin size="small" /> : (
    <div data-testid="incoming-orders" style={{ maxWidth: 320 }}>
      {orders.map((o) => (
        <div key={o.lineId}>
          <Link to={`/purchase-orders/${o.orderId}`} onClick={(e) => e.stopPropagation()}>{o.number}</Link> {o.supplierName}
          <Typography.Text type="secondary"> · {o.open} {row.baseUnit}{o.expectedDate ? ` · ${t('pur.expectedShort')} ${o.expectedDate}` : ''}</Typography.Text>
        </div>
      ))}
    </div>
  );
  return (
    <Popover content={content} title={t('pur.incoming')} onOpenChange={setOpen} placement="left">
      <Typography.Link data-testid="incoming" onClick={(e) => e.stopPropagation()}>{row.incoming}</Typography.Link>
    </Popover>
  );
}
