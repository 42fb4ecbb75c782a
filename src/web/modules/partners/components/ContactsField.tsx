import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { RowsField } from '../../../shared/components/RowsField';

const item = { marginBottom: 0 };

/** 联系人: name, job title, phone, email per row. */
export function ContactsField() {
  const { t } = useTranslation();
  return (
    <RowsField name="contacts" addText={t('partners.addContact')} newRow={{ name: '' }} testId="contact-row">
      {(i) => (
        <>
          <Form.Item name={[i, 'name']} style={item} rules={[{ required: true, whitespace: true, message: t('msg.required', { field: t('partners.contactName') }) }]}>
            <Input placeholder={t('partners.contactName')} aria-label={t('partners.contactName')} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name={[i, 'title']} style={item}>
            <Input placeholder={t('partners.contactTitle')} aria-label={t('partners.contactTitle')} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name={[i, 'phone']} style={item}>
            <Input placeholder={t('partners.phone')} aria-label={t('partners.phone')} style={{ width: 150 }} inputMode="tel" />
          </Form.Item>
          <Form.Item name={[i, 'email']} style={item} rules={[{ type: 'email', message: t('msg.invalidEmail') }]}>
            <Input placeholder={t('partners.email')} aria-label={t('partners.email')} style={{ width: 200 }} inputMode="email" />
          </Form.Item>
        </>
      )}
    </RowsField>
  );
}
