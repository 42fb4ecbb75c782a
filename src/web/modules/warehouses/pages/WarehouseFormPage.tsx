import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Form, Input, Row, Skeleton, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Field, FormFooter, FormSection } from '../../../shared/components/form-parts';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useRecordForm } from '../../../shared/lib/use-record-form';
import { warehouses, type Warehouse, type WarehouseInput } from '../api';
import { BinsField } from '../components/BinsField';

type Values = WarehouseInput;

const toValues = (w: Warehouse): Values => ({ ...w, bins: w.bins.map((b) => ({ code: b.code, zone: b.zone, sortOrder: b.sortOrder, status: b.status })) });
const toInput = (v: Values): WarehouseInput => ({
  code: v.code.trim(), name: v.name.trim(), address: v.address || null, manager: v.manager || null, phone: v.phone || null,
  isDefault: !!v.isDefault, notes: v.notes || null,
  bins: (v.bins ?? []).map((b) => ({ code: b.code.trim(), zone: b.zone || null, sortOrder: b.sortOrder ?? undefined, status: b.status ?? 'active' })),
});

/** 新增仓库 / 编辑仓库 with its bins. */
export default function WarehouseFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const back = () => navigate('/warehouses');
  const { form, save, loading, initialValues } = useRecordForm<Warehouse, Values, WarehouseInput>({
    id, queryKey: 'warehouses', get: warehouses.get, create: warehouses.create, update: warehouses.update, toValues, toInput,
    initialValues: { isDefault: false, bins: [] },
    onSaved: back,
  });
  const req = (key: string) => ({ required: true, whitespace: true, message: t('msg.required', { field: t(key) }) });
  return (
    <>
      <PageHeader title={t(id ? 'warehouses.edit' : 'warehouses.add')} back={<Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('action.back')} />} />
      {loading ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => save.mutate(v)} scrollToFirstError>
          <FormSection title={t('warehouses.sectionBasic')}>
            <Row gutter={16}>
              <Field><Form.Item name="code" label={t('warehouses.code')} rules={[req('warehouses.code'), { max: 40 }]}><Input autoFocus /></Form.Item></Field>
              <Field><Form.Item name="name" label={t('warehouses.name')} rules={[req('warehouses.name'), { max: 100 }]}><Input /></Form.Item></Field>
              <Field><Form.Item name="manager" label={t('warehouses.manager')} rules={[{ max: 100 }]}><Input /></Form.Item></Field>
              <Field><Form.Item name="phone" label={t('warehouses.phone')} rules={[{ max: 50 }]}><Input inputMode="tel" /></Form.Item></Field>
              <Field wide><Form.Item name="address" label={t('warehouses.address')} rules={[{ max: 300 }]}><Input /></Form.Item></Field>
              <Field><Form.Item name="isDefault" label={t('warehouses.isDefault')} extra={t('warehouses.isDefaultHint')} valuePropName="checked"><Switch /></Form.Item></Field>
            </Row>
          </FormSection>
          <FormSection title={t('warehouses.bins')}>
            <BinsField />
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
