import { ArrowLeftOutlined, CheckOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Progress, Skeleton, Typography, theme } from 'antd';
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
import { TransferStatusTag } from '../components/MoveTags';
import { transfers } from '../transfer-api';

type Cart = Record<string, number>;

/**
 * 调入 on a phone: each scan (barcode, case barcode or SKU) adds to its transfer line; a product not
 * on the transfer, or more than is in transit, is refused on the spot with a buzz and nothing added.
 * 确认调入 receives what was scanned; the rest stays in transit for a later receipt.
 */
export default function TransferReceivePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const q = useQuery({ queryKey: ['stock', 'transfers', 'one', id], queryFn: () => transfers.get(id), staleTime: 0 });
  const [cart, setCart] = useState<Cart>({});
  const cartRef = useRef<Cart>({});
  const [lastLine, setLastLine] = useState<string | null>(null);
  const [posted, setPosted] = useState<string | null>(null);
  const [postError, setPostError] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const keep = (c: Cart) => {
    cartRef.current = c;
    setCart(c);
  };

  const post = useMutation({
    mutationFn: () => transfers.receive(id, { lines: Object.entries(cartRef.current).filter(([, n]) => n > 0).map(([lineId, quantity]) => ({ lineId, quantity })) }, key.current),
    onSuccess: async (after) => {
      key.current = newIdempotencyKey();
      keep({});
      setPosted(after.number);
      setPostError(null);
      message.success(t('xfer.posted', { number: after.number }));
      qc.setQueryData(['stock', 'transfers', 'one', id], after);
      await qc.invalidateQueries({ queryKey: ['stock'] });
    },
    onError: (e) => {
      beepError();
      setPostError(errorMessage(e));
      void qc.invalidateQueries({ queryKey: ['stock', 'transfers', 'one', id] });
    },
  });

  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(`/stock/transfers/${id}`)} aria-label={t('action.back')} />;
  if (q.isError) return <><PageHeader title={t('xfer.receive')} back={back} /><Alert type="error" showIcon title={errorMessage(q.error)} /></>;
  const tr = q.data;
  if (!tr) return <Skeleton active />;
  const open = tr.status === 'in_transit' || tr.status === 'partially_received';
  const total = Object.values(cart).reduce((s, n) => s + n, 0);
  const lines = tr.lines.filter((l) => l.shipped > 0);

  const onScan = async (code: string): Promise<ScanOutcome> => {
    setPosted(null);
    setPostError(null);
    let found;
    try {
      found = await lookupProduct(code);
    } catch (e) {
      return { ok: false, title: t('xfer.refused'), text: e instanceof ApiError && e.status === 404 ? t('xfer.unknown', { code }) : errorMessage(e) };
    }
    const p = found.product;
    const line = tr.lines.find((l) => l.productId === p.id && l.inTransit > 0) ?? tr.lines.find((l) => l.productId === p.id);
    if (!line) return { ok: false, title: t('xfer.refused'), text: t('xfer.notOnTransfer', { product: `${p.sku} ${p.name}`, number: tr.number }) };
    setLastLine(line.id);
    const now = cartRef.current[line.id] ?? 0;
    if (now + found.factor > line.inTransit) {
      return { ok: false, title: t('xfer.refused'), text: t('xfer.tooMany', { product: `${line.sku} ${line.productName}`, inTransit: line.inTransit, now }) };
    }
    keep({ ...cartRef.current, [line.id]: now + found.factor });
    return { ok: true, text: t('xfer.added', { name: line.productName, qty: found.factor, unit: line.baseUnit, total: now + found.factor }) };
  };

  const shipped = lines.reduce((s, l) => s + l.shipped - l.returned, 0);
  const arrived = lines.reduce((s, l) => s + l.received + (cart[l.id] ?? 0), 0);

  return (
    <div style={{ maxWidth: 800, paddingBottom: 8 }}>
      <PageHeader title={<>{t('xfer.receiveTitle', { number: tr.number })} <TransferStatusTag status={tr.status} /></>} back={back} />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>{tr.fromWarehouseName} → {tr.toWarehouseName}</Typography.Paragraph>
      {posted && <Alert type="success" showIcon style={{ marginBottom: 12 }} data-testid="receive-posted" title={t('xfer.posted', { number: posted })} />}
      {postError && <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="receive-error" title={postError} />}
      {!open && !posted && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('xfer.nothingToReceive')} />}
      {open && (
        <div style={{ position: 'sticky', top: 0, zIndex: 3, background: token.colorBgLayout, paddingBottom: 8 }}>
          <ScanStation onScan={onScan} hint={t('xfer.scanHint')} />
        </div>
      )}
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        {lines.map((l) => {
          const now = cart[l.id] ?? 0;
          const left = l.inTransit - now;
          const done = left <= 0;
          return (
            <Card key={l.id} size="small" data-testid="receive-line"
              style={{ borderColor: l.id === lastLine ? token.colorPrimary : undefined, borderWidth: l.id === lastLine ? 2 : 1, background: done ? token.colorSuccessBg : undefined }}
              styles={{ body: { padding: '10px 12px' } }}>
              <Flex gap={12} align="center">
                <div style={{ flex: 1, minWidth: 0 }}>
                  <div style={{ fontSize: 15, fontWeight: 500 }}>{l.productName}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>{l.sku} · {t('xfer.shipped')} {l.shipped} · {t('xfer.received')} {l.received}</Typography.Text>
                </div>
                <div style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  <div style={{ fontSize: 22, fontWeight: 600, lineHeight: 1.1 }} data-testid="receive-count">
                    <span style={{ color: done ? token.colorSuccess : undefined }}>{now}</span>
                    <span style={{ fontSize: 15, color: token.colorTextSecondary }}>/{l.inTransit}</span>
                  </div>
                  <div style={{ fontSize: 12 }}>{done ? t('xfer.complete') : `${t('xfer.openQty')} ${left} ${l.baseUnit}`}</div>
                  {now > 0 && (
                    <Button size="small" type="link" style={{ padding: 0 }} onClick={() => keep({ ...cartRef.current, [l.id]: 0 })}>{t('xfer.clearLine')}</Button>
                  )}
                </div>
              </Flex>
            </Card>
          );
        })}
      </Flex>
      {open && (
        <div style={{ position: 'sticky', bottom: 0, padding: '12px 0', background: token.colorBgLayout, zIndex: 2 }}>
          <Progress percent={Math.round((arrived / Math.max(1, shipped)) * 100)} size="small" />
          <Button type="primary" size="large" block icon={<CheckOutlined />} disabled={!total} loading={post.isPending} onClick={() => post.mutate()} style={{ height: 52, fontSize: 18 }} data-testid="post-receive">
            {total ? t('xfer.post', { n: total }) : t('xfer.nothingScanned')}
          </Button>
        </div>
      )}
    </div>
  );
}
