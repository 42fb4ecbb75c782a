import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DatePicker, Tabs, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DataTable } from '../../../shared/components/DataTable';
import { ListToolbar } from '../../../shared/components/ListToolbar';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { returnTabs, salesReturns, type SalesReturnSummary } from '../api';
import { ReturnStatusTag } from '../components/ReturnStatusTag';

/** 退货单 list, newest first: status tabs, search, creation dates; a row opens the return. */
export default function ReturnListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useListParams(['status', 'from', 'to', 'orderId', 'customerId']);
  const f = list.params.filters;
  const result = useQuery({ queryKey: ['salesReturns', 'list', list.query], queryFn: () => salesReturns.list(list.query), placeholderData: keepPreviousData });
  const columns: TableColumnsType<SalesReturnSummary> = [
    { title: t('rma.number'), dataIndex: 'number', key: 'number', render: (v: string, r) => <Link to={`/sales-returns/${r.id}`}>{v}</Link> },
    { title: t('rma.order'), dataIndex: 'orderNumber', key: 'order', render: (v: string, r) => <Link to={`/sales-orders/${r.orderId}`}>{v}</Link> },
    { title: t('rma.customer'), dataIndex: 'customerName', key: 'customer' },
    { title: t('rma.status'), dataIndex: 'status', key: 'status', render: (s: SalesReturnSummary['status']) => <ReturnStatusTag status={s} /> },
    { title: t('rma.source'), dataIndex: 'source', key: 'source', render: (s: string) => t(`rma.sources.${s}`, { defaultValue: s }) },
    { title: t('rma.requestedValue'), dataIndex: 'requestedValue', key: 'value', align: 'right', render: formatMoney },
    { title: t('rma.refundAmount'), dataIndex: 'refundAmount', key: 'refund', align: 'right', render: (v: number | null) => (v === null ? '—' : formatMoney(v)) },
    { title: t('rma.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatDateTime },
  ];
  return (
    <>
      <PageHeader title={t('rma.title')} />
      <Tabs
        activeKey={returnTabs.find((x) => x.statuses === f.status)?.key ?? 'all'}
        onChange={(k) => list.update({ status: returnTabs.find((x) => x.key === k)?.statuses })}
        size="small"
        style={{ marginBottom: 4 }}
        items={[{ key: 'all', label: t('rma.allTab') }, ...returnTabs.map((x) => ({ key: x.key, label: t(`rma.tabs.${x.key}`) }))]}
      />
      <ListToolbar q={list.params.q} onSearch={(q) => list.update({ q })} placeholder={t('rma.searchPlaceholder')}>
        <DatePicker.RangePicker
          value={[f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null]}
          onChange={(v) => list.update({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
          aria-label={t('rma.createdAt')}
        />
      </ListToolbar>
      <DataTable<SalesReturnSummary>
        result={result}
        list={list}
        columns={columns}
        onRow={(r) => ({ onClick: (e) => !(e.target as HTMLElement).closest('a') && navigate(`/sales-returns/${r.id}`), style: { cursor: 'pointer' }, 'data-testid': 'return-row' } as React.HTMLAttributes<HTMLElement>)}
      />
    </>
  );
}
