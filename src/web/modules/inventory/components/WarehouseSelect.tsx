import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { warehouses, type Warehouse } from '../../warehouses/api';

/** Active warehouses by code, and the default one (else the first). */
export function useWarehouses() {
  const q = useQuery({ queryKey: ['warehouses', 'active'], queryFn: () => warehouses.list({ status: 'active', pageSize: 500, sort: 'code' }), staleTime: 60_000 });
  const list: Warehouse[] = q.data?.items ?? [];
  return { list, loading: q.isLoading, defaultId: (list.find((w) => w.isDefault) ?? list[0])?.id, nameOf: (id: string) => list.find((w) => w.id === id)?.name ?? '' };
}

/** Pick one of the active warehouses. */
export function WarehouseSelect(props: Omit<SelectProps<string>, 'options'>) {
  const { list, loading } = useWarehouses();
  return <Select<string> loading={loading} options={list.map((w) => ({ value: w.id, label: w.name }))} popupMatchSelectWidth={false} {...props} />;
}
