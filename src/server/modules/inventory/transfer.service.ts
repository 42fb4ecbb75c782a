import { sql } from 'kysely';
import type { Db, DbOrTx, Tx } from '../../db/create-db.js';
import type { StockTransferLineTable, StockTransferTable } from '../../db/schema-stock-documents.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError, type ErrorDetail } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { paginate, searchWhere } from '../../platform/list.js';
import { inTransaction, type NumberSource } from '../../platform/numbering.js';
import { enqueue } from '../../platform/outbox.js';
import { resolveAlert } from '../alerts/index.js';
import { checkReorderPoints } from '../purchasing/reorder-check.js';
import { notifyBackInStock } from './back-in-stock.js';
import { changeStock, type StockMove } from './stock-ledger.js';
import {
  inTransitOf, nextTransferStatus, shareOfCost, splitCost, transferActionNames, transferStatusNames, type TransferAction, type TransferStatus,
} from './transfer.js';
import { activeWarehouse, activeProducts, upsertTransferLines } from './transfer.repository.js';
import type { TransferInput, TransferListQuery, TransferReceiveInput, TransferView } from './transfer.schemas.js';

const SOURCE = 'stock_transfer';

const stateError = (t: { number: string; status: string }, action: TransferAction) =>
  new DomainError('TRANSFER_STATE', { number: t.number, status: transferStatusNames[t.status as TransferStatus] ?? t.status, action: transferActionNames[action] });

/** Creates a transfer (调拨单 DB-…) as a draft; with `ship`, ships it in the same transaction. */
export async function createTransfer(trx: Tx, actor: Actor, input: TransferInput, numbers: NumberSource = inTransaction): Promise<TransferView> {
  await activeWarehouse(trx, input.fromWarehouseId, 'fromWarehouseId');
  await activeWarehouse(trx, input.toWarehouseId, 'toWarehouseId');
  await activeProducts(trx, input.lines.map((l) => l.productId));
  const id = newId();
  const now = nowIso();
  const row: StockTransferTable = {
    id, number: await numbers(trx, 'DB'), fromWarehouseId: input.fromWarehouseId, toWarehouseId: input.toWarehouseId, status: 'draft', note: input.note,
    lineCount: input.lines.length, costAmount: 0, actorType: actor.type, actorId: actor.id, actorName: actor.name,
    shippedAt: null, receivedAt: null, cancelledAt: null, createdAt: now, updatedAt: now,
  };
  await trx.insertInto('stockTransfers').values(row).execute();
  await upsertTransferLines(trx, input.lines.map((l, i): StockTransferLineTable => ({
    id: newId(), transferId: id, lineNo: i + 1, productId: l.productId, quantity: l.quantity, shipped: 0, received: 0, returned: 0, unitCost: 0, costAmount: 0, receivedCost: 0,
  })));
  await writeAudit(trx, actor, { action: 'create', entity: 'stockTransfer', entityId: id, summary: row.number, after: { ...row, lines: input.lines } });
  return input.ship ? shipTransfer(trx, actor, id) : getTransfer(trx, id);
}

/**
 * Ships a draft (调出): every line leaves the source warehouse at moving-average cost through the
 * ledger, whose conditional update refuses (INSUFFICIENT_STOCK, nothing written) what is not available.
 */
export async function shipTransfer(trx: Tx, actor: Actor, id: string): Promise<TransferView> {
  const before = await readTransfer(trx, id);
  await claim(trx, before, 'ship', { shippedAt: nowIso() });
  const moves: StockMove[] = before.lines.map((l) => ({ kind: 'transfer_out', productId: l.productId, warehouseId: before.fromWarehouseId, quantity: -l.quantity, sourceLineId: l.id }));
  const posted = await changeStock(trx, actor, { type: SOURCE, id }, { moves }).catch((err: unknown) => {
    throw onLines(err, before);
  });
  const lines = before.lines.map((l, i) => ({ ...lineRow(before, l), shipped: l.quantity, costAmount: -posted[i].costAmount, unitCost: posted[i].unitCost }));
  await upsertTransferLines(trx, lines);
  const costAmount = lines.reduce((s, l) => s + l.costAmount, 0);
  await trx.updateTable('stockTransfers').set({ costAmount }).where('id', '=', id).execute();
  await checkReorderPoints(trx, before.lines.map((l) => ({ productId: l.productId, warehouseId: before.fromWarehouseId })));
  const after = await getTransfer(trx, id);
  await enqueue(trx, 'stock_transfer.shipped', { transferId: id, number: after.number, fromWarehouseId: after.fromWarehouseId, toWarehouseId: after.toWarehouseId, costAmount }, `stock_transfer.shipped:${id}`);
  await audit(trx, actor, before, after, 'ship');
  return after;
}

/**
 * Receives (调入) what is in transit, all of it or the given lines (partial receipts): stock comes
 * in at the destination at the cost that left, so a transfer's receipts add up to exactly that cost.
 */
export async function receiveTransfer(trx: Tx, actor: Actor, id: string, input: TransferReceiveInput = { note: null }): Promise<TransferView> {
  const before = await readTransfer(trx, id);
  if (!nextTransferStatus(before.status, 'receive_part')) throw stateError(before, 'receive_part');
  // Claim the transfer: receipts of one transfer queue here, and one that waited sees what the other received.
  const claimed = await trx.updateTable('stockTransfers').set({ updatedAt: nowIso() }).where('id', '=', id).where('status', 'in', ['in_transit', 'partially_received']).executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) throw stateError(await getTransfer(trx, id), 'receive_part');
  const held = await readTransfer(trx, id);
  const arriving = receiptQuantities(held, input);
  const moves: StockMove[] = [];
  const lines = held.lines.flatMap((l) => {
    const q = arriving.get(l.id) ?? 0;
    if (q === 0) return [];
    const amount = shareOfCost(l.costAmount - l.receivedCost, l.inTransit, q);
    for (const part of splitCost(amount, q)) moves.push({ kind: 'transfer_in', productId: l.productId, warehouseId: held.toWarehouseId, quantity: part.quantity, unitCost: part.unitCost, sourceLineId: l.id });
    return [{ ...lineRow(held, l), received: l.received + q, receivedCost: l.receivedCost + amount }];
  });
  await changeStock(trx, actor, { type: SOURCE, id }, { moves });
  await upsertTransferLines(trx, lines);
  const done = held.lines.every((l) => l.inTransit === (arriving.get(l.id) ?? 0));
  const now = nowIso();
  await trx.updateTable('stockTransfers').set({ status: done ? 'received' : 'partially_received', receivedAt: done ? now : null, updatedAt: now }).where('id', '=', id).execute();
  // Stock coming in ends a shortage there and tells waiting customers.
  for (const l of lines) await resolveAlert(trx, `shortage:${l.productId}:${held.toWarehouseId}`);
  await checkReorderPoints(trx, lines.map((l) => ({ productId: l.productId, warehouseId: held.toWarehouseId })));
  await notifyBackInStock(trx, lines.map((l) => l.productId));
  const after = await getTransfer(trx, id);
  await audit(trx, actor, held, after, done ? 'receive_rest' : 'receive_part', input.note ?? undefined);
  return after;
}

/** Cancels (作废) a draft, or a transfer in transit: what has not arrived goes back to the source at the cost that left. */
export async function cancelTransfer(trx: Tx, actor: Actor, id: string): Promise<TransferView> {
  const before = await readTransfer(trx, id);
  await claim(trx, before, 'cancel', { cancelledAt: nowIso() });
  const moves: StockMove[] = [];
  const lines = before.lines.flatMap((l) => {
    if (l.inTransit === 0) return [];
    const amount = l.costAmount - l.receivedCost;
    for (const part of splitCost(amount, l.inTransit)) {
      moves.push({ kind: 'transfer_in', productId: l.productId, warehouseId: before.fromWarehouseId, quantity: part.quantity, unitCost: part.unitCost, sourceLineId: l.id, reason: 'cancelled' });
    }
    return [{ ...lineRow(before, l), returned: l.returned + l.inTransit, receivedCost: l.costAmount }];
  });
  if (moves.length) await changeStock(trx, actor, { type: SOURCE, id }, { moves });
  await upsertTransferLines(trx, lines);
  await checkReorderPoints(trx, moves.map((m) => ({ productId: m.productId, warehouseId: m.warehouseId })));
  const after = await getTransfer(trx, id);
  await audit(trx, actor, before, after, 'cancel');
  return after;
}

/** Moves the transfer to the action's state by a conditional update on its status, so two actions cannot both pass. */
async function claim(trx: Tx, t: Held, action: TransferAction, changes: Partial<StockTransferTable>) {
  const to = nextTransferStatus(t.status, action);
  if (!to) throw stateError(t, action);
  const claimed = await trx.updateTable('stockTransfers').set({ ...changes, status: to, updatedAt: nowIso() }).where('id', '=', t.id).where('status', '=', t.status).executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) throw stateError(await getTransfer(trx, t.id), action);
}

async function audit(trx: Tx, actor: Actor, before: Held, after: TransferView, action: TransferAction, note?: string) {
  await writeAudit(trx, actor, {
    action: 'update', entity: 'stockTransfer', entityId: after.id, summary: `${after.number} ${action}${note ? `: ${note}` : ''}`,
    before: { status: before.status, received: before.lines.map((l) => l.received) }, after: { status: after.status, received: after.lines.map((l) => l.received), costAmount: after.costAmount },
  });
}

/** The ledger names a product; the caller needs the line (`lines.N.quantity`) that takes it out. */
function onLines(err: unknown, t: Held): unknown {
  if (!(err instanceof DomainError) || err.code !== 'INSUFFICIENT_STOCK' || !Array.isArray(err.details)) return err;
  const details: ErrorDetail[] = err.details.flatMap((d) => t.lines.flatMap((l) => (l.productId === d.productId ? [{
    field: `lines.${l.lineNo - 1}.quantity`, productId: l.productId, sku: l.sku, productName: l.productName, baseUnit: l.baseUnit, warehouseId: t.fromWarehouseId,
    available: Math.max(0, Number(d.available)), requested: l.quantity,
    message: { zh: `可用 ${Math.max(0, Number(d.available))}，需要 ${l.quantity}`, en: `${Math.max(0, Number(d.available))} available, ${l.quantity} needed` },
  }] : [])));
  return new DomainError('INSUFFICIENT_STOCK', err.params, details.length ? details : err.details);
}

/** Base units arriving per transfer line: the given lines (by line id or product), else all in transit. */
function receiptQuantities(t: Held, input: TransferReceiveInput): Map<string, number> {
  if (!input.lines) return new Map(t.lines.map((l) => [l.id, l.inTransit]));
  const sums = new Map<string, number>();
  const errors: ErrorDetail[] = [];
  input.lines.forEach((given, i) => {
    const l = t.lines.find((x) => (given.lineId ? x.id === given.lineId : x.productId === given.productId));
    if (!l) {
      const field = given.lineId ? 'lineId' : 'productId';
      errors.push({ field: `lines.${i}.${field}`, message: given.lineId || given.productId ? { zh: `不在调拨单 ${t.number} 上`, en: `Not on transfer ${t.number}` } : { zh: '请填写调拨明细或商品', en: 'Give lineId or productId' } });
      return;
    }
    if (given.productId && given.productId !== l.productId) errors.push({ field: `lines.${i}.productId`, message: { zh: '商品与调拨明细不符', en: 'The product is not the line’s' } });
    sums.set(l.id, (sums.get(l.id) ?? 0) + given.quantity);
  });
  if (errors.length) throw new DomainError('VALIDATION_FAILED', { summary: errors.map((e) => e.field).join(', ') }, errors);
  const over = t.lines.filter((l) => (sums.get(l.id) ?? 0) > l.inTransit);
  if (over.length) {
    const first = over[0];
    throw new DomainError('TRANSFER_TOO_MANY', { product: `${first.sku} ${first.productName}`, inTransit: first.inTransit, quantity: sums.get(first.id) ?? 0 }, over.map((l) => {
      const i = input.lines?.findIndex((g) => (g.lineId ? g.lineId === l.id : g.productId === l.productId)) ?? 0;
      return { field: `lines.${i}.quantity`, lineId: l.id, productId: l.productId, inTransit: l.inTransit, requested: sums.get(l.id), message: { zh: `在途 ${l.inTransit}，本次 ${sums.get(l.id)}`, en: `${l.inTransit} in transit, ${sums.get(l.id)} this receipt` } };
    }));
  }
  return sums;
}

const lineRow = (t: Held, l: HeldLine): StockTransferLineTable => ({
  id: l.id, transferId: t.id, lineNo: l.lineNo, productId: l.productId, quantity: l.quantity, shipped: l.shipped, received: l.received, returned: l.returned,
  unitCost: l.unitCost, costAmount: l.costAmount, receivedCost: l.receivedCost,
});

const transferQuery = (db: DbOrTx) => db.selectFrom('stockTransfers as t')
  .innerJoin('warehouses as wf', 'wf.id', 't.fromWarehouseId').innerJoin('warehouses as wt', 'wt.id', 't.toWarehouseId')
  .selectAll('t').select(['wf.name as fromWarehouseName', 'wt.name as toWarehouseName']);
type HeaderRow = StockTransferTable & { fromWarehouseName: string; toWarehouseName: string };

function summaryView(t: HeaderRow, inTransit: number): Omit<TransferView, 'lines'> {
  const { actorType: _t, actorId: _a, ...rest } = t;
  return { ...rest, status: t.status as TransferStatus, lineCount: Number(t.lineCount), costAmount: Number(t.costAmount), inTransit };
}

/** A transfer with its lines and, on each line, the part of its cost already booked in (receivedCost). */
async function readTransfer(db: DbOrTx, id: string) {
  const t = await transferQuery(db).where('t.id', '=', id).executeTakeFirst();
  if (!t) throw new DomainError('NOT_FOUND', { entity: 'stockTransfer' });
  const rows = await db.selectFrom('stockTransferLines as l').innerJoin('products as p', 'p.id', 'l.productId')
    .selectAll('l').select(['p.sku', 'p.name as productName', 'p.baseUnit']).where('l.transferId', '=', id).orderBy('l.lineNo').execute();
  const lines = rows.map(({ transferId: _t, ...l }) => {
    const n = { shipped: Number(l.shipped), received: Number(l.received), returned: Number(l.returned) };
    return { ...l, ...n, quantity: Number(l.quantity), unitCost: Number(l.unitCost), costAmount: Number(l.costAmount), receivedCost: Number(l.receivedCost), inTransit: inTransitOf(n) };
  });
  return { ...summaryView(t, lines.reduce((s, l) => s + l.inTransit, 0)), lines };
}
type Held = Awaited<ReturnType<typeof readTransfer>>;
type HeldLine = Held['lines'][number];

/** One transfer with its lines. */
export async function getTransfer(db: DbOrTx, id: string): Promise<TransferView> {
  const t = await readTransfer(db, id);
  return { ...t, lines: t.lines.map(({ receivedCost: _r, ...l }) => l) };
}

const inTransitSum = sql<number>`coalesce((select sum(l.shipped - l.received - l.returned) from stock_transfer_lines l where l.transfer_id = t.id), 0)`;

/** Transfers, newest first. */
export async function listTransfers(db: Db, f: TransferListQuery) {
  let q = transferQuery(db).select(inTransitSum.as('inTransitTotal'));
  q = searchWhere(q, f.q, ['t.number', 't.note']);
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.warehouseId) q = q.where((eb) => eb.or([eb('t.fromWarehouseId', '=', f.warehouseId ?? ''), eb('t.toWarehouseId', '=', f.warehouseId ?? '')]));
  if (f.productId) q = q.where('t.id', 'in', db.selectFrom('stockTransferLines').select('transferId').where('productId', '=', f.productId));
  const page = await paginate(q, q.orderBy('t.createdAt', 'desc').orderBy('t.id', 'desc'), f);
  return { ...page, items: page.items.map(({ inTransitTotal, ...t }) => summaryView(t, Number(inTransitTotal))) };
}

/** In transit (在途) per product × destination warehouse, with the transfers it is on. */
export async function listInTransit(db: Db, f: { productId?: string; warehouseId?: string }) {
  let q = db.selectFrom('stockTransferLines as l').innerJoin('stockTransfers as t', 't.id', 'l.transferId')
    .innerJoin('products as p', 'p.id', 'l.productId').innerJoin('warehouses as wf', 'wf.id', 't.fromWarehouseId').innerJoin('warehouses as wt', 'wt.id', 't.toWarehouseId')
    .select(['l.productId', 'p.sku', 'p.name as productName', 't.toWarehouseId as warehouseId', 'wt.name as warehouseName', 't.id as transferId', 't.number', 't.fromWarehouseId', 'wf.name as fromWarehouseName', 't.shippedAt'])
    .select(sql<number>`l.shipped - l.received - l.returned`.as('inTransit'))
    .where('t.status', 'in', ['in_transit', 'partially_received']).where(sql<boolean>`l.shipped - l.received - l.returned > 0`);
  if (f.productId) q = q.where('l.productId', '=', f.productId);
  if (f.warehouseId) q = q.where('t.toWarehouseId', '=', f.warehouseId);
  const rows = await q.orderBy('p.sku').orderBy('wt.code').orderBy('t.number').execute();
  const items = new Map<string, { productId: string; sku: string; productName: string; warehouseId: string; warehouseName: string; inTransit: number; transfers: Array<{ transferId: string; number: string; fromWarehouseId: string; fromWarehouseName: string; inTransit: number; shippedAt: string | null }> }>();
  for (const r of rows) {
    const key = `${r.productId}\u0000${r.warehouseId}`;
    const item = items.get(key) ?? { productId: r.productId, sku: r.sku, productName: r.productName, warehouseId: r.warehouseId, warehouseName: r.warehouseName, inTransit: 0, transfers: [] };
    item.inTransit += Number(r.inTransit);
    item.transfers.push({ transferId: r.transferId, number: r.number, fromWarehouseId: r.fromWarehouseId, fromWarehouseName: r.fromWarehouseName, inTransit: Number(r.inTransit), shippedAt: r.shippedAt });
    items.set(key, item);
  }
  return { items: [...items.values()] };
}
