import { resource } from '../../shared/api/resource';

export type Contact = { name: string; title?: string | null; phone?: string | null; email?: string | null };
export type Address = {
  label?: string | null; recipient?: string | null; phone?: string | null; province?: string | null; city?: string | null;
  district?: string | null; address: string; postalCode?: string | null; country?: string | null; isDefault?: boolean;
};

export const priceTiers = ['retail', 'wholesale', 'vip'] as const;

export type Customer = {
  id: string; code: string; name: string; phone: string | null; email: string | null; priceTier: string;
  creditLimit: number; paymentTermsDays: number; tags: string[]; contacts: Contact[]; addresses: Address[];
  notes: string | null; status: 'active' | 'inactive'; createdAt: string; updatedAt: string;
};
export type CustomerInput = Omit<Customer, 'id' | 'status' | 'createdAt' | 'updatedAt'>;

export type SupplierProduct = { id?: string; productId: string; sku?: string; productName?: string; supplierSku: string | null; price: number; moq: number; leadTimeDays: number | null };
export type Supplier = {
  id: string; code: string; name: string; phone: string | null; email: string | null; address: string | null;
  leadTimeDays: number; moq: number; tags: string[]; contacts: Contact[]; products: SupplierProduct[];
  /** 账期: days to pay a receipt (its payable's due date). */
  paymentTermsDays?: number;
  notes: string | null; status: 'active' | 'inactive'; createdAt: string; updatedAt: string;
};
export type SupplierInput = Omit<Supplier, 'id' | 'status' | 'createdAt' | 'updatedAt' | 'products'> & {
  products: { productId: string; supplierSku: string | null; price: number; moq: number; leadTimeDays: number | null }[];
};

export const customers = resource<Customer, CustomerInput>('/customers');
export const suppliers = resource<Supplier, SupplierInput>('/suppliers');
