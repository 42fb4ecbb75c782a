import { SettingOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, InputNumber, Select, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { newIdempotencyKey } from '../../../shared/api/idempotency';
import { useSession } from '../../../shared/auth/session';
import { ListToolbar } from '../../../shared/components/ListToolbar';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { useMethodName } from '../../forecast/components/ForecastTags';
import { formatWape } from '../../forecast/forecast-view';
import { WarehouseSelect } from '../../inventory/components/WarehouseSelect';
import { replenishment, type PurchaseOrder, type Suggestion } from '../api';
import { SupplierSelect } from '../components/SupplierSelect';

const keyOf = (s: { productId: string; warehouseId: string }) => `${s.productId}:${s.warehouseId}`;

/**
 * 补货建议: product × warehouse rows with available, incoming, the rule, the suggested quantity and
 * the server's reason; tick rows (and change quantities) → one draft purchase order per supplier.
 */
export default function ReplenishmentPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const methodName = useMethodName();
  const list = useListParams(['warehouseId', 'supplierId', 'productId', 'weeks']);
  const f = list.params.filters;
  const weeks = Number(f.weeks) || 8;
  const query = { warehouseId: f.warehouseId, supplierId: f.supplierId, productId: f.productId, weeks };
  const result = useQuery({ queryKey: ['replenishment', query], queryFn: () => replenishment.suggestions(query) });
  const [selected, setSelected] = useState<string[]>([]);
  const [quantities, setQuantities] = useState<Record<string, number | null>>({});
  const [created, setCreated] = useState<PurchaseOrder[]>([]);
  const [idemKey, setIdemKey] = useState(newIdempotencyKey);

  const q = list.params.q.toLowerCase();
  const rows = useMemo(
    () => (result.data ?? []).filter((s) => !q || s.sku.toLowerCase().includes(q) || s.productName.toLowerCase().includes(q)),
    [result.data, q],
  );
  const en = i18n.language === 'en';
  const quantityOf = (s: Suggestion) => quantities[keyOf(s)] ?? s.suggestedQuantity;
  // Only ticked rows still shown count: a filter may hide some.
  const chosen = rows.filter((s) => selected.includes(keyOf(s)));

  const create = useMutation({
    mutationFn: () => replenishment.draftOrders({
      weeks,
      rows: chosen.map((s) => ({ productId: s.productId, warehouseId: s.warehouseId, quantity: quantityOf(s), supplierId: s.supplierId ?? undefined })),
    }, idemKey),
    onSuccess: async ({ orders }) => {
      setCreated(orders);
      setSelected([]);
      setQuantities({});
      setIdemKey(newIdempotencyKey());
      message.success(t('repl.created', { n: orders.length }));
      await qc.invalidateQueries({ queryKey: ['purchaseOrders'] });
    },
    onError: (e) => message.error(errorMessage(e)),
  });

  const ruleText = (s: Suggestion) =>
    s.method === 'reorder_point' ? t('repl.ruleReorderPoint', { point: s.reorderPoint, safety: s.safetyStock })
      : s.method === 'min_max' ? t('repl.ruleMinMax', { min: s.reorderPoint, max: s.maxStock })
        : t('repl.noRule');

  const columns: TableColumnsType<Suggestion> = [
    { key: 'product', title: t('repl.product'), render: (_, s) => <><Typography.Text strong>{s.sku}</Typography.Text> {s.productName}</> },
    { key: 'warehouse', title: t('repl.warehouse'), dataIndex: 'warehouseName' },
    { key: 'available', title: t('repl.available'), align: 'right', render: (_, s) => `${s.available} ${s.baseUnit}` },
    { key: 'incoming', title: t('repl.incoming'), align: 'right', render: (_, s) => s.incoming },
    { key: 'rule', title: t('repl.rule'), render: (_, s) => ruleText(s) },
    { key: 'suggested', title: t('repl.suggested'), align: 'right', render: (_, s) => <span data-testid="suggested-qty">{s.suggestedQuantity} {s.baseUnit}</span> },
    {
      key: 'quantity', title: t('repl.quantity'), width: 150,
      render: (_, s) => (
        <Flex vertical gap={2}>
          <InputNumber<number>
            min={1}
            precision={0}
            size="small"
            value={quantityOf(s)}
            aria-label={t('repl.quantityLabel', { sku: s.sku })}
            onChange={(v) => setQuantities((m) => ({ ...m, [keyOf(s)]: v }))}
            suffix={s.baseUnit}
            style={{ width: 130 }}
          />
          {s.orderUnit.factor > 1 && quantityOf(s) === s.suggestedQuantity && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('repl.orderUnit', { quantity: s.orderUnit.quantity, unit: s.orderUnit.name })}</Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'demandSource', title: t('repl.demandSource'),
      render: (_, s) => s.demandSource === 'forecast' && s.forecast ? (
        <Flex vertical gap={2} data-testid="demand-source">
          <Tooltip title={t('repl.forecastHint', { time: formatDateTime(s.forecast.computedAt) })}>
            {can('analytics:read')
              ? <Link to={`/analytics/forecast?productId=${s.productId}&productWarehouseId=${s.warehouseId}`}><Tag color="blue" style={{ marginInlineEnd: 0 }}>{t('repl.byForecast')}</Tag></Link>
              : <Tag color="blue" style={{ marginInlineEnd: 0, width: 'fit-content' }}>{t('repl.byForecast')}</Tag>}
          </Tooltip>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('repl.byForecastDetail', { method: methodName(s.forecast.method), wape: formatWape(s.forecast.wape) })}</Typography.Text>
        </Flex>
      ) : <Tag data-testid="demand-source">{t('repl.byAverage', { n: s.weeks })}</Tag>,
    },
    { key: 'supplier', title: t('repl.supplier'), render: (_, s) => s.supplierName ?? <Tag color="red">{t('repl.noSupplier')}</Tag> },
    { key: 'reason', title: t('repl.reason'), render: (_, s) => <div data-testid="suggestion-reason" style={{ minWidth: 240, maxWidth: 360, whiteSpace: 'normal' }}>{en ? s.reason.en : s.reason.zh}</div> },
  ];

  const hit = rows.find((s) => s.supplierId === f.supplierId);
  const knownSupplier = hit?.supplierId && hit.supplierName ? { id: hit.supplierId, name: hit.supplierName } : null;
  const shown = f.productId ? rows.find((s) => s.productId === f.productId) : undefined;
  const productName = shown ? `${shown.sku} ${shown.productName}` : f.productId;
  return (
    <>
      <PageHeader
        title={t('repl.title')}
        extra={
          <>
            <Button icon={<SettingOutlined />} onClick={() => navigate('/reorder-rules')}>{t('repl.rules')}</Button>
            {can('purchasing:write') && (
              <Button type="primary" icon={<ShoppingCartOutlined />} disabled={chosen.length === 0} loading={create.isPending} onClick={() => create.mutate()}>
                {t('repl.create', { n: chosen.length })}
              </Button>
            )}
          </>
        }
      />
      {created.length > 0 && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setCreated([])}
          style={{ marginBottom: 12 }}
          data-testid="created-orders"
          title={t('repl.created', { n: created.length })}
          description={<>{t('repl.createdHint')} {created.map((o) => <Link key={o.id} to={`/purchase-orders/${o.id}`} style={{ marginInlineEnd: 12 }}>{o.number} {o.supplierName}</Link>)}</>}
        />
      )}
      <ListToolbar q={list.params.q} onSearch={(v) => list.update({ q: v })} placeholder={t('repl.searchPlaceholder')}>
        <WarehouseSelect allowClear placeholder={t('repl.allWarehouses')} aria-label={t('repl.warehouse')} value={f.warehouseId} onChange={(v) => list.update({ warehouseId: v })} style={{ width: 160 }} />
        <SupplierSelect allowClear placeholder={t('repl.allSuppliers')} aria-label={t('repl.supplier')} value={f.supplierId} known={knownSupplier} onChange={(v) => list.update({ supplierId: v })} style={{ width: 220, maxWidth: '100%' }} />
        <Select
          aria-label={t('repl.weeks')}
          value={weeks}
          onChange={(v) => list.update({ weeks: v === 8 ? undefined : v })}
          options={[4, 8, 13, 26].map((n) => ({ value: n, label: t('repl.weeksOption', { n }) }))}
          popupMatchSelectWidth={false}
          style={{ width: 140 }}
        />
        {f.productId && <Tag closable onClose={() => list.update({ productId: undefined })} data-testid="product-filter" style={{ alignSelf: 'center' }}>{t('repl.filteredProduct', { name: productName })}</Tag>}
      </ListToolbar>
      {result.isError && <Alert type="error" showIcon title={errorMessage(result.error)} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('repl.selectHint')}</Typography.Paragraph>
      <Table<Suggestion>
        rowKey={keyOf}
        size="middle"
        scroll={{ x: 'max-content' }}
        loading={result.isFetching}
        columns={columns}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('repl.empty') }}
        onRow={() => ({ 'data-testid': 'suggestion-row' } as React.HTMLAttributes<HTMLElement>)}
        rowSelection={can('purchasing:write') ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (s) => ({ 'aria-label': s.sku, disabled: !s.supplierId }) } : undefined}
      />
    </>
  );
}
