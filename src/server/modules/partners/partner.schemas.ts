import { z } from 'zod';
import { exportQueryBase, fen, listQueryBase, optText, statusEnum } from '../../platform/http-schemas.js';

const code = z.string().trim().min(1).max(40);
// '' (a cleared form field) means no email. Done before validation rather than as a union branch
// with a transform, which the OpenAPI document could only render as an empty anyOf (nothing valid).
const email = z.preprocess((v) => (v === '' ? null : v), z.email('请输入有效的邮箱 | Enter a valid email').max(200).nullish()).transform((v) => v ?? null);
const tags = z.array(z.string().trim().min(1).max(30)).max(30);

export const contactInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  title: optText(100),
  phone: optText(50),
  email: email.optional(),
});
export const addressInput = z.strictObject({
  label: optText(50),
  recipient: optText(100),
  phone: optText(50),
  province: optText(50),
  city: optText(50),
  district: optText(50),
  address: z.string().trim().min(1).max(300),
  postalCode: optText(20),
  country: optText(50),
  isDefault: z.boolean().default(false),
});

export const priceTiers = ['retail', 'wholesale', 'vip'] as const;

export const customerInput = z.strictObject({
  code,
  name: z.string().trim().min(1).max(200),
  phone: optText(50),
  email,
  priceTier: z.enum(priceTiers).default('retail').describe('Which list price applies: retail (零售), wholesale (批发), vip'),
  creditLimit: fen.default(0).describe('Credit limit in fen; 0 means none'),
  paymentTermsDays: z.number().int().min(0).max(365).default(0).describe('账期: days to pay'),
  tags: tags.default([]),
  contacts: z.array(contactInput).max(20).default([]),
  addresses: z.array(addressInput).max(20).default([]),
  notes: optText(2000),
});
export type CustomerInput = z.infer<typeof customerInput>;
export const customerPatch = z.strictObject(
  Object.fromEntries(Object.entries(customerInput.shape).map(([k, v]) => [k, (v instanceof z.ZodDefault ? v.unwrap() : (v as z.ZodType)).optional()])) as {
    [K in keyof typeof customerInput.shape]: z.ZodOptional<(typeof customerInput.shape)[K]>;
  },
);

const nullableText = z.string().nullable().optional();
const addressView = z.object({
  label: nullableText, recipient: nullableText, phone: nullableText, province: nullableText, city: nullableText,
  district: nullableText, address: z.string(), postalCode: nullableText, country: nullableText, isDefault: z.boolean(),
});
const contactView = z.object({ name: z.string(), title: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable().optional() });
export const customerView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  priceTier: z.string(),
  creditLimit: z.number().int(),
  paymentTermsDays: z.number().int(),
  tags: z.array(z.string()),
  contacts: z.array(contactView),
  addresses: z.array(addressView),
  notes: z.string().nullable(),
  status: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CustomerView = z.infer<typeof customerView>;

const customerFilters = { status: statusEnum.optional(), priceTier: z.enum(priceTiers).optional(), tag: z.string().max(30).optional() };
export const customerListQuery = z.strictObject({ ...listQueryBase, ...customerFilters });
export const customerExportQuery = z.strictObject({ ...exportQueryBase, ...customerFilters });

export const supplierProductInput = z.strictObject({
  productId: z.string().min(1).max(64),
  supplierSku: optText(64),
  price: fen.default(0).describe('Purchase price in fen'),
  moq: z.number().int().min(0).max(1e9).default(0).describe('Minimum order quantity in base units'),
  packSize: z.number().int().min(1).max(1e9).default(1).describe('Base units per purchase pack: replenishment rounds order quantities up to a multiple'),
  leadTimeDays: z.number().int().min(0).max(365).nullish().transform((v) => v ?? null),
});

export const supplierInput = z.strictObject({
  code,
  name: z.string().trim().min(1).max(200),
  phone: optText(50),
  email,
  address: optText(300),
  leadTimeDays: z.number().int().min(0).max(365).default(0).describe('Usual lead time in days'),
  moq: z.number().int().min(0).max(1e9).default(0).describe('Minimum order quantity (base units) unless a product says otherwise'),
  paymentTermsDays: z.number().int().min(0).max(365).default(0).describe('账期: days we have to pay a receipt (its payable’s due date)'),
  tags: tags.default([]),
  contacts: z.array(contactInput).max(20).default([]),
  products: z.array(supplierProductInput).max(5000).default([]).describe('Supplier SKUs and prices; replaces the whole list'),
  notes: optText(2000),
});
export type SupplierInput = z.infer<typeof supplierInput>;
export const supplierPatch = z.strictObject(
  Object.fromEntries(Object.entries(supplierInput.shape).map(([k, v]) => [k, (v instanceof z.ZodDefault ? v.unwrap() : (v as z.ZodType)).optional()])) as {
    [K in keyof typeof supplierInput.shape]: z.ZodOptional<(typeof supplierInput.shape)[K]>;
  },
);

export const supplierView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  leadTimeDays: z.number().int(),
  moq: z.number().int(),
  paymentTermsDays: z.number().int(),
  tags: z.array(z.string()),
  contacts: z.array(contactView),
  products: z.array(z.object({ id: z.string(), productId: z.string(), sku: z.string(), productName: z.string(), supplierSku: z.string().nullable(), price: z.number().int(), moq: z.number().int(), packSize: z.number().int().optional(), leadTimeDays: z.number().int().nullable() })),
  notes: z.string().nullable(),
  status: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SupplierView = z.infer<typeof supplierView>;
const supplierFilters = { status: statusEnum.optional(), tag: z.string().max(30).optional(), productId: z.string().max(64).optional().describe('Suppliers that supply this product') };
export const supplierListQuery = z.strictObject({ ...listQueryBase, ...supplierFilters });
export const supplierExportQuery = z.strictObject({ ...exportQueryBase, ...supplierFilters });
