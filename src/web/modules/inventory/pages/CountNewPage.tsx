import { ArrowLeftOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Grid, Input, Row, Select, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { newIdempotencyKey } from '../../../shared/api/idempotency';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { CategoryTreeSelect } from '../../catalog/components/CategoryTreeSelect';
import { ProductSelect, type KnownProduct } from '../../catalog/components/ProductSelect';
import { products } from '../../catalog/api';
import { stockCounts, type CountInput } from '../count-api';
import { useWarehouses, WarehouseSelect } from '../components/WarehouseSelect';

/** 新建盘点单: a warehouse, optionally narrowed to a zone, bins, a category or products; starting freezes the book. */
export default function CountNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const phone = Grid.useBreakpoint().md === false;
  const whs = useWarehouses();
  const [chosen, setChosen] = useState<string>();
  const warehouseId = chosen ?? whs.defaultId;
  const warehouse = whs.list.find((w) => w.id === warehouseId);
  const [zone, setZone] = useState<string>();
  const [binIds, setBinIds] = useState<string[]>([]);
  const [categoryId, setCategoryId] = useState<string>();
  const [picked, setPicked] = useState<KnownProduct[]>([]);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const key = useRef<{ body: string; key: string } | null>(null);

  const bins = (warehouse?.bins ?? []).filter((b) => b.status === 'active' && b.id);
  const zones = [...new Set(bins.map((b) => b.zone).filter((z): z is string => !!z))].sort();

  const start = useMutation({
    mutationFn: (input: CountInput) => {
      const body = JSON.stringify(input);
      if (key.current?.body !== body) key.current = { body, key: newIdempotencyKey() };
      return stockCounts.create(input, key.current.key);
    },
    onSuccess: async (c) => {
      message.success(t('cnt.started', { number: c.number }));
      await qc.invalidateQueries({ queryKey: ['stock', 'counts'] });
      navigate(phone ? `/stock/counts/${c.id}/scan` : `/stock/counts/${c.id}`, { replace: true });
    },
    onError: (e) => setProblem(errorMessage(e)),
  });

  const submit = () => {
    if (!warehouseId) return setProblem(t('cnt.needWarehouse'));
    setProblem(null);
    start.mutate({
      warehouseId,
      zone: zone || undefined,
      binIds: binIds.length ? binIds : undefined,
      categoryId: categoryId || undefined,
      productIds: picked.length ? picked.map((p) => p.id) : undefined,
      note: note.trim() || undefined,
    });
  };

  const changeWarehouse = (id: string) => {
    setChosen(id);
    setZone(undefined);
    setBinIds([]);
  };

  const addProduct = async (id: string) => {
    if (!id || picked.some((p) => p.id === id)) return;
    const p = await qc.fetchQuery({ queryKey: ['products', 'one', id], queryFn: () => products.get(id) });
    setPicked((ps) => (ps.some((x) => x.id === p.id) ? ps : [...ps, { id: p.id, sku: p.sku, name: p.name }]));
  };

  return (
    <>
      <PageHeader title={t('cnt.newTitle')} back={<Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/stock/counts')} aria-label={t('action.back')} />} />
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('cnt.newHint')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form layout="vertical" component="div">
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label={t('cnt.warehouse')} htmlFor="count-warehouse" required>
                <WarehouseSelect id="count-warehouse" value={warehouseId} onChange={changeWarehouse} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('cnt.zone')} htmlFor="count-zone">
                <Select id="count-zone" allowClear value={zone} onChange={setZone} options={zones.map((z) => ({ value: z, label: z }))} disabled={!zones.length} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('cnt.bins')} htmlFor="count-bins">
                <Select id="count-bins" mode="multiple" allowClear value={binIds} onChange={setBinIds}
                  options={bins.filter((b) => !zone || b.zone === zone).map((b) => ({ value: b.id!, label: b.code }))} disabled={!bins.length} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('cnt.category')} htmlFor="count-category">
                <CategoryTreeSelect id="count-category" allowClear value={categoryId} onChange={(v: string | undefined) => setCategoryId(v)} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item label={t('cnt.products')} htmlFor="count-products">
                <ProductSelect id="count-products" value={null} onChange={(id: string) => void addProduct(id)} placeholder={t('stock.entry.productSearchPlaceholder')} style={{ width: '100%' }} />
                {picked.length > 0 && (
                  <Flex wrap="wrap" gap={4} style={{ marginTop: 6 }}>
                    {picked.map((p) => (
                      <Tag key={p.id} closable onClose={() => setPicked((ps) => ps.filter((x) => x.id !== p.id))}>{p.sku} {p.name}</Tag>
                    ))}
                  </Flex>
                )}
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label={t('cnt.note')} htmlFor="count-note" style={{ marginBottom: 0 }}>
                <Input id="count-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problem} data-testid="entry-problem" />}
      <Flex gap={8} justify="flex-end">
        <Button onClick={() => navigate('/stock/counts')}>{t('action.cancel')}</Button>
        <Button type="primary" icon={<PlayCircleOutlined />} loading={start.isPending} onClick={submit} data-testid="start-count">{t('cnt.start')}</Button>
      </Flex>
    </>
  );
}
