import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReturnStatus } from '../api';

const colors: Record<ReturnStatus, string> = {
  requested: 'orange', approved: 'blue', rejected: 'red', partially_received: 'cyan', received: 'cyan', inspected: 'purple', refunded: 'green', closed: 'default', cancelled: 'default',
};

/** A return's status as the after-sales clerk says it (待审核, 待收货, 待质检, 待退款, 已完成…). */
export function ReturnStatusTag({ status }: { status: ReturnStatus }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]} data-testid="return-status">{t(`rma.statuses.${status}`)}</Tag>;
}
