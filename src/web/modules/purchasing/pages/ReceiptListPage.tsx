import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DataTable } from '../../../shared/components/DataTable';
import { ListToolbar } from '../../../shared/components/ListToolbar';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { purchaseReceipts, type ReceiptSummary } from '../api';

/** 采购入库单 list, newest first: search, type (against an order or not); a row opens the receipt. */
export default function ReceiptListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useListParams(['kind', 'orderId', 'supplierId']);
  const result = useQuery({ queryKey: ['purchaseReceipts', 'list', list.query], queryFn: () => purchaseReceipts.list(list.query), placeholderData: keepPreviousData });
  const columns: TableColumnsType<ReceiptSummary> = [
    { title: t('rct.number'), dataIndex: 'number', key: 'number', render: (v: string, r) => <Link to={`/purchase-receipts/${r.id}`}>{v}</Link> },
    { title: t('rct.kind'), dataIndex: 'kind', key: 'kind', render: (k: string) => t(`rct.kinds.${k}`) },
    { title: t('rct.order'), dataIndex: 'orderNumber', key: 'orderNumber', render: (v: string | null, r) => (v && r.orderId ? <Link to={`/purchase-orders/${r.orderId}`}>{v}</Link> : '—') },
    { title: t('rct.supplier'), dataIndex: 'supplierName', key: 'supplierName', render: (v: string | null) => v ?? '—' },
    { title: t('rct.warehouse'), dataIndex: 'warehouseName', key: 'warehouseName' },
    { title: t('rct.lineCount'), dataIndex: 'lineCount', key: 'lineCount', align: 'right' },
    { title: t('rct.costAmount'), dataIndex: 'costAmount', key: 'costAmount', align: 'right', render: formatMoney },
    { title: t('rct.maker'), dataIndex: 'actorName', key: 'actorName' },
    { title: t('rct.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatDateTime },
  ];
  return (
    <>
      <PageHeader title={t('rct.title')} />
      <ListToolbar q={list.params.q} onSearch={(q) => list.update({ q })} placeholder={t('rct.searchPlaceholder')}>
        <Select
          allowClear
          placeholder={t('rct.allKinds')}
          aria-label={t('rct.kind')}
          value={list.params.filters.kind}
          onChange={(kind) => list.update({ kind })}
          options={(['order', 'unplanned'] as const).map((k) => ({ value: k, label: t(`rct.kinds.${k}`) }))}
          style={{ width: 160 }}
        />
      </ListToolbar>
      <DataTable<ReceiptSummary>
        result={result}
        list={list}
        columns={columns}
        onRow={(r) => ({ onClick: (e) => !(e.target as HTMLElement).closest('a') && navigate(`/purchase-receipts/${r.id}`), style: { cursor: 'pointer' } })}
      />
    </>
  );
}
