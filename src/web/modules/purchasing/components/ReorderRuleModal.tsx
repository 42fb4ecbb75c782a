import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, InputNumber, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../../shared/lib/errors';
import { ProductSelect } from '../../catalog/components/ProductSelect';
import { WarehouseSelect } from '../../inventory/components/WarehouseSelect';
import { reorderRules, type ReorderRule, type ReorderRuleInput } from '../api';
import { SupplierSelect } from './SupplierSelect';

type Values = {
  productId?: string; warehouseId?: string; method: 'reorder_point' | 'min_max'; supplierId?: string;
  reorderPoint?: number | null; safetyStock?: number | null; min?: number | null; max?: number | null;
};

/** What the server takes: one method's numbers only (empty fields left out, so the server names them). */
function toInput(v: Values): ReorderRuleInput {
  const n = (x: number | null | undefined) => (x === null || x === undefined ? undefined : x);
  const base = { productId: v.productId ?? '', warehouseId: v.warehouseId ?? '', supplierId: v.supplierId ?? null };
  return v.method === 'min_max'
    ? { ...base, min: n(v.min), max: n(v.max) }
    : { ...base, reorderPoint: n(v.reorderPoint), safetyStock: n(v.safetyStock) ?? 0 };
}

function toValues(r: ReorderRule): Values {
  return r.method === 'min_max'
    ? { productId: r.productId, warehouseId: r.warehouseId, method: 'min_max', supplierId: r.supplierId ?? undefined, min: r.reorderPoint, max: r.maxStock }
    : { productId: r.productId, warehouseId: r.warehouseId, method: 'reorder_point', supplierId: r.supplierId ?? undefined, reorderPoint: r.reorderPoint, safetyStock: r.safetyStock };
}

type Props = {
  /** The rule edited; `{}` (with an optional product or warehouse) for a new one; null when closed. */
  target: ReorderRule | { productId?: string; warehouseId?: string } | null;
  onClose: () => void;
};

/** Add or edit the rule of a product × warehouse: 再订货点 + 安全库存, or 最低/最高库存; the server's field errors show on the fields. */
export function ReorderRuleModal({ target, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const editing = target && 'sku' in target ? target : null;
  const method = Form.useWatch('method', form);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue(editing ? toValues(editing) : { method: 'reorder_point', productId: target.productId, warehouseId: target.warehouseId, safetyStock: 0 });
  }, [target, editing, form]);

  const save = useMutation({
    mutationFn: (v: Values) => reorderRules.put(toInput(v)),
    onSuccess: async () => {
      message.success(t('rr.saved'));
      await qc.invalidateQueries({ queryKey: ['reorderRules'] });
      await qc.invalidateQueries({ queryKey: ['replenishment'] });
      onClose();
    },
    onError: (e) => {
      applyFieldErrors(form, e);
      message.error(errorMessage(e));
    },
  });

  const qty = (name: keyof Values, label: string, help?: string) => (
    <Form.Item name={name} label={label} extra={help}>
      <InputNumber<number> precision={0} style={{ width: '100%' }} aria-label={label} />
    </Form.Item>
  );

  return (
    <Modal
      open={!!target}
      title={t(editing ? 'rr.edit' : 'rr.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="productId" label={t('rr.product')} rules={[{ required: true, message: t('rr.productRequired') }]}>
          <ProductSelect disabled={!!editing} aria-label={t('rr.product')} known={editing ? [{ id: editing.productId, sku: editing.sku, name: editing.productName }] : []} />
        </Form.Item>
        <Form.Item name="warehouseId" label={t('rr.warehouse')} rules={[{ required: true, message: t('rr.warehouseRequired') }]}>
          <WarehouseSelect disabled={!!editing} aria-label={t('rr.warehouse')} />
        </Form.Item>
        <Form.Item name="method" label={t('rr.method')}>
          <Radio.Group options={(['reorder_point', 'min_max'] as const).map((m) => ({ value: m, label: t(`rr.methods.${m}`) }))} />
        </Form.Item>
        {method === 'min_max' ? (
          <>
            {qty('min', t('rr.min'), t('rr.minHelp'))}
            {qty('max', t('rr.max'))}
          </>
        ) : (
          <>
            {qty('reorderPoint', t('rr.reorderPoint'), t('rr.pointHelp'))}
            {qty('safetyStock', t('rr.safetyStock'), t('rr.safetyHelp'))}
          </>
        )}
        <Form.Item name="supplierId" label={t('rr.supplier')}>
          <SupplierSelect
            allowClear
            placeholder={t('rr.supplierDefault')}
            aria-label={t('rr.supplier')}
            known={editing?.supplierId && editing.supplierName ? { id: editing.supplierId, name: editing.supplierName } : null}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
