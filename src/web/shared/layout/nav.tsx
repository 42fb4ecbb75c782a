import {
  AccountBookOutlined, AlertOutlined, AppstoreOutlined, BulbOutlined, AuditOutlined, CarOutlined, GiftOutlined, OrderedListOutlined, SendOutlined, CloudUploadOutlined, SafetyCertificateOutlined, DatabaseOutlined, DiffOutlined, FileAddOutlined, FileTextOutlined, HomeOutlined, InboxOutlined, KeyOutlined,
  RollbackOutlined, SearchOutlined, SettingOutlined, ShopOutlined, ShoppingCartOutlined, ShoppingOutlined, SolutionOutlined, TagsOutlined, TeamOutlined, UserOutlined,
} from '@ant-design/icons';
import { CheckSquareOutlined, SwapOutlined } from '@ant-design/icons';
import { HistoryOutlined, MailOutlined, NotificationOutlined } from '@ant-design/icons';
import { ClockCircleOutlined, StarOutlined, WarningOutlined } from '@ant-design/icons';
import { FundOutlined } from '@ant-design/icons';
import { LineChartOutlined } from '@ant-design/icons';
import { DollarOutlined } from '@ant-design/icons';
import { ApiOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';

export type NavItem = { key: string; label: string; icon: ReactNode; path?: string; anyOf?: string[]; children?: NavItem[] };

/** The side menu, by domain. `anyOf`: the item shows when the user holds one of these permissions. */
export const navItems: NavItem[] = [
  { key: 'home', label: 'nav.home', icon: <HomeOutlined />, path: '/' },
  { key: 'analytics', label: 'ana.nav', icon: <LineChartOutlined />, path: '/analytics', anyOf: ['analytics:read'] },
  {
    key: 'catalog', label: 'nav.catalog', icon: <ShoppingOutlined />,
    children: [
      { key: 'products', label: 'nav.products', icon: <ShoppingOutlined />, path: '/products', anyOf: ['catalog:read'] },
      { key: 'categories', label: 'nav.categories', icon: <TagsOutlined />, path: '/categories', anyOf: ['catalog:read'] },
    ],
  },
  {
    key: 'partners', label: 'nav.partners', icon: <TeamOutlined />,
    children: [
      { key: 'customers', label: 'nav.customers', icon: <SolutionOutlined />, path: '/customers', anyOf: ['customers:read'] },
      { key: 'suppliers', label: 'nav.suppliers', icon: <ShopOutlined />, path: '/suppliers', anyOf: ['suppliers:read'] },
    ],
  },
  {
    key: 'sales', label: 'sales.nav.group', icon: <ShoppingCartOutlined />,
    children: [
      { key: 'salesOrders', label: 'sales.nav.orders', icon: <FileTextOutlined />, path: '/sales-orders', anyOf: ['sales:read'] },
      { key: 'salesReturns', label: 'rma.nav', icon: <RollbackOutlined />, path: '/sales-returns', anyOf: ['sales:read'] },
      { key: 'complaints', label: 'cmp.nav', icon: <WarningOutlined />, path: '/complaints', anyOf: ['sales:read'] },
      { key: 'feedback', label: 'fb.nav', icon: <StarOutlined />, path: '/feedback', anyOf: ['sales:read'] },
      { key: 'approvalRules', label: 'sales.nav.approvalRules', icon: <SafetyCertificateOutlined />, path: '/approval-rules', anyOf: ['approval:manage'] },
    ],
  },
  {
    key: 'purchasing', label: 'pur.nav.group', icon: <ShopOutlined />,
    children: [
      { key: 'purchaseOrders', label: 'pur.nav.orders', icon: <FileTextOutlined />, path: '/purchase-orders', anyOf: ['purchasing:read'] },
      { key: 'replenishment', label: 'pur.nav.replenishment', icon: <BulbOutlined />, path: '/replenishment', anyOf: ['purchasing:read'] },
      { key: 'forecast', label: 'fc.nav', icon: <FundOutlined />, path: '/analytics/forecast', anyOf: ['analytics:read'] },
      { key: 'reorderRules', label: 'pur.nav.reorderRules', icon: <AlertOutlined />, path: '/reorder-rules', anyOf: ['purchasing:read'] },
      { key: 'receiving', label: 'pur.nav.receiving', icon: <InboxOutlined />, path: '/receiving', anyOf: ['purchasing:receive'] },
      { key: 'purchaseReceipts', label: 'pur.nav.receipts', icon: <FileAddOutlined />, path: '/purchase-receipts', anyOf: ['purchasing:read'] },
      { key: 'purchaseReturns', label: 'pur.nav.returns', icon: <RollbackOutlined />, path: '/purchase-returns', anyOf: ['purchasing:read'] },
      { key: 'payables', label: 'pur.nav.payables', icon: <AccountBookOutlined />, path: '/payables', anyOf: ['purchasing:read'] },
      { key: 'purchasingSettings', label: 'pur.nav.settings', icon: <SettingOutlined />, path: '/settings/purchasing', anyOf: ['purchasing:manage'] },
    ],
  },
  {
    key: 'finance', label: 'fin.nav.group', icon: <AccountBookOutlined />,
    children: [
      { key: 'receivables', label: 'fin.nav.receivables', icon: <DollarOutlined />, path: '/finance/receivables', anyOf: ['finance:read'] },
      { key: 'financePayables', label: 'fin.nav.payables', icon: <AccountBookOutlined />, path: '/finance/payables', anyOf: ['finance:read'] },
    ],
  },
  {
    key: 'stock', label: 'stock.nav.group', icon: <InboxOutlined />,
    children: [
      { key: 'stockLevels', label: 'stock.nav.query', icon: <SearchOutlined />, path: '/stock', anyOf: ['stock:read'] },
      { key: 'stockAdjustments', label: 'stock.nav.adjustments', icon: <DiffOutlined />, path: '/stock/adjustments', anyOf: ['stock:read'] },
      { key: 'stockOpening', label: 'stock.nav.opening', icon: <FileAddOutlined />, path: '/stock/opening', anyOf: ['stock:read'] },
      { key: 'stockTransfers', label: 'xfer.nav', icon: <SwapOutlined />, path: '/stock/transfers', anyOf: ['stock:read'] },
      { key: 'stockCounts', label: 'cnt.nav', icon: <CheckSquareOutlined />, path: '/stock/counts', anyOf: ['stock:read'] },
    ],
  },
  {
    key: 'shipping', label: 'ship.nav.group', icon: <SendOutlined />,
    children: [
      { key: 'pickLists', label: 'ship.nav.pickLists', icon: <OrderedListOutlined />, path: '/pick-lists', anyOf: ['sales:read'] },
      { key: 'packing', label: 'ship.nav.packing', icon: <GiftOutlined />, path: '/packing', anyOf: ['shipping:write'] },
      { key: 'shipments', label: 'ship.nav.shipments', icon: <SendOutlined />, path: '/shipments', anyOf: ['sales:read'] },
      { key: 'pickBins', label: 'ship.nav.bins', icon: <AppstoreOutlined />, path: '/pick-bins', anyOf: ['warehouses:read'] },
      { key: 'carriers', label: 'ship.nav.carriers', icon: <CarOutlined />, path: '/settings/carriers', anyOf: ['sales:read'] },
    ],
  },
  { key: 'warehouses', label: 'nav.warehouses', icon: <DatabaseOutlined />, path: '/warehouses', anyOf: ['warehouses:read'] },
  { key: 'imports', label: 'nav.imports', icon: <CloudUploadOutlined />, path: '/imports', anyOf: ['catalog:write', 'customers:write', 'suppliers:write', 'stock:adjust', 'sales:write'] },
  {
    key: 'settings', label: 'nav.settings', icon: <SettingOutlined />,
    children: [
      { key: 'users', label: 'nav.users', icon: <UserOutlined />, path: '/settings/users', anyOf: ['users:manage'] },
      { key: 'apiKeys', label: 'nav.apiKeys', icon: <KeyOutlined />, path: '/settings/api-keys', anyOf: ['apiKeys:manage'] },
      { key: 'auditLog', label: 'nav.auditLog', icon: <AuditOutlined />, path: '/settings/audit-log', anyOf: ['audit:read'] },
      { key: 'messageTemplates', label: 'notify.nav.templates', icon: <MailOutlined />, path: '/settings/message-templates', anyOf: ['notify:manage'] },
      { key: 'notifyChannels', label: 'notify.nav.channels', icon: <NotificationOutlined />, path: '/settings/notify-channels', anyOf: ['notify:manage'] },
      { key: 'outbox', label: 'notify.nav.outbox', icon: <HistoryOutlined />, path: '/settings/outbox', anyOf: ['notify:manage'] },
      { key: 'webhooks', label: 'wh.nav', icon: <ApiOutlined />, path: '/settings/webhooks', anyOf: ['webhooks:manage'] },
      { key: 'complaintSla', label: 'cmp.settings.nav', icon: <ClockCircleOutlined />, path: '/settings/complaints', anyOf: ['approval:manage'] },
    ],
  },
];

/** The menu without items the user may not open (and without groups left empty). */
export function visibleNav(items: NavItem[], can: (p: string) => boolean): NavItem[] {
  const out: NavItem[] = [];
  for (const item of items) {
    if (item.children) {
      const children = visibleNav(item.children, can);
      if (children.length) out.push({ ...item, children });
    } else if (!item.anyOf || item.anyOf.some(can)) {
      out.push(item);
    }
  }
  return out;
}

/** The menu item whose path is the longest prefix of the current location. */
export function activeNav(items: NavItem[], pathname: string): { key?: string; parent?: string } {
  let best: { key?: string; parent?: string; len: number } = { len: -1 };
  const walk = (list: NavItem[], parent?: string) => {
    for (const item of list) {
      if (item.children) walk(item.children, item.key);
      else if (item.path) {
        const hit = item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(item.path + '/');
        if (hit && item.path.length > best.len) best = { key: item.key, parent, len: item.path.length };
      }
    }
  };
  walk(items);
  return { key: best.key, parent: best.parent };
}
