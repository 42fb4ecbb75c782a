import { CheckOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Flex, Grid, Segmented, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { DataTable } from '../../../shared/components/DataTable';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { alertTarget } from '../alert-target';
import { ALERTS, alerts, type Alert } from '../api';
import { AlertKindTag, useAlertTitle } from '../components/AlertKindTag';
import { useMarkRead } from '../use-alerts';

/** 消息中心: every alert for the user's role, newest first; unread or all, open or resolved; each opens its document. */
export default function AlertListPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const title = useAlertTitle();
  const list = useListParams(['unread', 'status']);
  const f = list.params.filters;
  const result = useQuery({ queryKey: [ALERTS, 'list', list.query], queryFn: () => alerts.list(list.query), placeholderData: keepPreviousData });
  const { one, all } = useMarkRead();
  const phone = Grid.useBreakpoint().md === false;

  const content = (a: Alert) => {
    const to = alertTarget(a, can);
    const weight = a.read ? undefined : 600;
    return to
      ? <Link to={to} onClick={() => !a.read && one.mutate(a.id)} style={{ fontWeight: weight }}>{title(a)}</Link>
      : <Typography.Text style={{ fontWeight: weight }}>{title(a)}</Typography.Text>;
  };
  const stateTag = (s: string) => <Tag color={s === 'open' ? 'orange' : 'default'} style={{ marginInlineEnd: 0 }}>{t(`alerts.statuses.${s}`, { defaultValue: s })}</Tag>;
  const markRead = (a: Alert) => !a.read && (
    <Button type="link" size="small" onClick={() => one.mutate(a.id)} loading={one.isPending && one.variables === a.id}>{t('alerts.markRead')}</Button>
  );

  // On phones one column carries the alert, its type, state and time, so the text is not cut off.
  const phoneColumns: TableColumnsType<Alert> = [
    {
      key: 'alert',
      render: (_, a) => (
        <Flex gap={8} align="flex-start">
          <Badge status={a.read ? 'default' : 'processing'} style={{ marginTop: 4 }} />
          <Flex vertical gap={4} style={{ minWidth: 0, whiteSpace: 'normal' }}>
            {content(a)}
            <Flex gap={8} wrap="wrap" align="center">
              <AlertKindTag alert={a} />
              {stateTag(a.status)}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(a.createdAt)}</Typography.Text>
              {markRead(a)}
            </Flex>
          </Flex>
        </Flex>
      ),
    },
  ];

  const columns: TableColumnsType<Alert> = [
    { title: '', key: 'read', width: 28, render: (_, a) => <Badge status={a.read ? 'default' : 'processing'} aria-label={a.read ? undefined : t('alerts.unread')} /> },
    { title: t('alerts.time'), dataIndex: 'createdAt', key: 'createdAt', render: formatDateTime, width: 150 },
    { title: t('alerts.kind'), key: 'kind', render: (_, a) => <AlertKindTag alert={a} /> },
    { title: t('alerts.content'), key: 'title', render: (_, a) => <div style={{ minWidth: 220, maxWidth: 560, whiteSpace: 'normal' }}>{content(a)}</div> },
    { title: t('alerts.state'), dataIndex: 'status', key: 'status', render: stateTag },
    { title: t('field.actions'), key: 'actions', render: (_, a) => markRead(a) },
  ];

  return (
    <>
      <PageHeader
        title={t('alerts.title')}
        extra={<Button icon={<CheckOutlined />} onClick={() => all.mutate()} loading={all.isPending}>{t('alerts.markAllRead')}</Button>}
      />
      <Flex wrap="wrap" gap={8} style={{ marginBottom: 12 }}>
        <Segmented
          value={f.unread === 'true' ? 'unread' : 'all'}
          onChange={(v) => list.update({ unread: v === 'unread' ? 'true' : undefined })}
          options={[{ value: 'all', label: t('alerts.all') }, { value: 'unread', label: t('alerts.unread') }]}
        />
        <Select
          allowClear
          placeholder={t('alerts.allStatuses')}
          aria-label={t('alerts.state')}
          value={f.status}
          onChange={(v) => list.update({ status: v })}
          options={(['open', 'resolved'] as const).map((s) => ({ value: s, label: t(`alerts.statuses.${s}`) }))}
          style={{ width: 130 }}
        />
      </Flex>
      <DataTable<Alert> result={result} list={list} columns={phone ? phoneColumns : columns} showHeader={!phone} {...(phone ? { scroll: undefined } : {})} locale={{ emptyText: t(f.unread === 'true' ? 'alerts.noUnread' : 'alerts.empty') }} />
    </>
  );
}
