import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { salesOrders } from '../../sales/api';

type Props = Omit<SelectProps<string>, 'options' | 'onSearch' | 'showSearch'> & {
  /** The order shown before any search (one chosen from its own page). */
  known?: { id: string; number: string; customerName: string } | null;
};

/** Type part of an order number or the customer's name; confirmed orders and later, newest first. */
export function OrderSelect({ known, ...rest }: Props) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(text.trim()), 200);
    return () => clearTimeout(h);
  }, [text]);
  const found = useQuery({
    queryKey: ['salesOrders', 'pick', q],
    queryFn: () => salesOrders.list({ q: q || undefined, pageSize: 20 }),
    staleTime: 30_000,
  });
  // While the typed text has not been searched yet, offer nothing: Enter must not pick a stale match.
  const items = text.trim() === q ? found.data?.items : undefined;
  const options = useMemo(() => {
    const list = (items ?? []).filter((o) => o.status !== 'draft').map((o) => ({ value: o.id, label: `${o.number} ${o.customerName}` }));
    if (known && !list.some((o) => o.value === known.id)) list.unshift({ value: known.id, label: `${known.number} ${known.customerName}` });
    return list;
  }, [items, known]);
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setText }}
      options={options}
      loading={found.isFetching}
      notFoundContent={null}
      defaultActiveFirstOption
      {...rest}
    />
  );
}
