import { z } from 'zod';
import { DomainError } from '../../platform/errors.js';
import { openingInput, postOpening } from '../inventory/index.js';
import { toInteger, yuanToFen } from './cells.js';
import type { ColumnSpec, WriteContext } from './columns.js';
import { addProblem, type DocumentOutcome, type DocumentSpec } from './document-spec.js';
import { findBins, findProducts, inSavepoint, problemsFromError, warehouseFinder } from './document-refs.js';
import type { ReadRow } from './rows.js';

const columns: ColumnSpec[] = [
  { field: 'warehouse', zh: '仓库', en: 'Warehouse', aliases: ['仓库编号', '仓库名称', '仓库编码', 'warehouse code', 'warehouse name'], required: true, text: true,
    format: { zh: '仓库编号或名称', en: 'Warehouse code or name' }, example: 'WH01' },
  { field: 'sku', zh: '商品编码', en: 'SKU', aliases: ['编码', '商品编号', '货号', '条码', '条形码', 'barcode', 'product code', 'item code'], required: true, text: true,
    format: { zh: '商品编码或条码；同一仓库中每个商品只能出现一次', en: 'Product code or barcode; each product once per warehouse' }, example: 'TEA-500' },
  { field: 'quantity', zh: '数量', en: 'Quantity', aliases: ['期初数量', '库存数量', '数量(基本单位)', 'qty', 'opening quantity'], required: true, convert: toInteger,
    format: { zh: '期初库存，按基本单位计的正整数', en: 'Opening stock in base units, a positive whole number' }, example: '120' },
  { field: 'unitCost', zh: '单位成本', en: 'Unit cost', aliases: ['成本价', '成本', '成本单价', 'cost', 'cost price'], required: true, convert: yuanToFen,
    format: { zh: '每个基本单位的成本，单位元，最多两位小数', en: 'Cost per base unit, in yuan, up to 2 decimals' }, example: '2.90' },
  { field: 'bin', zh: '库位', en: 'Bin', aliases: ['货位', '库位编号', 'bin code', 'location'], text: true,
    format: { zh: '可选，该仓库中的库位编号', en: 'Optional; a bin code of that warehouse' }, example: 'A-01-01' },
];

const line = openingInput.shape.lines.element.shape;
const rowSchema = z.strictObject({
  warehouse: z.string().trim().min(1).max(100),
  sku: z.string().trim().min(1).max(64),
  quantity: line.quantity,
  unitCost: line.unitCost,
  bin: z.string().trim().min(1).max(40).optional(),
});
type OpeningRow = z.infer<typeof rowSchema>;
type Line = { row: number; warehouseId: string; productId: string; quantity: number; unitCost: number; binId?: string };

const say = (zh: string, en: string) => ({ zh, en });
const inputField: Record<string, string> = { productId: 'sku', quantity: 'quantity', unitCost: 'unitCost', binId: 'bin', warehouseId: 'warehouse' };

/** Turns rows into lines with ids; unknown warehouses, products and bins become row problems. */
async function resolve(ctx: WriteContext, rows: ReadRow[], out: DocumentOutcome): Promise<Line[]> {
  const input = (r: ReadRow) => r.input as OpeningRow;
  const warehouse = await warehouseFinder(ctx.trx);
  const products = await findProducts(ctx.trx, rows.map((r) => input(r).sku));
  const whIds = rows.map((r) => warehouse(input(r).warehouse)?.id).filter((id): id is string => Boolean(id));
  const bins = await findBins(ctx.trx, whIds);
  const lines: Line[] = [];
  for (const r of rows) {
    const v = input(r);
    const w = warehouse(v.warehouse);
    const p = products.get(v.sku);
    const binId = w && v.bin ? bins.get(`${w.id} ${v.bin}`) : undefined;
    if (!w) addProblem(out.problems, r.row, { field: 'warehouse', message: say(`没有编号或名称为「${v.warehouse}」的仓库`, `No warehouse with code or name "${v.warehouse}"`) });
    if (!p) addProblem(out.problems, r.row, { field: 'sku', message: say(`没有编码或条码为「${v.sku}」的商品`, `No product with SKU or barcode "${v.sku}"`) });
    if (w && v.bin && !binId) addProblem(out.problems, r.row, { field: 'bin', message: say(`仓库「${w.name}」没有库位「${v.bin}」`, `Warehouse "${w.name}" has no bin "${v.bin}"`) });
    if (w && p && (!v.bin || binId)) lines.push({ row: r.row, warehouseId: w.id, productId: p.id, quantity: v.quantity, unitCost: v.unitCost, binId });
  }
  return lines;
}

/** A product may appear once per warehouse, and only where it has no movements yet. */
async function refuseRepeats(ctx: WriteContext, lines: Line[], out: DocumentOutcome): Promise<Line[]> {
  const first = new Map<string, number>();
  for (const l of lines) {
    const seen = first.get(`${l.warehouseId} ${l.productId}`);
    if (seen === undefined) first.set(`${l.warehouseId} ${l.productId}`, l.row);
    else addProblem(out.problems, l.row, { field: 'sku', message: say(`该商品在同一仓库已出现在第 ${seen} 行`, `This product already appears for this warehouse on row ${seen}`) });
  }
  const moved = new Set<string>();
  for (const wid of new Set(lines.map((l) => l.warehouseId))) {
    const ids = lines.filter((l) => l.warehouseId === wid).map((l) => l.productId);
    const rows = await ctx.trx.selectFrom('stockMovements').select('productId').distinct().where('warehouseId', '=', wid).where('productId', 'in', ids).execute();
    for (const m of rows) moved.add(`${wid} ${m.productId}`);
  }
  for (const l of lines) {
    if (moved.has(`${l.warehouseId} ${l.productId}`)) {
      addProblem(out.problems, l.row, { field: 'sku', message: say('该商品在此仓库已有库存流水（已录过期初或已有出入库），不能再录期初', 'This product already has stock movements in this warehouse (an opening balance or other stock changes); opening balances come first') });
    }
  }
  return lines.filter((l) => !out.problems.has(l.row));
}

/** Books one opening document (期初) per warehouse through postOpening, each in a savepoint. */
async function writeOpening(ctx: WriteContext, rows: ReadRow[]): Promise<DocumentOutcome> {
  const out: DocumentOutcome = { actions: new Map(), problems: new Map(), created: 0, updated: 0, documents: [] };
  const lines = await refuseRepeats(ctx, await resolve(ctx, rows.filter((r) => r.input), out), out);
  for (const wid of new Set(lines.map((l) => l.warehouseId))) {
    const mine = lines.filter((l) => l.warehouseId === wid);
    try {
      const doc = await inSavepoint(ctx.trx, () => postOpening(ctx.trx, ctx.actor, {
        warehouseId: wid, note: null, lines: mine.map(({ productId, quantity, unitCost, binId }) => ({ productId, quantity, unitCost, ...(binId ? { binId } : {}) })),
      }));
      out.created++;
      out.documents.push({ number: doc.number, ref: null, status: 'posted', rows: mine.map((l) => l.row), amount: doc.costAmount });
      for (const l of mine) out.actions.set(l.row, 'create');
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const rowsOf = mine.map((l) => l.row);
      for (const p of problemsFromError(err, rowsOf, rowsOf[0], (f) => inputField[f] ?? null)) addProblem(out.problems, p.row, p.problem);
    }
  }
  return out;
}

/** Opening stock (期初库存): one row per product and warehouse, booked as one opening document per warehouse. */
export const openingStockImport: DocumentSpec = {
  entity: 'opening-stock',
  auditEntity: 'stockAdjustment',
  permission: 'stock:adjust',
  key: 'sku',
  label: { zh: '期初库存', en: 'opening-stock' },
  columns,
  schema: rowSchema,
  toInput: (values) => values,
  fieldOf: (path) => (path.length ? String(path[0]) : null),
  writeAll: (ctx, rows) => writeOpening(ctx, rows),
  help: 'Opening stock: columns warehouse (code or name), sku (or barcode), quantity (base units), unitCost (yuan), bin (optional). One opening document (QC-…) per warehouse; a product that already has movements there is a row error. `created` counts documents.',
  templateNotes: [
    say('第 1 行是列名，从第 2 行起每行是一个商品在一个仓库的期初库存。导入前请改写或删除示例行。', 'Row 1 holds the column headers; each row below it is one product’s opening stock in one warehouse. Replace or delete the example row before importing.'),
    say('每个仓库生成一张期初单（QC-…），全部行无误才会导入，否则一行也不写入。', 'Each warehouse gets one opening document (QC-…); the file is imported only when every row is correct, otherwise nothing is written.'),
    say('期初只能在商品于该仓库还没有任何库存流水时录入；之后的变动请用盘点或报损报溢。', 'Opening balances are only accepted while the product has no stock movements in that warehouse; later changes are stock counts or adjustments.'),
    say('数量按基本单位；单位成本单位为元，最多两位小数。列的顺序不限，列名不区分大小写。CSV 可以是 UTF-8 或 GBK 编码。', 'Quantities are in base units; unit cost is in yuan with up to 2 decimals. Columns may be in any order; headers ignore case. CSV may be UTF-8 or GBK.'),
  ],
};
