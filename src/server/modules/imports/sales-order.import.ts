import { z } from 'zod';
import { salesOrderLineInput } from '../sales/index.js';
import { toInteger, toPercent, yuanToFen, yuanToFenHalfUp, type Text2 } from './cells.js';
import type { ColumnSpec } from './columns.js';
import { toDate, toDiscountPercent, toYesNo, yesNoField } from './document-cells.js';
import type { DocumentSpec } from './document-spec.js';
import { writeSalesOrders } from './sales-order-writer.js';

const say = (zh: string, en: string): Text2 => ({ zh, en });
const date = (zh: string, en: string): Text2 => say(`${zh}，格式 2024-03-05`, `${en}, as 2024-03-05`);

const columns: ColumnSpec[] = [
  { field: 'orderNo', zh: '订单号', en: 'Order no', aliases: ['外部订单号', '单号', '订单编号', 'order number', 'order id', 'orderid', 'external order no'], required: true, text: true,
    format: say('原系统的订单号；同一订单号的各行是同一张订单的明细', 'The order’s number in the other system; rows with the same number are lines of one order'), example: 'WEB-10001' },
  { field: 'customer', zh: '客户编号', en: 'Customer', aliases: ['客户', '客户编码', 'customer code', 'customer id', 'customerid'], required: true, text: true,
    format: say('客户编号；同一订单只需在一行填写，各行填写时须一致', 'Customer code; needed on one row of the order, and rows that give it must agree'), example: 'C0001' },
  { field: 'orderDate', zh: '订单日期', en: 'Order date', aliases: ['下单日期', '日期', 'date', 'orderdate'], convert: toDate,
    format: date('可选，留空为今天；历史订单必填', 'Optional, today when empty; required for history'), example: '' },
  { field: 'sku', zh: '商品编码', en: 'SKU', aliases: ['编码', '商品编号', '货号', '条码', '条形码', 'barcode', 'product code', 'item code', 'productid'], required: true, text: true,
    format: say('商品编码或条码（辅助单位的条码同时指定该单位）', 'Product code or barcode (a pack unit’s barcode also sets that unit)'), example: 'TEA-500' },
  { field: 'quantity', zh: '数量', en: 'Quantity', aliases: ['qty', '订购数量'], required: true, convert: toInteger,
    format: say('按「单位」计的正整数', 'A positive whole number, in the row’s unit'), example: '2' },
  { field: 'unit', zh: '单位', en: 'Unit', aliases: ['计量单位', '包装单位', 'pack unit'],
    format: say('可选，商品的辅助单位名称（如 箱），留空为基本单位', 'Optional pack unit name (e.g. case); the base unit when empty'), example: { zh: '箱', en: 'case' } },
  { field: 'unitPrice', zh: '单价', en: 'Unit price', aliases: ['售价', '价格', '含税单价', 'price'], convert: yuanToFen,
    format: say('可选，每单位价格，单位元，最多两位小数；留空按客户价格等级取价', 'Optional price per unit, in yuan, up to 2 decimals; empty takes the customer’s tier price'), example: '45.00' },
  { field: 'discountPercent', zh: '折扣(%)', en: 'Discount (%)', aliases: ['折扣率', '折扣', 'discount', 'discount percent'], convert: toDiscountPercent,
    format: say('可选，行折扣百分数，如 10 或 10%，最多两位小数', 'Optional line discount in percent, e.g. 10 or 10%, up to 2 decimals'), example: '5' },
  { field: 'taxRate', zh: '税率(%)', en: 'Tax rate (%)', aliases: ['增值税率', 'vat'], convert: toPercent,
    format: say('可选，百分数，留空为商品的税率', 'Optional percent; the product’s rate when empty'), example: '13%' },
  { field: 'warehouse', zh: '仓库', en: 'Warehouse', aliases: ['发货仓库', '仓库编号', 'warehouse code'], text: true,
    format: say('可选，仓库编号或名称，留空为默认仓库', 'Optional warehouse code or name; the default warehouse when empty'), example: 'WH01' },
  { field: 'requestedDate', zh: '交货日期', en: 'Requested date', aliases: ['要求交货日期', '期望交货日期', 'required date', 'requireddate', 'delivery date'], convert: toDate,
    format: date('可选，客户要求的交货日期', 'Optional delivery date the customer asked for'), example: '2024-03-20' },
  { field: 'notes', zh: '备注', en: 'Notes', aliases: ['note', 'remark', 'remarks', '说明'], format: say('可选，同一订单各行的备注合并', 'Optional; the notes of an order’s rows are joined'), example: '' },
  { field: 'shipDate', zh: '发货日期', en: 'Ship date', aliases: ['出库日期', '已发货日期', 'shipped date', 'shippeddate'], convert: toDate,
    format: date('仅历史订单填写：填了即作为已完成的历史订单导入（已关闭，不占用、不扣减当前库存）', 'History only: an order with a ship date imports as completed history (closed; it neither reserves nor moves current stock)'), example: '' },
  { field: 'confirm', zh: '确认', en: 'Confirm', aliases: ['是否确认'], convert: toYesNo,
    format: say('可选，是 / 否：导入后立即确认（按审核规则送审或占用库存）；留空取上传时的 confirm 选项', 'Optional yes/no: confirm on import (approval rules, then stock reservation); empty takes the upload’s confirm option'), example: { zh: '是', en: 'yes' } },
  { field: 'lineAmount', zh: '折后金额', en: 'Line amount', aliases: ['行金额', 'line amount', 'amount after discount'], convert: yuanToFenHalfUp,
    format: say('仅历史订单：该行折后金额（含税价时含税），单位元，最多四位小数，四舍五入到分；填了则不填单价，订单金额即为此金额', 'History only: the line’s amount after discount (incl. tax when prices include tax), in yuan, up to 4 decimals, rounded half up to the fen; instead of the unit price, and the order keeps this amount'), example: '' },
  { field: 'lineCost', zh: '成本金额', en: 'Line cost', aliases: ['行成本', 'line cost', 'cost of goods'], convert: yuanToFenHalfUp,
    format: say('仅历史订单，可选：该行的销售成本，单位元，最多四位小数，四舍五入到分；填了毛利分析即有成本', 'History only, optional: the line’s cost of goods, in yuan, up to 4 decimals, rounded half up to the fen; gives the analytics its cost'), example: '' },
];

const line = salesOrderLineInput.shape;
const isoDate = z.iso.date();
const rowSchema = z.strictObject({
  orderNo: z.string().trim().min(1).max(64),
  customer: z.string().trim().min(1).max(40).optional(),
  orderDate: isoDate.optional(),
  shipDate: isoDate.optional(),
  sku: z.string().trim().min(1).max(64),
  quantity: line.quantity,
  unit: z.string().trim().min(1).max(20).optional(),
  unitPrice: line.unitPrice,
  lineAmount: z.number().int().min(0).max(1e13).optional(),
  lineCost: z.number().int().min(0).max(1e13).optional(),
  discountPercent: line.discountPercent,
  taxRate: line.taxRate,
  warehouse: z.string().trim().min(1).max(100).optional(),
  requestedDate: isoDate.optional(),
  notes: z.string().trim().max(2000).optional(),
  confirm: z.boolean().optional(),
});

/** Sales orders (销售订单): one row per line, grouped into orders by order number; history when shipped. */
export const salesOrderImport: DocumentSpec = {
  entity: 'sales-orders',
  auditEntity: 'salesOrder',
  permission: 'sales:write',
  key: 'orderNo',
  label: { zh: '销售订单', en: 'sales-orders' },
  columns,
  schema: rowSchema,
  check: (v) => [
    ...(v.lineAmount !== undefined && v.unitPrice !== undefined ? [{ field: 'lineAmount', message: say('折后金额与单价只填一个', 'Give either the line amount or the unit price, not both') }] : []),
    ...(v.lineAmount !== undefined && Number(v.lineAmount) > 0 && v.discountPercent === 100 ? [{ field: 'discountPercent', message: say('折扣 100% 的行折后金额只能是 0', 'A line at 100% discount has an amount of 0') }] : []),
  ],
  toInput: (values) => values,
  fieldOf: (path) => (path.length ? String(path[0]) : null),
  formFields: z.object({
    confirm: yesNoField.optional().describe('Confirm current orders on import (default false)'),
    shortage: z.enum(['refuse', 'backorder']).optional().describe('When a confirmed order is short: refuse (default: nothing is imported) or backorder (reserve what is there, the rest waits as 欠货 and purchasing is alerted)'),
  }),
  writeAll: writeSalesOrders,
  help:
    'Sales orders: one row per line, grouped by orderNo; columns orderNo, customer (code), orderDate, sku (or barcode), quantity, unit, unitPrice (yuan), ' +
    'discountPercent, taxRate, warehouse, requestedDate, notes, shipDate, confirm; for history also lineAmount (the line’s amount after discount, yuan, up to 4 decimals, rounded half up ' +
    'to the fen, instead of unitPrice) and lineCost (the line’s cost of goods, same format; recorded as the sale’s cost in analytics). Form field `confirm` (true|false) confirms current orders: approval rules and ' +
    'all-or-nothing reservation as through the API; form field `shortage=backorder` reserves what is there and backorders the rest instead of refusing the file. Rows with a shipDate import as closed history without stock movements. `created` counts orders.',
  templateNotes: [
    say('第 1 行是列名，从第 2 行起每行是订单的一条明细；订单号相同的行合并为一张订单。导入前请改写或删除示例行。', 'Row 1 holds the column headers; each row below it is one order line, and rows with the same order number make one order. Replace or delete the example row before importing.'),
    say('客户、订单日期、发货日期、交货日期、确认 是整张订单的信息：可只在订单的一行填写，各行都填时必须一致。', 'Customer, order date, ship date, requested date and confirm belong to the whole order: fill them on one of its rows, or on every row with the same value.'),
    say('全部行无误才会导入，否则一行也不写入；错误会按行号列出。选择确认时，库存不足或任何错误都会使整个文件不导入；选择“缺货转欠货”则有多少占多少，其余记为欠货并提醒采购。', 'The file is imported only when every row is correct, otherwise nothing is written and every error is listed by row. With confirm, a shortage or any error stops the whole file; with “backorder the shortage”, what is in stock is reserved and the rest waits as backordered, and purchasing is alerted.'),
    say('填了发货日期的订单作为历史订单导入：状态为已关闭，不占用也不扣减当前库存，保留订单日期和发货日期供分析。', 'Orders with a ship date import as history: closed, neither reserving nor moving current stock, keeping their order and ship dates for analysis.'),
    say('历史订单可用「折后金额」代替单价：该行金额按文件所写（四位小数内四舍五入到分，只舍入这一次），单价取能覆盖该金额的最小整分；「成本金额」记为该行的销售成本，用于毛利分析。', 'History orders may give the line amount instead of the unit price: the line keeps that amount (up to 4 decimals, rounded half up to the fen, the only rounding), and its unit price is the smallest whole fen that covers it; the line cost is recorded as the sale’s cost of goods for the margin figures.'),
    say('金额单位为元，最多两位小数；价格默认含税。CSV 可以是 UTF-8 或 GBK 编码，用逗号、分号或制表符分隔。', 'Amounts are in yuan with up to 2 decimals; prices include tax. CSV may be UTF-8 or GBK, separated by commas, semicolons or tabs.'),
  ],
};
