import { z } from 'zod';
import { toInteger, type Text2 } from './cells.js';
import type { ColumnSpec } from './columns.js';
import { toDate } from './document-cells.js';
import type { DocumentSpec } from './document-spec.js';
import { writeSalesReturns } from './sales-return-writer.js';

const say = (zh: string, en: string): Text2 => ({ zh, en });

const columns: ColumnSpec[] = [
  { field: 'orderNo', zh: '订单号', en: 'Order no', aliases: ['外部订单号', '原订单号', 'order number', 'order id', 'orderid'], required: true, text: true,
    format: say('导入历史订单时的订单号（原系统的订单号）；同一订单号的各行合为一张退货单', 'The order number the history order was imported with (its number in the other system); rows with the same number make one return'), example: 'WEB-10001' },
  { field: 'sku', zh: '商品编码', en: 'SKU', aliases: ['编码', '商品编号', '货号', '条码', 'barcode', 'product code', 'productid'], text: true,
    format: say('可选，退回的商品；留空为整单退货（该订单只能有这一行）', 'Optional, the product returned; empty returns the whole order (then the order has only that row)'), example: 'TEA-500' },
  { field: 'quantity', zh: '数量', en: 'Quantity', aliases: ['退货数量', 'qty'], convert: toInteger,
    format: say('可选，按基本单位的正整数；留空为该商品在订单上尚未退回的全部数量', 'Optional, a positive whole number in base units; empty returns all of the product not yet returned'), example: '1' },
  { field: 'returnDate', zh: '退货日期', en: 'Return date', aliases: ['日期', 'returned date', 'date'], convert: toDate,
    format: say('可选，格式 2024-03-05；留空为订单的发货日期；不能早于发货日期，也不能晚于今天', 'Optional, as 2024-03-05; the order’s ship date when empty; not before the ship date nor after today'), example: '' },
  { field: 'note', zh: '备注', en: 'Note', aliases: ['notes', 'remark', '说明', '原因'], format: say('可选', 'Optional'), example: '' },
];

const rowSchema = z.strictObject({
  orderNo: z.string().trim().min(1).max(64),
  sku: z.string().trim().min(1).max(64).optional(),
  quantity: z.number().int('数量须为整数 | Quantity must be a whole number').min(1, '数量须大于 0 | Quantity must be more than 0').max(1e9).optional(),
  returnDate: z.iso.date().optional(),
  note: z.string().trim().max(500).optional(),
});

/** Returns of history orders (销售退货, history): one row per product returned, or one row for the whole order. */
export const salesReturnImport: DocumentSpec = {
  entity: 'sales-returns',
  auditEntity: 'salesReturn',
  permission: 'sales:write',
  key: 'orderNo',
  label: { zh: '历史退货', en: 'sales-returns' },
  columns,
  schema: rowSchema,
  check: (v) => (v.quantity !== undefined && v.sku === undefined ? [{ field: 'quantity', message: say('填写数量时须填写商品编码', 'A quantity needs the SKU it is of') }] : []),
  toInput: (values) => values,
  fieldOf: (path) => (path.length ? String(path[0]) : null),
  writeAll: writeSalesReturns,
  help:
    'History returns of orders imported as history: columns orderNo (the order’s number in the other system), sku (empty: the whole order), quantity (base units; empty: ' +
    'all of that product not yet returned), returnDate (default the order’s ship date), note. Rows with the same orderNo make one return, recorded closed with no stock ' +
    'movements; its revenue is taken back on the return date and the cost of goods stays with the sale (docs/metrics.md "History imports"). `created` counts returns.',
  templateNotes: [
    say('第 1 行是列名，从第 2 行起每行是一个退回的商品，或整单退货（不填商品编码）。只能退已作为历史导入（有发货日期）的订单。导入前请改写或删除示例行。', 'Row 1 holds the column headers; each row below is a product returned, or a whole order (no SKU). Only orders imported as history (with a ship date) can be returned here. Replace or delete the example row before importing.'),
    say('退货单直接记为已关闭：不入库、不退款，只在分析中冲减收入（成本不冲回）。', 'Returns are recorded closed: no goods come back into stock and nothing is refunded; analytics takes the revenue back (the cost of goods is not reversed).'),
    say('全部行无误才会导入，否则一行也不写入；错误会按行号列出。', 'The file is imported only when every row is correct, otherwise nothing is written and every error is listed by row.'),
  ],
};
