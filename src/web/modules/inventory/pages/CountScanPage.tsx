import { ArrowLeftOutlined, AuditOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, InputNumber, Modal, Skeleton, Typography, theme } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { newIdempotencyKey } from '../../../shared/api/idempotency';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { ScanStation, type ScanOutcome } from '../../shipping/components/ScanStation';
import { stockCounts, type CountedLine } from '../count-api';
import { CountScopeText } from '../components/CountScope';
import { CountStatusTag } from '../components/MoveTags';

/**
 * 扫码盘点 on a phone, blind: each scan (barcode, case barcode or SKU) adds to what is counted of the
 * product, the book quantity is never shown. An unknown code, or a product outside the count's scope,
 * is refused on the spot with a buzz. 重盘 replaces a product's count with what was counted again.
 */
export default function CountScanPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const head = useQuery({ queryKey: ['stock', 'counts', 'one', id], queryFn: () => stockCounts.get(id), staleTime: 0 });
  const counted = useQuery({ queryKey: ['stock', 'counts', 'counted', id], queryFn: () => stockCounts.counted(id, { pageSize: 100 }), staleTime: 0 });
  // What the phone knows each product stands at, so a scan can say how many it added (a case adds its factor).
  const known = useRef(new Map<string, number>());
  const [last, setLast] = useState<string | null>(null);
  const [recount, setRecount] = useState<CountedLine | null>(null);
  const [recountQty, setRecountQty] = useState<number | null>(null);

  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['stock', 'counts', 'counted', id] }), qc.invalidateQueries({ queryKey: ['stock', 'counts', 'one', id] })]);

  const setCount = useMutation({
    mutationFn: ({ line, quantity }: { line: CountedLine; quantity: number }) => stockCounts.scan(id, { mode: 'set', lines: [{ productId: line.productId, quantity }] }, newIdempotencyKey()),
    onSuccess: async (r, { line }) => {
      const l = r.lines[0];
      known.current.set(line.productId, l?.counted ?? 0);
      message.success(t('cnt.recountDone', { name: line.productName, n: l?.counted ?? 0, unit: line.baseUnit }));
      setRecount(null);
      setLast(line.productId);
      await refresh();
    },
    onError: (e) => message.error(errorMessage(e)),
  });

  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(`/stock/counts/${id}`)} aria-label={t('action.back')} />;
  const error = head.error ?? counted.error;
  if (error) return <><PageHeader title={t('cnt.scan')} back={back} /><Alert type="error" showIcon title={errorMessage(error)} /></>;
  const c = head.data;
  if (!c || !counted.data) return <Skeleton active />;
  const open = c.status === 'counting';

  const onScan = async (code: string): Promise<ScanOutcome> => {
    try {
      const r = await stockCounts.scan(id, { lines: [{ barcode: code }] }, newIdempotencyKey());
      const l = r.lines[0];
      const before = known.current.get(l.productId) ?? counted.data?.items.find((x) => x.productId === l.productId)?.counted ?? 0;
      known.current.set(l.productId, l.counted ?? 0);
      setLast(l.productId);
      void refresh();
      return { ok: true, text: t('cnt.added', { name: l.productName, qty: (l.counted ?? 0) - before, unit: l.baseUnit, total: l.counted ?? 0 }) };
    } catch (e) {
      return { ok: false, title: t('cnt.refused'), text: errorMessage(e) };
    }
  };

  const items = counted.data.items;
  return (
    <div style={{ maxWidth: 800, paddingBottom: 8 }}>
      <PageHeader
        title={<>{t('cnt.scanTitle', { number: c.number })} <CountStatusTag status={c.status} /></>}
        back={back}
        extra={<Button icon={<AuditOutlined />} onClick={() => navigate(`/stock/counts/${id}`)}>{t('cnt.review')}</Button>}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {c.warehouseName} · <CountScopeText count={c} /> · <span data-testid="count-progress">{t('cnt.progress', { counted: c.countedLines, lines: c.lineCount })}</span>
      </Typography.Paragraph>
      {open && (
        <div style={{ position: 'sticky', top: 0, zIndex: 3, background: token.colorBgLayout, paddingBottom: 8 }}>
          <ScanStation onScan={onScan} hint={t('cnt.scanHint')} paused={!!recount} />
        </div>
      )}
      <Typography.Title level={5} style={{ marginTop: 4 }}>{t('cnt.countedSoFar')}</Typography.Title>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cnt.nothingCounted')} />
      ) : (
        <Flex vertical gap={8}>
          {items.map((l) => (
            <Card key={l.productId} size="small" data-testid="counted-line" styles={{ body: { padding: '10px 12px' } }}
              style={{ borderColor: l.productId === last ? token.colorPrimary : undefined, borderWidth: l.productId === last ? 2 : 1 }}>
              <Flex gap={12} align="center">
                <div style={{ flex: 1, minWidth: 0 }}>
                  <div style={{ fontSize: 15, fontWeight: 500 }}>{l.productName}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>{l.sku}</Typography.Text>
                </div>
                <div style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  <div style={{ fontSize: 22, fontWeight: 600, lineHeight: 1.1 }} data-testid="counted-qty">{l.counted ?? 0}<span style={{ fontSize: 14, fontWeight: 400 }}> {l.baseUnit}</span></div>
                  {open && (
                    <Button size="small" type="link" icon={<EditOutlined />} style={{ padding: 0 }} onClick={() => { setRecount(l); setRecountQty(l.counted ?? 0); }}>
                      {t('cnt.recount')}
                    </Button>
                  )}
                </div>
              </Flex>
            </Card>
          ))}
        </Flex>
      )}
      {recount && (
        <Modal
          open
          title={t('cnt.recountTitle', { name: recount.productName })}
          okText={t('action.save')}
          cancelText={t('action.cancel')}
          confirmLoading={setCount.isPending}
          okButtonProps={{ disabled: recountQty === null }}
          onCancel={() => setRecount(null)}
          onOk={() => recountQty !== null && setCount.mutate({ line: recount, quantity: recountQty })}
        >
          <Typography.Paragraph type="secondary">{t('cnt.recountHint')}</Typography.Paragraph>
          <InputNumber<number> autoFocus min={0} precision={0} value={recountQty} onChange={setRecountQty} suffix={recount.baseUnit}
            aria-label={t('cnt.counted')} inputMode="numeric" style={{ width: 160 }} />
        </Modal>
      )}
    </div>
  );
}
