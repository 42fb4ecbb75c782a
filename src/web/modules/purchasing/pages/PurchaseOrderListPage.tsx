import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Tabs, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { DataTable } from '../../../shared/components/DataTable';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ListToolbar } from '../../../shared/components/ListToolbar';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatMoney } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { poStatuses, purchaseOrders, type PurchaseOrderSummary } from '../api';
import { PoStatusTag } from '../components/PoStatusTag';
import { SupplierSelect } from '../components/SupplierSelect';

/** 采购订单 list: status tabs (待审核 with its count), search, supplier filter, export; a row opens the order. */
export default function PurchaseOrderListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const list = useListParams(['status', 'supplierId']);
  const result = useQuery({ queryKey: ['purchaseOrders', 'list', list.query], queryFn: () => purchaseOrders.list(list.query), placeholderData: keepPreviousData });
  const pending = useQuery({ queryKey: ['purchaseOrders', 'list', 'pendingCount'], queryFn: () => purchaseOrders.list({ status: 'pending_approval', pageSize: 1 }).then((r) => r.total) });
  const f = list.params.filters;
  const filtered = result.data?.items.find((o) => o.supplierId === f.supplierId);
  const sorter = (key: string) => ({ sorter: true, sortOrder: list.sortOrder(key) });

  const columns: TableColumnsType<PurchaseOrderSummary> = [
    { title: t('pur.number'), dataIndex: 'number', key: 'number', ...sorter('number'), render: (v: string, o) => <Link to={`/purchase-orders/${o.id}`}>{v}</Link> },
    { title: t('pur.supplier'), dataIndex: 'supplierName', key: 'supplier', ...sorter('supplier') },
    { title: t('pur.status'), dataIndex: 'status', key: 'status', render: (s: PurchaseOrderSummary['status']) => <PoStatusTag status={s} /> },
    { title: t('pur.total'), dataIndex: 'total', key: 'total', align: 'right', ...sorter('total'), render: formatMoney },
    { title: t('pur.orderDate'), dataIndex: 'orderDate', key: 'orderDate' },
    { title: t('pur.expectedShort'), dataIndex: 'expectedDate', key: 'expectedDate', ...sorter('expectedDate') },
    { title: t('pur.maker'), dataIndex: 'actorName', key: 'actorName' },
  ];

  return (
    <>
      <PageHeader
        title={t('pur.title')}
        extra={
          <>
            <ExportButton path="/purchase-orders" query={list.query} />
            {can('purchasing:write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/purchase-orders/new')}>{t('pur.add')}</Button>}
          </>
        }
      />
      <Tabs
        activeKey={f.status ?? 'all'}
        onChange={(k) => list.update({ status: k === 'all' ? undefined : k })}
        size="small"
        style={{ marginBottom: 4 }}
        items={[
          { key: 'all', label: t('pur.allTab') },
          ...poStatuses.map((s) => ({
            key: s,
            label: s === 'pending_approval' && pending.data
              ? <span>{t(`pur.statuses.${s}`)} <Badge count={pending.data} size="small" color="orange" data-testid="pending-count" /></span>
              : t(`pur.statuses.${s}`),
          })),
        ]}
      />
      <ListToolbar q={list.params.q} onSearch={(q) => list.update({ q })} placeholder={t('pur.searchPlaceholder')}>
        <SupplierSelect
          allowClear
          placeholder={t('pur.allSuppliers')}
          aria-label={t('pur.supplier')}
          value={f.supplierId}
          known={filtered ? { id: filtered.supplierId, name: filtered.supplierName } : null}
          onChange={(id) => list.update({ supplierId: id })}
          style={{ width: 220, maxWidth: '100%' }}
        />
      </ListToolbar>
      <DataTable<PurchaseOrderSummary>
        result={result}
        list={list}
        columns={columns}
        onRow={(o) => ({ onClick: (e) => !(e.target as HTMLElement).closest('a') && navigate(`/purchase-orders/${o.id}`), style: { cursor: 'pointer' }, 'data-testid': 'po-row' } as React.HTMLAttributes<HTMLElement>)}
      />
    </>
  );
}
