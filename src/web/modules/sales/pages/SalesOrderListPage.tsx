import { OrderedListOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Tabs, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { DataTable } from '../../../shared/components/DataTable';
import { ListToolbar } from '../../../shared/components/ListToolbar';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { useCreatePickList } from '../../shipping/use-create-pick-list';
import { orderStatuses, salesOrders, type SalesOrderSummary } from '../api';
import { CustomerSelect } from '../components/CustomerSelect';
import { OrderStatusTag } from '../components/OrderStatusTag';

/** 销售订单 list: status tabs (待审核 with its count, for approvers), search and customer filter, newest first; a row opens the order. */
export default function SalesOrderListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const list = useListParams(['status', 'customerId']);
  const result = useQuery({ queryKey: ['salesOrders', 'list', list.query], queryFn: () => salesOrders.list(list.query), placeholderData: keepPreviousData });
  const f = list.params.filters;
  const pending = useQuery({ queryKey: ['salesOrders', 'list', 'pendingCount'], queryFn: () => salesOrders.list({ status: 'pending_approval', pageSize: 1 }).then((r) => r.total) });
  // The customer filter shows the name of the customer picked from this page's rows.
  const filtered = result.data?.items.find((o) => o.customerId === f.customerId);
  // Confirmed orders can be ticked and picked together (one order or a wave).
  const [picked, setPicked] = useState<string[]>([]);
  const createPickList = useCreatePickList();
  const pickable = (o: SalesOrderSummary) => o.status === 'confirmed' || o.status === 'partially_shipped';

  const columns: TableColumnsType<SalesOrderSummary> = [
    { title: t('sales.number'), dataIndex: 'number', key: 'number', render: (v: string, o) => <Link to={`/sales-orders/${o.id}`}>{v}</Link> },
    { title: t('sales.customer'), dataIndex: 'customerName', key: 'customerName' },
    { title: t('sales.status'), dataIndex: 'status', key: 'status', render: (s: SalesOrderSummary['status']) => <OrderStatusTag status={s} /> },
    { title: t('sales.total'), dataIndex: 'total', key: 'total', align: 'right', render: formatMoney },
    { title: t('sales.requestedDate'), dataIndex: 'requestedDate', key: 'requestedDate' },
    { title: t('sales.maker'), dataIndex: 'actorName', key: 'actorName' },
    { title: t('sales.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatDateTime },
  ];

  return (
    <>
      <PageHeader
        title={t('sales.title')}
        extra={
          <>
            {can('shipping:write') && (
              <Tooltip title={picked.length ? undefined : t('ship.pick.createHint')}>
                <Button
                  icon={<OrderedListOutlined />}
                  disabled={!picked.length}
                  loading={createPickList.isPending}
                  onClick={() => createPickList.mutate(picked)}
                  data-testid="create-pick-list"
                >
                  {picked.length > 1 ? t('ship.pick.createWave', { n: picked.length }) : t('ship.pick.create')}
                </Button>
              </Tooltip>
            )}
            {can('sales:write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/sales-orders/new')}>{t('sales.add')}</Button>
            )}
          </>
        }
      />
      <Tabs
        activeKey={f.status ?? 'all'}
        onChange={(k) => list.update({ status: k === 'all' ? undefined : k })}
        size="small"
        style={{ marginBottom: 4 }}
        items={[
          { key: 'all', label: t('sales.allTab') },
          ...orderStatuses.map((s) => ({
            key: s,
            label: s === 'pending_approval' && pending.data
              ? <span>{t(`sales.statuses.${s}`)} <Badge count={pending.data} size="small" color="orange" data-testid="pending-count" /></span>
              : t(`sales.statuses.${s}`),
          })),
        ]}
      />
      <ListToolbar q={list.params.q} onSearch={(q) => list.update({ q })} placeholder={t('sales.searchPlaceholder')}>
        <CustomerSelect
          allowClear
          placeholder={t('sales.allCustomers')}
          aria-label={t('sales.customer')}
          value={f.customerId}
          known={filtered ? { id: filtered.customerId, code: '', name: filtered.customerName } : null}
          onChange={(id) => list.update({ customerId: id })}
          style={{ width: 220, maxWidth: '100%' }}
        />
      </ListToolbar>
      <DataTable<SalesOrderSummary>
        result={result}
        list={list}
        columns={columns}
        rowSelection={can('shipping:write') ? {
          selectedRowKeys: picked,
          onChange: (keys) => setPicked(keys as string[]),
          getCheckboxProps: (o) => ({ disabled: !pickable(o), 'aria-label': o.number }),
          preserveSelectedRowKeys: true,
        } : undefined}
        onRow={(o) => ({ onClick: (e) => !(e.target as HTMLElement).closest('a, .ant-table-selection-column') && navigate(`/sales-orders/${o.id}`), style: { cursor: 'pointer' } })}
      />
    </>
  );
}
