import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { products } from '../api';

export type KnownProduct = { id: string; sku: string; name: string };

type Props = Omit<SelectProps<string>, 'options' | 'onSearch' | 'showSearch'> & {
  /** Products already chosen (so their labels show before any search). */
  known?: KnownProduct[];
};

/** Find a product by typing part of its SKU, name or barcode (server-side search). */
export function ProductSelect({ known = [], ...rest }: Props) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(h);
  }, [text]);
  const found = useQuery({
    queryKey: ['products', 'pick', q],
    queryFn: () => products.list({ q: q || undefined, status: 'active', pageSize: 20, sort: 'sku' }),
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const seen = new Map<string, KnownProduct>();
    for (const p of known) seen.set(p.id, p);
    for (const p of found.data?.items ?? []) seen.set(p.id, { id: p.id, sku: p.sku, name: p.name });
    return [...seen.values()].map((p) => ({ value: p.id, label: `${p.sku} ${p.name}` }));
  }, [known, found.data]);
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setText }}
      options={options}
      loading={found.isFetching}
      notFoundContent={null}
      {...rest}
    />
  );
}
