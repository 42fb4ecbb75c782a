import { ArrowLeftOutlined, CheckOutlined, InboxOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Progress, Skeleton, Tag, Typography, theme } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { useSession } from '../../../shared/auth/session';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime } from '../../../shared/lib/format';
import { pickLists, type PickLine, type PickList } from '../api';
import { PickConfirmDialog } from '../components/PickConfirmDialog';
import { PickLineCard } from '../components/PickLineCard';
import { ScanStation, type ScanOutcome } from '../components/ScanStation';
import { PickStatusTag } from '../components/Tags';

const sameCode = (a: string | null, b: string) => !!a && a.toLowerCase() === b.toLowerCase();

/**
 * 拣货单 and the phone picking screen in one: lines in walking order (warehouse, bin), the scan box on
 * top while the list is open. Scan a bin to pick at it, then its items (or just the items); each
 * scan counts up its line; 确认拣货 records the picked quantities, a short one going back to the order.
 */
export default function PickListPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { can } = useSession();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const qc = useQueryClient();
  const key = ['pickLists', 'one', id];
  const q = useQuery({ queryKey: key, queryFn: () => pickLists.get(id) });
  const [bin, setBinState] = useState<string | null>(null);
  // Scans queue up faster than renders: read the bin and the lines as they are now, not as rendered.
  const binRef = useRef<string | null>(null);
  const setBin = (b: string | null) => {
    binRef.current = b;
    setBinState(b);
  };
  const [lastLine, setLastLine] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const confirm = useMutation({
    mutationFn: (lines: { lineId: string; picked: number }[]) => pickLists.confirm(id, lines),
    onSuccess: async (pl) => {
      qc.setQueryData(key, pl);
      setConfirming(false);
      const short = pl.lines.filter((l) => l.status === 'short').length;
      message.success(short ? t('ship.pick.confirmedShort', { n: short }) : t('ship.pick.confirmed'));
      await qc.invalidateQueries({ queryKey: ['pickLists', 'list'] });
      await qc.invalidateQueries({ queryKey: ['fulfilment'] });
      await qc.invalidateQueries({ queryKey: ['salesOrders'] });
    },
    onError: (e) => void message.error(errorMessage(e)),
  });

  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/pick-lists')} aria-label={t('action.back')} />;
  if (q.isError) return <><PageHeader title={t('ship.pick.detail')} back={back} /><Alert type="error" showIcon title={errorMessage(q.error)} /></>;
  const pl = q.data;
  if (!pl) return <Skeleton active />;

  const picking = pl.status === 'open' && can('shipping:write');
  const openLines = pl.lines.filter((l) => l.status === 'open');
  const total = openLines.reduce((s, l) => s + l.quantity, 0);
  const scanned = openLines.reduce((s, l) => s + l.scanned, 0);
  const orders = [...new Map(pl.lines.map((l) => [l.orderId, l.orderNumber])).entries()];

  const setLine = (line: PickLine) => qc.setQueryData<PickList>(key, (old) => old && { ...old, lines: old.lines.map((l) => (l.id === line.id ? line : l)) });

  const onScan = async (code: string): Promise<ScanOutcome> => {
    // A bin's code: pick at that bin from now on.
    const now = qc.getQueryData<PickList>(key) ?? pl;
    const atBin = now.lines.find((l) => l.status === 'open' && sameCode(l.binCode, code));
    if (atBin) {
      setBin(atBin.binCode);
      return { ok: true, text: t('ship.pick.binSet', { bin: atBin.binCode }) };
    }
    try {
      const line = await pickLists.scan(id, { barcode: code, binCode: binRef.current ?? undefined });
      const before = (qc.getQueryData<PickList>(key) ?? pl).lines.find((l) => l.id === line.id)?.scanned ?? 0;
      setLine(line);
      setLastLine(line.id);
      if (line.scanned >= line.quantity) return { ok: true, text: t('ship.pick.lineDone', { name: line.productName, quantity: line.quantity, unit: line.baseUnit }) };
      return { ok: true, text: t('ship.pick.scanned1', { name: line.productName, added: line.scanned - before, scanned: line.scanned, quantity: line.quantity }) };
    } catch (e) {
      const text = e instanceof ApiError && e.code === 'BARCODE_UNKNOWN' ? t('ship.scanUnknown', { code }) : errorMessage(e);
      return { ok: false, title: t('ship.scanRefused'), text };
    }
  };

  // Lines under a heading per warehouse (only when the list spans more than one).
  const groups = pl.warehouses.map((w) => ({ ...w, lines: pl.lines.filter((l) => l.warehouseId === w.warehouseId) }));

  return (
    <div style={{ maxWidth: 800 }}>
      <PageHeader
        title={<>{picking ? t('ship.pick.pickingTitle', { number: pl.number }) : pl.number} <PickStatusTag status={pl.status} /></>}
        back={back}
        extra={<Button icon={<PrinterOutlined />} onClick={() => window.open(`/pick-lists/${pl.id}/print`, '_blank')}>{t('ship.print')}</Button>}
      />
      {picking && (
        <div style={{ position: 'sticky', top: 0, zIndex: 3, background: token.colorBgLayout, paddingBottom: 8 }}>
          <ScanStation onScan={onScan} paused={confirming} hint={t('ship.pick.scanHint')} />
          <Flex align="center" gap={8} wrap="wrap" style={{ marginTop: 8 }}>
            <span>{t('ship.pick.currentBin')}</span>
            {bin ? (
              <Tag color="blue" closable onClose={() => setBin(null)} style={{ fontSize: 16, padding: '2px 8px' }} data-testid="current-bin">{bin}</Tag>
            ) : (
              <Typography.Text type="secondary">{t('ship.pick.anyBin')}</Typography.Text>
            )}
            <Progress percent={total ? Math.round((scanned / total) * 100) : 100} size="small" style={{ flex: 1, minWidth: 120, margin: 0 }} format={() => `${scanned}/${total}`} />
          </Flex>
        </div>
      )}
      {!picking && pl.status === 'completed' && (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('ship.pick.nothingOpen')} description={pl.completedAt ? formatDateTime(pl.completedAt) : undefined} />
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
        {t('ship.orders')}{t('ship.colon')}{orders.map(([, n]) => n).join(t('ship.listSeparator'))}
        {pl.note && ` · ${pl.note}`}
      </Typography.Paragraph>
      {groups.map((g) => (
        <div key={g.warehouseId} style={{ marginBottom: 12 }}>
          {groups.length > 1 && <Typography.Title level={5} style={{ margin: '8px 0' }}>{g.code} {g.name}</Typography.Title>}
          <Flex vertical gap={8}>
            {g.lines.map((l) => (
              <PickLineCard key={l.id} line={l} atBin={sameCode(bin, l.binCode ?? '')} last={l.id === lastLine} />
            ))}
          </Flex>
        </div>
      ))}
      {picking ? (
        <div style={{ position: 'sticky', bottom: 0, padding: '12px 0', background: token.colorBgLayout, zIndex: 2 }}>
          {total > 0 && scanned >= total && <Alert type="success" showIcon style={{ marginBottom: 8 }} title={t('ship.pick.allScanned')} />}
          <Button type="primary" size="large" block icon={<CheckOutlined />} onClick={() => setConfirming(true)} data-testid="pick-confirm" style={{ height: 52, fontSize: 18 }}>
            {t('ship.pick.confirm')}
          </Button>
        </div>
      ) : (
        pl.status === 'completed' && can('shipping:write') && (
          <Flex gap={8} wrap="wrap" style={{ padding: '12px 0' }}>
            {orders.map(([orderId, number]) => (
              <Button key={orderId} size="large" type="primary" icon={<InboxOutlined />} onClick={() => navigate(`/packing/${orderId}`)} data-testid="to-packing">
                {t('ship.pick.toPacking')} {number}
              </Button>
            ))}
          </Flex>
        )
      )}
      {confirming && <PickConfirmDialog lines={openLines} busy={confirm.isPending} onCancel={() => setConfirming(false)} onConfirm={(lines) => confirm.mutate(lines)} />}
    </div>
  );
}
