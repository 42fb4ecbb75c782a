import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../api';

const colors: Record<string, string> = { critical: 'red', warning: 'orange', info: 'blue' };

/** 缺货 · 待审核 · … coloured by severity. */
export function AlertKindTag({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[alert.severity] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {t(`alerts.kinds.${alert.kind}`, { defaultValue: alert.kind })}
    </Tag>
  );
}

/** The alert's title in the UI language. */
export function useAlertTitle() {
  const { i18n } = useTranslation();
  return (a: Alert) => (i18n.language === 'en' ? a.title.en : a.title.zh);
}
