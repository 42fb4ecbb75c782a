import { ArrowLeftOutlined, CheckOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Progress, Skeleton, Typography, theme } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { newIdempotencyKey } from '../../../shared/api/idempotency';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { lookupProduct } from '../../catalog/api';
import { beepError } from '../../shipping/beep';
import { ScanStation, type ScanOutcome } from '../../shipping/components/ScanStation';
import { purchaseOrders, purchaseReceipts, purchasingSettings, type Receipt } from '../api';
import { PoStatusTag } from '../components/PoStatusTag';
import { addScan, cartTotal, setQuantity, type Cart } from '../receiving-cart';

/**
 * 采购入库 of one order on a phone: each scan (barcode, case barcode or SKU) adds to its order line;
 * one beyond what may still come (ordered + tolerance) is refused on the spot with a buzz and
 * nothing added. The suggested bin shows on each line; 确认入库 posts the receipt.
 */
export default function ReceiveOrderPage() {
  const { t } = useTranslation();
  const { orderId = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const order = useQuery({ queryKey: ['purchaseOrders', 'one', orderId], queryFn: () => purchaseOrders.get(orderId), staleTime: 0 });
  const receiving = useQuery({ queryKey: ['purchaseOrders', 'receiving', orderId], queryFn: () => purchaseOrders.receiving(orderId), staleTime: 0 });
  const settings = useQuery({ queryKey: ['purchasing', 'settings'], queryFn: purchasingSettings.get });
  const [cart, setCart] = useState<Cart>({});
  const cartRef = useRef<Cart>({});
  const [lastLine, setLastLine] = useState<string | null>(null);
  const [posted, setPosted] = useState<Receipt | null>(null);
  const [postError, setPostError] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const keep = (c: Cart) => {
    cartRef.current = c;
    setCart(c);
  };

  const post = useMutation({
    mutationFn: () => purchaseReceipts.create({
      orderId,
      lines: Object.entries(cartRef.current).map(([orderLineId, quantity]) => {
        const l = order.data!.lines.find((x) => x.id === orderLineId)!;
        return { orderLineId, quantity, unit: l.baseUnit };
      }),
    }, key.current),
    onSuccess: async (r) => {
      key.current = newIdempotencyKey();
      keep({});
      setPosted(r);
      setPostError(null);
      message.success(t('rcv.posted', { number: r.number }));
      await qc.invalidateQueries({ queryKey: ['purchaseOrders'] });
      await qc.invalidateQueries({ queryKey: ['stock'] });
    },
    onError: (e) => {
      beepError();
      setPostError(errorMessage(e));
      void qc.invalidateQueries({ queryKey: ['purchaseOrders', 'one', orderId] });
    },
  });

  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/receiving')} aria-label={t('action.back')} />;
  const error = order.error ?? receiving.error;
  if (error) return <><PageHeader title={t('rcv.title')} back={back} /><Alert type="error" showIcon title={errorMessage(error)} /></>;
  const o = order.data;
  if (!o || !receiving.data || !settings.data) return <Skeleton active />;
  const tolerance = o.overReceiptPercent ?? settings.data.overReceiptPercent;
  const bins = new Map(receiving.data.lines.map((l) => [l.orderLineId, l.suggestedBin?.binCode]));
  const open = o.status === 'ordered' || o.status === 'partially_received';
  const total = cartTotal(cart);

  const onScan = async (code: string): Promise<ScanOutcome> => {
    setPosted(null);
    setPostError(null);
    let found;
    try {
      found = await lookupProduct(code);
    } catch (e) {
      return { ok: false, title: t('rcv.refused'), text: e instanceof ApiError && e.status === 404 ? t('rcv.unknown', { code }) : errorMessage(e) };
    }
    const r = addScan(o, cartRef.current, found.product.id, found.factor, tolerance);
    if (r.kind === 'not_on_order') return { ok: false, title: t('rcv.refused'), text: t('rcv.notOnOrder', { code: `${found.product.sku} ${found.product.name}`, number: o.number }) };
    setLastLine(r.line.id);
    if (r.kind === 'over') {
      const l = r.line;
      return {
        ok: false, title: t('rcv.refused'),
        text: t('rcv.overReceipt', { product: `${l.sku} ${l.productName}`, ordered: l.baseQuantity, received: l.received, tolerance, allowed: r.allowed, quantity: r.requested }),
      };
    }
    keep(r.cart);
    return { ok: true, text: t('rcv.added', { name: r.line.productName, qty: r.added, unit: r.line.baseUnit, total: r.cart[r.line.id] }) };
  };

  return (
    <div style={{ maxWidth: 800, paddingBottom: 8 }}>
      <PageHeader title={<>{t('rcv.orderTitle', { number: o.number })} <PoStatusTag status={o.status} /></>} back={back} />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>{o.supplierName}</Typography.Paragraph>
      {posted && (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} data-testid="receipt-posted"
          title={<>{t('rcv.posted', { number: '' })}<Link to={`/purchase-receipts/${posted.id}`}>{posted.number}</Link></>} />
      )}
      {postError && <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="receipt-error" title={postError} />}
      {open && (
        <div style={{ position: 'sticky', top: 0, zIndex: 3, background: token.colorBgLayout, paddingBottom: 8 }}>
          <ScanStation onScan={onScan} hint={t('rcv.scanHint')} />
        </div>
      )}
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        {o.lines.map((l) => {
          const now = cart[l.id] ?? 0;
          const got = l.received + now;
          const done = got >= l.baseQuantity;
          const bin = bins.get(l.id);
          return (
            <Card key={l.id} size="small" data-testid="receive-line"
              style={{ borderColor: l.id === lastLine ? token.colorPrimary : undefined, borderWidth: l.id === lastLine ? 2 : 1, background: done ? token.colorSuccessBg : undefined }}
              styles={{ body: { padding: '10px 12px' } }}>
              <Flex gap={12} align="center">
                <div style={{ flex: 1, minWidth: 0 }}>
                  <div style={{ fontSize: 15, fontWeight: 500 }}>{l.productName}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>{l.sku} · {t('rcv.ordered')} {l.quantity} {l.unitName}{l.factor > 1 ? ` (${l.baseQuantity}${l.baseUnit})` : ''}</Typography.Text>
                  <div style={{ fontSize: 13 }} data-testid="suggested-bin">
                    <EnvironmentOutlined /> {t('rcv.bin')}：{bin ? <Typography.Text strong>{bin}</Typography.Text> : <Typography.Text type="secondary">{t('rcv.noBin')}</Typography.Text>}
                  </div>
                </div>
                <div style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  <div style={{ fontSize: 22, fontWeight: 600, lineHeight: 1.1 }} data-testid="receive-count">
                    <span style={{ color: done ? token.colorSuccess : undefined }}>{got}</span>
                    <span style={{ fontSize: 15, color: token.colorTextSecondary }}>/{l.baseQuantity}</span>
                  </div>
                  <div style={{ fontSize: 12 }}>
                    {now > 0 && <>{t('rcv.scanned')} {now} · </>}
                    {done ? t('rcv.complete') : `${t('rcv.openQty')} ${l.baseQuantity - got} ${l.baseUnit}`}
                  </div>
                  {now > 0 && (
                    <Button size="small" type="link" style={{ padding: 0 }} onClick={() => {
                      const r = setQuantity(o, cartRef.current, l.id, 0, tolerance);
                      if (r.kind === 'ok') keep(r.cart);
                    }}>{t('rcv.clearLine')}</Button>
                  )}
                </div>
              </Flex>
            </Card>
          );
        })}
      </Flex>
      {open && (
        <div style={{ position: 'sticky', bottom: 0, padding: '12px 0', background: token.colorBgLayout, zIndex: 2 }}>
          <Progress percent={Math.round((o.lines.reduce((s, l) => s + Math.min(l.baseQuantity, l.received + (cart[l.id] ?? 0)), 0) / Math.max(1, o.lines.reduce((s, l) => s + l.baseQuantity, 0))) * 100)} size="small" />
          <Button type="primary" size="large" block icon={<CheckOutlined />} disabled={!total} loading={post.isPending} onClick={() => post.mutate()} style={{ height: 52, fontSize: 18 }} data-testid="post-receipt">
            {total ? t('rcv.post', { n: total }) : t('rcv.nothingScanned')}
          </Button>
        </div>
      )}
    </div>
  );
}
