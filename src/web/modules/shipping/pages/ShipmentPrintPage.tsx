import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { barcodeImageUrl } from '../../catalog/api';
import { salesOrders } from '../../sales/api';
import { formatAddress } from '../../sales/format';
import { warehouses } from '../../warehouses/api';
import { shipments } from '../api';
import { formatKg } from '../format';
import { PrintFrame } from '../components/PrintFrame';

// A 100 × 150 mm thermal label, the size Chinese couriers' printers take.
const labelCss = `
@page { size: 100mm 150mm; margin: 3mm; }
.sh-label { width: 94mm; margin: 12px auto; border: 2px solid #000; color: #000; background: #fff; font-size: 12px; line-height: 1.4; }
.sh-label > div { border-bottom: 1px solid #000; padding: 2mm 3mm; }
.sh-label > div:last-child { border-bottom: none; }
.sh-label .carrier { display: flex; justify-content: space-between; align-items: center; font-size: 18px; font-weight: 700; }
.sh-label .track { text-align: center; }
.sh-label .track img { width: 86mm; height: 22mm; object-fit: fill; }
.sh-label .track b { font-size: 16px; letter-spacing: 1px; }
.sh-label .who { font-size: 14px; }
.sh-label .who small { font-size: 11px; color: #333; margin-right: 6px; }
@media print { .sh-label { margin: 0; } }`;

/** 快递面单 (label, 100 × 150 mm, the tracking number as a barcode) or 送货单 (delivery note, A4, signed by the receiver), zh or en. */
export default function ShipmentPrintPage({ kind }: { kind: 'label' | 'note' }) {
  const { id = '' } = useParams();
  const s = useQuery({ queryKey: ['shipments', 'one', id], queryFn: () => shipments.get(id) });
  const o = useQuery({ queryKey: ['salesOrders', 'one', s.data?.orderId], queryFn: () => salesOrders.get(s.data!.orderId), enabled: !!s.data });
  const w = useQuery({ queryKey: ['warehouses', 'one', s.data?.warehouseId], queryFn: () => warehouses.get(s.data!.warehouseId), enabled: !!s.data });
  const data = s.data && o.data && w.data ? { s: s.data, o: o.data, w: w.data } : undefined;
  return (
    <PrintFrame
      data={data}
      error={s.error ?? o.error ?? w.error}
      extraCss={kind === 'label' ? labelCss : undefined}
      title={(t, d) => `${t(kind === 'label' ? 'ship.shipment.labelTitle' : 'ship.shipment.noteTitle')} ${d.s.trackingNumber ?? d.s.number}`}
    >
      {({ s: sh, o: order, w: wh }, t, lang) => {
        const c = lang === 'en' ? ': ' : '：';
        const address = order.shippingAddress;
        const weight = sh.packages.reduce((sum, p) => sum + (p.weightG ?? 0), 0);
        const pieces = Math.max(1, sh.packages.length);
        if (kind === 'label') {
          return (
            <div className="sh-label">
              <div className="carrier"><span>{sh.carrierName}</span><span style={{ fontSize: 12 }}>{sh.shippedAt.slice(0, 10)}</span></div>
              <div className="track">
                {sh.trackingNumber && <img src={barcodeImageUrl(sh.trackingNumber, 'code128')} alt={sh.trackingNumber} data-testid="label-barcode" />}
                <b>{sh.trackingNumber ?? sh.number}</b>
              </div>
              <div className="who">
                <small>{t('ship.shipment.receiver')}</small>
                <b>{address?.recipient ?? sh.customerName}</b> {address?.phone}
                <div>{formatAddress(address ? { ...address, recipient: undefined, phone: undefined } : null) || sh.customerName}</div>
              </div>
              <div className="who">
                <small>{t('ship.shipment.sender')}</small>
                {wh.name} {wh.phone}
                {wh.address && <div style={{ fontSize: 12 }}>{wh.address}</div>}
              </div>
              <div>
                {t('ship.order')}{c}{sh.orderNumber} · {t('ship.shipment.pieces')}{c}{pieces}
                {weight > 0 && <> · {t('ship.shipment.weightTotal')}{c}{formatKg(weight)}</>}
                <div>{sh.number}</div>
              </div>
            </div>
          );
        }
        return (
          <div className="sh-print">
            <h1>{t('ship.shipment.noteTitle')}</h1>
            <div className="meta">
              <div>{t('ship.shipment.number')}{c}<b>{sh.number}</b></div>
              <div>{t('ship.shipment.shippedAt')}{c}{sh.shippedAt.slice(0, 10)}</div>
              <div>{t('ship.customer')}{c}{sh.customerName}</div>
              <div>{t('ship.order')}{c}{sh.orderNumber}</div>
              <div style={{ gridColumn: '1 / -1' }}>{t('ship.shipment.receiver')}{c}{formatAddress(address) || '—'}</div>
              <div>{t('ship.shipment.carrier')}{c}{sh.carrierName}</div>
              <div>{t('ship.shipment.trackingNumber')}{c}{sh.trackingNumber ?? '—'}</div>
              <div>{t('ship.warehouse')}{c}{sh.warehouseName}</div>
              <div>{t('ship.shipment.pieces')}{c}{pieces}{weight > 0 && ` · ${formatKg(weight)}`}</div>
            </div>
            <table>
              <thead>
                <tr><th>#</th><th>{t('ship.sku')}</th><th>{t('ship.product')}</th><th>{t('ship.quantity')}</th></tr>
              </thead>
              <tbody>
                {sh.lines.map((l, i) => (
                  <tr key={l.orderLineId}><td className="n">{i + 1}</td><td>{l.sku}</td><td>{l.productName}</td><td className="n">{l.quantity} {l.baseUnit}</td></tr>
                ))}
              </tbody>
            </table>
            {sh.note && <p>{t('ship.note')}{c}{sh.note}</p>}
            <div className="sign">
              <span>{t('ship.shipment.signDeliverer')}{c}</span>
              <span>{t('ship.shipment.signReceiver')}{c}</span>
              <span>{t('ship.shipment.signDate')}{c}</span>
            </div>
          </div>
        );
      }}
    </PrintFrame>
  );
}
