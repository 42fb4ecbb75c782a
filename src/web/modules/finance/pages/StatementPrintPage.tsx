import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { formatMoney } from '../../../shared/lib/format';
import { PrintFrame } from '../../shipping/components/PrintFrame';
import { finance, type PartyKind } from '../api';
import { usePeriod } from './StatementPage';

/** 对账单 print (A4, zh or en): sent to the customer or supplier to confirm and stamp. */
export default function StatementPrintPage() {
  const { party = 'customer', id = '' } = useParams() as { party: PartyKind; id: string };
  const { from, to } = usePeriod();
  const q = useQuery({ queryKey: ['finance', 'statement', party, id, from, to], queryFn: () => finance.statement(party, id, from, to) });
  const side = party === 'customer' ? 'receivables' : 'payables';
  return (
    <PrintFrame data={q.data} error={q.error} title={(t, s) => `${t(`fin.statementTitle.${party}`)} ${s.party.name} ${s.from}–${s.to}`}>
      {(s, t, lang) => {
        const c = lang === 'en' ? ': ' : '：';
        return (
          <div className="sh-print">
            <h1>{t(`fin.statementTitle.${party}`)}</h1>
            <div className="meta">
              <div>{t(`fin.${party}`)}{c}<b>{s.party.code} {s.party.name}</b></div>
              <div>{t('fin.period')}{c}{s.from} — {s.to}</div>
            </div>
            <table>
              <thead>
                <tr><th>{t('fin.docDate')}</th><th>{t('fin.kind')}</th><th>{t('fin.number')}</th><th>{t('fin.source')}</th><th>{t(`fin.charged.${side}`)}</th><th>{t(`fin.paidCol.${side}`)}</th><th>{t(`fin.balance.${side}`)}</th></tr>
              </thead>
              <tbody>
                <tr><td colSpan={6}>{t('fin.opening')}</td><td className="n">{formatMoney(s.opening)}</td></tr>
                {s.lines.map((l) => (
                  <tr key={l.id} data-testid="print-line">
                    <td>{l.date}</td>
                    <td>{t(l.kind === 'payment' ? `fin.kinds.payment.${side}` : `fin.kinds.${l.kind}`)}</td>
                    <td>{l.number}</td>
                    <td>{l.sourceNumber ?? ''}</td>
                    <td className="n">{l.charged ? formatMoney(l.charged) : ''}</td>
                    <td className="n">{l.paid ? formatMoney(l.paid) : ''}</td>
                    <td className="n">{formatMoney(l.balance)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td colSpan={4}><b>{t('fin.periodTotals')}</b></td>
                  <td className="n"><b>{formatMoney(s.charged)}</b></td>
                  <td className="n"><b>{formatMoney(s.paid)}</b></td>
                  <td className="n"><b data-testid="print-total">{t('fin.closing')}{c}{formatMoney(s.closing)}</b></td>
                </tr>
              </tfoot>
            </table>
            <p style={{ marginTop: 12 }}>{t('fin.statementNote')}</p>
            <div className="sign">
              <span>{t('fin.signUs')}{c}</span>
              <span>{t('fin.signThem')}{c}</span>
            </div>
          </div>
        );
      }}
    </PrintFrame>
  );
}
