import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Field, FormFooter, FormSection, MoneyInput } from '../../../shared/components/form-parts';
import { PageHeader } from '../../../shared/components/PageHeader';
import { fenToYuan, yuanToFen } from '../../../shared/lib/format';
import { useRecordForm } from '../../../shared/lib/use-record-form';
import { products, type Product, type ProductInput } from '../api';
import { AttributesField } from '../components/AttributesField';
import { CategoryTreeSelect } from '../components/CategoryTreeSelect';
import { BarcodesField, PackUnitsField } from '../components/PackUnitsField';

type Values = {
  sku: string; name: string; spec?: string; model?: string; categoryId?: string | null; brand?: string; baseUnit: string;
  units: { name: string; factor: number }[]; barcodes: { barcode: string; unit: string }[];
  listPrice: number | null; wholesalePrice: number | null; costPrice: number | null; taxRate: number;
  attributes: { key: string; value: string }[]; notes?: string;
};

const toValues = (p: Product): Values => ({
  sku: p.sku, name: p.name, spec: p.spec ?? '', model: p.model ?? '', categoryId: p.categoryId, brand: p.brand ?? '', baseUnit: p.baseUnit,
  units: p.units.map((u) => ({ name: u.name, factor: u.factor })),
  barcodes: p.barcodes.map((b) => ({ barcode: b.barcode, unit: b.unitId ? b.unitName : '' })),
  listPrice: fenToYuan(p.listPrice), wholesalePrice: fenToYuan(p.wholesalePrice), costPrice: fenToYuan(p.costPrice), taxRate: p.taxRate,
  attributes: p.attributes, notes: p.notes ?? '',
});

const toInput = (v: Values): ProductInput => ({
  sku: v.sku.trim(), name: v.name.trim(), spec: v.spec || null, model: v.model || null, categoryId: v.categoryId ?? null, brand: v.brand || null,
  baseUnit: v.baseUnit.trim(),
  units: (v.units ?? []).map((u) => ({ name: u.name.trim(), factor: u.factor })),
  barcodes: (v.barcodes ?? []).map((b) => ({ barcode: b.barcode.trim(), unit: b.unit || null })),
  listPrice: yuanToFen(v.listPrice) ?? 0, wholesalePrice: yuanToFen(v.wholesalePrice) ?? null, costPrice: yuanToFen(v.costPrice) ?? 0,
  taxRate: v.taxRate ?? 13, attributes: v.attributes ?? [], notes: v.notes || null,
});

/** 新增商品 / 编辑商品. */
export default function ProductFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { form, save, loading, initialValues } = useRecordForm<Product, Values, ProductInput>({
    id, queryKey: 'products', get: products.get, create: products.create, update: products.update, toValues, toInput,
    initialValues: { baseUnit: t('products.defaultBaseUnit'), taxRate: 13, units: [], barcodes: [], attributes: [], listPrice: null, costPrice: null, wholesalePrice: null },
    onSaved: (p) => navigate(`/products/${p.id}`, { replace: true }),
  });
  const req = (key: string) => ({ required: true, whitespace: true, message: t('msg.required', { field: t(key) }) });
  const back = () => navigate(id ? `/products/${id}` : '/products');
  return (
    <>
      <PageHeader title={t(id ? 'products.edit' : 'products.add')} back={<Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('action.back')} />} />
      {loading ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => save.mutate(v)} scrollToFirstError>
          <FormSection title={t('products.sectionBasic')}>
            <Row gutter={16}>
              <Field><Form.Item name="sku" label={t('products.sku')} rules={[req('products.sku'), { max: 64 }]}><Input autoFocus /></Form.Item></Field>
              <Field><Form.Item name="name" label={t('products.name')} rules={[req('products.name'), { max: 200 }]}><Input /></Form.Item></Field>
              <Field><Form.Item name="categoryId" label={t('products.category')}><CategoryTreeSelect /></Form.Item></Field>
              <Field><Form.Item name="spec" label={t('products.spec')} rules={[{ max: 200 }]}><Input /></Form.Item></Field>
              <Field><Form.Item name="model" label={t('products.model')} rules={[{ max: 100 }]}><Input /></Form.Item></Field>
              <Field><Form.Item name="brand" label={t('products.brand')} rules={[{ max: 100 }]}><Input /></Form.Item></Field>
            </Row>
          </FormSection>
          <FormSection title={t('products.sectionPrice')}>
            <Row gutter={16}>
              <Field><Form.Item name="listPrice" label={t('products.listPrice')}><MoneyInput /></Form.Item></Field>
              <Field><Form.Item name="wholesalePrice" label={t('products.wholesalePrice')}><MoneyInput /></Form.Item></Field>
              <Field><Form.Item name="costPrice" label={t('products.costPrice')}><MoneyInput /></Form.Item></Field>
              <Field><Form.Item name="taxRate" label={t('products.taxRate')}><InputNumber<number> min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} /></Form.Item></Field>
            </Row>
          </FormSection>
          <FormSection title={t('products.sectionUnits')}>
            <Row gutter={16}>
              <Field><Form.Item name="baseUnit" label={t('products.baseUnit')} extra={t('products.baseUnitHint')} rules={[req('products.baseUnit'), { max: 20 }]}><Input /></Form.Item></Field>
            </Row>
            <PackUnitsField />
            <BarcodesField />
          </FormSection>
          <FormSection title={t('products.sectionMore')}>
            <AttributesField />
            <Form.Item name="notes" label={t('field.notes')} rules={[{ max: 2000 }]}><Input.TextArea rows={3} /></Form.Item>
          </FormSection>
          <FormFooter saving={save.isPending} onCancel={back} />
        </Form>
      )}
    </>
  );
}
