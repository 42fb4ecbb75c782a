import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Input, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { formatMoney } from '../../../shared/lib/format';
import { finance, type PartyKind, type Statement } from '../api';

type Line = Statement['lines'][number];
const localToday = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

/** The period of a statement from the URL: this month so far by default. */
export function usePeriod() {
  const [sp, setSp] = useSearchParams();
  const today = localToday();
  const from = sp.get('from') ?? `${today.slice(0, 8)}01`;
  const to = sp.get('to') ?? today;
  const set = (k: 'from' | 'to', v: string) => setSp((p) => { const n = new URLSearchParams(p); if (v) n.set(k, v); else n.delete(k); return n; }, { replace: true });
  return { from, to, set };
}

/** The statement's lines as a table (screen and print share the columns). */
export function statementColumns(t: (k: string) => string, party: PartyKind): TableColumnsType<Line> {
  const side = party === 'customer' ? 'receivables' : 'payables';
  return [
    { title: t('fin.docDate'), dataIndex: 'date', key: 'date' },
    { title: t('fin.kind'), dataIndex: 'kind', key: 'kind', render: (k: string) => t(k === 'payment' ? `fin.kinds.payment.${side}` : `fin.kinds.${k}`) },
    { title: t('fin.number'), dataIndex: 'number', key: 'number' },
    { title: t('fin.source'), dataIndex: 'sourceNumber', key: 'sourceNumber' },
    { title: t(`fin.charged.${side}`), dataIndex: 'charged', key: 'charged', align: 'right', render: (v: number) => (v ? formatMoney(v) : '') },
    { title: t(`fin.paidCol.${side}`), dataIndex: 'paid', key: 'paid', align: 'right', render: (v: number) => (v ? formatMoney(v) : '') },
    { title: t(`fin.balance.${side}`), dataIndex: 'balance', key: 'balance', align: 'right', render: formatMoney },
  ];
}

/** 对账单 of a customer or supplier for a period, with a printout to send them. */
export default function StatementPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { party = 'customer', id = '' } = useParams() as { party: PartyKind; id: string };
  const { from, to, set } = usePeriod();
  const q = useQuery({ queryKey: ['finance', 'statement', party, id, from, to], queryFn: () => finance.statement(party, id, from, to), enabled: !!from && !!to });
  const s = q.data;
  const side = party === 'customer' ? 'receivables' : 'payables';
  return (
    <>
      <PageHeader
        title={`${t(`fin.statementTitle.${party}`)}${s ? ` · ${s.party.code} ${s.party.name}` : ''}`}
        back={<Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(`/finance/${side}`)} aria-label={t('action.back')} />}
        extra={<Button icon={<PrinterOutlined />} onClick={() => window.open(`/finance/statement/${party}/${id}/print?from=${from}&to=${to}`, '_blank')}>{t('fin.print')}</Button>}
      />
      <Flex gap={8} align="center" wrap="wrap" style={{ marginBottom: 12 }}>
        <span>{t('fin.period')}</span>
        <Input type="date" value={from} onChange={(e) => set('from', e.target.value)} style={{ width: 160 }} aria-label="from" />
        <span>—</span>
        <Input type="date" value={to} onChange={(e) => set('to', e.target.value)} style={{ width: 160 }} aria-label="to" />
      </Flex>
      {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} style={{ marginBottom: 12 }} />}
      <Table<Line>
        rowKey="id" size="middle" scroll={{ x: 'max-content' }} loading={q.isFetching} columns={statementColumns(t, party)} dataSource={s?.lines ?? []} pagination={false}
        title={() => s && <span>{t('fin.opening')}：<b data-testid="fin-opening">{formatMoney(s.opening)}</b></span>}
        summary={() => s && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={4}><b>{t('fin.periodTotals')}</b></Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right"><b>{formatMoney(s.charged)}</b></Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right"><b>{formatMoney(s.paid)}</b></Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right"><b data-testid="fin-closing">{formatMoney(s.closing)}</b></Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </>
  );
}
