import { z } from 'zod';
import { fen, listQueryBase, optText } from '../../platform/http-schemas.js';
import { orderPriorities, orderStatuses } from './sales-order.js';

const id = z.string().min(1).max(64);
const percent = z.number().min(0).max(100).refine((v) => Number.isInteger(Math.round(v * 100)) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, '最多两位小数 | At most two decimals');

export const salesOrderLineInput = z.strictObject({
  productId: id,
  quantity: z.number().int('数量须为整数 | Quantity must be a whole number').min(1, '数量须大于 0 | Quantity must be more than 0').max(1e9),
  unit: z.string().trim().min(1).max(20).optional().describe('Pack unit name (e.g. 箱); default the base unit'),
  unitPrice: fen.optional().describe('Price per unit in fen; default from the customer’s price tier'),
  discountPercent: percent.optional().describe('Line discount in percent'),
  taxRate: z.number().int().min(0).max(100).optional().describe('VAT percent; default the product’s'),
  warehouseId: id.optional().describe('Default the order’s warehouse'),
});

const address = z.strictObject({
  recipient: optText(100), phone: optText(50), province: optText(50), city: optText(50), district: optText(50),
  address: z.string().trim().min(1).max(300), postalCode: optText(20), country: optText(50),
});

const priorityError = '优先级须为 urgent（紧急）、high（高）、normal（普通）或 low（低） | Priority must be urgent, high, normal or low';

export const salesOrderInput = z.strictObject({
  customerId: id,
  lines: z.array(salesOrderLineInput).min(1).max(500),
  confirm: z.boolean().optional().describe('Confirm (reserve stock) in the same call'),
  shortage: z.enum(['refuse', 'backorder']).default('refuse').describe('When stock is short on confirming: refuse (409, nothing reserved) or backorder (reserve what is there, the rest waits)'),
  warehouseId: id.optional().describe('Default warehouse for lines; default the default warehouse'),
  pricesIncludeTax: z.boolean().default(true).describe('Whether unit prices include VAT (含税价)'),
  orderDiscount: fen.default(0).describe('Discount on the whole order, fen'),
  requestedDate: z.iso.date().optional(),
  priority: z.enum(orderPriorities, { error: priorityError }).optional().describe('Backorders are reserved first for urgent, then high, normal (default), low; then by requested date, then order date'),
  shippingAddress: address.optional().describe('Default the customer’s default address'),
  notes: optText(2000),
});
export type SalesOrderInput = z.infer<typeof salesOrderInput>;
export const priorityBody = z.strictObject({
  priority: z.enum(orderPriorities, { error: priorityError }).describe('urgent, high, normal or low: backorders are reserved in this order'),
});
export const salesOrderEdit = salesOrderInput.omit({ customerId: true, confirm: true }).describe('Replaces lines and terms; a confirmed order is re-reserved and re-checked against the approval rules');

const lineView = z.object({
  id: z.string(), lineNo: z.number().int(), productId: z.string(), sku: z.string(), productName: z.string(), baseUnit: z.string(), warehouseId: z.string(),
  unitName: z.string(), factor: z.number().int(), quantity: z.number().int(), baseQuantity: z.number().int(), unitPrice: z.number().int(),
  discountBp: z.number().int(), taxRate: z.number().int(), gross: z.number().int(), lineDiscount: z.number().int(), orderDiscount: z.number().int(),
  net: z.number().int(), tax: z.number().int(), total: z.number().int(), reserved: z.number().int(), shipped: z.number().int(),
  backordered: z.number().int().describe('Base units waiting for stock (欠货)'),
});

export const salesOrderView = z.object({
  id: z.string(), number: z.string(), customerId: z.string(), customerName: z.string(), status: z.enum(orderStatuses), warehouseId: z.string(),
  pricesIncludeTax: z.boolean(), orderDiscount: z.number().int(), gross: z.number().int(), discount: z.number().int(), net: z.number().int(),
  tax: z.number().int(), total: z.number().int(), requestedDate: z.string().nullable(), shippingAddress: z.unknown().nullable(), notes: z.string().nullable(),
  source: z.string(), actorName: z.string().nullable(),
  priority: z.enum(orderPriorities).optional().describe('urgent, high, normal or low: the order in which backorders are reserved'),
  approvalReasons: z.array(z.object({ ruleId: z.string(), name: z.string(), kind: z.string(), approverRole: z.string(), zh: z.string(), en: z.string() })).describe('Why the order waits for approval'),
  approvalRole: z.string().nullable().describe('Role that may approve (admins always may)'),
  approvalComment: z.string().nullable(),
  approvedBy: z.string().nullable(),
  orderDate: z.string().nullable().describe('Business date of the order (YYYY-MM-DD)'),
  shippedDate: z.string().nullable(),
  externalRef: z.string().nullable().describe('Number in the system it was imported from'),
  confirmedAt: z.string().nullable(), cancelledAt: z.string().nullable(),
  createdAt: z.string(), updatedAt: z.string(), lines: z.array(lineView),
});
export type SalesOrderView = z.infer<typeof salesOrderView>;
export const salesOrderSummary = salesOrderView.omit({ lines: true });

export const salesOrderListQuery = z.strictObject({
  ...listQueryBase,
  status: z.enum(orderStatuses).optional(),
  customerId: id.optional(),
});

export type ShortageMode = 'refuse' | 'backorder';
export const confirmBody = z.strictObject({ shortage: z.enum(['refuse', 'backorder']).default('refuse') });

export const approvalBody = z.strictObject({ comment: z.string().trim().max(500).optional(), shortage: z.enum(['refuse', 'backorder']).default('refuse') });
export const rejectBody = z.strictObject({ comment: z.string().trim().min(1, '请填写驳回原因 | Give a reason for rejecting').max(500) });

export const approvalRuleInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(['total_over', 'discount_over', 'below_cost', 'over_credit', 'new_customer', 'overdue']).describe('total_over: order total > threshold (fen); discount_over: any discount > threshold (basis points, 1000 = 10%); below_cost: a line priced below cost; over_credit: receivable balance + open orders (not yet invoiced) + this one > credit limit; new_customer: first order; overdue: the customer has an invoice more than threshold days past due (0 = any)'),
  threshold: z.number().int().min(0).max(1e13).default(0),
  approverRole: z.enum(['admin', 'sales', 'warehouse', 'purchasing', 'finance']).describe('Role that approves (viewers only read, so they cannot be approvers)'),
});
export const approvalRulePatch = z.strictObject({
  name: approvalRuleInput.shape.name.optional(),
  threshold: z.number().int().min(0).max(1e13).optional(),
  approverRole: approvalRuleInput.shape.approverRole.optional(),
  status: z.enum(['active', 'inactive']).optional(),
});
export const approvalRuleView = z.object({ id: z.string(), name: z.string(), kind: z.string(), threshold: z.number(), approverRole: z.string(), status: z.string(), createdAt: z.string(), updatedAt: z.string() });
