import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { barcodeImageUrl } from '../../catalog/api';
import { pickLists } from '../api';
import { PrintFrame } from '../components/PrintFrame';

/** 拣货单 print (A4): per warehouse, lines in walking order with the bin's and the item's barcodes to scan from the sheet. */
export default function PickListPrintPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['pickLists', 'one', id], queryFn: () => pickLists.get(id) });
  return (
    <PrintFrame data={q.data} error={q.error} title={(t, pl) => `${t('ship.pick.printTitle')} ${pl.number}`}>
      {(pl, t, lang) => {
        const c = lang === 'en' ? ': ' : '：';
        const orders = [...new Set(pl.lines.map((l) => l.orderNumber))];
        return (
          <div className="sh-print">
            <h1>{t('ship.pick.printTitle')}</h1>
            <div className="meta">
              <div>{t('ship.pick.number')}{c}<b>{pl.number}</b></div>
              <div>{t('ship.createdAt')}{c}{pl.createdAt.slice(0, 10)}</div>
              <div style={{ gridColumn: '1 / -1' }}>{t('ship.orders')}{c}{orders.join(t('ship.listSeparator'))}</div>
              {pl.note && <div style={{ gridColumn: '1 / -1' }}>{t('ship.note')}{c}{pl.note}</div>}
            </div>
            {/* Each order's number as a barcode: the packer scans it at 复核打包 to open the order. */}
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', alignItems: 'flex-end', marginBottom: 8 }}>
              {orders.map((n) => (
                <div key={n} style={{ textAlign: 'center' }} data-testid="print-order-barcode">
                  <img className="bc" src={barcodeImageUrl(n, 'code128')} alt={n} style={{ height: 40, maxWidth: '80mm' }} />
                </div>
              ))}
              <img className="bc" src={barcodeImageUrl(pl.number, 'code128')} alt={pl.number} style={{ margin: '0 0 0 auto', height: 40 }} />
            </div>
            {pl.warehouses.map((w) => (
              <section key={w.warehouseId}>
                <h2>{t('ship.warehouse')}{c}{w.code} {w.name}</h2>
                <table>
                  <thead>
                    <tr>
                      <th>#</th>
                      <th>{t('ship.bin')}</th>
                      <th>{t('ship.sku')} / {t('ship.product')}</th>
                      <th>{t('ship.order')}</th>
                      <th>{t('ship.pick.toPick')}</th>
                      <th>{t('ship.pick.picked')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {pl.lines.filter((l) => l.warehouseId === w.warehouseId).map((l, i) => (
                      <tr key={l.id} data-testid="print-pick-line">
                        <td className="n">{i + 1}</td>
                        <td className="c">
                          {l.binCode ? <><img className="bc" src={barcodeImageUrl(l.binCode, 'code128')} alt={l.binCode} /><b>{l.binCode}</b></> : t('ship.noBin')}
                        </td>
                        <td>
                          {l.barcode && <img className="bc" src={barcodeImageUrl(l.barcode)} alt={l.barcode} style={{ margin: 0 }} />}
                          <div><b>{l.sku}</b> {l.productName}</div>
                        </td>
                        <td>{l.orderNumber}</td>
                        <td className="n" style={{ fontSize: 14 }}><b>{l.quantity}</b> {l.baseUnit}</td>
                        <td className="n" style={{ minWidth: 56 }}>{l.status === 'open' ? '' : `${l.picked ?? 0}`}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ))}
            <div className="sign">
              <span>{t('ship.maker')}{c}{pl.actorName ?? ''}</span>
              <span>{t('ship.pick.signPicker')}{c}</span>
              <span>{t('ship.pick.signChecker')}{c}</span>
            </div>
          </div>
        );
      }}
    </PrintFrame>
  );
}
