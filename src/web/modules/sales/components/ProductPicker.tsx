import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/lib/format';
import { products, type Product } from '../../catalog/api';

/** Search products by SKU, name or barcode; Enter (or a click) adds the highlighted one as a line. */
export function ProductPicker({ onPick }: { onPick: (p: Product) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(text.trim()), 200);
    return () => clearTimeout(h);
  }, [text]);
  const found = useQuery({
    queryKey: ['products', 'sales-pick', q],
    queryFn: () => products.list({ q: q || undefined, status: 'active', pageSize: 20, sort: 'sku' }),
    staleTime: 60_000,
    enabled: q !== '',
  });
  // Offer nothing until the typed text has been searched: Enter must not add a stale match.
  const items = text.trim() === q && q ? (found.data?.items ?? []) : [];
  return (
    <Select<string>
      value={null}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      onSelect={(id) => {
        const p = items.find((x) => x.id === id);
        setText('');
        if (p) onPick(p);
      }}
      options={items.map((p) => ({
        value: p.id,
        label: (
          <span>
            <Typography.Text strong>{p.sku}</Typography.Text> {p.name}
            <Typography.Text type="secondary"> {p.spec ?? ''} {formatMoney(p.listPrice)}/{p.baseUnit}</Typography.Text>
          </span>
        ),
      }))}
      loading={found.isFetching}
      notFoundContent={null}
      defaultActiveFirstOption
      suffixIcon={<SearchOutlined />}
      placeholder={t('sales.productSearchPlaceholder')}
      aria-label={t('sales.productSearch')}
      data-testid="product-search"
      style={{ width: '100%' }}
    />
  );
}
