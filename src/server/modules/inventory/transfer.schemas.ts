import { z } from 'zod';
import { listQueryBase, optText } from '../../platform/http-schemas.js';
import { transferStatuses } from './transfer.js';

const id = z.string().min(1).max(64);
const quantity = z.number().int('数量须为整数（基本单位） | Quantity must be a whole number of base units').min(1, '数量须大于 0 | Quantity must be more than 0').max(1e9);

export const transferInput = z.strictObject({
  fromWarehouseId: id.describe('调出仓库'),
  toWarehouseId: id.describe('调入仓库'),
  note: optText(500),
  lines: z.array(z.strictObject({ productId: id, quantity: quantity.describe('Base units') })).min(1).max(5000),
  ship: z.boolean().optional().describe('Ship (调出) in the same call: stock leaves the source now, or nothing is written'),
}).superRefine((v, ctx) => {
  if (v.fromWarehouseId === v.toWarehouseId) ctx.addIssue({ code: 'custom', path: ['toWarehouseId'], message: '调入仓库不能与调出仓库相同 | The destination must be another warehouse' });
  const seen = new Map<string, number>();
  v.lines.forEach((l, i) => {
    const first = seen.get(l.productId);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['lines', i, 'productId'], message: `与第 ${first + 1} 行商品重复 | Same product as line ${first + 1}` });
    else seen.set(l.productId, i);
  });
});
export type TransferInput = z.infer<typeof transferInput>;

export const transferReceiveInput = z.strictObject({
  lines: z.array(z.strictObject({
    lineId: id.optional().describe('The transfer line; or give productId'),
    productId: id.optional(),
    quantity: quantity.describe('Base units arriving now'),
  })).min(1).max(5000).optional().describe('Leave out to receive everything still in transit'),
  note: optText(500),
});
export type TransferReceiveInput = z.infer<typeof transferReceiveInput>;

const lineView = z.object({
  id: z.string(), lineNo: z.number().int(), productId: z.string(), sku: z.string(), productName: z.string(), baseUnit: z.string(),
  quantity: z.number().int(), shipped: z.number().int(), received: z.number().int(), returned: z.number().int().describe('Put back at the source by a cancellation in transit'),
  inTransit: z.number().int().describe('Shipped, not yet received (在途)'),
  unitCost: z.number().int().describe('Cost per base unit that left, fen'), costAmount: z.number().int(),
});

export const transferView = z.object({
  id: z.string(), number: z.string(), status: z.enum(transferStatuses),
  fromWarehouseId: z.string(), fromWarehouseName: z.string(), toWarehouseId: z.string(), toWarehouseName: z.string(),
  note: z.string().nullable(), lineCount: z.number().int(), costAmount: z.number().int().describe('Cost that left the source, fen'),
  inTransit: z.number().int().describe('Σ base units in transit'),
  actorName: z.string().nullable(), shippedAt: z.string().nullable(), receivedAt: z.string().nullable(), cancelledAt: z.string().nullable(),
  createdAt: z.string(), updatedAt: z.string(),
  lines: z.array(lineView),
});
export type TransferView = z.infer<typeof transferView>;
export const transferSummary = transferView.omit({ lines: true });

export const transferListQuery = z.strictObject({
  ...listQueryBase,
  status: z.enum(transferStatuses).optional(),
  warehouseId: id.optional().describe('From or to this warehouse'),
  productId: id.optional(),
});
export type TransferListQuery = z.infer<typeof transferListQuery>;

export const inTransitQuery = z.strictObject({ productId: id.optional(), warehouseId: id.optional().describe('The destination warehouse') });
export const inTransitView = z.object({
  items: z.array(z.object({
    productId: z.string(), sku: z.string(), productName: z.string(), warehouseId: z.string().describe('Destination'), warehouseName: z.string(),
    inTransit: z.number().int(),
    transfers: z.array(z.object({ transferId: z.string(), number: z.string(), fromWarehouseId: z.string(), fromWarehouseName: z.string(), inTransit: z.number().int(), shippedAt: z.string().nullable() })),
  })),
});
