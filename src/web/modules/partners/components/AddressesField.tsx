import { Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { RowsField } from '../../../shared/components/RowsField';
import type { Address } from '../api';

const item = { marginBottom: 0 };

/** 收货地址: one row per address; ticking 默认地址 clears it on the others. */
export function AddressesField() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const text = (i: number, key: keyof Address, label: string, width: number, required = false) => (
    <Form.Item name={[i, key]} style={item} rules={required ? [{ required: true, whitespace: true, message: t('msg.required', { field: label }) }] : []}>
      <Input placeholder={label} aria-label={label} style={{ width }} />
    </Form.Item>
  );
  const makeDefault = (i: number, checked: boolean) => {
    if (!checked) return;
    const list = (form.getFieldValue('addresses') ?? []) as Address[];
    form.setFieldValue('addresses', list.map((a, j) => ({ ...a, isDefault: j === i })));
  };
  return (
    <RowsField name="addresses" addText={t('customers.addAddress')} newRow={{ address: '', isDefault: false }} testId="address-row">
      {(i) => (
        <>
          {text(i, 'label', t('customers.addrLabel'), 100)}
          {text(i, 'recipient', t('customers.recipient'), 100)}
          {text(i, 'phone', t('partners.phone'), 140)}
          {text(i, 'province', t('customers.province'), 90)}
          {text(i, 'city', t('customers.city'), 90)}
          {text(i, 'district', t('customers.district'), 90)}
          {text(i, 'address', t('customers.address'), 240, true)}
          {text(i, 'postalCode', t('customers.postalCode'), 90)}
          <Form.Item name={[i, 'isDefault']} valuePropName="checked" style={{ ...item, lineHeight: '32px' }}>
            <Checkbox onChange={(e) => makeDefault(i, e.target.checked)}>{t('customers.isDefault')}</Checkbox>
          </Form.Item>
        </>
      )}
    </RowsField>
  );
}
