import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorMessage } from '../../../shared/lib/errors';
import { formatMoney } from '../../../shared/lib/format';
import { salesOrders, type SalesOrder } from '../api';
import { bpToPercent, formatAddress, rmbUpper } from '../format';

const css = `
@page { size: A4; margin: 14mm 12mm; }
.so-print { max-width: 186mm; margin: 0 auto; padding: 16px; background: #fff; color: #000; font-size: 12px; line-height: 1.5; overflow-x: auto; }
.so-print h1 { text-align: center; font-size: 20px; letter-spacing: 2px; margin: 0 0 12px; }
.so-print .meta { display: grid; grid-template-columns: 1fr 1fr; gap: 2px 24px; margin-bottom: 10px; }
.so-print table { width: 100%; border-collapse: collapse; }
.so-print th, .so-print td { border: 1px solid #000; padding: 3px 5px; vertical-align: top; }
.so-print th { background: #f2f2f2; font-weight: 600; white-space: nowrap; }
.so-print td.n { text-align: right; white-space: nowrap; }
.so-print tfoot td { font-weight: 600; }
.so-print .sign { display: flex; justify-content: space-between; margin-top: 28px; }
.so-print .sign span { min-width: 30%; }
@media print {
  body { background: #fff !important; }
  .no-print { display: none !important; }
  .so-print { padding: 0; max-width: none; overflow: visible; }
  .so-print th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

/** The printable order confirmation (A4, in the UI language); opens the print dialog once loaded. */
export default function SalesOrderPrintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['salesOrders', 'one', id], queryFn: () => salesOrders.get(id) });
  const printed = useRef(false);
  useEffect(() => {
    if (!q.data || printed.current) return;
    printed.current = true;
    document.title = `${t('sales.printTitle')} ${q.data.number}`;
    // Let the fonts and layout settle before the dialog takes its snapshot.
    const h = setTimeout(() => window.print(), 300);
    return () => clearTimeout(h);
  }, [q.data, t]);
  if (q.isError) return <Alert type="error" showIcon title={errorMessage(q.error)} style={{ margin: 24 }} />;
  if (!q.data) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  return (
    <>
      <style>{css}</style>
      <Flex className="no-print" gap={8} justify="center" style={{ padding: 12, borderBottom: '1px solid #eee' }}>
        <Button type="primary" onClick={() => window.print()}>{t('sales.print')}</Button>
        <Button onClick={() => window.close()}>{t('sales.close')}</Button>
      </Flex>
      <PrintedOrder order={q.data} />
    </>
  );
}

function PrintedOrder({ order: o }: { order: SalesOrder }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  const date = (iso: string) => iso.slice(0, 10);
  const c = zh ? '：' : ': ';
  return (
    <div className="so-print" data-testid="print-view">
      <h1>{t('sales.printTitle')}</h1>
      <div className="meta">
        <div>{t('sales.number')}{c}<b>{o.number}</b></div>
        <div>{t('sales.printDate')}{c}{date(o.createdAt)}</div>
        <div>{t('sales.customer')}{c}{o.customerName}</div>
        <div>{t('sales.requestedDate')}{c}{o.requestedDate ?? '—'}</div>
        <div style={{ gridColumn: '1 / -1' }}>{t('sales.address')}{c}{formatAddress(o.shippingAddress) || '—'}</div>
        {o.status !== 'confirmed' && <div>{t('sales.status')}{c}{t(`sales.statuses.${o.status}`)}</div>}
      </div>
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>{t('sales.sku')}</th>
            <th>{t('sales.product')}</th>
            <th>{t('sales.unit')}</th>
            <th>{t('sales.quantity')}</th>
            <th>{t('sales.unitPrice')}</th>
            <th>{t('sales.discount')}</th>
            <th>{t('sales.taxRate')}</th>
            <th>{t('sales.lineTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {o.lines.map((l) => (
            <tr key={l.id}>
              <td className="n">{l.lineNo}</td>
              <td>{l.sku}</td>
              <td>{l.productName}</td>
              <td>{l.unitName}</td>
              <td className="n">{l.quantity}</td>
              <td className="n">{formatMoney(l.unitPrice)}</td>
              <td className="n">{l.discountBp ? bpToPercent(l.discountBp) : ''}</td>
              <td className="n">{l.taxRate}%</td>
              <td className="n">{formatMoney(l.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={9}>
              <Flex wrap="wrap" gap="4px 20px" justify="flex-end">
                <span>{t('sales.gross')}{c}{formatMoney(o.gross)}</span>
                <span>{t('sales.discount')}{c}{formatMoney(o.discount)}</span>
                <span>{t('sales.net')}{c}{formatMoney(o.net)}</span>
                <span>{t('sales.tax')}{c}{formatMoney(o.tax)}</span>
                <span data-testid="print-total">{t('sales.total')}{c}{formatMoney(o.total)}</span>
              </Flex>
              {zh && <div>{t('sales.printAmountInWords')}{c}{rmbUpper(o.total)}</div>}
            </td>
          </tr>
        </tfoot>
      </table>
      {o.notes && <p>{t('sales.notes')}{c}{o.notes}</p>}
      <div className="sign">
        <span>{t('sales.printSignMaker')}{c}{o.actorName ?? ''}</span>
        <span>{t('sales.printSignApprover')}{c}</span>
        <span>{t('sales.printSignCustomer')}{c}</span>
      </div>
    </div>
  );
}
