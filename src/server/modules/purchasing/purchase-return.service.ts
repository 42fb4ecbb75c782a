import { sql } from 'kysely';
import type { Db, DbOrTx, Tx } from '../../db/create-db.js';
import type { PurchaseReturnLineTable, PurchaseReturnTable } from '../../db/schema-purchasing.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError, type ErrorDetail } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { paginate, searchWhere } from '../../platform/list.js';
import { nextNumber } from '../../platform/numbering.js';
import { enqueue } from '../../platform/outbox.js';
import { changeStock } from '../inventory/index.js';
import { settlePurchaseReturn } from '../finance/index.js';
import { productsWithUnits } from './purchase-order-content.js';
import type { PurchaseReturnInput, PurchaseReturnView } from './purchase-return.schemas.js';
import { checkReorderPoints } from './reorder-check.js';
import { receiptLineTaxRates, recordPayable, vatOf } from './supplier-payable.js';

const int = (n: number) => sql<number>`cast(${n} as bigint)`;
const lineError = (i: number, field: string, zh: string, en: string): ErrorDetail => ({ field: `lines.${i}.${field}`, message: { zh, en } });

type ReceiptLine = { id: string; orderLineId: string | null; productId: string; sku: string; productName: string; baseUnit: string; unitName: string; factor: number; baseQuantity: number; returned: number; unitCost: number };
type NewLine = PurchaseReturnLineTable & { line: ReceiptLine; index: number };

/**
 * Posts a purchase return (采购退货单 CGTH-…) against a receipt in the caller's transaction: each
 * line at most what its receipt line received minus what was returned before (a conditional
 * update, so racing returns cannot both pass), stock out through the ledger, and the supplier's
 * payable credited at the receipt line's cost plus its VAT. Any refusal writes nothing.
 *
 * Cost: the stock leaves at the receipt line's cost (the ledger takes that cost out and the
 * moving average is recomputed from what remains), so `costAmount` equals `creditNet`, except when
 * the units returned are the last in stock or the stock's value is smaller than that cost: then
 * the value left is what leaves (the average never goes below 0) and the difference stays visible
 * as `creditAmount − costAmount` on the line (decisions.md §14).
 */
export async function postPurchaseReturn(trx: Tx, actor: Actor, input: PurchaseReturnInput): Promise<PurchaseReturnView> {
  const receipt = await trx.selectFrom('purchaseReceipts').select(['id', 'number', 'supplierId', 'warehouseId']).where('id', '=', input.receiptId).executeTakeFirst();
  if (!receipt) throw new DomainError('NOT_FOUND', { entity: 'purchaseReceipt' }, [{ field: 'receiptId', message: { zh: '采购入库单不存在', en: 'No such purchase receipt' } }]);
  const supplier = await trx.selectFrom('suppliers').select(['id', 'name']).where('id', '=', input.supplierId).executeTakeFirst();
  if (!supplier) throw new DomainError('NOT_FOUND', { entity: 'supplier' }, [{ field: 'supplierId', message: { zh: '供应商不存在', en: 'No such supplier' } }]);
  if (receipt.supplierId !== supplier.id) {
    const theirs = receipt.supplierId ? await trx.selectFrom('suppliers').select('name').where('id', '=', receipt.supplierId).executeTakeFirst() : undefined;
    throw new DomainError('RETURN_SUPPLIER_MISMATCH', { number: receipt.number, supplier: supplier.name, receiptSupplier: theirs?.name ?? '—' }, [{
      field: 'supplierId', receiptSupplierId: receipt.supplierId,
      message: theirs ? { zh: `入库单 ${receipt.number} 的供应商是「${theirs.name}」`, en: `Receipt ${receipt.number} is from "${theirs.name}"` } : { zh: `入库单 ${receipt.number} 没有供应商`, en: `Receipt ${receipt.number} has no supplier` },
    }]);
  }
  const id = newId();
  const lines = await resolveLines(trx, id, input, receipt);
  await bookReturned(trx, lines);
  const posted = await changeStock(trx, actor, { type: 'purchase_return', id }, {
    moves: lines.map((l) => ({ kind: 'purchase_return_out', productId: l.productId, warehouseId: receipt.warehouseId, quantity: -l.baseQuantity, unitCost: l.unitCost, sourceLineId: l.id, reason: receipt.number })),
  });
  const rates = await receiptLineTaxRates(trx, lines.map((l) => l.line));
  const rows: PurchaseReturnLineTable[] = lines.map(({ line: _l, index: _i, ...l }, i) => ({ ...l, costAmount: -posted[i].costAmount }));
  const creditNet = rows.reduce((s, l) => s + l.creditAmount, 0);
  const creditTax = lines.reduce((s, l) => s + vatOf(l.creditAmount, rates.get(l.line.id) ?? 0), 0);
  const row: PurchaseReturnTable = {
    id, number: await nextNumber(trx, 'CGTH'), receiptId: receipt.id, supplierId: supplier.id, warehouseId: receipt.warehouseId, lineCount: rows.length,
    costAmount: rows.reduce((s, l) => s + l.costAmount, 0), creditNet, creditTax, reason: input.reason ?? null,
    actorType: actor.type, actorId: actor.id, actorName: actor.name, createdAt: nowIso(),
  };
  await trx.insertInto('purchaseReturns').values(row).execute();
  await trx.insertInto('purchaseReturnLines').values(rows).execute();
  await recordPayable(trx, { supplierId: supplier.id, kind: 'purchase_return', sourceType: 'purchase_return', sourceId: id, sourceNumber: row.number, net: -creditNet, tax: -creditTax });
  await settlePurchaseReturn(trx, { returnId: id, receiptId: receipt.id, actorName: actor.name });
  await checkReorderPoints(trx, [...new Set(rows.map((l) => l.productId))].map((productId) => ({ productId, warehouseId: receipt.warehouseId })));
  const view = await getPurchaseReturn(trx, id);
  await enqueue(trx, 'purchase_return.posted', { returnId: id, number: row.number, receiptId: receipt.id, supplierId: supplier.id, creditTotal: creditNet + creditTax }, `purchase_return.posted:${id}`);
  await writeAudit(trx, actor, { action: 'create', entity: 'purchaseReturn', entityId: id, summary: `${row.number} ${receipt.number}`, after: view });
  return view;
}

/** Maps each input line to its receipt line (by id, or the receipt's line of the product with most left) in base units; every line's error is collected. */
async function resolveLines(trx: DbOrTx, returnId: string, input: PurchaseReturnInput, receipt: { id: string; number: string }): Promise<NewLine[]> {
  const receiptLines: ReceiptLine[] = (await trx.selectFrom('purchaseReceiptLines as l').innerJoin('products as p', 'p.id', 'l.productId')
    .select(['l.id', 'l.orderLineId', 'l.productId', 'p.sku', 'p.name as productName', 'p.baseUnit', 'l.unitName', 'l.factor', 'l.baseQuantity', 'l.returned', 'l.unitCost'])
    .where('l.receiptId', '=', receipt.id).orderBy('l.lineNo').execute())
    .map((l) => ({ ...l, baseQuantity: Number(l.baseQuantity), returned: Number(l.returned ?? 0), unitCost: Number(l.unitCost) }));
  const { products, factorOf } = await productsWithUnits(trx, [...new Set(receiptLines.map((l) => l.productId))]);
  const errors: ErrorDetail[] = [];
  let notOnReceipt = false;
  const out = input.lines.map((l, i): NewLine | null => {
    const rl = l.receiptLineId
      ? receiptLines.find((r) => r.id === l.receiptLineId)
      : receiptLines.filter((r) => r.productId === l.productId).sort((a, b) => (b.baseQuantity - b.returned) - (a.baseQuantity - a.returned))[0];
    if (!rl) {
      if (!l.receiptLineId && !l.productId) errors.push(lineError(i, 'receiptLineId', '请填写入库明细或商品', 'Give receiptLineId or productId'));
      else {
        notOnReceipt = true;
        errors.push(lineError(i, l.receiptLineId ? 'receiptLineId' : 'productId', `不在采购入库单 ${receipt.number} 上`, `Not on purchase receipt ${receipt.number}`));
      }
      return null;
    }
    if (l.productId && l.productId !== rl.productId) errors.push(lineError(i, 'productId', '商品与入库明细不符', 'The product is not the receipt line’s'));
    const unitName = l.unit ?? rl.unitName;
    const p = products.get(rl.productId);
    const factor = unitName === rl.unitName ? rl.factor : p && factorOf(p, unitName);
    if (!factor) {
      errors.push(lineError(i, 'unit', `商品「${rl.productName}」没有单位「${unitName}」`, `Product "${rl.productName}" has no unit "${unitName}"`));
      return null;
    }
    const baseQuantity = l.quantity * factor;
    return {
      id: newId(), returnId, lineNo: i + 1, receiptLineId: rl.id, productId: rl.productId, unitName, factor, quantity: l.quantity, baseQuantity,
      unitCost: rl.unitCost, creditAmount: baseQuantity * rl.unitCost, costAmount: 0, line: rl, index: i,
    };
  });
  if (errors.length) {
    throw notOnReceipt
      ? new DomainError('NOT_ON_RECEIPT', { number: receipt.number }, errors)
      : new DomainError('VALIDATION_FAILED', { summary: errors.map((d) => d.field).join(', ') }, errors);
  }
  return out as NewLine[];
}

/** Adds what each receipt line returns, refusing more than received − returned: every excess named first, then conditional updates in a fixed order. */
async function bookReturned(trx: Tx, lines: NewLine[]) {
  const sums = new Map<string, { line: ReceiptLine; quantity: number; index: number }>();
  for (const l of lines) {
    const s = sums.get(l.receiptLineId) ?? { line: l.line, quantity: 0, index: l.index };
    s.quantity += l.baseQuantity;
    sums.set(l.receiptLineId, s);
  }
  const over = [...sums.values()].filter((s) => s.line.returned + s.quantity > s.line.baseQuantity);
  if (over.length) {
    const f = over[0];
    throw new DomainError('OVER_RETURN', {
      product: `${f.line.sku} ${f.line.productName}`, basis: { zh: `入库 ${f.line.baseQuantity}`, en: `received ${f.line.baseQuantity}` }, received: f.line.baseQuantity, returned: f.line.returned, allowed: Math.max(0, f.line.baseQuantity - f.line.returned), quantity: f.quantity,
    }, over.map((o) => {
      const allowed = Math.max(0, o.line.baseQuantity - o.line.returned);
      return {
        field: `lines.${o.index}.quantity`, receiptLineId: o.line.id, productId: o.line.productId, received: o.line.baseQuantity, returned: o.line.returned, allowed, requested: o.quantity,
        message: { zh: `最多还可退 ${allowed} ${o.line.baseUnit}，本次 ${o.quantity}`, en: `at most ${allowed} ${o.line.baseUnit} more can go back, this return ${o.quantity}` },
      };
    }));
  }
  for (const [lineId, s] of [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const res = await trx.updateTable('purchaseReceiptLines').set({ returned: sql<number>`returned + ${int(s.quantity)}` })
      .where('id', '=', lineId).where(sql<boolean>`returned + ${int(s.quantity)} <= base_quantity`).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new DomainError('CONFLICT');
  }
}

const returnQuery = (db: DbOrTx) => db.selectFrom('purchaseReturns as r')
  .innerJoin('purchaseReceipts as rc', 'rc.id', 'r.receiptId')
  .innerJoin('suppliers as s', 's.id', 'r.supplierId')
  .innerJoin('warehouses as w', 'w.id', 'r.warehouseId')
  .select(['r.id', 'r.number', 'r.receiptId', 'rc.number as receiptNumber', 'r.supplierId', 's.name as supplierName', 'r.warehouseId', 'w.name as warehouseName',
    'r.lineCount', 'r.costAmount', 'r.creditNet', 'r.creditTax', 'r.reason', 'r.actorName', 'r.createdAt']);

const money = <T extends { costAmount: number; creditNet: number; creditTax: number }>(r: T) => ({
  ...r, costAmount: Number(r.costAmount), creditNet: Number(r.creditNet), creditTax: Number(r.creditTax), creditTotal: Number(r.creditNet) + Number(r.creditTax),
});

/** One purchase return with its lines. */
export async function getPurchaseReturn(db: DbOrTx, id: string): Promise<PurchaseReturnView> {
  const r = await returnQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!r) throw new DomainError('NOT_FOUND', { entity: 'purchaseReturn' });
  const lines = await db.selectFrom('purchaseReturnLines as l').innerJoin('products as p', 'p.id', 'l.productId')
    .select(['l.id', 'l.lineNo', 'l.receiptLineId', 'l.productId', 'p.sku', 'p.name as productName', 'p.baseUnit', 'l.unitName', 'l.factor', 'l.quantity', 'l.baseQuantity', 'l.unitCost', 'l.creditAmount', 'l.costAmount'])
    .where('l.returnId', '=', id).orderBy('l.lineNo').execute();
  return {
    ...money(r),
    lines: lines.map((l) => ({ ...l, quantity: Number(l.quantity), baseQuantity: Number(l.baseQuantity), unitCost: Number(l.unitCost), creditAmount: Number(l.creditAmount), costAmount: Number(l.costAmount) })),
  };
}

/** Purchase returns, newest first. */
export async function listPurchaseReturns(db: Db, f: { q?: string; page: number; pageSize: number; receiptId?: string; supplierId?: string; warehouseId?: string }) {
  let q = returnQuery(db);
  q = searchWhere(q, f.q, ['r.number', 'rc.number', 's.name', 'r.reason']);
  if (f.receiptId) q = q.where('r.receiptId', '=', f.receiptId);
  if (f.supplierId) q = q.where('r.supplierId', '=', f.supplierId);
  if (f.warehouseId) q = q.where('r.warehouseId', '=', f.warehouseId);
  const page = await paginate(q, q.orderBy('r.createdAt', 'desc').orderBy('r.number', 'desc'), f);
  return { ...page, items: page.items.map(money) };
}
