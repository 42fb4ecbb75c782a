import { ArrowLeftOutlined, DeleteOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Flex, Form, Input, InputNumber, Row, Typography, theme } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { ScanBox } from '../../../shared/components/ScanBox';
import { errorMessage } from '../../../shared/lib/errors';
import { ProductSelect } from '../../catalog/components/ProductSelect';
import { LineStock } from '../components/LineStock';
import { useWarehouses, WarehouseSelect } from '../components/WarehouseSelect';
import { transfers, type Transfer, type TransferInput } from '../transfer-api';
import { useStockEntry } from '../use-stock-entry';

/**
 * 新建调拨单: from and to warehouse, lines by scanning or product search with what is available at
 * the source on each; 保存草稿, or 保存并调出 (ships at once). A shortage shows on the line at fault.
 */
export default function TransferNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const whs = useWarehouses();
  const [chosenFrom, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  const from = chosenFrom ?? whs.defaultId;
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const entry = useStockEntry<object>(() => ({}));
  const inFlight = useRef(false);

  const save = useMutation({
    mutationFn: ({ input, key }: { input: TransferInput; key: string; keys: string[] }) => transfers.create(input, key),
    onSuccess: async (tr: Transfer) => {
      message.success(tr.status === 'draft' ? t('xfer.saved', { number: tr.number }) : t('xfer.shippedMsg', { number: tr.number, n: tr.inTransit }));
      await qc.invalidateQueries({ queryKey: ['stock'] });
      navigate(`/stock/transfers/${tr.id}`, { replace: true });
    },
    onError: (e, { input, keys }) => {
      entry.showErrors(e, keys, input.lines);
      setProblem(errorMessage(e));
      if (e instanceof ApiError && e.code === 'INSUFFICIENT_STOCK') void qc.invalidateQueries({ queryKey: ['stock'] });
    },
    onSettled: () => {
      inFlight.current = false;
    },
  });

  const submit = (ship: boolean) => {
    const ls = entry.latest.current;
    const invalid = new Map<string, string>();
    ls.forEach((l, i) => !l.quantity && invalid.set(l.key, t('stock.entry.needQuantity', { n: i + 1 })));
    const first = !from ? t('xfer.needFrom') : !to ? t('xfer.needTo') : from === to ? t('xfer.sameWarehouse') : !ls.length ? t('stock.entry.needLines') : [...invalid.values()][0];
    entry.markLines(invalid);
    setProblem(first ?? null);
    if (first || inFlight.current) return;
    const input: TransferInput = { fromWarehouseId: from!, toWarehouseId: to!, note: note.trim() || undefined, ship: ship || undefined, lines: ls.map((l) => ({ productId: l.product.id, quantity: l.quantity ?? 0 })) };
    inFlight.current = true;
    save.mutate({ input, key: entry.keyFor(input), keys: ls.map((l) => l.key) });
  };

  return (
    <>
      <PageHeader title={t('xfer.newTitle')} back={<Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/stock/transfers')} aria-label={t('action.back')} />} />
      <Form layout="vertical" component="div">
        <Card size="small" style={{ marginBottom: 12 }}>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item label={t('xfer.from')} htmlFor="xfer-from" required style={{ marginBottom: 8 }}>
                <WarehouseSelect id="xfer-from" value={from} onChange={setFrom} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label={t('xfer.to')} htmlFor="xfer-to" required style={{ marginBottom: 8 }} validateStatus={to && to === from ? 'error' : undefined} help={to && to === from ? t('xfer.sameWarehouse') : undefined}>
                <WarehouseSelect id="xfer-to" value={to} onChange={setTo} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('xfer.note')} htmlFor="xfer-note" style={{ marginBottom: 8 }}>
                <Input id="xfer-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('xfer.lines')} style={{ marginBottom: 12 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <ScanBox onScan={entry.scan} feedback={entry.feedback} />
            </Col>
            <Col xs={24} md={12} style={{ marginBottom: 8 }}>
              <ProductSelect
                value={null}
                onChange={(id: string) => id && void entry.pick(id)}
                placeholder={t('stock.entry.productSearchPlaceholder')}
                aria-label={t('stock.entry.productSearch')}
                data-testid="product-search"
                style={{ width: '100%' }}
              />
            </Col>
          </Row>
          {entry.lines.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stock.entry.noLines')} />
          ) : (
            <Flex vertical gap={8}>
              {entry.lines.map((l, i) => (
                <Card
                  key={l.key}
                  size="small"
                  data-testid="entry-line"
                  style={l.error ? { borderColor: token.colorError } : undefined}
                  title={
                    <span style={{ whiteSpace: 'normal' }}>
                      {i + 1}. <Typography.Text strong>{l.product.sku}</Typography.Text> {l.product.name}
                      {l.product.spec && <Typography.Text type="secondary"> {l.product.spec}</Typography.Text>}
                    </span>
                  }
                  extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => entry.remove(l.key)} aria-label={`${t('stock.entry.removeLine')} ${i + 1}`} />}
                >
                  <Flex wrap="wrap" gap={12} align="center">
                    <InputNumber<number>
                      value={l.quantity}
                      min={1}
                      precision={0}
                      onChange={(v) => entry.update(l.key, { quantity: v })}
                      status={l.error ? 'error' : undefined}
                      suffix={l.product.baseUnit}
                      aria-label={`${t('stock.entry.quantity')} ${i + 1}`}
                      inputMode="numeric"
                      style={{ width: 130 }}
                    />
                    <LineStock productId={l.product.id} warehouseId={from} unit={l.product.baseUnit} delta={-(l.quantity ?? 0)} />
                  </Flex>
                  {l.error && (
                    <Typography.Text type="danger" style={{ display: 'block', marginTop: 4 }} data-testid="line-error">
                      {l.error}
                    </Typography.Text>
                  )}
                </Card>
              ))}
            </Flex>
          )}
        </Card>
      </Form>
      {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('xfer.notSaved')} description={problem} data-testid="entry-problem" />}
      <Flex gap={8} justify="flex-end" align="center" wrap="wrap" style={{ position: 'sticky', bottom: 0, padding: '12px 0', background: token.colorBgLayout, zIndex: 2 }}>
        <Button onClick={() => navigate('/stock/transfers')}>{t('action.cancel')}</Button>
        <Button onClick={() => submit(false)} loading={save.isPending && !save.variables?.input.ship} data-testid="save-draft">{t('xfer.saveDraft')}</Button>
        <Button type="primary" icon={<SendOutlined />} onClick={() => submit(true)} loading={save.isPending && !!save.variables?.input.ship} data-testid="save-and-ship">{t('xfer.saveAndShip')}</Button>
      </Flex>
    </>
  );
}
