import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Segmented, Select, Skeleton, Typography, theme, type InputRef } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { newIdempotencyKey } from '../../../shared/api/idempotency';
import { PageHeader } from '../../../shared/components/PageHeader';
import { ScanBox, type ScanFeedback } from '../../../shared/components/ScanBox';
import { errorMessage } from '../../../shared/lib/errors';
import { lookupProduct, products as productApi, type Product } from '../../catalog/api';
import { suppliers as supplierApi, type Supplier } from '../../partners/api';
import { OrderTotals } from '../../sales/components/OrderTotals';
import { ProductPicker } from '../../sales/components/ProductPicker';
import { moveOnEnter } from '../../sales/enter-navigation';
import { warehouses as warehouseApi } from '../../warehouses/api';
import { purchaseOrders, type PurchaseOrder } from '../api';
import { PoLinesEditor } from '../components/PoLinesEditor';
import { SupplierSelect } from '../components/SupplierSelect';
import { addProduct, emptyDraft, fromOrder, priceDraft, problemsOf, removeLine, repriceFor, toInput, updateLine, type PoDraft } from '../po-draft';

const item = { marginBottom: 12 };
type EditSource = { order: PurchaseOrder; draft: PoDraft; supplier: Supplier };

async function loadForEdit(id: string): Promise<EditSource> {
  const order = await purchaseOrders.get(id);
  const ids = [...new Set(order.lines.map((l) => l.productId))];
  const [list, supplier] = await Promise.all([Promise.all(ids.map((p) => productApi.get(p))), supplierApi.get(order.supplierId)]);
  return { order, draft: fromOrder(order, new Map(list.map((p) => [p.id, p]))), supplier };
}

/** 新建采购订单, or 修改 a draft (/purchase-orders/:id/edit) in the same form. */
export default function PurchaseOrderNewPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const source = useQuery({ queryKey: ['purchaseOrders', 'edit', id], queryFn: () => loadForEdit(id!), enabled: !!id, staleTime: 0, gcTime: 0 });
  if (!id) return <PoEntry />;
  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(`/purchase-orders/${id}`)} aria-label={t('action.back')} />;
  if (source.isError) return <><PageHeader title={t('pur.edit')} back={back} /><Alert type="error" showIcon title={errorMessage(source.error)} /></>;
  if (!source.data) return <Skeleton active />;
  return <PoEntry key={source.data.order.updatedAt} editing={source.data} />;
}

/** Keyboard-first entry: supplier, warehouse, expected date; lines by scan or search with pack units and the supplier's prices. */
function PoEntry({ editing }: { editing?: EditSource }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const scanRef = useRef<InputRef>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<PoDraft>(editing?.draft ?? emptyDraft);
  const [supplier, setSupplier] = useState<Supplier | undefined>(editing?.supplier);
  const [feedback, setFeedback] = useState<ScanFeedback>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const key = useRef(newIdempotencyKey());
  const whs = useQuery({ queryKey: ['warehouses', 'active'], queryFn: () => warehouseApi.list({ status: 'active', pageSize: 500, sort: 'code' }) });
  const warehouses = whs.data?.items ?? [];
  const warehouseId = draft.warehouseId ?? (warehouses.find((w) => w.isDefault) ?? warehouses[0])?.id;
  const priced = priceDraft(draft);
  const editOf = editing?.order;

  const focusScan = () => setTimeout(() => scanRef.current?.focus(), 0);
  const focusLine = (k: string) => setTimeout(() => document.querySelector<HTMLElement>(`input[data-line-key="${k}"]`)?.focus(), 0);
  const add = (p: Product, unit?: string, factor?: number) => {
    const r = addProduct(draft, p, supplier, unit, factor);
    setDraft(r.draft);
    return r.key;
  };
  const pickSupplier = async (id: string | undefined) => {
    setDraft((d) => ({ ...d, supplierId: id }));
    const s = id ? await qc.fetchQuery({ queryKey: ['suppliers', 'one', id], queryFn: () => supplierApi.get(id) }) : undefined;
    setSupplier(s);
    setDraft((d) => repriceFor(d, s));
  };
  const scan = async (code: string) => {
    try {
      const r = await lookupProduct(code);
      add(r.product, r.unitName, r.factor);
      setFeedback({ type: 'success', text: t('pur.scanAdded', { name: `${r.product.name} (${r.unitName})` }) });
    } catch (e) {
      setFeedback({ type: 'error', text: e instanceof ApiError && e.status === 404 ? t('pur.scanUnknown', { code }) : errorMessage(e) });
    }
  };

  const save = useMutation({
    mutationFn: async (submit: boolean) => {
      const input = { ...toInput(draft, submit), warehouseId };
      if (!editOf) return purchaseOrders.create(input, key.current);
      const { submit: _s, ...edit } = input;
      const saved = await purchaseOrders.update(editOf.id, edit);
      return submit ? purchaseOrders.submit(saved.id) : saved;
    },
    onSuccess: async (o) => {
      key.current = newIdempotencyKey();
      message.success(t(o.status === 'ordered' ? 'pur.savedOrdered' : o.status === 'pending_approval' ? 'pur.savedPending' : 'pur.savedDraft', { number: o.number }));
      await qc.invalidateQueries({ queryKey: ['purchaseOrders'] });
      await qc.invalidateQueries({ queryKey: ['stock'] });
      navigate(`/purchase-orders/${o.id}`, { replace: true });
    },
    onError: (e) => {
      // A refused order takes no number: the same key may be sent again once fixed.
      key.current = newIdempotencyKey();
      const fields = e instanceof ApiError ? e.fieldErrors.map((f) => f.message) : [];
      setProblems([errorMessage(e), ...fields]);
    },
  });
  const submit = (withSubmit: boolean) => {
    const found = problemsOf(draft).map(([k, v]) => t(k, v));
    setProblems(found);
    if (!found.length) save.mutate(withSubmit);
  };
  const leave = () => navigate(editOf ? `/purchase-orders/${editOf.id}` : '/purchase-orders');

  return (
    <div
      ref={boxRef}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          submit(true);
          return;
        }
        moveOnEnter(e, boxRef.current, focusScan);
      }}
    >
      <PageHeader title={editOf ? `${t('pur.edit')} ${editOf.number}` : t('pur.add')} back={<Button type="text" icon={<ArrowLeftOutlined />} onClick={leave} aria-label={t('action.back')} />} />
      <Form layout="vertical" component="div">
        <Card size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12} xl={8}>
              <Form.Item label={t('pur.supplier')} htmlFor="po-supplier" required style={item}>
                <SupplierSelect
                  id="po-supplier"
                  autoFocus={!editOf}
                  known={editing ? { id: editing.supplier.id, name: `${editing.supplier.code} ${editing.supplier.name}` } : null}
                  value={draft.supplierId}
                  placeholder={t('pur.supplierPlaceholder')}
                  onChange={(id) => {
                    void pickSupplier(id);
                    if (id) focusScan();
                  }}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={5}>
              <Form.Item label={t('pur.warehouse')} htmlFor="po-warehouse" style={item}>
                <Select id="po-warehouse" value={warehouseId} onChange={(w) => setDraft((d) => ({ ...d, warehouseId: w }))} options={warehouses.map((w) => ({ value: w.id, label: w.name }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={5}>
              <Form.Item label={t('pur.expectedDate')} htmlFor="po-date" style={item}>
                <DatePicker
                  id="po-date"
                  style={{ width: '100%' }}
                  value={draft.expectedDate ? dayjs(draft.expectedDate) : null}
                  disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                  onChange={(v) => setDraft((d) => ({ ...d, expectedDate: v ? v.format('YYYY-MM-DD') : undefined }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label={t('pur.overReceipt')} htmlFor="po-over" style={item}>
                <InputNumber<number>
                  id="po-over"
                  min={0}
                  max={100}
                  precision={2}
                  suffix="%"
                  placeholder={t('pur.overReceiptDefault')}
                  value={draft.overReceiptPercent}
                  onChange={(v) => setDraft((d) => ({ ...d, overReceiptPercent: v }))}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('pur.lines')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <ScanBox ref={scanRef} onScan={scan} feedback={feedback} />
            </Col>
            <Col xs={24} md={12} style={{ marginBottom: 8 }}>
              <ProductPicker onPick={(p) => focusLine(add(p))} />
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>{t('pur.keyboardHint')}</Typography.Paragraph>
          <PoLinesEditor
            lines={draft.lines}
            warehouseId={warehouseId}
            priced={priced.lines}
            onChange={(k, patch) => setDraft((d) => updateLine(d, k, patch, supplier))}
            onRemove={(k) => setDraft((d) => removeLine(d, k))}
          />
        </Card>
        <Card size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label={t('pur.priceBasis')} style={item}>
                <Segmented
                  block
                  value={draft.pricesIncludeTax ? 'incl' : 'excl'}
                  onChange={(v) => setDraft((d) => ({ ...d, pricesIncludeTax: v === 'incl' }))}
                  options={[{ value: 'incl', label: t('pur.pricesIncludeTax') }, { value: 'excl', label: t('pur.pricesExcludeTax') }]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} xl={18}>
              <Form.Item label={t('pur.notes')} htmlFor="po-notes" style={item}>
                <Input.TextArea id="po-notes" rows={1} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} value={draft.notes} onChange={(e) => setDraft((d) => ({ ...d, notes: e.target.value }))} />
              </Form.Item>
            </Col>
          </Row>
          <OrderTotals totals={{ ...priced, discount: 0 }} hint={t('pur.totalsHint')} />
        </Card>
      </Form>
      {problems.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problems.join(t('pur.listSeparator'))} data-testid="po-problems" />}
      <Flex gap={8} justify="flex-end" wrap="wrap" style={{ position: 'sticky', bottom: 0, padding: '12px 0', background: token.colorBgLayout, zIndex: 2 }}>
        <Button onClick={leave}>{t('action.cancel')}</Button>
        <Button onClick={() => submit(false)} loading={save.isPending && save.variables === false}>{t('pur.saveDraft')}</Button>
        <Button type="primary" onClick={() => submit(true)} loading={save.isPending && save.variables === true} title="Ctrl+Enter">{t('pur.saveSubmit')}</Button>
      </Flex>
    </div>
  );
}
