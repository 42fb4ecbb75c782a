import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { formatDateTime } from '../../../shared/lib/format';
import { PrintFrame } from '../../shipping/components/PrintFrame';
import { transfers } from '../transfer-api';

/** 调拨单 print (A4, zh or en): what goes from where to where, with room for both signatures. */
export default function TransferPrintPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['stock', 'transfers', 'one', id], queryFn: () => transfers.get(id) });
  return (
    <PrintFrame data={q.data} error={q.error} title={(t, tr) => `${t('xfer.printTitle')} ${tr.number}`}>
      {(tr, t, lang) => {
        const c = lang === 'en' ? ': ' : '：';
        return (
          <div className="sh-print">
            <h1>{t('xfer.printTitle')}</h1>
            <div className="meta">
              <div>{t('xfer.number')}{c}<b>{tr.number}</b></div>
              <div>{t('xfer.status')}{c}{t(`xfer.statuses.${tr.status}`)}</div>
              <div>{t('xfer.from')}{c}{tr.fromWarehouseName}</div>
              <div>{t('xfer.to')}{c}{tr.toWarehouseName}</div>
              <div>{t('xfer.createdAt')}{c}{formatDateTime(tr.createdAt)}</div>
              <div>{t('xfer.shippedAt')}{c}{formatDateTime(tr.shippedAt) || '—'}</div>
            </div>
            <table>
              <thead>
                <tr><th>#</th><th>{t('cnt.sku')}</th><th>{t('xfer.product')}</th><th>{t('xfer.quantity')}</th><th>{t('xfer.received')}</th></tr>
              </thead>
              <tbody>
                {tr.lines.map((l) => (
                  <tr key={l.id} data-testid="print-line">
                    <td className="n">{l.lineNo}</td>
                    <td>{l.sku}</td>
                    <td>{l.productName}</td>
                    <td className="n">{l.quantity} {l.baseUnit}</td>
                    <td className="n">{l.received || ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {tr.note && <p>{t('xfer.note')}{c}{tr.note}</p>}
            <div className="sign">
              <span>{t('xfer.printSignMaker')}{c}{tr.actorName ?? ''}</span>
              <span>{t('xfer.printSignShipper')}{c}</span>
              <span>{t('xfer.printSignReceiver')}{c}</span>
            </div>
          </div>
        );
      }}
    </PrintFrame>
  );
}
