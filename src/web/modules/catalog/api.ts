import { api } from '../../shared/api/client';
import { resource } from '../../shared/api/resource';

export type PackUnit = { id: string; name: string; factor: number };
export type Barcode = { id: string; barcode: string; unitId: string | null; unitName: string };
export type Attribute = { key: string; value: string };

export type Product = {
  id: string; sku: string; name: string; spec: string | null; model: string | null;
  categoryId: string | null; categoryName: string | null; brand: string | null; baseUnit: string;
  units: PackUnit[]; barcodes: Barcode[];
  listPrice: number; wholesalePrice: number | null; costPrice: number; taxRate: number;
  attributes: Attribute[]; notes: string | null; status: 'active' | 'inactive'; createdAt: string; updatedAt: string;
};

export type ProductInput = {
  sku: string; name: string; spec?: string | null; model?: string | null; categoryId?: string | null; brand?: string | null;
  baseUnit: string; units?: { name: string; factor: number }[]; barcodes?: { barcode: string; unit?: string | null }[];
  listPrice: number; wholesalePrice?: number | null; costPrice?: number; taxRate?: number; attributes?: Attribute[]; notes?: string | null;
};

export type Category = {
  id: string; parentId: string | null; code: string | null; name: string; sortOrder: number;
  status: 'active' | 'inactive'; productCount: number; createdAt: string; updatedAt: string;
};
export type CategoryInput = { name: string; parentId?: string | null; code?: string | null; sortOrder?: number };

export const products = resource<Product, ProductInput>('/products');

/** Finds a product by a scanned barcode or its SKU. */
export const lookupProduct = (code: string) => api.get<{ product: Product; unitName: string; factor: number }>('/products/lookup', { code });

const categoryApi = resource<Category, CategoryInput>('/categories');
export const categories = {
  ...categoryApi,
  all: (status?: 'active' | 'inactive') => api.get<{ items: Category[] }>('/categories', { status }).then((r) => r.items),
};

/** Valid EAN-13 (12 digits + check digit) renders as EAN-13; anything else as Code 128. */
export function barcodeType(code: string): 'ean13' | 'code128' {
  if (!/^\d{13}$/.test(code)) return 'code128';
  const sum = [...code.slice(0, 12)].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === Number(code[12]) ? 'ean13' : 'code128';
}

/** URL of the PNG image of a barcode. */
export const barcodeImageUrl = (code: string, type = barcodeType(code)) => `/api/v1/barcodes/render?${new URLSearchParams({ text: code, type })}`;
