import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colors: Record<string, string> = { active: 'green', inactive: 'default', disabled: 'default', revoked: 'red' };

/** 启用 / 停用 (and the other statuses) as a coloured tag. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={colors[status] ?? 'default'}>{t(`status.${status}`, { defaultValue: status })}</Tag>;
}
