import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Row, Select, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Field, FormFooter, FormSection, MoneyInput } from '../../../shared/components/form-parts';
import { PageHeader } from '../../../shared/components/PageHeader';
import { fenToYuan, yuanToFen } from '../../../shared/lib/format';
import { useRecordForm } from '../../../shared/lib/use-record-form';
import { customers, priceTiers, type Customer, type CustomerInput } from '../api';
import { AddressesField } from '../components/AddressesField';
import { ContactsField } from '../components/ContactsField';

type Values = Omit<CustomerInput, 'creditLimit'> & { creditLimit: number | null };

const toValues = (c: Customer): Values => ({ ...c, creditLimit: fenToYuan(c.creditLimit) });
const toInput = (v: Values): CustomerInput => ({
  code: v.code.trim(), name: v.name.trim(), phone: v.phone || null, email: v.email || null, priceTier: v.priceTier,
  creditLimit: yuanToFen(v.creditLimit) ?? 0, paymentTermsDays: v.paymentTermsDays ?? 0, tags: v.tags ?? [],
  contacts: v.contacts ?? [], addresses: (v.addresses ?? []).map((a) => ({ ...a, isDefault: !!a.isDefault })), notes: v.notes || null,
});

/** 新增客户 / 编辑客户. */
export default function CustomerFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const back = () => navigate('/customers');
  const { form, save, loading, initialValues } = useRecordForm<Customer, Values, CustomerInput>({
    id, queryKey: 'customers', get: customers.get, create: customers.create, update: customers.update, toValues, toInput,
    initialValues: { priceTier: 'retail', creditLimit: null, paymentTermsDays: 0, tags: [], contacts: [], addresses: [] },
    onSaved: back,
  });
  const req = (key: string) => ({ required: true, whitespace: true, message: t('msg.required', { field: t(key) }) });
  return (
    <>
      <PageHeader title={t(id ? 'customers.edit' : 'customers.add')} back={<Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('action.back')} />} />
      {loading ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => save.mutate(v)} scrollToFirstError>
          <FormSection title={t('partners.sectionBasic')}>
            <Row gutter={16}>
              <Field><Form.Item name="code" label={t('partners.code')} rules={[req('partners.code'), { max: 40 }]}><Input autoFocus /></Form.Item></Field>
              <Field><Form.Item name="name" label={t('customers.name')} rules={[req('customers.name'), { max: 200 }]}><Input /></Form.Item></Field>
              <Field><Form.Item name="phone" label={t('partners.phone')} rules={[{ max: 50 }]}><Input inputMode="tel" /></Form.Item></Field>
              <Field><Form.Item name="email" label={t('partners.email')} rules={[{ type: 'email', message: t('msg.invalidEmail') }]}><Input inputMode="email" /></Form.Item></Field>
              <Field>
                <Form.Item name="priceTier" label={t('customers.priceTier')}>
                  <Select options={priceTiers.map((p) => ({ value: p, label: t(`customers.tiers.${p}`) }))} />
                </Form.Item>
              </Field>
              <Field><Form.Item name="creditLimit" label={t('customers.creditLimit')} extra={t('customers.creditLimitHint')}><MoneyInput /></Form.Item></Field>
              <Field><Form.Item name="paymentTermsDays" label={t('customers.paymentTermsDays')}><InputNumber<number> min={0} max={365} precision={0} style={{ width: '100%' }} /></Form.Item></Field>
              <Field><Form.Item name="tags" label={t('partners.tags')} extra={t('partners.tagsHint')}><Select mode="tags" open={false} suffixIcon={null} /></Form.Item></Field>
            </Row>
          </FormSection>
          <FormSection title={t('partners.sectionContacts')}>
            <ContactsField />
          </FormSection>
          <FormSection title={t('customers.addresses')}>
            <AddressesField />
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
