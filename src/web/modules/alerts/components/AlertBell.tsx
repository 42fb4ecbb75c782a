import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Drawer, Empty, Flex, Grid, Popover, Spin, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { formatDateTime } from '../../../shared/lib/format';
import { alertTarget } from '../alert-target';
import { ALERTS, alerts, type Alert } from '../api';
import { useMarkRead, useUnreadCount } from '../use-alerts';
import { AlertKindTag, useAlertTitle } from './AlertKindTag';

/** The bell in the header: unread count, and the latest open alerts to read or open (a drawer on phones). */
export function AlertBell() {
  const { t } = useTranslation();
  const mobile = Grid.useBreakpoint().md === false;
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const count = useUnreadCount().data ?? 0;
  const panel = <AlertPanel fill={mobile} close={() => setOpen(false)} onViewAll={() => { setOpen(false); navigate('/alerts'); }} />;
  const bell = (
    <Button
      type="text"
      aria-label={count ? `${t('alerts.bell')} ${t('alerts.unreadCount', { n: count })}` : t('alerts.bell')}
      data-testid="alert-bell"
      onClick={mobile ? () => setOpen(true) : undefined}
      style={{ paddingInline: mobile ? 8 : undefined }}
    >
      <Badge count={count} size="small" overflowCount={99}>
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Button>
  );
  if (mobile) {
    return (
      <>
        {bell}
        <Drawer placement="right" size="100%" open={open} onClose={() => setOpen(false)} title={t('alerts.title')} destroyOnHidden styles={{ body: { padding: 0 } }}>
          {panel}
        </Drawer>
      </>
    );
  }
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" arrow={false} destroyOnHidden styles={{ container: { padding: 0 } }} content={panel}>
      {bell}
    </Popover>
  );
}

/** The latest open alerts; `fill`: the whole width of a phone's drawer instead of a popover's. */
function AlertPanel({ fill, close, onViewAll }: { fill: boolean; close: () => void; onViewAll: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { can } = useSession();
  const navigate = useNavigate();
  const title = useAlertTitle();
  const recent = useQuery({ queryKey: [ALERTS, 'recent'], queryFn: () => alerts.list({ status: 'open', pageSize: 8 }), staleTime: 0 });
  const { one, all } = useMarkRead();
  const items = recent.data?.items ?? [];

  const openAlert = (a: Alert) => {
    if (!a.read) one.mutate(a.id);
    const to = alertTarget(a, can);
    if (to) {
      close();
      navigate(to);
    }
  };

  return (
    <div style={{ width: fill ? '100%' : 'min(380px, calc(100vw - 16px))' }} data-testid="alert-panel">
      <Flex justify="space-between" align="center" style={{ padding: '10px 12px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
        <Typography.Text strong>{t('alerts.recent')}</Typography.Text>
        <Button type="link" size="small" onClick={() => all.mutate()} loading={all.isPending} disabled={!items.some((a) => !a.read)}>
          {t('alerts.markAllRead')}
        </Button>
      </Flex>
      <div style={fill ? undefined : { maxHeight: 'min(420px, 60vh)', overflowY: 'auto' }}>
        {recent.isLoading && <Spin style={{ display: 'block', margin: 24 }} />}
        {!recent.isLoading && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alerts.empty')} />}
        {items.map((a) => (
          <Flex
            key={a.id}
            gap={8}
            align="flex-start"
            data-testid="alert-item"
            role="button"
            tabIndex={0}
            onClick={() => openAlert(a)}
            onKeyDown={(e) => e.key === 'Enter' && openAlert(a)}
            style={{ padding: '10px 12px', cursor: 'pointer', borderBottom: `1px solid ${token.colorBorderSecondary}`, background: a.read ? undefined : token.colorPrimaryBg }}
          >
            <Badge status={a.read ? 'default' : 'processing'} style={{ marginTop: 4 }} />
            <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Typography.Text strong={!a.read} style={{ wordBreak: 'break-word' }}>{title(a)}</Typography.Text>
              <Flex gap={8} align="center" wrap="wrap">
                <AlertKindTag alert={a} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(a.createdAt)}</Typography.Text>
                {!a.read && (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0, height: 'auto', fontSize: 12 }}
                    onClick={(e) => {
                      e.stopPropagation();
                      one.mutate(a.id);
                    }}
                  >
                    {t('alerts.markRead')}
                  </Button>
                )}
              </Flex>
            </Flex>
          </Flex>
        ))}
      </div>
      <div style={{ padding: 8, textAlign: 'center' }}>
        <Button type="link" onClick={onViewAll}>{t('alerts.viewAll')}</Button>
      </div>
    </div>
  );
}
