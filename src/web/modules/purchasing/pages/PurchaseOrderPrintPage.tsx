import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { formatMoney } from '../../../shared/lib/format';
import { rmbUpper } from '../../sales/format';
import { PrintFrame } from '../../shipping/components/PrintFrame';
import { warehouses as warehouseApi } from '../../warehouses/api';
import { purchaseOrders } from '../api';

/** 采购订单 print (A4, zh or en, switchable above the sheet): for the supplier, with totals and signatures. */
export default function PurchaseOrderPrintPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['purchaseOrders', 'one', id], queryFn: () => purchaseOrders.get(id) });
  const whs = useQuery({ queryKey: ['warehouses', 'all'], queryFn: () => warehouseApi.list({ pageSize: 500, sort: 'code' }) });
  const data = q.data && whs.data ? { o: q.data, warehouses: whs.data.items } : undefined;
  return (
    <PrintFrame data={data} error={q.error ?? whs.error} title={(t, d) => `${t('pur.printTitle')} ${d.o.number}`}>
      {({ o, warehouses }, t, lang) => {
        const c = lang === 'en' ? ': ' : '：';
        const wh = warehouses.find((w) => w.id === o.warehouseId);
        return (
          <div className="sh-print">
            <h1>{t('pur.printTitle')}</h1>
            <div className="meta">
              <div>{t('pur.number')}{c}<b>{o.number}</b></div>
              <div>{t('pur.printDate')}{c}{o.orderDate}</div>
              <div>{t('pur.supplier')}{c}{o.supplierName}</div>
              <div>{t('pur.expectedDate')}{c}{o.expectedDate ?? '—'}</div>
              <div style={{ gridColumn: '1 / -1' }}>{t('pur.warehouse')}{c}{[wh?.name, wh?.address].filter(Boolean).join(' ') || '—'}</div>
              {!['ordered', 'partially_received', 'received'].includes(o.status) && <div>{t('pur.status')}{c}{t(`pur.statuses.${o.status}`)}</div>}
            </div>
            <table>
              <thead>
                <tr>
                  <th>#</th><th>{t('pur.sku')}</th><th>{t('pur.product')}</th><th>{t('pur.unit')}</th><th>{t('pur.quantity')}</th>
                  <th>{t('pur.unitPrice')}</th><th>{t('pur.taxRate')}</th><th>{t('pur.lineTotal')}</th>
                </tr>
              </thead>
              <tbody>
                {o.lines.map((l) => (
                  <tr key={l.id} data-testid="print-line">
                    <td className="n">{l.lineNo}</td>
                    <td>{l.sku}</td>
                    <td>{l.productName}</td>
                    <td>{l.factor > 1 ? `${l.unitName} (${l.factor}${l.baseUnit})` : l.unitName}</td>
                    <td className="n">{l.quantity}</td>
                    <td className="n">{formatMoney(l.unitPrice)}</td>
                    <td className="n">{l.taxRate}%</td>
                    <td className="n">{formatMoney(l.total)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td colSpan={8} style={{ textAlign: 'right' }}>
                    <span>{t('pur.net')}{c}{formatMoney(o.net)}</span>{'　'}
                    <span>{t('pur.tax')}{c}{formatMoney(o.tax)}</span>{'　'}
                    <b data-testid="print-total">{t('pur.total')}{c}{formatMoney(o.total)}</b>
                    {lang !== 'en' && <div style={{ textAlign: 'left' }}>{t('pur.printAmountInWords')}{c}{rmbUpper(o.total)}</div>}
                  </td>
                </tr>
              </tfoot>
            </table>
            {o.notes && <p>{t('pur.notes')}{c}{o.notes}</p>}
            <div className="sign">
              <span>{t('pur.printSignMaker')}{c}{o.actorName ?? ''}</span>
              <span>{t('pur.printSignApprover')}{c}{o.approvedBy ?? ''}</span>
              <span>{t('pur.printSignSupplier')}{c}</span>
            </div>
          </div>
        );
      }}
    </PrintFrame>
  );
}
