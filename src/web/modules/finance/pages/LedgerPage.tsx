import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Input, Segmented, Switch, Table, Tabs, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { DataTable } from '../../../shared/components/DataTable';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { formatMoney } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { buckets, finance, partyOf, type AgeingRow, type Item, type Side } from '../api';
import { CreditAllocateModal } from '../components/CreditAllocateModal';
import { PaymentDrawer } from '../components/PaymentDrawer';
import { balanceColumns, itemColumns, paymentColumns } from '../components/columns';
import { PartySelect } from '../components/PartySelect';
import { VoucherExportButton } from '../components/VoucherExportButton';

const tabs = ['balances', 'items', 'payments', 'ageing'] as const;

/** 应收账款 / 应付账款: balances by party, the open items, payments and the ageing, one tab each. */
export default function LedgerPage({ side }: { side: Side }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const list = useListParams(['tab', 'partyId', 'status', 'nonZero', 'asOf']);
  const f = list.params.filters;
  const tab = (tabs as readonly string[]).includes(f.tab ?? '') ? f.tab! : 'balances';
  const paging = { q: list.params.q || undefined, page: list.params.page, pageSize: list.params.pageSize };
  const balances = useQuery({
    queryKey: ['finance', side, 'balances', paging, f.nonZero], queryFn: () => finance.balances(side, { ...paging, nonZero: f.nonZero === '1' }),
    enabled: tab === 'balances', placeholderData: keepPreviousData,
  });
  const items = useQuery({
    queryKey: ['finance', side, 'items', paging, f.partyId, f.status], queryFn: () => finance.items(side, { ...paging, partyId: f.partyId, status: f.status }),
    enabled: tab === 'items', placeholderData: keepPreviousData,
  });
  const payments = useQuery({
    queryKey: ['finance', side, 'payments', paging, f.partyId], queryFn: () => finance.payments(side, { ...paging, partyId: f.partyId }),
    enabled: tab === 'payments', placeholderData: keepPreviousData,
  });
  const ageing = useQuery({ queryKey: ['finance', side, 'ageing', f.asOf], queryFn: () => finance.ageing(side, { asOf: f.asOf }), enabled: tab === 'ageing' });
  const canWrite = can('finance:write');
  const [credit, setCredit] = useState<Item | null>(null);
  const [paymentId, setPaymentId] = useState<string | null>(null);
  const itemCols: TableColumnsType<Item> = [
    ...itemColumns(t, side),
    ...(canWrite ? [{
      title: '', key: 'apply', render: (_: unknown, r: Item) => (r.open < 0 ? <Button type="link" size="small" onClick={() => setCredit(r)}>{t('fin.applyCredit')}</Button> : null),
    }] : []),
  ];
  const action = side === 'receivables' ? 'receive' : 'pay';

  const search = <Input.Search allowClear defaultValue={list.params.q} placeholder={t(side === 'receivables' ? 'fin.pickCustomer' : 'fin.pickSupplier')} onSearch={(q) => list.update({ q })} style={{ width: 260 }} />;
  const party = <PartySelect side={side} value={f.partyId} onChange={(id) => list.update({ partyId: id })} style={{ width: 280 }} />;
  const ageingColumns: TableColumnsType<AgeingRow> = [
    { title: t(`fin.${partyOf[side]}`), key: 'party', render: (_: unknown, r) => `${r.partyCode} ${r.partyName}` },
    ...buckets.map((b) => ({ title: t(`fin.buckets.${b}`), dataIndex: b, key: b, align: 'right' as const, render: (v: number) => (v ? formatMoney(v) : '') })),
    { title: t(side === 'receivables' ? 'fin.unapplied' : 'fin.unappliedPay'), dataIndex: 'unapplied', key: 'unapplied', align: 'right', render: (v: number) => (v ? formatMoney(v) : '') },
    { title: t(`fin.balance.${side}`), dataIndex: 'balance', key: 'balance', align: 'right', render: (v: number) => <b>{formatMoney(v)}</b> },
  ];

  return (
    <>
      <PageHeader
        title={t(`fin.${side}`)}
        extra={<Flex gap={8}><VoucherExportButton />{canWrite && <Link to={`/finance/${side}/${action}${f.partyId ? `?partyId=${f.partyId}` : ''}`}><Button type="primary">{t(`fin.${action}`)}</Button></Link>}</Flex>}
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => list.update({ tab: k === 'balances' ? undefined : k, q: undefined, status: undefined })}
        items={tabs.map((k) => ({ key: k, label: t(k === 'items' || k === 'payments' ? `fin.tabs.${k}.${side}` : `fin.tabs.${k}`) }))}
      />
      {tab === 'balances' && (
        <>
          <Flex gap={12} wrap="wrap" align="center" style={{ marginBottom: 12 }}>
            {search}
            <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
              <Switch size="small" checked={f.nonZero === '1'} onChange={(v) => list.update({ nonZero: v ? '1' : undefined })} />{t('fin.onlyNonZero')}
            </label>
            {balances.data && <span>{t('fin.totalBalance')}：<b data-testid="fin-total-balance">{formatMoney(balances.data.balance)}</b></span>}
          </Flex>
          <DataTable result={balances} list={list} columns={balanceColumns(t, side, canWrite)} rowKey="partyId" />
        </>
      )}
      {tab === 'items' && (
        <>
          <Flex gap={12} wrap="wrap" style={{ marginBottom: 12 }}>
            {party}
            <Segmented
              value={f.status ?? ''}
              onChange={(v) => list.update({ status: v ? String(v) : undefined })}
              options={[{ value: '', label: t('fin.statuses.all') }, ...['open', 'overdue', 'settled'].map((s) => ({ value: s, label: t(`fin.statuses.${s}`) }))]}
            />
            {search}
          </Flex>
          <DataTable result={items} list={list} columns={itemCols} />
          {credit && <CreditAllocateModal side={side} credit={credit} onClose={() => setCredit(null)} />}
        </>
      )}
      {tab === 'payments' && (
        <>
          <Flex gap={12} wrap="wrap" style={{ marginBottom: 12 }}>{party}{search}</Flex>
          <DataTable result={payments} list={list} columns={paymentColumns(t, side)} onRow={(r) => ({ onClick: () => setPaymentId(r.id), style: { cursor: 'pointer' }, 'data-testid': 'fin-payment-row' } as React.HTMLAttributes<HTMLElement>)} />
          {paymentId && <PaymentDrawer side={side} id={paymentId} canWrite={canWrite} onClose={() => setPaymentId(null)} />}
        </>
      )}
      {tab === 'ageing' && (
        <>
          <Flex gap={12} align="center" style={{ marginBottom: 12 }}>
            <span>{t('fin.asOf')}</span>
            <Input type="date" value={f.asOf ?? ageing.data?.asOf ?? ''} onChange={(e) => list.update({ asOf: e.target.value || undefined })} style={{ width: 170 }} aria-label={t('fin.asOf')} />
          </Flex>
          {ageing.isError && <Alert type="error" showIcon title={errorMessage(ageing.error)} style={{ marginBottom: 12 }} />}
          <Table<AgeingRow>
            rowKey="partyId" size="middle" scroll={{ x: 'max-content' }} loading={ageing.isFetching} columns={ageingColumns} dataSource={ageing.data?.rows ?? []} pagination={false}
            summary={() => ageing.data && (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}><b>{t('fin.totals')}</b></Table.Summary.Cell>
                {[...buckets, 'unapplied' as const, 'balance' as const].map((b, i) => (
                  <Table.Summary.Cell key={b} index={i + 1} align="right"><b>{formatMoney(ageing.data.totals[b])}</b></Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )}
          />
        </>
      )}
    </>
  );
}
