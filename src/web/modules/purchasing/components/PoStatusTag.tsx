import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PoStatus } from '../api';

const colors: Record<PoStatus, string> = {
  draft: 'default', pending_approval: 'orange', ordered: 'blue', partially_received: 'cyan', received: 'green', closed: 'default', cancelled: 'red',
};

/** 草稿 · 待审核 · 已下单 · 部分入库 · 已入库 · 已关闭 · 已作废 as a coloured tag. */
export function PoStatusTag({ status }: { status: PoStatus }) {
  const { t } = useTranslation();
  return <Tag color={colors[status] ?? 'default'} data-testid="po-status">{t(`pur.statuses.${status}`, { defaultValue: status })}</Tag>;
}
