import { z } from 'zod';
import { listQueryBase, optText } from '../../platform/http-schemas.js';

const id = z.string().min(1).max(64);

export const purchaseReturnLineInput = z.strictObject({
  receiptLineId: id.optional().describe('The receipt line returned; or give productId (the receipt’s line of that product with something left to return)'),
  productId: id.optional(),
  quantity: z.number().int('数量须为整数 | Quantity must be a whole number').min(1, '数量须大于 0 | Quantity must be more than 0').max(1e9).describe('In `unit`'),
  unit: z.string().trim().min(1).max(20).optional().describe('Default the receipt line’s unit'),
});

export const purchaseReturnInput = z.strictObject({
  supplierId: id.describe('The supplier the goods go back to; must be the receipt’s'),
  receiptId: id.describe('The purchase receipt (采购入库单) returned against'),
  reason: optText(500),
  lines: z.array(purchaseReturnLineInput).min(1).max(500),
});
export type PurchaseReturnInput = z.infer<typeof purchaseReturnInput>;

export const purchaseReturnView = z.object({
  id: z.string(), number: z.string().describe('CGTH-YYYYMMDD-NNNN'), receiptId: z.string(), receiptNumber: z.string(), supplierId: z.string(), supplierName: z.string(),
  warehouseId: z.string(), warehouseName: z.string(), lineCount: z.number().int(),
  costAmount: z.number().int().describe('Stock value booked out by the ledger (moving average), fen'),
  creditNet: z.number().int().describe('Payable credited, net: Σ base quantity × the receipt line’s unit cost, fen'),
  creditTax: z.number().int().describe('VAT on the credit at the receipt line’s rate, fen'),
  creditTotal: z.number().int(),
  reason: z.string().nullable(), actorName: z.string().nullable(), createdAt: z.string(),
  lines: z.array(z.object({
    id: z.string(), lineNo: z.number().int(), receiptLineId: z.string(), productId: z.string(), sku: z.string(), productName: z.string(), baseUnit: z.string(),
    unitName: z.string(), factor: z.number().int(), quantity: z.number().int(), baseQuantity: z.number().int(),
    unitCost: z.number().int().describe('The receipt line’s cost per base unit, fen'), creditAmount: z.number().int(), costAmount: z.number().int(),
  })),
});
export type PurchaseReturnView = z.infer<typeof purchaseReturnView>;
export const purchaseReturnSummary = purchaseReturnView.omit({ lines: true });

export const purchaseReturnListQuery = z.strictObject({
  ...listQueryBase,
  receiptId: id.optional(),
  supplierId: id.optional(),
  warehouseId: id.optional(),
});

export const payableQuery = z.strictObject({ supplierId: id, page: listQueryBase.page, pageSize: listQueryBase.pageSize });
export const payableView = z.object({
  supplierId: z.string(), balance: z.number().int().describe('What is owed the supplier now (fen): receipts − returns'), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
  items: z.array(z.object({
    id: z.string(), kind: z.string().describe('receipt or purchase_return'), sourceType: z.string(), sourceId: z.string(), sourceNumber: z.string(),
    net: z.number().int(), tax: z.number().int(), amount: z.number().int().describe('net + tax; negative for a credit'), createdAt: z.string(),
  })),
});
