import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { customers, type Customer } from '../../partners/api';

type Props = Omit<SelectProps<string>, 'options' | 'onSearch' | 'showSearch' | 'onChange'> & {
  /** The customer shown before any search (an order's customer). */
  known?: Pick<Customer, 'id' | 'code' | 'name'> | null;
  onChange?: (id: string | undefined, customer: Customer | undefined) => void;
};

/** Type part of a customer's name, code or phone; Enter picks the highlighted one. */
export function CustomerSelect({ known, onChange, ...rest }: Props) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(text.trim()), 200);
    return () => clearTimeout(h);
  }, [text]);
  const found = useQuery({
    queryKey: ['customers', 'pick', q],
    queryFn: () => customers.list({ q: q || undefined, status: 'active', pageSize: 20, sort: 'code' }),
    staleTime: 60_000,
  });
  // While the typed text has not been searched yet, offer nothing: Enter must not pick a stale match.
  const items = text.trim() === q ? found.data?.items : undefined;
  const options = useMemo(() => {
    const list = (items ?? []).map((c) => ({ value: c.id, label: `${c.code} ${c.name}`.trim() }));
    if (known && !list.some((o) => o.value === known.id)) list.unshift({ value: known.id, label: `${known.code} ${known.name}`.trim() });
    return list;
  }, [items, known]);
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setText }}
      options={options}
      loading={found.isFetching}
      notFoundContent={null}
      defaultActiveFirstOption
      onChange={(id) => onChange?.(id, items?.find((c) => c.id === id))}
      {...rest}
    />
  );
}
