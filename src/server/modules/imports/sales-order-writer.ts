import type { Tx } from '../../db/create-db.js';
import { businessDate } from '../../platform/clock.js';
import { constraintKind } from '../../platform/db-errors.js';
import { DomainError } from '../../platform/errors.js';
import { zodIssueMessage } from '../../platform/i18n.js';
import { recordFacts, type SaleFact } from '../analytics/sales-facts.js';
import { createSalesOrder, markImported, priceStatedLine, recordHistoricalOrder, salesOrderInput, type SalesOrderInput } from '../sales/index.js';
import type { WriteContext } from './columns.js';
import { addProblem, type DocumentOutcome, type ImportedDocument } from './document-spec.js';
import { findCustomers, findProducts, inSavepoint, problemsFromError, warehouseFinder, type ProductRef, type WarehouseRef } from './document-refs.js';
import { checkHeader, groupRows, isHistory, settleHeader, type OrderGroup, type OrderRow } from './sales-order-groups.js';
import type { ReadRow } from './rows.js';

type Refs = {
  customers: Map<string, { id: string }>;
  products: Map<string, ProductRef>;
  warehouse: (text: string) => WarehouseRef | undefined;
  imported: Map<string, string>;
};

const inputField: Record<string, string> = {
  productId: 'sku', quantity: 'quantity', unit: 'unit', unitPrice: 'unitPrice', discountPercent: 'discountPercent', taxRate: 'taxRate',
  warehouseId: 'warehouse', customerId: 'customer', requestedDate: 'requestedDate', notes: 'notes',
};

/** Customers, products and warehouses the rows name, and which order numbers were imported before. */
async function loadRefs(trx: Tx, groups: OrderGroup[], loose: LooseRow[]): Promise<Refs> {
  const refs = groups.map((g) => g.ref);
  const imported = new Map<string, string>();
  for (let i = 0; i < refs.length; i += 500) {
    const found = await trx.selectFrom('salesOrders').select(['externalRef', 'number']).where('externalRef', 'in', refs.slice(i, i + 500)).where('status', '!=', 'cancelled').execute();
    for (const o of found) if (o.externalRef) imported.set(o.externalRef, o.number);
  }
  const rows: LooseRow[] = [...groups.flatMap((g) => g.rows), ...loose];
  return {
    customers: await findCustomers(trx, rows.flatMap((r) => (r.customer ? [r.customer] : []))),
    products: await findProducts(trx, rows.flatMap((r) => (r.sku ? [r.sku] : []))),
    warehouse: await warehouseFinder(trx),
    imported,
  };
}

/** What a row names, also read from the cells of a row that failed validation. */
type LooseRow = { row: number; customer?: string; sku?: string; warehouse?: string };

/** Problems with what a row refers to: unknown customer, product or warehouse. */
function checkRowRefs(r: LooseRow, refs: Refs, out: DocumentOutcome): void {
  if (r.customer && !refs.customers.has(r.customer)) addProblem(out.problems, r.row, { field: 'customer', message: { zh: `没有编号为「${r.customer}」的客户`, en: `No customer with code "${r.customer}"` } });
  if (r.sku && !refs.products.has(r.sku)) addProblem(out.problems, r.row, { field: 'sku', message: { zh: `没有编码或条码为「${r.sku}」的商品`, en: `No product with SKU or barcode "${r.sku}"` } });
  if (r.warehouse && !refs.warehouse(r.warehouse)) addProblem(out.problems, r.row, { field: 'warehouse', message: { zh: `没有编号或名称为「${r.warehouse}」的仓库`, en: `No warehouse with code or name "${r.warehouse}"` } });
}

/** An order number imported before (and not cancelled) is an error on each of its rows. */
function checkImported(g: OrderGroup, refs: Refs, out: DocumentOutcome): void {
  const before = refs.imported.get(g.ref);
  if (before) for (const r of g.rows) addProblem(out.problems, r.row, { field: 'orderNo', message: { zh: `订单号「${g.ref}」已导入为 ${before}`, en: `Order "${g.ref}" was already imported as ${before}` } });
}

/** The API input of a group: one line per row; unit from the row, else from a pack unit's barcode. */
function orderInput(g: OrderGroup, refs: Refs, confirm: boolean, shortage: 'refuse' | 'backorder'): unknown {
  const lines = g.rows.map((r) => {
    const p = refs.products.get(r.sku);
    const unit = r.unit ?? p?.unitName ?? undefined;
    const warehouseId = r.warehouse ? refs.warehouse(r.warehouse)?.id : undefined;
    // A stated amount gets a unit price that covers it; recordHistoricalOrder then keeps the amount itself.
    const discountBp = Math.round((r.discountPercent ?? 0) * 100);
    const unitPrice = r.lineAmount !== undefined ? priceStatedLine({ quantity: r.quantity, amount: r.lineAmount, discountBp, taxRate: 0 }, true).unitPrice : r.unitPrice;
    return { productId: p?.id, quantity: r.quantity, unit, unitPrice, discountPercent: r.discountPercent, taxRate: r.taxRate, warehouseId };
  });
  return { customerId: refs.customers.get(g.customer ?? '')?.id, lines, confirm, shortage, requestedDate: g.requestedDate, notes: g.notes };
}

/** Creates one group's order through createSalesOrder (the API's rules), then dates it or closes it as history. */
async function writeGroup(ctx: WriteContext, g: OrderGroup, input: SalesOrderInput): Promise<{ doc: ImportedDocument; facts: SaleFact[] }> {
  const history = isHistory(g);
  const order = await createSalesOrder(ctx.trx, ctx.actor, history ? { ...input, confirm: false } : input, 'import');
  const origin = { externalRef: g.ref, orderDate: g.orderDate ?? businessDate() };
  const stated = g.rows.map((r) => ({ amount: r.lineAmount, cost: r.lineCost }));
  const done = history ? await recordHistoricalOrder(ctx.trx, ctx.actor, order, { ...origin, shippedDate: g.shipDate ?? null }, stated, true) : { order, facts: [] };
  if (!history) await markImported(ctx.trx, order.id, origin);
  return { doc: { number: order.number, ref: g.ref, status: history ? 'closed' : order.status, rows: g.rows.map((r) => r.row), amount: done.order.total }, facts: done.facts };
}

/** Tries one group in a savepoint; its failure becomes problems on its rows. */
async function tryGroup(ctx: WriteContext, g: OrderGroup, refs: Refs, confirm: boolean, shortage: 'refuse' | 'backorder', out: DocumentOutcome, facts: SaleFact[]): Promise<void> {
  const rows = g.rows.map((r) => r.row);
  const toRows = (err: DomainError) => {
    for (const p of problemsFromError(err, rows, rows[0], (f) => inputField[f] ?? null)) addProblem(out.problems, p.row, p.problem);
  };
  const parsed = salesOrderInput.safeParse(orderInput(g, refs, confirm, shortage));
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: { zh: zodIssueMessage(i as never, 'zh-CN', i.message), en: zodIssueMessage(i as never, 'en', i.message) } }));
    return toRows(new DomainError('VALIDATION_FAILED', {}, details));
  }
  try {
    const { doc, facts: made } = await inSavepoint(ctx.trx, () => writeGroup(ctx, g, parsed.data));
    facts.push(...made);
    out.documents.push(doc);
    out.created++;
    for (const r of rows) out.actions.set(r, 'create');
  } catch (err) {
    if (err instanceof DomainError) return toRows(err);
    if (!constraintKind(err)) throw err;
    addProblem(out.problems, rows[0], { field: null, message: { zh: '与数据库中的数据冲突（可能刚被他人修改），请重新预览', en: 'Conflicts with data in the database (perhaps just changed by someone else); preview again' } });
  }
}

/**
 * Imports sales orders: rows grouped by order number, each group checked (header agreement,
 * dates, references) and then created through createSalesOrder in a savepoint, so every order's
 * problems are found in one pass. Current orders are confirmed when asked (approval rules and
 * reservation as through the API); orders with a ship date become closed history without stock movements.
 */
export async function writeSalesOrders(ctx: WriteContext, rows: ReadRow[], fields: Record<string, unknown>): Promise<DocumentOutcome> {
  const out: DocumentOutcome = { actions: new Map(), problems: new Map(), created: 0, updated: 0, documents: [] };
  // A group with an unreadable row is not written: its other problems would mislead.
  const unread = rows.filter((r) => !r.input);
  const broken = new Set(unread.map((r) => (r.texts.orderNo ?? '').trim()));
  const loose = unread.map((r) => ({ row: r.row, customer: r.texts.customer, sku: r.texts.sku, warehouse: r.texts.warehouse }));
  const groups = groupRows(rows.filter((r) => r.input).map((r) => ({ ...(r.input as Omit<OrderRow, 'row'>), row: r.row })));
  const today = businessDate();
  for (const g of groups) for (const p of [...settleHeader(g), ...checkHeader(g, today)]) addProblem(out.problems, p.row, p);
  const refs = await loadRefs(ctx.trx, groups, loose);
  for (const g of groups) checkImported(g, refs, out);
  for (const r of [...groups.flatMap((g) => g.rows), ...loose]) checkRowRefs(r, refs, out);
  // History orders' sales facts are written together at the end: one insert and rollup upsert per few hundred lines, not per order.
  const facts: SaleFact[] = [];
  for (const g of groups) {
    if (broken.has(g.ref) || g.rows.some((r) => out.problems.has(r.row))) continue;
    await tryGroup(ctx, g, refs, g.confirm ?? fields.confirm === true, fields.shortage === 'backorder' ? 'backorder' : 'refuse', out, facts);
  }
  await recordFacts(ctx.trx, facts);
  return out;
}
