import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Empty, Statistic, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../shared/components/DataTable';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { suppliers } from '../../partners/api';
import { payables, type PayableRow } from '../api';
import { SupplierSelect } from '../components/SupplierSelect';

const sourcePath: Record<string, string> = { receipt: '/purchase-receipts', purchase_return: '/purchase-returns' };

/** 应付账款 of a supplier: what is owed now, and the receipts (add) and returns (credit) behind it, newest first. */
export default function PayablesPage() {
  const { t } = useTranslation();
  const list = useListParams(['supplierId']);
  const supplierId = list.params.filters.supplierId;
  const query = { supplierId: supplierId ?? '', page: list.params.page, pageSize: list.params.pageSize };
  const supplier = useQuery({ queryKey: ['suppliers', 'one', supplierId], queryFn: () => suppliers.get(supplierId ?? ''), enabled: !!supplierId });
  const result = useQuery({ queryKey: ['payables', query], queryFn: () => payables(query), enabled: !!supplierId, placeholderData: keepPreviousData });

  const columns: TableColumnsType<PayableRow> = [
    { title: t('pay.time'), dataIndex: 'createdAt', key: 'createdAt', render: formatDateTime },
    { title: t('pay.kind'), dataIndex: 'kind', key: 'kind', render: (k: string) => t(`pay.kinds.${k}`, { defaultValue: k }) },
    {
      title: t('pay.source'), dataIndex: 'sourceNumber', key: 'source',
      render: (v: string, r) => (sourcePath[r.kind] ? <Link to={`${sourcePath[r.kind]}/${r.sourceId}`}>{v}</Link> : v),
    },
    { title: t('pay.net'), dataIndex: 'net', key: 'net', align: 'right', render: formatMoney },
    { title: t('pay.tax'), dataIndex: 'tax', key: 'tax', align: 'right', render: formatMoney },
    { title: t('pay.amount'), dataIndex: 'amount', key: 'amount', align: 'right', render: (v: number) => <span data-testid="payable-amount">{formatMoney(v)}</span> },
  ];

  return (
    <>
      <PageHeader title={t('pay.title')} />
      <SupplierSelect
        placeholder={t('pay.pickSupplier')}
        aria-label={t('pay.supplier')}
        value={supplierId}
        known={supplier.data ? { id: supplier.data.id, name: `${supplier.data.code} ${supplier.data.name}` } : null}
        onChange={(id) => list.update({ supplierId: id })}
        style={{ width: 320, maxWidth: '100%', marginBottom: 12 }}
      />
      {!supplierId ? (
        <Empty description={t('pay.pickSupplier')} />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 12, maxWidth: 320 }}>
            <Statistic title={t('pay.balance')} value={result.data ? formatMoney(result.data.balance) : '—'} data-testid="payable-balance" />
          </Card>
          <DataTable<PayableRow> result={result} list={list} columns={columns} onRow={() => ({ 'data-testid': 'payable-row' } as React.HTMLAttributes<HTMLElement>)} />
        </>
      )}
    </>
  );
}
