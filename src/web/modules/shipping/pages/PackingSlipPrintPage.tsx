import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { salesOrders } from '../../sales/api';
import { formatAddress } from '../../sales/format';
import { fulfilment } from '../api';
import { formatKg, formatSize } from '../format';
import { PrintFrame } from '../components/PrintFrame';

/** 装箱单 (packing slip, A4, zh or en): the order's boxes and what is in each, to put in the first box. */
export default function PackingSlipPrintPage() {
  const { orderId = '' } = useParams();
  const f = useQuery({ queryKey: ['fulfilment', orderId], queryFn: () => fulfilment.get(orderId) });
  const o = useQuery({ queryKey: ['salesOrders', 'one', orderId], queryFn: () => salesOrders.get(orderId) });
  const data = f.data && o.data ? { f: f.data, o: o.data } : undefined;
  return (
    <PrintFrame data={data} error={f.error ?? o.error} title={(t, d) => `${t('ship.pack.slipTitle')} ${d.f.number}`}>
      {({ f: ful, o: order }, t, lang) => {
        const c = lang === 'en' ? ': ' : '：';
        // Boxes not shipped yet first: the slip goes with the parcel being packed.
        const boxes = [...ful.packages].sort((a, b) => (a.status === b.status ? a.seq - b.seq : a.status === 'open' ? -1 : 1));
        const items = boxes.reduce((s, p) => s + p.items.reduce((x, i) => x + i.quantity, 0), 0);
        return (
          <div className="sh-print">
            <h1>{t('ship.pack.slipTitle')}</h1>
            <div className="meta">
              <div>{t('ship.order')}{c}<b>{ful.number}</b></div>
              <div>{t('ship.customer')}{c}{ful.customerName}</div>
              <div style={{ gridColumn: '1 / -1' }}>{t('ship.shipment.receiver')}{c}{formatAddress(order.shippingAddress) || '—'}</div>
            </div>
            <table>
              <thead>
                <tr><th>{t('ship.pack.slipPackage')}</th><th>{t('ship.sku')}</th><th>{t('ship.product')}</th><th>{t('ship.quantity')}</th></tr>
              </thead>
              <tbody>
                {boxes.flatMap((p) => p.items.map((i, k) => (
                  <tr key={`${p.id}-${i.orderLineId}`} data-testid="slip-line">
                    {k === 0 && (
                      <td rowSpan={p.items.length} className="c">
                        <b>{t('ship.pack.packageN', { n: p.seq })}</b>
                        <div>{[formatKg(p.weightG), formatSize(p)].filter(Boolean).join(' · ')}</div>
                      </td>
                    )}
                    <td>{i.sku}</td>
                    <td>{i.productName}</td>
                    <td className="n">{i.quantity} {i.baseUnit}</td>
                  </tr>
                )))}
              </tbody>
            </table>
            <p style={{ textAlign: 'right' }}>{t('ship.pack.slipTotal', { boxes: boxes.length, items })}</p>
            <div className="sign">
              <span>{t('ship.pack.slipSignPacker')}{c}</span>
              <span>{t('ship.pack.slipSignReceiver')}{c}</span>
            </div>
          </div>
        );
      }}
    </PrintFrame>
  );
}
