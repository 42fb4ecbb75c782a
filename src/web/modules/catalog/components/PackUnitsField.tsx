import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type UnitRow = { name?: string; factor?: number } | undefined;

/** 辅助单位: rows of unit name + factor, each explained as "1 箱 = 12 个". */
export function PackUnitsField() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const base = Form.useWatch('baseUnit', form) || t('products.baseUnit');
  const units = (Form.useWatch('units', form) ?? []) as UnitRow[];
  return (
    <Form.Item label={t('products.units')}>
      <Form.List name="units">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map(({ key, name }) => {
              const u = units[name];
              return (
                <Flex key={key} gap={8} wrap="wrap" align="flex-start" data-testid="unit-row">
                  <Form.Item name={[name, 'name']} style={{ marginBottom: 0 }} rules={[{ required: true, whitespace: true, message: t('msg.required', { field: t('products.unitName') }) }]}>
                    <Input placeholder={t('products.unitName')} style={{ width: 120 }} aria-label={t('products.unitName')} />
                  </Form.Item>
                  <Form.Item name={[name, 'factor']} style={{ marginBottom: 0 }} rules={[{ required: true, message: t('msg.required', { field: t('products.factor') }) }]}>
                    <InputNumber<number> min={2} precision={0} placeholder={t('products.factor')} style={{ width: 120 }} aria-label={t('products.factor')} />
                  </Form.Item>
                  <Typography.Text type="secondary" style={{ lineHeight: '32px', minWidth: 120 }}>
                    {u?.name && u?.factor ? t('products.factorHint', { unit: u.name, factor: u.factor, base }) : ''}
                  </Typography.Text>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(name)} aria-label={t('action.remove')} />
                </Flex>
              );
            })}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', factor: undefined })} style={{ alignSelf: 'flex-start' }}>
              {t('products.addUnit')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** 条码: rows of barcode + the unit it stands for (base unit or one of the pack units). */
export function BarcodesField() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const base = Form.useWatch('baseUnit', form) || t('products.baseUnit');
  const units = ((Form.useWatch('units', form) ?? []) as UnitRow[]).filter((u) => u?.name);
  const options = [{ value: '', label: t('msg.withNote', { text: base, note: t('products.baseUnitTag') }) }, ...units.map((u) => ({ value: u!.name!, label: u!.name! }))];
  return (
    <Form.Item label={t('products.barcodes')}>
      <Form.List name="barcodes">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map(({ key, name }) => (
              <Flex key={key} gap={8} wrap="wrap" align="flex-start" data-testid="barcode-row">
                <Form.Item name={[name, 'barcode']} style={{ marginBottom: 0 }} rules={[{ required: true, whitespace: true, message: t('msg.required', { field: t('products.barcode') }) }]}>
                  <Input placeholder={t('products.barcode')} style={{ width: 200 }} aria-label={t('products.barcode')} />
                </Form.Item>
                <Form.Item name={[name, 'unit']} style={{ marginBottom: 0 }}>
                  <Select options={options} style={{ width: 140 }} aria-label={t('products.barcodeUnit')} />
                </Form.Item>
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(name)} aria-label={t('action.remove')} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ barcode: '', unit: '' })} style={{ alignSelf: 'flex-start' }}>
              {t('products.addBarcode')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
