import { Tag, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { partyOf, type Balance, type Item, type Payment, type Side } from '../api';

const money = (v: number) => formatMoney(v);
const sourcePath: Record<string, string> = { shipment: '/shipments', sales_return: '/sales-returns', purchase_receipt: '/purchase-receipts', purchase_return: '/purchase-returns' };

/** 应收单 / 应付单 columns. */
export function itemColumns(t: TFunction, side: Side): TableColumnsType<Item> {
  return [
    { title: t('fin.number'), dataIndex: 'number', key: 'number', render: (v: string) => <span data-testid="fin-item-number">{v}</span> },
    { title: t(`fin.${partyOf[side]}`), key: 'party', render: (_: unknown, r) => `${r.partyCode} ${r.partyName}` },
    { title: t('fin.kind'), dataIndex: 'kind', key: 'kind', render: (k: string) => t(`fin.kinds.${k}`, { defaultValue: k }) },
    { title: t('fin.source'), dataIndex: 'sourceNumber', key: 'source', render: (v: string, r) => (sourcePath[r.sourceType] ? <Link to={`${sourcePath[r.sourceType]}/${r.sourceId}`}>{v}</Link> : v) },
    { title: t('fin.docDate'), dataIndex: 'docDate', key: 'docDate' },
    { title: t('fin.dueDate'), dataIndex: 'dueDate', key: 'dueDate' },
    { title: t('fin.total'), dataIndex: 'total', key: 'total', align: 'right', render: money },
    { title: t('fin.settled'), dataIndex: 'settled', key: 'settled', align: 'right', render: money },
    { title: t('fin.open'), dataIndex: 'open', key: 'open', align: 'right', render: (v: number) => <b>{money(v)}</b> },
    { title: t('fin.overdueDays'), dataIndex: 'daysOverdue', key: 'daysOverdue', align: 'right', render: (v: number) => (v > 0 ? <Tag color="red">{v}</Tag> : '') },
  ];
}

/** 收款单 / 付款单 columns. */
export function paymentColumns(t: TFunction, side: Side): TableColumnsType<Payment> {
  return [
    { title: t('fin.number'), dataIndex: 'number', key: 'number' },
    { title: t(`fin.${partyOf[side]}`), key: 'party', render: (_: unknown, r) => `${r.partyCode} ${r.partyName}` },
    { title: t(`fin.date.${side}`), dataIndex: 'docDate', key: 'docDate' },
    { title: t(`fin.amount.${side}`), dataIndex: 'amount', key: 'amount', align: 'right', render: money },
    { title: t('fin.allocated'), dataIndex: 'allocated', key: 'allocated', align: 'right', render: money },
    { title: t('fin.unallocated'), dataIndex: 'unallocated', key: 'unallocated', align: 'right', render: (v: number) => (v > 0 ? <Typography.Text type="warning">{money(v)}</Typography.Text> : money(v)) },
    { title: t('fin.method'), dataIndex: 'method', key: 'method', render: (m: string) => t(`fin.methods.${m}`, { defaultValue: m }) },
    { title: t('fin.reference'), dataIndex: 'reference', key: 'reference' },
    { title: t('fin.maker'), dataIndex: 'actorName', key: 'actorName' },
    { title: t('fin.docDate'), dataIndex: 'createdAt', key: 'createdAt', render: formatDateTime },
  ];
}

/** Balance columns, with links to the party's statement and to receive or pay. */
export function balanceColumns(t: TFunction, side: Side, canWrite: boolean): TableColumnsType<Balance> {
  const party = partyOf[side];
  return [
    { title: t(`fin.${party}`), key: 'party', render: (_: unknown, r) => `${r.partyCode} ${r.partyName}` },
    { title: t(`fin.charged.${side}`), dataIndex: 'charged', key: 'charged', align: 'right', render: money },
    { title: t(`fin.paidCol.${side}`), dataIndex: 'paid', key: 'paid', align: 'right', render: money },
    { title: t(`fin.balance.${side}`), dataIndex: 'balance', key: 'balance', align: 'right', render: (v: number) => <b data-testid="fin-balance">{money(v)}</b> },
    { title: t('fin.overdue'), dataIndex: 'overdue', key: 'overdue', align: 'right', render: (v: number) => (v > 0 ? <Typography.Text type="danger">{money(v)}</Typography.Text> : money(v)) },
    { title: t(side === 'receivables' ? 'fin.unapplied' : 'fin.unappliedPay'), dataIndex: 'unapplied', key: 'unapplied', align: 'right', render: money },
    {
      title: '', key: 'actions', render: (_: unknown, r) => (
        <span style={{ whiteSpace: 'nowrap', display: 'inline-flex', gap: 12 }}>
          <Link to={`/finance/statement/${party}/${r.partyId}`}>{t('fin.statement')}</Link>
          {canWrite && <Link to={`/finance/${side}/${side === 'receivables' ? 'receive' : 'pay'}?partyId=${r.partyId}`}>{t(side === 'receivables' ? 'fin.receive' : 'fin.pay')}</Link>}
        </span>
      ),
    },
  ];
}
