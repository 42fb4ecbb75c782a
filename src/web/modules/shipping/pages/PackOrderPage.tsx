import { ArrowLeftOutlined, PlusOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Progress, Skeleton, Typography, theme } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { fulfilment, type Fulfilment } from '../api';
import { PackageCard } from '../components/PackageCard';
import { ScanStation, type ScanOutcome } from '../components/ScanStation';

/**
 * 复核打包 of one order on a phone: each item scanned is checked against what was picked and goes
 * into the open box; a wrong item or one too many is refused on the spot (nothing is packed) with a
 * buzz. Boxes get weight and size; then 装箱单 and 发货.
 */
export default function PackOrderPage() {
  const { t } = useTranslation();
  const { orderId = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const qc = useQueryClient();
  const key = ['fulfilment', orderId];
  const q = useQuery({ queryKey: key, queryFn: () => fulfilment.get(orderId) });
  // The box the next scans go into (a new one started here); otherwise the server's open box.
  const box = useRef<string | undefined>(undefined);
  const [activeBox, setActiveBox] = useState<string>();
  const takeBox = (id: string) => {
    box.current = id;
    setActiveBox(id);
  };
  const [lastLine, setLastLine] = useState<string | null>(null);
  const [dialog, setDialog] = useState(false);

  const newBox = useMutation({
    mutationFn: (warehouseId?: string) => fulfilment.newPackage(orderId, { warehouseId }),
    onSuccess: async (p) => {
      takeBox(p.id);
      message.success(t('ship.pack.packageCreated', { n: p.seq }));
      await qc.invalidateQueries({ queryKey: key });
    },
    onError: (e) => void message.error(errorMessage(e)),
  });

  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/packing')} aria-label={t('action.back')} />;
  if (q.isError) return <><PageHeader title={t('ship.pack.title')} back={back} /><Alert type="error" showIcon title={errorMessage(q.error)} /></>;
  const f = q.data;
  if (!f) return <Skeleton active />;

  const lines = f.lines.filter((l) => l.picked > 0 || l.packed > 0);
  const picked = lines.reduce((s, l) => s + l.picked, 0);
  const packed = lines.reduce((s, l) => s + l.packed, 0);
  const openBoxes = f.packages.filter((p) => p.status === 'open');

  const onScan = async (code: string): Promise<ScanOutcome> => {
    try {
      const stillOpen = box.current && (qc.getQueryData<Fulfilment>(key) ?? f).packages.some((p) => p.id === box.current && p.status === 'open');
      const r = await fulfilment.packScan(orderId, { barcode: code, packageId: stillOpen ? box.current : undefined });
      takeBox(r.package.id);
      setLastLine(r.line.lineId);
      await qc.invalidateQueries({ queryKey: key });
      const l = r.line;
      if (l.toPack === 0 && (qc.getQueryData<Fulfilment>(key)?.lines ?? []).every((x) => x.packed >= x.picked)) {
        return { ok: true, text: `${t('ship.pack.added', { name: l.productName, added: l.added, packed: l.packed, picked: l.picked })}。${t('ship.pack.allPacked')}` };
      }
      return { ok: true, text: t('ship.pack.added', { name: l.productName, added: l.added, packed: l.packed, picked: l.picked }) };
    } catch (e) {
      const text = e instanceof ApiError && e.code === 'BARCODE_UNKNOWN' ? t('ship.scanUnknown', { code }) : errorMessage(e);
      return { ok: false, title: t('ship.scanRefused'), text };
    }
  };

  return (
    <div style={{ maxWidth: 800 }}>
      <PageHeader
        title={<>{t('ship.pack.title')} {f.number}</>}
        back={back}
        extra={<Button icon={<PrinterOutlined />} onClick={() => window.open(`/packing/${orderId}/slip`, '_blank')} disabled={!f.packages.length}>{t('ship.pack.slip')}</Button>}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>{f.customerName}</Typography.Paragraph>
      {picked + packed === 0 ? (
        <Alert type="warning" showIcon title={t('ship.pack.nothingPicked')} style={{ marginBottom: 12 }} />
      ) : (
        <div style={{ position: 'sticky', top: 0, zIndex: 3, background: token.colorBgLayout, paddingBottom: 8 }}>
          <ScanStation onScan={onScan} paused={dialog} hint={t('ship.pack.scanHint')} />
          <Progress percent={picked ? Math.round((packed / picked) * 100) : 0} format={() => `${packed}/${picked}`} size="small" style={{ margin: '6px 0 0' }} />
        </div>
      )}
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        {lines.map((l) => {
          const done = l.packed >= l.picked;
          return (
            <Card
              key={l.id}
              size="small"
              data-testid="pack-line"
              style={{ borderColor: l.id === lastLine ? token.colorPrimary : undefined, borderWidth: l.id === lastLine ? 2 : 1, background: done ? token.colorSuccessBg : undefined }}
              styles={{ body: { padding: '10px 12px' } }}
            >
              <Flex gap={12} align="center">
                <div style={{ flex: 1, minWidth: 0 }}>
                  <div style={{ fontSize: 15, fontWeight: 500 }}>{l.productName}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>{l.sku}</Typography.Text>
                </div>
                <div style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  <div style={{ fontSize: 22, fontWeight: 600, lineHeight: 1.1 }} data-testid="pack-count">
                    <span style={{ color: done ? token.colorSuccess : undefined }}>{l.packed}</span>
                    <span style={{ fontSize: 15, color: token.colorTextSecondary }}>/{l.picked}</span>
                  </div>
                  <div style={{ fontSize: 12 }}>{done ? t('ship.pack.complete') : `${t('ship.pack.toPack')} ${l.picked - l.packed} ${l.baseUnit}`}</div>
                </div>
              </Flex>
            </Card>
          );
        })}
      </Flex>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('ship.pack.packages')}</Typography.Title>
        <Button icon={<PlusOutlined />} onClick={() => newBox.mutate(openBoxes[0]?.warehouseId)} loading={newBox.isPending} data-testid="new-package">{t('ship.pack.newPackage')}</Button>
      </Flex>
      <Flex vertical gap={8}>
        {f.packages.map((p) => (
          <PackageCard key={p.id} pkg={p} active={p.id === activeBox} onDialog={setDialog} onChanged={() => qc.invalidateQueries({ queryKey: key })} />
        ))}
      </Flex>
      {packed > 0 && (
        <div style={{ position: 'sticky', bottom: 0, padding: '12px 0', background: token.colorBgLayout, zIndex: 2 }}>
          <Button type="primary" size="large" block icon={<SendOutlined />} onClick={() => navigate(`/ship/${orderId}`)} style={{ height: 52, fontSize: 18 }} data-testid="to-ship">
            {t('ship.pack.toShip')}
          </Button>
        </div>
      )}
    </div>
  );
}
