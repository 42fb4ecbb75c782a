import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../api';

const colors: Record<OrderStatus, string> = {
  draft: 'default',
  pending_approval: 'orange',
  confirmed: 'blue',
  partially_shipped: 'cyan',
  shipped: 'geekblue',
  delivered: 'green',
  closed: 'default',
  cancelled: 'red',
};

/** 草稿 · 待审核 · 已确认 · 部分出库 · 已出库 · 已签收 · 已关闭 · 已作废 as a coloured tag. */
export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status] ?? 'default'} data-testid="order-status">
      {t(`sales.statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}
