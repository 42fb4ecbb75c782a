import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { suppliers, type Supplier } from '../../partners/api';

type Props = Omit<SelectProps<string>, 'options' | 'onSearch' | 'showSearch' | 'onChange'> & {
  /** The supplier shown before any search (an order's supplier). */
  known?: { id: string; name: string } | null;
  onChange?: (id: string | undefined, supplier: Supplier | undefined) => void;
};

/** Type part of a supplier's name or code; Enter picks the highlighted one. */
export function SupplierSelect({ known, onChange, ...rest }: Props) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(text.trim()), 200);
    return () => clearTimeout(h);
  }, [text]);
  const found = useQuery({
    queryKey: ['suppliers', 'pick', q],
    queryFn: () => suppliers.list({ q: q || undefined, status: 'active', pageSize: 20, sort: 'code' }),
    staleTime: 60_000,
  });
  // While the typed text has not been searched yet, offer nothing: Enter must not pick a stale match.
  const items = text.trim() === q ? found.data?.items : undefined;
  const options = useMemo(() => {
    const list = (items ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}`.trim() }));
    if (known && !list.some((o) => o.value === known.id)) list.unshift({ value: known.id, label: known.name });
    return list;
  }, [items, known]);
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setText }}
      options={options}
      loading={found.isFetching}
      notFoundContent={null}
      defaultActiveFirstOption
      onChange={(id) => onChange?.(id, items?.find((s) => s.id === id))}
      {...rest}
    />
  );
}
