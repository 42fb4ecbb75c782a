import { ArrowLeftOutlined, CheckOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Skeleton, Typography, theme } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { newIdempotencyKey } from '../../../shared/api/idempotency';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { lookupProduct } from '../../catalog/api';
import { beepError } from '../../shipping/beep';
import { ScanStation, type ScanOutcome } from '../../shipping/components/ScanStation';
import { canDo, salesReturns } from '../api';
import { ReturnStatusTag } from '../components/ReturnStatusTag';

type Cart = Record<string, number>;

/**
 * 退货收货 on a phone: each scan (barcode, case barcode or SKU) counts against its return line; a
 * product not on the return, or more than was asked back, is refused on the spot with a buzz.
 */
export default function ReturnReceivePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const q = useQuery({ queryKey: ['salesReturns', 'one', id], queryFn: () => salesReturns.get(id), staleTime: 0 });
  const [cart, setCart] = useState<Cart>({});
  const cartRef = useRef<Cart>({});
  const [last, setLast] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const keep = (c: Cart) => { cartRef.current = c; setCart(c); };
  const post = useMutation({
    mutationFn: () => salesReturns.receive(id, Object.entries(cartRef.current).filter(([, n]) => n > 0).map(([lineId, quantity]) => ({ code: q.data!.lines.find((l) => l.id === lineId)!.sku, quantity })), key.current),
    onSuccess: (r) => {
      key.current = newIdempotencyKey();
      keep({});
      qc.setQueryData(['salesReturns', 'one', id], r);
      void qc.invalidateQueries({ queryKey: ['salesReturns', 'list'] });
      message.success(t('rma.posted'));
      navigate(`/sales-returns/${id}`);
    },
    onError: () => { beepError(); },
  });
  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(`/sales-returns/${id}`)} aria-label={t('action.back')} />;
  if (q.error) return <><PageHeader title={t('rma.receive')} back={back} /><Alert type="error" showIcon title={errorMessage(q.error)} /></>;
  const r = q.data;
  if (!r) return <Skeleton active />;
  const open = canDo(r.status, 'receive');
  const total = Object.values(cart).reduce((s, n) => s + n, 0);

  const onScan = async (code: string): Promise<ScanOutcome> => {
    let found;
    try {
      found = await lookupProduct(code);
    } catch (e) {
      return { ok: false, title: t('rma.refused'), text: e instanceof ApiError && e.status === 404 ? t('rma.unknown', { code }) : errorMessage(e) };
    }
    const line = r.lines.find((l) => l.productId === found.product.id && l.received + (cartRef.current[l.id] ?? 0) + found.factor <= l.baseQuantity)
      ?? r.lines.find((l) => l.productId === found.product.id);
    if (!line) return { ok: false, title: t('rma.refused'), text: t('rma.notOnReturn', { code: `${found.product.sku} ${found.product.name}`, number: r.number }) };
    setLast(line.id);
    const now = cartRef.current[line.id] ?? 0;
    if (line.received + now + found.factor > line.baseQuantity) {
      return { ok: false, title: t('rma.refused'), text: t('rma.over', { product: `${line.sku} ${line.productName}`, expected: line.baseQuantity, received: line.received + now }) };
    }
    const next = { ...cartRef.current, [line.id]: now + found.factor };
    keep(next);
    return { ok: true, text: t('rma.added', { name: line.productName, qty: found.factor, total: next[line.id] }) };
  };

  return (
    <div style={{ maxWidth: 800, paddingBottom: 8 }}>
      <PageHeader title={<>{t('rma.rcvTitle', { number: r.number })} <ReturnStatusTag status={r.status} /></>} back={back} />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>{r.customerName} · {r.orderNumber}</Typography.Paragraph>
      {post.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="receive-error" title={errorMessage(post.error)} />}
      {open && (
        <div style={{ position: 'sticky', top: 0, zIndex: 3, background: token.colorBgLayout, paddingBottom: 8 }}>
          <ScanStation onScan={onScan} hint={t('rma.scanHint')} />
        </div>
      )}
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        {r.lines.map((l) => {
          const got = l.received + (cart[l.id] ?? 0);
          const done = got >= l.baseQuantity;
          return (
            <Card key={l.id} size="small" data-testid="receive-line"
              style={{ borderColor: l.id === last ? token.colorPrimary : undefined, borderWidth: l.id === last ? 2 : 1, background: done ? token.colorSuccessBg : undefined }}>
              <Flex gap={12} align="center">
                <div style={{ flex: 1, minWidth: 0 }}>
                  <div style={{ fontSize: 15, fontWeight: 500 }}>{l.productName}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>{l.sku} · {t(`rma.reasons.${l.reason}`, { defaultValue: l.reason })}</Typography.Text>
                </div>
                <div style={{ fontSize: 22, fontWeight: 600 }} data-testid="receive-count">
                  <span style={{ color: done ? token.colorSuccess : undefined }}>{got}</span>
                  <span style={{ fontSize: 15, color: token.colorTextSecondary }}>/{l.baseQuantity}</span>
                </div>
              </Flex>
            </Card>
          );
        })}
      </Flex>
      {open && (
        <div style={{ position: 'sticky', bottom: 0, padding: '12px 0', background: token.colorBgLayout, zIndex: 2 }}>
          <Button type="primary" size="large" block icon={<CheckOutlined />} disabled={!total} loading={post.isPending} onClick={() => post.mutate()} style={{ height: 52, fontSize: 18 }} data-testid="post-receipt">
            {total ? t('rma.post', { n: total }) : t('rma.nothingScanned')}
          </Button>
        </div>
      )}
    </div>
  );
}
