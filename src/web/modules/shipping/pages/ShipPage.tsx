import { ArrowLeftOutlined, BarcodeOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Radio, Segmented, Skeleton, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { newIdempotencyKey } from '../../../shared/api/idempotency';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { carriers as carrierApi, fulfilment, shipments, type Carrier, type Fulfilment, type FulfilmentLine, type ShipmentInput } from '../api';

/** What a line ships by default, as the server would: what is packed, else what is picked, else what is reserved (in that warehouse). */
function defaults(lines: FulfilmentLine[]): Record<string, number> {
  const basis: keyof FulfilmentLine = lines.some((l) => l.packed > 0) ? 'packed' : lines.some((l) => l.picked > 0) ? 'picked' : 'toShip';
  return Object.fromEntries(lines.map((l) => [l.id, Math.min(l[basis] as number, l.toShip)]));
}

/** The expected delivery date the server sets when none is given: today + the carrier's transit days. */
const byTransit = (c: Carrier) => dayjs().add(c.transitDays, 'day').format('YYYY-MM-DD');

/** A code that arrived much faster than a person types came from a scanner. */
const looksScanned = (chars: number, ms: number) => chars >= 6 && ms < chars * 30;

/**
 * 发货 of an order (from one warehouse at a time): the carrier, the tracking number (scanned, typed
 * or issued by the carrier), and the quantities (what is packed by default; less makes a partial
 * shipment, the rest stays on the order).
 */
export default function ShipPage() {
  const { t, i18n } = useTranslation();
  const { orderId = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['fulfilment', orderId], queryFn: () => fulfilment.get(orderId) });
  const cs = useQuery({ queryKey: ['carriers', 'active'], queryFn: () => carrierApi.list('active') });
  const [warehouseId, setWarehouseId] = useState<string>();
  const [carrierId, setCarrierId] = useState<string>();
  const [tracking, setTracking] = useState('');
  const [source, setSource] = useState<'typed' | 'scanned'>('typed');
  const [issue, setIssue] = useState(true);
  const [qty, setQty] = useState<Record<string, number>>({});
  const [note, setNote] = useState('');
  const [expected, setExpected] = useState<string>();
  const [problem, setProblem] = useState<string | null>(null);
  const typing = useRef<{ start: number; chars: number } | null>(null);
  const last = useRef<{ body: string; key: string } | null>(null);

  const post = useMutation({
    mutationFn: (input: ShipmentInput) => {
      const body = JSON.stringify(input);
      if (last.current?.body !== body) last.current = { body, key: newIdempotencyKey() };
      return shipments.create(input, last.current.key);
    },
    onSuccess: async (s) => {
      message.success(t('ship.shipment.posted', { number: s.number }));
      await qc.invalidateQueries({ queryKey: ['fulfilment'] });
      await qc.invalidateQueries({ queryKey: ['salesOrders'] });
      await qc.invalidateQueries({ queryKey: ['shipments'] });
      navigate(`/shipments/${s.id}?done=1`);
    },
    onError: (e) => setProblem(errorMessage(e)),
  });

  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('action.back')} />;
  if (q.isError) return <><PageHeader title={t('ship.shipment.new')} back={back} /><Alert type="error" showIcon title={errorMessage(q.error)} /></>;
  const f: Fulfilment | undefined = q.data;
  if (!f || !cs.data) return <Skeleton active />;

  // Warehouses with something to ship; one shipment ships from one of them.
  const byWarehouse = new Map<string, FulfilmentLine[]>();
  for (const l of f.lines) if (l.toShip > 0) byWarehouse.set(l.warehouseId, [...(byWarehouse.get(l.warehouseId) ?? []), l]);
  const whIds = [...byWarehouse.keys()];
  const wid = warehouseId && byWarehouse.has(warehouseId) ? warehouseId : whIds[0];
  const lines = wid ? byWarehouse.get(wid)! : [];
  const base = defaults(lines);
  const amount = (l: FulfilmentLine) => qty[l.id] ?? base[l.id] ?? 0;
  const changed = lines.some((l) => amount(l) !== base[l.id]);
  const carrier: Carrier | undefined = cs.data.find((c) => c.id === carrierId);
  const whName = (id: string) => f.lines.find((l) => l.warehouseId === id)?.warehouseName || id;
  const carrierName = (c: Carrier) => (i18n.language === 'en' ? c.nameEn : c.name);
  const issuing = !!carrier?.issuesWaybills && issue;

  const submit = () => {
    setProblem(null);
    if (!carrier) return setProblem(t('ship.shipment.chooseCarrier'));
    if (!issuing && carrier.trackingRequired && !tracking.trim()) return setProblem(t('ship.shipment.trackingRequired'));
    const input: ShipmentInput = {
      orderId, carrierId: carrier.id, warehouseId: wid,
      lines: changed ? lines.filter((l) => amount(l) > 0).map((l) => ({ lineId: l.id, quantity: amount(l) })) : undefined,
      trackingNumber: issuing || !tracking.trim() ? undefined : tracking.trim(),
      trackingSource: issuing ? undefined : source,
      issueWaybill: issuing || undefined,
      expectedDate: expected,
      note: note.trim() || undefined,
    };
    post.mutate(input);
  };

  return (
    <div style={{ maxWidth: 800 }}>
      <PageHeader title={t('ship.shipment.newTitle', { number: f.number })} back={back} />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>{f.customerName}</Typography.Paragraph>
      {whIds.length === 0 ? (
        <Alert type="info" showIcon title={t('ship.shipment.noLinesToShip')} />
      ) : (
        <Form layout="vertical" component="div">
          <Card size="small" style={{ marginBottom: 12 }}>
            <Form.Item label={t('ship.shipment.carrier')} required style={{ marginBottom: 12 }}>
              <Radio.Group
                value={carrierId}
                onChange={(e) => setCarrierId(e.target.value)}
                optionType="button"
                buttonStyle="solid"
                style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 8 }}
                options={cs.data.map((c) => ({ value: c.id, label: carrierName(c), style: { height: 48, lineHeight: '46px', textAlign: 'center', borderRadius: 6, borderInlineStartWidth: 1 } }))}
              />
            </Form.Item>
            {carrier?.issuesWaybills && (
              <Checkbox checked={issue} onChange={(e) => setIssue(e.target.checked)} style={{ marginBottom: 12 }}>
                {t('ship.shipment.issueWaybill')}
              </Checkbox>
            )}
            {carrier && !issuing && (
              <Form.Item
                label={t('ship.shipment.trackingNumber')}
                htmlFor="ship-tracking"
                required={carrier.trackingRequired}
                extra={carrier.trackingRequired ? undefined : t('ship.shipment.noTrackingNeeded')}
                style={{ marginBottom: 0 }}
              >
                <Input
                  id="ship-tracking"
                  size="large"
                  autoFocus
                  prefix={<BarcodeOutlined />}
                  value={tracking}
                  placeholder={t('ship.shipment.trackingPlaceholder')}
                  autoComplete="off"
                  onChange={(e) => {
                    setTracking(e.target.value);
                    if (!typing.current || !e.target.value) typing.current = { start: performance.now(), chars: 0 };
                    typing.current.chars = e.target.value.length;
                    setSource('typed');
                  }}
                  onPressEnter={(e) => {
                    e.preventDefault();
                    const tp = typing.current;
                    if (tp && looksScanned(tp.chars, performance.now() - tp.start)) {
                      setSource('scanned');
                      message.success(t('ship.shipment.trackingScanned', { code: tracking.trim() }));
                    }
                    typing.current = null;
                  }}
                />
              </Form.Item>
            )}
            {issuing && <Typography.Text type="secondary">{t('ship.shipment.issueWaybillHint')}</Typography.Text>}
            {carrier && (
              <Form.Item
                label={t('ship.shipment.expectedDate')}
                htmlFor="ship-expected"
                extra={expected ? undefined : t('ship.shipment.expectedDateHint', { date: byTransit(carrier) })}
                style={{ marginTop: 12, marginBottom: 0 }}
              >
                <DatePicker
                  id="ship-expected"
                  size="large"
                  inputReadOnly
                  allowClear
                  style={{ width: '100%', maxWidth: 240 }}
                  placeholder={byTransit(carrier)}
                  value={expected ? dayjs(expected) : null}
                  disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                  onChange={(v) => setExpected(v ? v.format('YYYY-MM-DD') : undefined)}
                  data-testid="ship-expected"
                />
              </Form.Item>
            )}
          </Card>
          {whIds.length > 1 && (
            <Segmented
              block
              value={wid}
              onChange={(v) => setWarehouseId(String(v))}
              options={whIds.map((id) => ({ value: id, label: whName(id) ?? id }))}
              style={{ marginBottom: 12 }}
            />
          )}
          <Card size="small" title={t('ship.shipment.lines')} extra={wid && <span data-testid="ship-warehouse">{t('ship.warehouse')}{t('ship.colon')}{whName(wid)}</span>} style={{ marginBottom: 12 }}>
            <Flex vertical gap={10}>
              {lines.map((l) => (
                <Flex key={l.id} gap={8} align="center" wrap="wrap" data-testid="ship-line">
                  <div style={{ flex: '1 1 160px', minWidth: 0 }}>
                    <div style={{ fontWeight: 500 }}>{l.productName}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {l.sku} · {t('ship.shipment.ordered')} {l.ordered} · {t('ship.shipment.shippedQty')} {l.shipped}
                      {l.packed > 0 && ` · ${t('ship.pack.packed')} ${l.packed}`}
                      {l.backordered > 0 && ` · ${t('ship.shipment.backordered')} ${l.backordered}`}
                    </Typography.Text>
                  </div>
                  <InputNumber
                    size="large"
                    min={0}
                    max={l.toShip}
                    precision={0}
                    value={amount(l)}
                    onChange={(v) => setQty((s) => ({ ...s, [l.id]: v ?? 0 }))}
                    aria-label={`${t('ship.shipment.thisTime')} ${l.sku}`}
                    style={{ width: 90 }}
                  />
                  <span style={{ width: 64 }}>/ {l.toShip} {l.baseUnit}</span>
                </Flex>
              ))}
            </Flex>
            {changed && <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>{t('ship.shipment.partialHint')}</Typography.Text>}
          </Card>
          <Form.Item label={t('ship.note')} htmlFor="ship-note">
            <Input id="ship-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
          </Form.Item>
          {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="ship-problem" />}
          <div style={{ position: 'sticky', bottom: 0, padding: '12px 0', background: token.colorBgLayout, zIndex: 2 }}>
            <Button type="primary" size="large" block icon={<SendOutlined />} loading={post.isPending} onClick={submit} style={{ height: 52, fontSize: 18 }} data-testid="ship-submit">
              {t('ship.shipment.post')}
            </Button>
          </div>
        </Form>
      )}
    </div>
  );
}
