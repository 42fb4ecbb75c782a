import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../../shared/components/form-parts';
import { RowsField } from '../../../shared/components/RowsField';
import { ProductSelect, type KnownProduct } from '../../catalog/components/ProductSelect';

const item = { marginBottom: 0 };

/** 供货商品: product, supplier SKU, purchase price (yuan), MOQ, lead time per row. */
export function SupplierProductsField({ known }: { known: KnownProduct[] }) {
  const { t } = useTranslation();
  return (
    <RowsField name="products" addText={t('suppliers.addProduct')} newRow={{ price: null }} testId="supplier-product-row">
      {(i) => (
        <>
          <Form.Item name={[i, 'productId']} style={item} rules={[{ required: true, message: t('msg.select', { field: t('suppliers.product') }) }]}>
            <ProductSelect known={known} placeholder={t('suppliers.productPlaceholder')} aria-label={t('suppliers.product')} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name={[i, 'supplierSku']} style={item}>
            <Input placeholder={t('suppliers.supplierSku')} aria-label={t('suppliers.supplierSku')} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name={[i, 'price']} style={item}>
            <MoneyInput placeholder={t('suppliers.price')} aria-label={t('suppliers.price')} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name={[i, 'moq']} style={item}>
            <InputNumber<number> min={0} precision={0} placeholder={t('suppliers.moq')} aria-label={t('suppliers.moq')} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name={[i, 'leadTimeDays']} style={item}>
            <InputNumber<number> min={0} max={365} precision={0} placeholder={t('suppliers.leadTimeDays')} aria-label={t('suppliers.leadTimeDays')} style={{ width: 140 }} />
          </Form.Item>
        </>
      )}
    </RowsField>
  );
}
