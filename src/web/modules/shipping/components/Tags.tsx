import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PickLine, PickListSummary, ShipmentStatus } from '../api';

const pickColors: Record<PickListSummary['status'], string> = { open: 'processing', completed: 'success' };
const lineColors: Record<PickLine['status'], string> = { open: 'default', picked: 'green', short: 'orange', void: 'default' };
const shipColors: Record<ShipmentStatus, string> = { shipped: 'blue', picked_up: 'cyan', in_transit: 'geekblue', out_for_delivery: 'purple', delivered: 'green', exception: 'red' };

/** 拣货中 / 已完成. */
export function PickStatusTag({ status }: { status: PickListSummary['status'] }) {
  const { t } = useTranslation();
  return <Tag color={pickColors[status]} data-testid="pick-status">{t(`ship.pick.statuses.${status}`)}</Tag>;
}

/** 待拣 / 已拣 / 短拣 / 已作废 on a pick line. */
export function PickLineTag({ status }: { status: PickLine['status'] }) {
  const { t } = useTranslation();
  return <Tag color={lineColors[status]} style={{ marginInlineEnd: 0 }}>{t(`ship.pick.lineStatuses.${status}`)}</Tag>;
}

/** 已发货 · 已揽收 · 运输中 · 派送中 · 已签收 · 异常件. */
export function ShipmentStatusTag({ status }: { status: ShipmentStatus }) {
  const { t } = useTranslation();
  return <Tag color={shipColors[status] ?? 'default'} data-testid="shipment-status" style={{ marginInlineEnd: 0 }}>{t(`ship.shipment.statuses.${status}`, { defaultValue: status })}</Tag>;
}
