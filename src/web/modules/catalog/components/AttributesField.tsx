import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** 自定义属性: free key/value pairs (颜色 = 红, 产地 = 浙江…). */
export function AttributesField() {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('products.attributes')}>
      <Form.List name="attributes">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map(({ key, name }) => (
              <Flex key={key} gap={8} wrap="wrap" align="flex-start">
                <Form.Item name={[name, 'key']} style={{ marginBottom: 0 }} rules={[{ required: true, whitespace: true, message: t('msg.required', { field: t('products.attrKey') }) }]}>
                  <Input placeholder={t('products.attrKey')} style={{ width: 140 }} aria-label={t('products.attrKey')} />
                </Form.Item>
                <Form.Item name={[name, 'value']} style={{ marginBottom: 0, flex: 1, minWidth: 160 }}>
                  <Input placeholder={t('products.attrValue')} aria-label={t('products.attrValue')} />
                </Form.Item>
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(name)} aria-label={t('action.remove')} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', value: '' })} style={{ alignSelf: 'flex-start' }}>
              {t('products.addAttribute')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
