import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { formatMoney } from '../../../shared/lib/format';
import { rmbUpper } from '../../sales/format';
import { PrintFrame } from '../../shipping/components/PrintFrame';
import { purchaseReturns } from '../api';

/** 采购退货单 print (A4, zh or en): goes with the goods back to the supplier, who signs for them. */
export default function PurchaseReturnPrintPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['purchaseReturns', 'one', id], queryFn: () => purchaseReturns.get(id) });
  return (
    <PrintFrame data={q.data} error={q.error} title={(t, r) => `${t('prt.printTitle')} ${r.number}`}>
      {(r, t, lang) => {
        const c = lang === 'en' ? ': ' : '：';
        return (
          <div className="sh-print">
            <h1>{t('prt.printTitle')}</h1>
            <div className="meta">
              <div>{t('prt.number')}{c}<b>{r.number}</b></div>
              <div>{t('prt.createdAt')}{c}{r.createdAt.slice(0, 10)}</div>
              <div>{t('prt.supplier')}{c}{r.supplierName}</div>
              <div>{t('prt.receipt')}{c}{r.receiptNumber}</div>
              <div>{t('prt.warehouse')}{c}{r.warehouseName}</div>
              {r.reason && <div>{t('prt.reason')}{c}{r.reason}</div>}
            </div>
            <table>
              <thead>
                <tr><th>#</th><th>{t('pur.sku')}</th><th>{t('pur.product')}</th><th>{t('pur.unit')}</th><th>{t('prt.quantity')}</th><th>{t('prt.unitCost')}</th><th>{t('prt.creditAmount')}</th></tr>
              </thead>
              <tbody>
                {r.lines.map((l) => (
                  <tr key={l.id} data-testid="print-line">
                    <td className="n">{l.lineNo}</td>
                    <td>{l.sku}</td>
                    <td>{l.productName}</td>
                    <td>{l.factor > 1 ? `${l.unitName} (${l.factor}${l.baseUnit})` : l.unitName}</td>
                    <td className="n">{l.quantity}</td>
                    <td className="n">{formatMoney(l.unitCost)}/{l.baseUnit}</td>
                    <td className="n">{formatMoney(l.creditAmount)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td colSpan={7} style={{ textAlign: 'right' }}>
                    <span>{t('prt.creditNet')}{c}{formatMoney(r.creditNet)}</span>{'　'}
                    <span>{t('prt.creditTax')}{c}{formatMoney(r.creditTax)}</span>{'　'}
                    <b data-testid="print-total">{t('prt.creditTotal')}{c}{formatMoney(r.creditTotal)}</b>
                    {lang !== 'en' && <div style={{ textAlign: 'left' }}>{t('pur.printAmountInWords')}{c}{rmbUpper(r.creditTotal)}</div>}
                  </td>
                </tr>
              </tfoot>
            </table>
            <div className="sign">
              <span>{t('pur.printSignMaker')}{c}{r.actorName ?? ''}</span>
              <span>{t('prt.printSignSupplier')}{c}</span>
            </div>
          </div>
        );
      }}
    </PrintFrame>
  );
}
