import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DataTable } from '../../../shared/components/DataTable';
import { ListToolbar } from '../../../shared/components/ListToolbar';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { purchaseReturns, type PurchaseReturnSummary } from '../api';
import { SupplierSelect } from '../components/SupplierSelect';

/** 采购退货单 list, newest first: search, supplier; a row opens the return. */
export default function PurchaseReturnListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useListParams(['supplierId', 'receiptId']);
  const f = list.params.filters;
  const result = useQuery({ queryKey: ['purchaseReturns', 'list', list.query], queryFn: () => purchaseReturns.list(list.query), placeholderData: keepPreviousData });
  const hit = result.data?.items.find((r) => r.supplierId === f.supplierId);
  const columns: TableColumnsType<PurchaseReturnSummary> = [
    { title: t('prt.number'), dataIndex: 'number', key: 'number', render: (v: string, r) => <Link to={`/purchase-returns/${r.id}`}>{v}</Link> },
    { title: t('prt.receipt'), dataIndex: 'receiptNumber', key: 'receipt', render: (v: string, r) => <Link to={`/purchase-receipts/${r.receiptId}`}>{v}</Link> },
    { title: t('prt.supplier'), dataIndex: 'supplierName', key: 'supplierName' },
    { title: t('prt.warehouse'), dataIndex: 'warehouseName', key: 'warehouseName' },
    { title: t('prt.lineCount'), dataIndex: 'lineCount', key: 'lineCount', align: 'right' },
    { title: t('prt.creditTotal'), dataIndex: 'creditTotal', key: 'creditTotal', align: 'right', render: formatMoney },
    { title: t('prt.reason'), dataIndex: 'reason', key: 'reason', render: (v: string | null) => v ?? '—' },
    { title: t('prt.maker'), dataIndex: 'actorName', key: 'actorName' },
    { title: t('prt.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatDateTime },
  ];
  return (
    <>
      <PageHeader title={t('prt.title')} />
      <ListToolbar q={list.params.q} onSearch={(q) => list.update({ q })} placeholder={t('prt.searchPlaceholder')}>
        <SupplierSelect
          allowClear
          placeholder={t('pur.allSuppliers')}
          aria-label={t('prt.supplier')}
          value={f.supplierId}
          known={hit ? { id: hit.supplierId, name: hit.supplierName } : null}
          onChange={(id) => list.update({ supplierId: id })}
          style={{ width: 220, maxWidth: '100%' }}
        />
      </ListToolbar>
      <DataTable<PurchaseReturnSummary>
        result={result}
        list={list}
        columns={columns}
        onRow={(r) => ({ onClick: (e) => !(e.target as HTMLElement).closest('a') && navigate(`/purchase-returns/${r.id}`), style: { cursor: 'pointer' }, 'data-testid': 'return-row' } as React.HTMLAttributes<HTMLElement>)}
      />
    </>
  );
}
