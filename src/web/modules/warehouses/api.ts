import { resource } from '../../shared/api/resource';

export type Bin = { id?: string; code: string; zone: string | null; sortOrder: number; status: 'active' | 'inactive' };
export type Warehouse = {
  id: string; code: string; name: string; address: string | null; manager: string | null; phone: string | null;
  isDefault: boolean; notes: string | null; status: 'active' | 'inactive'; bins: Bin[]; createdAt: string; updatedAt: string;
};
export type WarehouseInput = {
  code: string; name: string; address: string | null; manager: string | null; phone: string | null; isDefault: boolean; notes: string | null;
  bins: { code: string; zone: string | null; sortOrder?: number; status?: 'active' | 'inactive' }[];
};

export const warehouses = resource<Warehouse, WarehouseInput>('/warehouses');
