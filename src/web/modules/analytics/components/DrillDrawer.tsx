import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Drawer, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../shared/lib/errors';
import { formatMoney } from '../../../shared/lib/format';
import { analytics, type AnalyticsFilters, type OrderFact, type OrderFlags, type SalesLine } from '../api';
import { ExportXlsxButton } from './FigureCard';
import { SupplierOrdersTable } from './SupplierOrdersTable';

/** What a click on a figure asks for: the sold/returned lines or the orders behind it, with the filters that make the figure. */
export type DrillTarget =
  | { type: 'sales'; title: string; filters: AnalyticsFilters; kind?: 'sale' | 'return'; note?: string }
  | { type: 'orders'; title: string; filters: AnalyticsFilters; flags: OrderFlags }
  | { type: 'supplier-orders'; title: string; filters: AnalyticsFilters; supplierId: string };

const orderLink = (id: string, number: string) => <Link to={`/sales-orders/${id}`}>{number}</Link>;

function SalesLinesTable({ target }: { target: Extract<DrillTarget, { type: 'sales' }> }) {
  const { t } = useTranslation();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = useQuery({ queryKey: ['analytics', 'drill-sales', target.filters, target.kind, page], queryFn: () => analytics.salesLines(target.filters, { kind: target.kind, ...page }), placeholderData: keepPreviousData });
  const columns: ColumnsType<SalesLine> = [
    { title: t('ana.drill.day'), dataIndex: 'day', width: 110 },
    { title: t('ana.drill.kind'), dataIndex: 'kind', width: 70, render: (k: SalesLine['kind']) => <Tag color={k === 'return' ? 'orange' : 'blue'}>{t(`ana.drill.kinds.${k}`)}</Tag> },
    { title: t('ana.drill.order'), dataIndex: 'orderNumber', width: 170, render: (n: string, r) => orderLink(r.orderId, n) },
    { title: t('ana.drill.customer'), dataIndex: 'customerName', ellipsis: true },
    { title: t('ana.drill.product'), dataIndex: 'productName', ellipsis: true, render: (n: string, r) => `${r.sku} ${n}` },
    { title: t('ana.drill.warehouse'), dataIndex: 'warehouseName', width: 100 },
    { title: t('ana.drill.quantity'), dataIndex: 'quantity', align: 'right', width: 80 },
    { title: t('ana.drill.net'), dataIndex: 'net', align: 'right', render: formatMoney },
    { title: t('ana.drill.cost'), dataIndex: 'cost', align: 'right', render: formatMoney },
  ];
  if (q.isError) return <Alert type="error" showIcon title={errorMessage(q.error)} />;
  const sums = q.data?.sums;
  return (
    <>
      {target.note && <Alert type="info" showIcon title={target.note} style={{ marginBottom: 8 }} />}
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }} wrap="wrap" gap={8}>
        <Typography.Text data-testid="drill-total">
          {t('ana.drill.total')}{t('ana.p.colon')}{t('ana.drill.lines', { count: q.data?.total ?? 0 })}{t('ana.p.comma')}{t('ana.drill.quantity')} {sums?.quantity ?? 0}{t('ana.p.comma')}
          {t('ana.drill.net')} <b data-testid="drill-total-net">{formatMoney(sums?.net ?? 0)}</b>{t('ana.p.comma')}{t('ana.drill.cost')} {formatMoney(sums?.cost ?? 0)}
        </Typography.Text>
        <ExportXlsxButton figure="sales-lines" query={{ ...target.filters, kind: target.kind }} testId="drill-export" />
      </Flex>
      <Table<SalesLine>
        size="small" rowKey="id" loading={q.isFetching} columns={columns} dataSource={q.data?.items ?? []} scroll={{ x: 900 }} data-testid="drill-table"
        pagination={{ current: page.page, pageSize: page.pageSize, total: q.data?.total ?? 0, showSizeChanger: true, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
      />
    </>
  );
}

function OrdersTable({ target }: { target: Extract<DrillTarget, { type: 'orders' }> }) {
  const { t } = useTranslation();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = useQuery({ queryKey: ['analytics', 'drill-orders', target.filters, target.flags, page], queryFn: () => analytics.orders(target.filters, { ...target.flags, ...page }), placeholderData: keepPreviousData });
  const yesNo = (v: boolean | null) => (v === null ? '' : v ? t('ana.drill.yes') : t('ana.drill.no'));
  const columns: ColumnsType<OrderFact> = [
    { title: t('ana.drill.order'), dataIndex: 'orderNumber', width: 170, render: (n: string, r) => orderLink(r.orderId, n) },
    { title: t('ana.drill.customer'), dataIndex: 'customerName', ellipsis: true },
    { title: t('ana.drill.orderDay'), dataIndex: 'orderDay', width: 110 },
    { title: t('ana.drill.requested'), dataIndex: 'requestedDate', width: 110 },
    { title: t('ana.drill.shippedDay'), dataIndex: 'shippedDay', width: 110 },
    { title: t('ana.drill.daysToShip'), dataIndex: 'daysToShip', align: 'right', width: 80 },
    { title: t('ana.drill.onTime'), dataIndex: 'onTime', width: 60, render: yesNo },
    { title: t('ana.drill.backordered'), dataIndex: 'backordered', width: 60, render: yesNo },
    { title: t('ana.drill.returned'), dataIndex: 'returned', width: 60, render: yesNo },
    { title: t('ana.drill.net'), dataIndex: 'net', align: 'right', render: formatMoney },
  ];
  if (q.isError) return <Alert type="error" showIcon title={errorMessage(q.error)} />;
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text data-testid="drill-total">{t('ana.drill.total')}{t('ana.p.colon')}{t('ana.drill.orderCount', { count: q.data?.total ?? 0 })}</Typography.Text>
        <ExportXlsxButton figure="orders" query={{ ...target.filters, ...target.flags }} testId="drill-export" />
      </Flex>
      <Table<OrderFact>
        size="small" rowKey="orderId" loading={q.isFetching} columns={columns} dataSource={q.data?.items ?? []} scroll={{ x: 900 }} data-testid="drill-table"
        pagination={{ current: page.page, pageSize: page.pageSize, total: q.data?.total ?? 0, showSizeChanger: true, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
      />
    </>
  );
}

/** The documents behind a clicked figure, each linking to its sales order; totals equal the figure. */
export function DrillDrawer({ target, onClose }: { target: DrillTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const f = target?.filters;
  return (
    <Drawer
      open={!!target} onClose={onClose} size="min(1100px, 100vw)" destroyOnHidden data-testid="drill-drawer"
      title={target && (
        <span>
          {target.title}
          {f?.from && <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontWeight: 'normal' }}>{t('ana.drill.period', { from: f.from, to: f.to })}</Typography.Text>}
        </span>
      )}
    >
      {target?.type === 'sales' && <SalesLinesTable key={JSON.stringify(target)} target={target} />}
      {target?.type === 'orders' && <OrdersTable key={JSON.stringify(target)} target={target} />}
      {target?.type === 'supplier-orders' && <SupplierOrdersTable key={JSON.stringify(target)} filters={target.filters} supplierId={target.supplierId} />}
    </Drawer>
  );
}
