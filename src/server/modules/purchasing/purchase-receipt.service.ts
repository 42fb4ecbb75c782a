import { sql } from 'kysely';
import type { Db, DbOrTx, Tx } from '../../db/create-db.js';
import type { PurchaseReceiptLineTable, PurchaseReceiptTable } from '../../db/schema-purchasing.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudits, type AuditEntry } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError, type ErrorDetail } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { paginate, searchWhere } from '../../platform/list.js';
import { nextNumber } from '../../platform/numbering.js';
import { enqueue } from '../../platform/outbox.js';
import { resolveAlert } from '../alerts/index.js';
import { changeStock, notifyBackInStock, type StockMove } from '../inventory/index.js';
import { activeSupplier, productsWithUnits } from './purchase-order-content.js';
import { resolveCodes, suggestBins } from './receiving.js';
import { isReceivable, nextPurchaseStatus, receiptAction, receiveLimit, unitCostOf } from './purchase-order.js';
import { getPurchaseOrder, stateError } from './purchase-order.service.js';
import { settingsRow } from './purchasing-settings.service.js';
import { allocateWaitingOrders, claimWaitingOrders } from './backorder-allocation.js';
import { checkReorderPoints } from './reorder-check.js';
import { receiptLineTaxRates, recordPayable, vatOf } from './supplier-payable.js';
import type { PurchaseOrderView, ReceiptInput, ReceiptView } from './purchasing.schemas.js';

type NewLine = PurchaseReceiptLineTable & { warehouseId: string };
type Header = Omit<PurchaseReceiptTable, 'id' | 'number' | 'lineCount' | 'costAmount' | 'actorType' | 'actorId' | 'actorName' | 'createdAt'>;

// better-sqlite3 binds JS numbers as REAL; the cast keeps the arithmetic in integers on both databases.
const int = (n: number) => sql<number>`cast(${n} as bigint)`;
const lineError = (i: number, field: string, zh: string, en: string): ErrorDetail => ({ field: `lines.${i}.${field}`, message: { zh, en } });
const invalid = (details: ErrorDetail[]) => new DomainError('VALIDATION_FAILED', { summary: details.map((d) => d.field).join(', ') }, details);

/**
 * Posts a purchase receipt (采购入库单 RK-…) in the caller's transaction: against an order (its
 * open lines, within the over-receipt tolerance) or unplanned. Stock comes in through the ledger
 * at the order line's net price (moving-average cost), the order's received quantities and status
 * change in the same transaction; any refusal writes nothing.
 */
export async function postReceipt(trx: Tx, actor: Actor, given: ReceiptInput): Promise<ReceiptView> {
  const id = newId();
  const input = await withScans(trx, given);
  const planned = input.orderId ? await againstOrder(trx, id, input, input.orderId) : null;
  const { header, lines } = planned ?? (await unplanned(trx, id, input));
  await assertBins(trx, header.warehouseId, input, lines);
  const bins = await suggestBins(trx, header.warehouseId, lines.filter((l) => !l.binId).map((l) => l.productId));
  for (const l of lines) l.binId ??= bins.get(l.productId)?.binId ?? null;
  const moves: StockMove[] = lines.map((l) => ({
    kind: 'purchase_in', productId: l.productId, warehouseId: l.warehouseId, quantity: l.baseQuantity, unitCost: planned || l.unitCost >= 0 ? l.unitCost : undefined,
    binId: l.binId, sourceLineId: l.id,
  }));
  const pairs = [...new Map(lines.map((l) => [`${l.productId}\u0000${l.warehouseId}`, { productId: l.productId, warehouseId: l.warehouseId }])).values()];
  const waiting = await claimWaitingOrders(trx, pairs);
  const posted = await changeStock(trx, actor, { type: 'purchase_receipt', id }, { moves });
  const rows = lines.map(({ warehouseId: _w, ...l }, i) => ({ ...l, unitCost: posted[i].unitCost, costAmount: posted[i].costAmount }));
  const now = nowIso();
  const receipt: PurchaseReceiptTable = {
    id, number: await nextNumber(trx, 'RK'), ...header, lineCount: rows.length, costAmount: rows.reduce((s, l) => s + l.costAmount, 0),
    actorType: actor.type, actorId: actor.id, actorName: actor.name, createdAt: now,
  };
  await trx.insertInto('purchaseReceipts').values(receipt).execute();
  await trx.insertInto('purchaseReceiptLines').values(rows).execute();
  if (receipt.supplierId) await recordReceiptPayable(trx, { ...receipt, supplierId: receipt.supplierId }, rows);
  const allocated = await allocateWaitingOrders(trx, actor, waiting, { type: 'purchase_receipt', id, number: receipt.number });
  await checkReorderPoints(trx, [...pairs, ...allocated]);
  // Stock coming in ends a shortage (the next one raises a fresh alert) and tells waiting customers.
  for (const key of new Set(lines.map((l) => `${l.productId}:${l.warehouseId}`))) await resolveAlert(trx, `shortage:${key}`);
  await notifyBackInStock(trx, [...new Set(lines.map((l) => l.productId))]);
  const view = await getReceipt(trx, id);
  await enqueue(trx, 'purchase_receipt.posted', { receiptId: id, number: receipt.number, orderId: receipt.orderId, warehouseId: receipt.warehouseId, costAmount: receipt.costAmount }, `purchase_receipt.posted:${id}`);
  const audits: AuditEntry[] = [{ action: 'create', entity: 'purchaseReceipt', entityId: id, summary: receipt.number, after: view }];
  if (planned) audits.push(planned.audit(receipt.number));
  await writeAudits(trx, actor, audits);
  return view;
}

/** The payable a receipt from a supplier adds: its cost (the order's net price) plus VAT at each line's rate. */
async function recordReceiptPayable(trx: Tx, receipt: { id: string; number: string; supplierId: string }, rows: PurchaseReceiptLineTable[]) {
  const rates = await receiptLineTaxRates(trx, rows);
  const net = rows.reduce((s, l) => s + l.costAmount, 0);
  const tax = rows.reduce((s, l) => s + vatOf(l.costAmount, rates.get(l.id) ?? 0), 0);
  await recordPayable(trx, { supplierId: receipt.supplierId, kind: 'receipt', sourceType: 'purchase_receipt', sourceId: receipt.id, sourceNumber: receipt.number, net, tax });
}

/** Scanned lines as product lines: the barcode's product, and its pack unit unless the line names one. */
async function withScans(trx: DbOrTx, input: ReceiptInput): Promise<ReceiptInput> {
  if (!input.lines.some((l) => l.barcode)) return input;
  const scans = await resolveCodes(trx, input.lines.map((l) => l.barcode));
  const clash = input.lines.findIndex((l, i) => l.productId && scans[i] && scans[i].productId !== l.productId);
  if (clash >= 0) throw invalid([lineError(clash, 'barcode', '条码与商品不符', 'The barcode is not this product’s')]);
  return { ...input, lines: input.lines.map((l, i) => ({ ...l, productId: l.productId ?? scans[i]?.productId, unit: l.unit ?? scans[i]?.unitName })) };
}

/** Lines of a receipt against an order, checked and booked on the order's lines; claims the order first. */
async function againstOrder(trx: Tx, id: string, input: ReceiptInput, orderId: string) {
  const order = await getPurchaseOrder(trx, orderId).catch((err: unknown) => {
    if (err instanceof DomainError && err.code === 'NOT_FOUND') throw new DomainError('NOT_FOUND', { entity: 'purchaseOrder' }, [{ field: 'orderId', message: { zh: '采购订单不存在', en: 'No such purchase order' } }]);
    throw err;
  });
  if (!isReceivable(order.status)) throw withField(stateError(order, 'receive_part'));
  // Claim the order: receipts of one order queue here, and one that waited sees what the other received.
  const claimed = await trx.updateTable('purchaseOrders').set({ updatedAt: nowIso() })
    .where('id', '=', orderId).where('status', 'in', ['ordered', 'partially_received']).executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) throw withField(stateError(await getPurchaseOrder(trx, orderId), 'receive_part'));
  const held = await getPurchaseOrder(trx, orderId);
  const warehouseId = input.warehouseId ?? held.warehouseId;
  const settings = await settingsRow(trx);
  const toleranceBp = held.overReceiptPercent != null ? Math.round(held.overReceiptPercent * 100) : Number(settings.overReceiptBp);
  const lines = await resolveOrderLines(trx, id, held, warehouseId, input);
  await bookReceived(trx, held, lines, toleranceBp);
  const received = new Map<string, number>();
  for (const l of lines) received.set(l.orderLineId ?? '', (received.get(l.orderLineId ?? '') ?? 0) + l.baseQuantity);
  const after = held.lines.map((l) => ({ baseQuantity: l.baseQuantity, received: l.received + (received.get(l.id) ?? 0) }));
  const status = nextPurchaseStatus(held.status, receiptAction(after)) ?? held.status;
  await trx.updateTable('purchaseOrders').set({ status }).where('id', '=', orderId).execute();
  const header: Header = { orderId, supplierId: held.supplierId, warehouseId, kind: 'order', note: input.note ?? null };
  const audit = (number: string): AuditEntry => ({
    action: 'update', entity: 'purchaseOrder', entityId: orderId, summary: `${held.number} receive ${number}`,
    before: { status: held.status, received: held.lines.map((l) => l.received) }, after: { status, received: after.map((l) => l.received) },
  });
  return { header, lines, audit };
}

const withField = (err: DomainError) => new DomainError(err.code, err.params, [{ field: 'orderId', message: { zh: '该采购订单当前不能入库', en: 'This purchase order cannot be received now' } }]);

/** Maps each input line to its order line (by id, or the first open line of its product in the warehouse) and to base units. */
async function resolveOrderLines(trx: DbOrTx, receiptId: string, order: PurchaseOrderView, warehouseId: string, input: ReceiptInput): Promise<NewLine[]> {
  const { products, factorOf } = await productsWithUnits(trx, [...new Set(order.lines.map((l) => l.productId))]);
  const errors: ErrorDetail[] = [];
  let notOnOrder: ErrorDetail | null = null;
  const lines = input.lines.map((l, i): NewLine | null => {
    if (l.unitCost !== undefined) errors.push(lineError(i, 'unitCost', '按订单入库时成本取订单价格，不能另填', 'Against an order the cost is the order price; leave unitCost out'));
    const candidates = order.lines.filter((ol) => (l.orderLineId ? ol.id === l.orderLineId : ol.productId === l.productId && ol.warehouseId === warehouseId));
    const ol = candidates.find((c) => c.open > 0) ?? candidates[0];
    if (!ol) {
      if (!l.orderLineId && !l.productId) errors.push(lineError(i, 'orderLineId', '请填写订单明细或商品', 'Give orderLineId or productId'));
      else notOnOrder ??= lineError(i, l.orderLineId ? 'orderLineId' : 'productId', `不在采购订单 ${order.number} 上`, `Not on purchase order ${order.number}`);
      return null;
    }
    if (l.productId && l.productId !== ol.productId) errors.push(lineError(i, 'productId', '商品与订单明细不符', 'The product is not the order line’s'));
    if (ol.warehouseId !== warehouseId) errors.push(lineError(i, 'orderLineId', '该明细入库到其他仓库', 'This order line goes to another warehouse'));
    const p = products.get(ol.productId);
    const unitName = l.unit ?? ol.unitName;
    const factor = unitName === ol.unitName ? ol.factor : p && factorOf(p, unitName);
    if (!factor) {
      errors.push(lineError(i, 'unit', `商品「${ol.productName}」没有单位「${unitName}」`, `Product "${ol.productName}" has no unit "${unitName}"`));
      return null;
    }
    return {
      id: newId(), receiptId, lineNo: i + 1, orderLineId: ol.id, productId: ol.productId, binId: l.binId ?? null, unitName, factor, quantity: l.quantity,
      baseQuantity: l.quantity * factor, unitCost: unitCostOf(ol.net, ol.baseQuantity), costAmount: 0, warehouseId: ol.warehouseId,
    };
  });
  if (notOnOrder) {
    const d: ErrorDetail = notOnOrder;
    const line = input.lines[Number(d.field?.split('.')[1])];
    const label = line.productId ? (await trx.selectFrom('products').select(['sku', 'name']).where('id', '=', line.productId).executeTakeFirst()) : undefined;
    throw new DomainError('NOT_ON_ORDER', { product: label ? `${label.sku} ${label.name}` : (line.orderLineId ?? line.productId ?? ''), number: order.number, where: '' }, [d, ...errors]);
  }
  if (errors.length) throw invalid(errors);
  return lines as NewLine[];
}

/**
 * Adds what each order line receives, refusing beyond the tolerance: all lines are checked first
 * (every excess named), then each line is updated conditionally, in a fixed order.
 */
async function bookReceived(trx: Tx, order: PurchaseOrderView, lines: NewLine[], toleranceBp: number) {
  const sums = new Map<string, { quantity: number; index: number }>();
  for (const [index, l] of lines.entries()) {
    const s = sums.get(l.orderLineId ?? '') ?? { quantity: 0, index };
    s.quantity += l.baseQuantity;
    sums.set(l.orderLineId ?? '', s);
  }
  const over = [...sums.entries()].flatMap(([lineId, s]) => {
    const ol = order.lines.find((l) => l.id === lineId);
    if (!ol) return [];
    const limit = receiveLimit(ol.baseQuantity, toleranceBp);
    return ol.received + s.quantity > limit ? [{ ol, limit, ...s }] : [];
  });
  if (over.length) {
    const first = over[0];
    throw new DomainError('OVER_RECEIPT', {
      product: `${first.ol.sku} ${first.ol.productName}`, ordered: first.ol.baseQuantity, received: first.ol.received, tolerance: toleranceBp / 100,
      allowed: Math.max(0, first.limit - first.ol.received), quantity: first.quantity,
    }, over.map((o) => ({
      field: `lines.${o.index}.quantity`, orderLineId: o.ol.id, productId: o.ol.productId, ordered: o.ol.baseQuantity, received: o.ol.received, allowed: Math.max(0, o.limit - o.ol.received), requested: o.quantity,
      message: { zh: `最多还可入库 ${Math.max(0, o.limit - o.ol.received)} ${o.ol.baseUnit}，本次 ${o.quantity}`, en: `at most ${Math.max(0, o.limit - o.ol.received)} ${o.ol.baseUnit} more, this receipt ${o.quantity}` },
    })));
  }
  for (const [lineId, s] of [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const ol = order.lines.find((l) => l.id === lineId);
    if (!ol) continue;
    const res = await trx.updateTable('purchaseOrderLines').set({ received: sql<number>`received + ${int(s.quantity)}` })
      .where('id', '=', lineId).where(sql<boolean>`received + ${int(s.quantity)} <= ${int(receiveLimit(ol.baseQuantity, toleranceBp))}`).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new DomainError('CONFLICT');
  }
}

/** Lines of an unplanned receipt (no order): warehouse required, supplier optional, cost given or the moving average. */
async function unplanned(trx: Tx, receiptId: string, input: ReceiptInput): Promise<{ header: Header; lines: NewLine[] }> {
  const errors: ErrorDetail[] = [];
  if (!input.warehouseId) throw invalid([{ field: 'warehouseId', message: { zh: '无订单入库须指定仓库', en: 'An unplanned receipt needs a warehouse' } }]);
  const w = await trx.selectFrom('warehouses').select(['id', 'name', 'status']).where('id', '=', input.warehouseId).executeTakeFirst();
  if (!w) throw new DomainError('NOT_FOUND', { entity: 'warehouse' }, [{ field: 'warehouseId', message: { zh: '仓库不存在', en: 'No such warehouse' } }]);
  if (w.status !== 'active') throw new DomainError('INACTIVE', { entity: 'warehouse', name: w.name }, [{ field: 'warehouseId', message: { zh: '仓库已停用', en: 'Warehouse is deactivated' } }]);
  if (input.supplierId) await activeSupplier(trx, input.supplierId);
  const { products, factorOf } = await productsWithUnits(trx, [...new Set(input.lines.flatMap((l) => (l.productId ? [l.productId] : [])))]);
  let unknown = false;
  const lines = input.lines.map((l, i): NewLine | null => {
    if (l.orderLineId) errors.push(lineError(i, 'orderLineId', '无订单入库没有订单明细', 'An unplanned receipt has no order lines'));
    const p = l.productId ? products.get(l.productId) : undefined;
    if (!p) {
      unknown ||= Boolean(l.productId);
      errors.push(lineError(i, 'productId', l.productId ? '商品不存在' : '请填写商品', l.productId ? 'No such product' : 'Give the product'));
      return null;
    }
    if (p.status !== 'active') errors.push(lineError(i, 'productId', `商品「${p.name}」已停用`, `Product "${p.name}" is deactivated`));
    const unitName = l.unit ?? p.baseUnit;
    const factor = factorOf(p, unitName);
    if (!factor) {
      errors.push(lineError(i, 'unit', `商品「${p.name}」没有单位「${unitName}」`, `Product "${p.name}" has no unit "${unitName}"`));
      return null;
    }
    // unitCost −1 marks "at the moving average" until the ledger says what it booked.
    const unitCost = l.unitCost === undefined ? -1 : Math.floor((2 * l.unitCost + factor) / (2 * factor));
    return { id: newId(), receiptId, lineNo: i + 1, orderLineId: null, productId: p.id, binId: l.binId ?? null, unitName, factor, quantity: l.quantity, baseQuantity: l.quantity * factor, unitCost, costAmount: 0, warehouseId: w.id };
  });
  if (errors.length) throw unknown ? new DomainError('NOT_FOUND', { entity: 'product' }, errors) : invalid(errors);
  return { header: { orderId: null, supplierId: input.supplierId ?? null, warehouseId: w.id, kind: 'unplanned', note: input.note ?? null }, lines: lines as NewLine[] };
}

/** Every bin named must be in the receipt's warehouse. */
async function assertBins(trx: DbOrTx, warehouseId: string, input: ReceiptInput, lines: NewLine[]) {
  const binIds = [...new Set(lines.flatMap((l) => (l.binId ? [l.binId] : [])))];
  if (binIds.length === 0) return;
  const bins = new Set((await trx.selectFrom('bins').select('id').where('warehouseId', '=', warehouseId).where('id', 'in', binIds).execute()).map((b) => b.id));
  const i = input.lines.findIndex((l) => l.binId && !bins.has(l.binId));
  if (i >= 0) throw new DomainError('NOT_FOUND', { entity: 'bin' }, [lineError(i, 'binId', '库位不在该仓库', 'Bin is not in this warehouse')]);
}

const receiptQuery = (db: DbOrTx) => db.selectFrom('purchaseReceipts as r')
  .innerJoin('warehouses as w', 'w.id', 'r.warehouseId')
  .leftJoin('purchaseOrders as o', 'o.id', 'r.orderId')
  .leftJoin('suppliers as s', 's.id', 'r.supplierId')
  .select(['r.id', 'r.number', 'r.kind', 'r.orderId', 'o.number as orderNumber', 'o.status as orderStatus', 'r.supplierId', 's.name as supplierName', 'r.warehouseId', 'w.name as warehouseName',
    'r.lineCount', 'r.costAmount', 'r.note', 'r.actorName', 'r.createdAt']);

/** One receipt with its lines, and its order's status now. */
export async function getReceipt(db: DbOrTx, id: string): Promise<ReceiptView> {
  const r = await receiptQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!r) throw new DomainError('NOT_FOUND', { entity: 'purchaseReceipt' });
  const lines = await db.selectFrom('purchaseReceiptLines as l').innerJoin('products as p', 'p.id', 'l.productId').leftJoin('bins as b', 'b.id', 'l.binId')
    .select(['l.id', 'l.lineNo', 'l.orderLineId', 'l.productId', 'p.sku', 'p.name as productName', 'p.baseUnit', 'l.binId', 'b.code as binCode', 'l.unitName', 'l.factor', 'l.quantity', 'l.baseQuantity', 'l.unitCost', 'l.costAmount'])
    .where('l.receiptId', '=', id).orderBy('l.lineNo').execute();
  return { ...r, kind: r.kind as ReceiptView['kind'], orderStatus: (r.orderStatus ?? null) as ReceiptView['orderStatus'], costAmount: Number(r.costAmount), lines };
}

/** Receipts, newest first. */
export async function listReceipts(db: Db, f: { q?: string; page: number; pageSize: number; orderId?: string; supplierId?: string; warehouseId?: string; kind?: string }) {
  let q = receiptQuery(db);
  q = searchWhere(q, f.q, ['r.number', 'o.number', 's.name', 'r.note']);
  if (f.orderId) q = q.where('r.orderId', '=', f.orderId);
  if (f.supplierId) q = q.where('r.supplierId', '=', f.supplierId);
  if (f.warehouseId) q = q.where('r.warehouseId', '=', f.warehouseId);
  if (f.kind) q = q.where('r.kind', '=', f.kind);
  const page = await paginate(q, q.orderBy('r.createdAt', 'desc').orderBy('r.number', 'desc'), f);
  return { ...page, items: page.items.map(({ orderStatus: _s, ...r }) => ({ ...r, kind: r.kind as ReceiptView['kind'], costAmount: Number(r.costAmount) })) };
}
