import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Segmented, Select, Skeleton, Typography, theme, type InputRef } from 'antd';
import dayjs from 'dayjs';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { MoneyInput } from '../../../shared/components/form-parts';
import { PageHeader } from '../../../shared/components/PageHeader';
import { ScanBox } from '../../../shared/components/ScanBox';
import { errorMessage } from '../../../shared/lib/errors';
import { fenToYuan, yuanToFen } from '../../../shared/lib/format';
import { products as productApi } from '../../catalog/api';
import { customers as customerApi } from '../../partners/api';
import { warehouses as warehouseApi } from '../../warehouses/api';
import { editable, salesOrders, type SalesOrder } from '../api';
import { OrderStatusTag } from '../components/OrderStatusTag';
import { CustomerSelect } from '../components/CustomerSelect';
import { LinesEditor } from '../components/LinesEditor';
import { OrderTotals } from '../components/OrderTotals';
import { ProductPicker } from '../components/ProductPicker';
import { ShortagePanel } from '../components/ShortagePanel';
import { moveOnEnter } from '../enter-navigation';
import { formatAddress } from '../format';
import { addressIndexOf, removeLine, updateLine } from '../order-draft';
import { useOrderEntry, type EditSource } from '../use-order-entry';

const item = { marginBottom: 12 };

/** The order to edit, with the products of its lines and its customer (for units, tier prices and addresses). */
async function loadForEdit(id: string): Promise<EditSource> {
  const order = await salesOrders.get(id);
  const ids = [...new Set(order.lines.map((l) => l.productId))];
  const [list, customer] = await Promise.all([Promise.all(ids.map((p) => productApi.get(p))), customerApi.get(order.customerId)]);
  return { order, products: new Map(list.map((p) => [p.id, p])), customer };
}

/** 新建销售订单, or 修改 an existing one (/sales-orders/:id/edit) in the same form, prefilled. */
export default function SalesOrderNewPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const source = useQuery({ queryKey: ['salesOrders', 'edit', id], queryFn: () => loadForEdit(id!), enabled: !!id, staleTime: 0, gcTime: 0 });
  if (!id) return <OrderEntry />;
  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(`/sales-orders/${id}`)} aria-label={t('action.back')} />;
  if (source.isError) return <><PageHeader title={t('sales.edit')} back={back} /><Alert type="error" showIcon title={errorMessage(source.error)} /></>;
  if (!source.data) return <Skeleton active />;
  const o = source.data.order;
  if (!editable(o)) {
    return (
      <>
        <PageHeader title={<>{t('sales.editTitle', { number: o.number })} <OrderStatusTag status={o.status} /></>} back={back} />
        <Alert type="error" showIcon title={t('sales.editNotAllowed')} data-testid="order-problems" />
      </>
    );
  }
  return <OrderEntry key={o.updatedAt} editing={source.data} />;
}

/** Keyboard-first entry with a scan box, live stock and totals, and shortage handling. */
function OrderEntry({ editing }: { editing?: EditSource }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const scanRef = useRef<InputRef>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const whs = useQuery({ queryKey: ['warehouses', 'active'], queryFn: () => warehouseApi.list({ status: 'active', pageSize: 500, sort: 'code' }) });
  const warehouses = whs.data?.items ?? [];
  const defaultWarehouse = (warehouses.find((w) => w.isDefault) ?? warehouses[0])?.id ?? '';
  const editOf: SalesOrder | undefined = editing?.order;
  const entry = useOrderEntry(defaultWarehouse, (o) => {
    const key = o.status === 'confirmed' ? 'sales.savedConfirmed' : o.status === 'pending_approval' ? 'sales.savedPending' : editOf ? 'sales.savedEdit' : 'sales.savedDraft';
    message.success(t(key, { number: o.number }));
    navigate(`/sales-orders/${o.id}`, { replace: true });
  }, editing);
  const leave = () => navigate(editOf ? `/sales-orders/${editOf.id}` : '/sales-orders');
  const shortageTitle = { create: 'sales.shortageTitle', edit: editOf?.status === 'confirmed' ? 'sales.editConfirmedShortageTitle' : 'sales.shortageTitle', confirmAfterEdit: 'sales.editShortageTitle' }[entry.shortageStage];
  const { draft, change, customer } = entry;
  const warehouseName = (id: string) => warehouses.find((w) => w.id === id)?.name ?? id;
  const focusScan = () => setTimeout(() => scanRef.current?.focus(), 0);
  const focusLine = (key: string) => setTimeout(() => document.querySelector<HTMLElement>(`[data-line-key="${key}"] input, input[data-line-key="${key}"]`)?.focus(), 0);
  const submit = (confirm: boolean, shortage?: 'backorder') => {
    const problem = entry.submit(confirm, shortage);
    if (problem) message.error(problem);
  };
  const defaultAddress = customer ? customer.addresses.findIndex((a) => a.isDefault) : -1;
  const addressIndex = draft.addressIndex ?? (defaultAddress >= 0 ? defaultAddress : customer?.addresses.length ? 0 : undefined);
  const shortKeys = new Set(entry.shortages.filter((s) => !s.resolved).map((s) => s.lineKey));

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
      <PageHeader
        title={editOf ? <>{t('sales.editTitle', { number: editOf.number })} <OrderStatusTag status={editOf.status} /></> : t('sales.add')}
        back={<Button type="text" icon={<ArrowLeftOutlined />} onClick={leave} aria-label={t('action.back')} />}
      />
      {editOf && editOf.status !== 'draft' && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(editOf.status === 'confirmed' ? 'sales.editConfirmedHint' : 'sales.editPendingHint')} />
      )}
      <Form layout="vertical" component="div">
        <Card size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12} xl={8}>
              <Form.Item label={t('sales.customer')} htmlFor="so-customer" required style={item} extra={editOf ? t('sales.customerLocked') : undefined}>
                <CustomerSelect
                  id="so-customer"
                  autoFocus={!editOf}
                  disabled={!!editOf}
                  known={editing ? { id: editing.customer.id, code: editing.customer.code, name: editing.customer.name } : null}
                  value={draft.customerId}
                  placeholder={t('sales.customerPlaceholder')}
                  onChange={(id, c) => {
                    entry.pickCustomer(id, c);
                    if (id) focusScan();
                  }}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={4}>
              <Form.Item label={t('sales.warehouse')} htmlFor="so-warehouse" style={item}>
                <Select id="so-warehouse" value={entry.orderWarehouse || undefined} onChange={(w) => change((d) => ({ ...d, warehouseId: w }))} options={warehouses.map((w) => ({ value: w.id, label: w.name }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={4}>
              <Form.Item label={t('sales.requestedDate')} htmlFor="so-date" style={item}>
                <DatePicker
                  id="so-date"
                  style={{ width: '100%' }}
                  value={draft.requestedDate ? dayjs(draft.requestedDate) : null}
                  onChange={(v) => change((d) => ({ ...d, requestedDate: v ? v.format('YYYY-MM-DD') : undefined }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item label={t('sales.address')} htmlFor="so-address" style={item}>
                <Select
                  id="so-address"
                  value={addressIndex}
                  disabled={!customer?.addresses.length && addressIndex !== -1}
                  placeholder={t('sales.noAddress')}
                  onChange={(i) => change((d) => ({ ...d, addressIndex: i }))}
                  options={[
                    ...(draft.addressIndex === -1 || (editOf && addressIndexOf(editOf, customer?.addresses ?? []) === -1)
                      ? [{ value: -1, label: t('sales.originalAddress', { address: formatAddress(editOf?.shippingAddress) }) }]
                      : []),
                    ...(customer?.addresses ?? []).map((a, i) => ({ value: i, label: [a.label, formatAddress(a)].filter(Boolean).join(' · ') })),
                  ]}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title={t('sales.lines')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <ScanBox ref={scanRef} onScan={entry.scan} feedback={entry.feedback} />
            </Col>
            <Col xs={24} md={12} style={{ marginBottom: 8 }}>
              <ProductPicker onPick={(p) => focusLine(entry.addProduct(p).key)} />
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>{t('sales.keyboardHint')}</Typography.Paragraph>
          <ShortagePanel
            shortages={entry.shortages}
            lines={draft.lines}
            warehouseName={warehouseName}
            {...entry.shortageActions}
            title={t(shortageTitle)}
            customerId={draft.customerId}
            onRetry={() => submit(editOf?.status !== 'confirmed')}
            onBackorder={() => submit(editOf?.status !== 'confirmed', 'backorder')}
            retrying={entry.save.isPending && entry.save.variables?.input.shortage !== 'backorder'}
            backordering={entry.save.isPending && entry.save.variables?.input.shortage === 'backorder'}
          />
          <LinesEditor
            draft={draft}
            orderWarehouse={entry.orderWarehouse}
            warehouses={warehouses}
            priced={entry.priced.lines}
            shortKeys={shortKeys}
            held={editOf ? (productId, warehouseId) => editOf.lines.filter((l) => l.productId === productId && l.warehouseId === warehouseId).reduce((n, l) => n + l.reserved, 0) : undefined}
            onChange={(key, patch) => change((d) => updateLine(d, key, patch))}
            onRemove={(key) => change((d) => removeLine(d, key))}
          />
        </Card>

        <Card size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label={t('sales.priceBasis')} style={item}>
                <Segmented
                  block
                  value={draft.pricesIncludeTax ? 'incl' : 'excl'}
                  onChange={(v) => change((d) => ({ ...d, pricesIncludeTax: v === 'incl' }))}
                  options={[{ value: 'incl', label: t('sales.pricesIncludeTax') }, { value: 'excl', label: t('sales.pricesExcludeTax') }]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label={t('sales.orderDiscount')} htmlFor="so-order-discount" style={item}>
                <MoneyInput id="so-order-discount" value={fenToYuan(draft.orderDiscount)} onChange={(v) => change((d) => ({ ...d, orderDiscount: yuanToFen(v) ?? 0 }))} />
              </Form.Item>
            </Col>
            <Col xs={24} xl={12}>
              <Form.Item label={t('sales.notes')} htmlFor="so-notes" style={item}>
                <Input.TextArea id="so-notes" rows={1} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} value={draft.notes} onChange={(e) => change((d) => ({ ...d, notes: e.target.value }))} />
              </Form.Item>
            </Col>
          </Row>
          <OrderTotals totals={entry.priced} hint={t('sales.totalsHint')} />
        </Card>
      </Form>

      {entry.problems.length > 0 && (
        editOf
          ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('sales.editRefused')} description={entry.problems.join('；')} data-testid="order-problems" />
          : <Alert type="error" showIcon style={{ marginBottom: 12 }} title={entry.problems.join('；')} data-testid="order-problems" />
      )}
      <Flex gap={8} justify="flex-end" wrap="wrap" style={{ position: 'sticky', bottom: 0, padding: '12px 0', background: token.colorBgLayout, zIndex: 2 }}>
        <Button onClick={leave}>{t('action.cancel')}</Button>
        {editOf?.status === 'confirmed' ? (
          <Button type="primary" onClick={() => submit(false)} loading={entry.save.isPending} title="Ctrl+Enter">{t('sales.save')}</Button>
        ) : (
          <>
            <Button onClick={() => submit(false)} loading={entry.save.isPending && !entry.save.variables?.input.confirm}>{t(editOf ? 'sales.save' : 'sales.saveDraft')}</Button>
            <Button type="primary" onClick={() => submit(true)} loading={entry.save.isPending && !!entry.save.variables?.input.confirm} title="Ctrl+Enter">{t('sales.saveConfirm')}</Button>
          </>
        )}
      </Flex>
    </div>
  );
}
