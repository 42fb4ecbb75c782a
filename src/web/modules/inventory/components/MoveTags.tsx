import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CountStatus, VarianceOutcome } from '../count-api';
import type { TransferStatus } from '../transfer-api';

const transferColors: Record<TransferStatus, string> = { draft: 'default', in_transit: 'blue', partially_received: 'cyan', received: 'green', cancelled: 'red' };
const countColors: Record<CountStatus, string> = { counting: 'blue', approved: 'green', cancelled: 'red' };
const outcomeColors: Record<VarianceOutcome, string> = { gain: 'green', loss: 'red', match: 'default', uncounted: 'orange' };

/** 草稿 · 在途 · 部分入库 · 已入库 · 已作废 */
export function TransferStatusTag({ status }: { status: TransferStatus }) {
  const { t } = useTranslation();
  return <Tag color={transferColors[status] ?? 'default'} data-testid="transfer-status">{t(`xfer.statuses.${status}`, { defaultValue: status })}</Tag>;
}

/** 盘点中 · 已审核 · 已作废 */
export function CountStatusTag({ status }: { status: CountStatus }) {
  const { t } = useTranslation();
  return <Tag color={countColors[status] ?? 'default'} data-testid="count-status">{t(`cnt.statuses.${status}`, { defaultValue: status })}</Tag>;
}

/** 盘盈 · 盘亏 · 相符 · 未盘 */
export function OutcomeTag({ outcome }: { outcome: VarianceOutcome }) {
  const { t } = useTranslation();
  return <Tag color={outcomeColors[outcome]}>{t(`cnt.outcomes.${outcome}`)}</Tag>;
}
