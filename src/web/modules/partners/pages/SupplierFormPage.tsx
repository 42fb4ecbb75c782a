import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Row, Select, Skeleton } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Field, FormFooter, FormSection } from '../../../shared/components/form-parts';
import { PageHeader } from '../../../shared/components/PageHeader';
import { fenToYuan, yuanToFen } from '../../../shared/lib/format';
import { useRecordForm } from '../../../shared/lib/use-record-form';
import { suppliers, type Supplier, type SupplierInput } from '../api';
import { ContactsField } from '../components/ContactsField';
import { SupplierProductsField } from '../components/SupplierProductsField';

type ProductRow = { productId: string; supplierSku?: string | null; price: number | null; moq?: number | null; leadTimeDays?: number | null };
type Values = Omit<SupplierInput, 'products'> & { products: ProductRow[] };

const toValues = (s: Supplier): Values => ({
  ...s,
  products: s.products.map((p) => ({ productId: p.productId, supplierSku: p.supplierSku, price: fenToYuan(p.price), moq: p.moq, leadTimeDays: p.leadTimeDays })),
});
const toInput = (v: Values): SupplierInput => ({
  code: v.code.trim(), name: v.name.trim(), phone: v.phone || null, email: v.email || null, address: v.address || null,
  leadTimeDays: v.leadTimeDays ?? 0, moq: v.moq ?? 0, paymentTermsDays: v.paymentTermsDays ?? 0, tags: v.tags ?? [], contacts: v.contacts ?? [], notes: v.notes || null,
  products: (v.products ?? []).map((p) => ({ productId: p.productId, supplierSku: p.supplierSku || null, price: yuanToFen(p.price) ?? 0, moq: p.moq ?? 0, leadTimeDays: p.leadTimeDays ?? null })),
});

/** 新增供应商 / 编辑供应商, with the products they supply. */
export default function SupplierFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const back = () => navigate('/suppliers');
  const { form, save, loading, initialValues, record } = useRecordForm<Supplier, Values, SupplierInput>({
    id, queryKey: 'suppliers', get: suppliers.get, create: suppliers.create, update: suppliers.update, toValues, toInput,
    initialValues: { leadTimeDays: 0, moq: 0, paymentTermsDays: 0, tags: [], contacts: [], products: [] },
    onSaved: back,
  });
  const known = useMemo(() => (record.data?.products ?? []).map((p) => ({ id: p.productId, sku: p.sku ?? '', name: p.productName ?? '' })), [record.data]);
  const req = (key: string) => ({ required: true, whitespace: true, message: t('msg.required', { field: t(key) }) });
  return (
    <>
      <PageHeader title={t(id ? 'suppliers.edit' : 'suppliers.add')} back={<Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('action.back')} />} />
      {loading ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => save.mutate(v)} scrollToFirstError>
          <FormSection title={t('partners.sectionBasic')}>
            <Row gutter={16}>
              <Field><Form.Item name="code" label={t('partners.code')} rules={[req('partners.code'), { max: 40 }]}><Input autoFocus /></Form.Item></Field>
              <Field><Form.Item name="name" label={t('suppliers.name')} rules={[req('suppliers.name'), { max: 200 }]}><Input /></Form.Item></Field>
              <Field><Form.Item name="phone" label={t('partners.phone')} rules={[{ max: 50 }]}><Input inputMode="tel" /></Form.Item></Field>
              <Field><Form.Item name="email" label={t('partners.email')} rules={[{ type: 'email', message: t('msg.invalidEmail') }]}><Input inputMode="email" /></Form.Item></Field>
              <Field><Form.Item name="leadTimeDays" label={t('suppliers.leadTimeDays')}><InputNumber<number> min={0} max={365} precision={0} style={{ width: '100%' }} /></Form.Item></Field>
              <Field><Form.Item name="paymentTermsDays" label={t('suppliers.paymentTermsDays')} extra={t('suppliers.paymentTermsHint')}><InputNumber<number> min={0} max={365} precision={0} style={{ width: '100%' }} /></Form.Item></Field>
              <Field><Form.Item name="moq" label={t('suppliers.moq')} extra={t('suppliers.moqHint')}><InputNumber<number> min={0} precision={0} style={{ width: '100%' }} /></Form.Item></Field>
              <Field wide><Form.Item name="address" label={t('suppliers.address')} rules={[{ max: 300 }]}><Input /></Form.Item></Field>
              <Field><Form.Item name="tags" label={t('partners.tags')} extra={t('partners.tagsHint')}><Select mode="tags" open={false} suffixIcon={null} /></Form.Item></Field>
            </Row>
          </FormSection>
          <FormSection title={t('partners.sectionContacts')}>
            <ContactsField />
          </FormSection>
          <FormSection title={t('suppliers.products')}>
            <SupplierProductsField known={known} />
          </FormSection>
          <FormSection title={t('field.notes')}>
            <Form.Item name="notes" rules={[{ max: 2000 }]} style={{ marginBottom: 0 }}><Input.TextArea rows={3} aria-label={t('field.notes')} /></Form.Item>
          </FormSection>
          <FormFooter saving={save.isPending} onCancel={back} />
        </Form>
      )}
    </>
  );
}
