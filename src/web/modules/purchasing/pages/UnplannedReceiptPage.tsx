import { ArrowLeftOutlined, CheckOutlined, DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, InputNumber, Select, Typography, theme } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { newIdempotencyKey } from '../../../shared/api/idempotency';
import { MoneyInput } from '../../../shared/components/form-parts';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { yuanToFen } from '../../../shared/lib/format';
import { lookupProduct, type Product } from '../../catalog/api';
import { beepError } from '../../shipping/beep';
import { ScanStation, type ScanOutcome } from '../../shipping/components/ScanStation';
import { warehouses as warehouseApi } from '../../warehouses/api';
import { purchaseReceipts } from '../api';
import { SupplierSelect } from '../components/SupplierSelect';

type Line = { key: string; product: Product; unit: string; factor: number; quantity: number; unitCost?: number };

/** 无单入库 on a phone: warehouse (and supplier if known), scan what arrived, optional cost per unit, post. */
export default function UnplannedReceiptPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const whs = useQuery({ queryKey: ['warehouses', 'active'], queryFn: () => warehouseApi.list({ status: 'active', pageSize: 500, sort: 'code' }) });
  const warehouses = whs.data?.items ?? [];
  const [warehouseId, setWarehouseId] = useState<string>();
  const [supplierId, setSupplierId] = useState<string>();
  const [lines, setLines] = useState<Line[]>([]);
  const [error, setError] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const wh = warehouseId ?? (warehouses.find((w) => w.isDefault) ?? warehouses[0])?.id;

  const post = useMutation({
    mutationFn: () => purchaseReceipts.create({
      warehouseId: wh, supplierId,
      lines: lines.map((l) => ({ productId: l.product.id, quantity: l.quantity, unit: l.unit, unitCost: l.unitCost })),
    }, key.current),
    onSuccess: async (r) => {
      message.success(t('rcv.posted', { number: r.number }));
      await qc.invalidateQueries({ queryKey: ['stock'] });
      await qc.invalidateQueries({ queryKey: ['purchaseReceipts'] });
      navigate(`/purchase-receipts/${r.id}`);
    },
    onError: (e) => {
      beepError();
      setError(errorMessage(e));
    },
  });

  const onScan = async (code: string): Promise<ScanOutcome> => {
    try {
      const r = await lookupProduct(code);
      const k = `${r.product.id}:${r.unitName}`;
      const had = lines.find((l) => l.key === k);
      const quantity = (had?.quantity ?? 0) + 1;
      setLines((ls) => (ls.some((l) => l.key === k) ? ls.map((l) => (l.key === k ? { ...l, quantity: l.quantity + 1 } : l)) : [...ls, { key: k, product: r.product, unit: r.unitName, factor: r.factor, quantity: 1 }]));
      return { ok: true, text: t('rcv.added', { name: r.product.name, qty: 1, unit: r.unitName, total: quantity }) };
    } catch (e) {
      return { ok: false, title: t('rcv.refused'), text: e instanceof ApiError && e.status === 404 ? t('rcv.unknown', { code }) : errorMessage(e) };
    }
  };
  const change = (k: string, patch: Partial<Line>) => setLines((ls) => ls.map((l) => (l.key === k ? { ...l, ...patch } : l)));
  const total = lines.reduce((s, l) => s + l.quantity, 0);

  return (
    <div style={{ maxWidth: 800 }}>
      <PageHeader title={t('rcv.unplannedTitle')} back={<Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/receiving')} aria-label={t('action.back')} />} />
      <Form layout="vertical" component="div">
        <Flex gap={8} wrap="wrap">
          <Form.Item label={t('rcv.warehouse')} htmlFor="rcv-wh" style={{ flex: '1 1 160px', marginBottom: 8 }}>
            <Select id="rcv-wh" value={wh} onChange={setWarehouseId} options={warehouses.map((w) => ({ value: w.id, label: w.name }))} />
          </Form.Item>
          <Form.Item label={t('rcv.supplier')} htmlFor="rcv-supplier" style={{ flex: '1 1 200px', marginBottom: 8 }}>
            <SupplierSelect id="rcv-supplier" allowClear value={supplierId} onChange={(id) => setSupplierId(id)} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
      </Form>
      <div style={{ position: 'sticky', top: 0, zIndex: 3, background: token.colorBgLayout, paddingBottom: 8 }}>
        <ScanStation onScan={onScan} hint={t('rcv.scanHint')} />
      </div>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        {lines.map((l) => (
          <Card key={l.key} size="small" data-testid="receive-line" styles={{ body: { padding: '10px 12px' } }}>
            <Flex justify="space-between" align="flex-start" gap={8}>
              <div style={{ minWidth: 0 }}>
                <div style={{ fontSize: 15, fontWeight: 500 }}>{l.product.name}</div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>{l.product.sku}</Typography.Text>
              </div>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('action.remove')} onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))} />
            </Flex>
            <Flex gap={8} wrap="wrap" align="flex-end">
              <InputNumber<number> min={1} precision={0} value={l.quantity} onChange={(v) => v && change(l.key, { quantity: v })} suffix={l.unit} aria-label={t('pur.quantity')} style={{ width: 120 }} />
              <MoneyInput value={l.unitCost != null ? l.unitCost / 100 : null} onChange={(v) => change(l.key, { unitCost: yuanToFen(v) })} placeholder={t('rcv.unitCostHint')} aria-label={t('rcv.unitCost')} style={{ width: 200 }} />
            </Flex>
          </Card>
        ))}
      </Flex>
      <div style={{ position: 'sticky', bottom: 0, padding: '12px 0', background: token.colorBgLayout, zIndex: 2 }}>
        <Button type="primary" size="large" block icon={<CheckOutlined />} disabled={!total || !wh} loading={post.isPending} onClick={() => post.mutate()} style={{ height: 52, fontSize: 18 }} data-testid="post-receipt">
          {total ? t('rcv.post', { n: total }) : t('rcv.nothingScanned')}
        </Button>
      </div>
    </div>
  );
}
