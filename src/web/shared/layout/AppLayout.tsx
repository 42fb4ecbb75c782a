import { DownOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Spin, Typography, theme, type MenuProps } from 'antd';
import { Suspense, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { LanguageSwitch } from './LanguageSwitch';
import { activeNav, navItems, visibleNav, type NavItem } from './nav';

const { Header, Sider, Content } = Layout;

/** The signed-in frame: side menu by domain (a drawer on phones), header with `headerExtra` (the alert bell), language and user. */
export function AppLayout({ headerExtra }: { headerExtra?: ReactNode }) {
  const { t } = useTranslation();
  const { user, can, signOut } = useSession();
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();

  const items = useMemo(() => visibleNav(navItems, can), [can]);
  const active = activeNav(items, location.pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(() => items.filter((i) => i.children).map((i) => i.key));

  const toMenu = (list: NavItem[]): MenuProps['items'] =>
    list.map((i) => (i.children ? { key: i.key, icon: i.icon, label: t(i.label), children: toMenu(i.children) } : { key: i.key, icon: i.icon, label: t(i.label) }));
  const paths = new Map<string, string>();
  const collect = (list: NavItem[]) => list.forEach((i) => (i.children ? collect(i.children) : i.path && paths.set(i.key, i.path)));
  collect(items);

  const menu = (
    <Menu
      mode="inline"
      items={toMenu(items)}
      selectedKeys={active.key ? [active.key] : []}
      openKeys={collapsed && !mobile ? undefined : openKeys}
      onOpenChange={setOpenKeys}
      onClick={({ key }) => {
        const p = paths.get(key);
        if (p) navigate(p);
        setDrawerOpen(false);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  const userMenu: MenuProps['items'] = [
    { key: 'role', label: t(`roles.${user?.role ?? 'viewer'}`), disabled: true },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
  ];

  const brand = (
    <div style={{ height: 56, display: 'flex', alignItems: 'center', paddingInline: 20, fontWeight: 600, fontSize: 16, whiteSpace: 'nowrap', overflow: 'hidden' }}>
      {collapsed && !mobile ? t('app.short') : t('app.name')}
    </div>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {mobile ? (
        // No focus back to the 菜单 button on close: after a menu pick the new page owns the caret (a
        // warehouse screen's scan box), and a late return of focus took it away from the scanner.
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={260} title={t('app.name')} styles={{ body: { padding: 0 } }} focusable={{ focusTriggerAfterClose: false }}>
          {menu}
        </Drawer>
      ) : (
        <Sider theme="light" width={220} collapsible collapsed={collapsed} onCollapse={setCollapsed} style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}>
          {brand}
          {menu}
        </Sider>
      )}
      <Layout>
        <Header style={{ background: token.colorBgContainer, paddingInline: mobile ? 8 : 24, display: 'flex', alignItems: 'center', gap: 8, borderBottom: `1px solid ${token.colorBorderSecondary}`, height: 56, lineHeight: '56px' }}>
          {mobile && (
            <>
              <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.menu')} onClick={() => setDrawerOpen(true)} />
              <Typography.Text strong ellipsis>{t('app.name')}</Typography.Text>
            </>
          )}
          <div style={{ flex: 1 }} />
          {headerExtra}
          <LanguageSwitch />
          <Dropdown
            menu={{ items: userMenu, onClick: ({ key }) => key === 'logout' && void signOut().then(() => navigate('/login')) }}
            trigger={['click']}
          >
            <Button type="text" data-testid="user-menu">
              <Space size={4}>
                <UserOutlined />
                {!mobile && <span>{user?.name}</span>}
                <DownOutlined style={{ fontSize: 10 }} />
              </Space>
            </Button>
          </Dropdown>
        </Header>
        <Content style={{ padding: mobile ? 8 : 24, minWidth: 0 }}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
