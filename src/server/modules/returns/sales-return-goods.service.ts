import { businessDate } from '../../platform/clock.js';
import type { Tx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { DomainError, type ErrorDetail } from '../../platform/errors.js';
import { changeStock, type StockMove } from '../inventory/index.js';
import * as repo from './sales-return.repository.js';
import { canDo, originalUnitCost } from './sales-return.js';
import { getSalesReturn } from './sales-return-query.js';
import type { InspectInput, ReceiveInput, ReturnView } from './sales-return.schemas.js';
import { recordReturnFacts } from '../analytics/sales-facts.js';
import { recordOrderReturned } from '../analytics/order-facts.js';
import { announce, stateError, step } from './sales-return.service.js';

/**
 * Receives returned goods by scanning barcodes or SKUs against the return's lines, like purchase
 * receiving: an unknown code, a product not on the return or more than was asked back is refused
 * and nothing is written. Goods wait for inspection outside sellable stock.
 */
export async function receiveReturn(trx: Tx, actor: Actor, id: string, input: ReceiveInput): Promise<ReturnView> {
  const r = await getSalesReturn(trx, id);
  if (!canDo(r.status, 'receive')) throw stateError(r, 'receive');
  const perProduct = new Map<string, { quantity: number; index: number; sku: string; productName: string }>();
  const unknown: ErrorDetail[] = [];
  for (const [i, s] of input.scans.entries()) {
    const p = await repo.scannedProduct(trx, s.code);
    if (!p) {
      unknown.push({ field: `scans.${i}.code`, code: s.code, message: { zh: `未知条码或编码「${s.code}」`, en: `Unknown barcode or SKU "${s.code}"` } });
      continue;
    }
    if (!r.lines.some((l) => l.productId === p.productId)) {
      throw new DomainError('RETURN_WRONG_ITEM', { product: `${p.sku} ${p.productName}`, number: r.number }, [{ field: `scans.${i}.code`, productId: p.productId, message: { zh: '不在退货单上', en: 'Not on the return' } }]);
    }
    const acc = perProduct.get(p.productId) ?? { quantity: 0, index: i, sku: p.sku, productName: p.productName };
    acc.quantity += s.quantity * p.factor;
    perProduct.set(p.productId, acc);
  }
  if (unknown.length) throw new DomainError('BARCODE_UNKNOWN', { barcode: String(unknown[0].code) }, unknown);
  for (const [productId, acc] of perProduct) {
    const lines = r.lines.filter((l) => l.productId === productId);
    const asked = lines.reduce((s, l) => s + l.baseQuantity, 0);
    const received = lines.reduce((s, l) => s + l.received, 0);
    if (received + acc.quantity > asked) {
      throw new DomainError('RETURN_TOO_MANY', { product: `${acc.sku} ${acc.productName}`, quantity: asked, received, scanned: acc.quantity }, [{
        field: `scans.${acc.index}.quantity`, productId, asked, received, scanned: acc.quantity,
        message: { zh: `退货数量 ${asked}，已收 ${received}，本次 ${acc.quantity}`, en: `${asked} to return, ${received} received, this scan ${acc.quantity}` },
      }]);
    }
    let left = acc.quantity;
    for (const l of lines) {
      const take = Math.min(left, l.baseQuantity - l.received);
      if (take <= 0) continue;
      if (!(await repo.addReceived(trx, l.id, take))) throw new DomainError('CONFLICT');
      left -= take;
    }
  }
  const after = await getSalesReturn(trx, id);
  const full = after.lines.every((l) => l.received >= l.baseQuantity);
  const comment = [...perProduct.values()].map((a) => `${a.sku} × ${a.quantity}`).join(', ');
  const view = await step(trx, actor, r, 'receive', full ? 'received' : 'partially_received', comment);
  if (!full) await announce(trx, 'return.received', view, { partial: true }, `:${after.lines.reduce((s, l) => s + l.received, 0)}`);
  return view;
}

/**
 * Inspects every received line in one transaction (质检): a grade and a disposition each. Restock
 * and return-to-supplier lines come back into stock through the ledger (kind return_in) at the
 * sale's original cost of goods; scrapped lines enter no stock and record their write-off value
 * (received × original cost). Units asked for and never received are released.
 */
export async function inspectReturn(trx: Tx, actor: Actor, id: string, input: InspectInput): Promise<ReturnView> {
  const r = await getSalesReturn(trx, id);
  if (!canDo(r.status, 'inspect')) throw stateError(r, 'inspect');
  const received = r.lines.filter((l) => l.received > 0);
  const errors: ErrorDetail[] = [];
  const given = new Map<string, InspectInput['lines'][number]>();
  for (const [i, l] of input.lines.entries()) {
    const line = r.lines.find((x) => x.id === l.lineId);
    if (!line) errors.push({ field: `lines.${i}.lineId`, message: { zh: '不是该退货单的明细', en: 'Not a line of this return' } });
    else if (line.received === 0) errors.push({ field: `lines.${i}.lineId`, message: { zh: '该明细尚未收货，不能质检', en: 'Nothing of this line was received' } });
    else if (given.has(l.lineId)) errors.push({ field: `lines.${i}.lineId`, message: { zh: '明细重复', en: 'Line given twice' } });
    else given.set(l.lineId, l);
  }
  const missing = received.filter((l) => !given.has(l.id));
  if (missing.length) errors.push({ field: 'lines', lineIds: missing.map((l) => l.id), message: { zh: `还有 ${missing.length} 条已收货明细未质检`, en: `${missing.length} received line(s) not inspected` } });
  if (errors.length) throw new DomainError('VALIDATION_FAILED', { summary: errors.map((e) => e.field).join(', ') }, errors);
  const orderLines = new Map((await repo.orderLines(trx, received.map((l) => l.orderLineId))).map((l) => [l.id, l]));
  const costs = await repo.saleCosts(trx, r.orderId, received.map((l) => l.orderLineId));
  const warehouses = new Set((await trx.selectFrom('warehouses').select('id').execute()).map((w) => w.id));
  const plan = received.map((l) => {
    const g = given.get(l.id)!;
    const c = costs.get(l.orderLineId);
    const unitCost = c ? originalUnitCost(c.cost, c.quantity) : 0;
    const warehouseId = g.warehouseId ?? input.warehouseId ?? orderLines.get(l.orderLineId)!.warehouseId;
    return { l, g, unitCost, warehouseId };
  });
  const badWarehouse = plan.find((p) => !warehouses.has(p.warehouseId));
  if (badWarehouse) throw new DomainError('NOT_FOUND', { entity: 'warehouse' }, [{ field: badWarehouse.g.warehouseId ? `lines.${input.lines.indexOf(badWarehouse.g)}.warehouseId` : 'warehouseId', message: { zh: '仓库不存在', en: 'No such warehouse' } }]);
  const stocked = plan.filter((p) => p.g.disposition !== 'scrap');
  const moves: StockMove[] = stocked.map((p) => ({ kind: 'return_in', productId: p.l.productId, warehouseId: p.warehouseId, quantity: p.l.received, unitCost: p.unitCost, sourceLineId: p.l.id, reason: r.number }));
  const posted = moves.length ? await changeStock(trx, actor, { type: 'sales_return', id }, { moves }) : [];
  let writeOff = 0;
  for (const p of plan) {
    const k = stocked.indexOf(p);
    const lineWriteOff = p.g.disposition === 'scrap' ? p.l.received * p.unitCost : 0;
    writeOff += lineWriteOff;
    await trx.updateTable('salesReturnLines').set({
      grade: p.g.grade, disposition: p.g.disposition, warehouseId: p.g.disposition === 'scrap' ? null : p.warehouseId, unitCost: p.unitCost,
      costAmount: k >= 0 ? posted[k].costAmount : 0, writeOffAmount: lineWriteOff,
    }).where('id', '=', p.l.id).execute();
  }
  await recordReturnFacts(trx, businessDate(), { type: 'sales_return', id: r.number }, plan.map((p) => {
    const k = stocked.indexOf(p);
    return { orderLineId: p.l.orderLineId, quantity: p.l.received, restockedCost: k >= 0 ? posted[k].costAmount : 0, costed: costs.has(p.l.orderLineId) };
  }));
  await recordOrderReturned(trx, r.orderId);
  const summary = plan.map((p) => `${p.l.sku} ${p.g.grade} ${p.g.disposition}`).join(', ');
  const view = await step(trx, actor, r, 'inspect', 'inspected', summary, { writeOffAmount: writeOff });
  // What never came back is no longer held: the customer may ask for it again.
  for (const l of r.lines) if (l.received < l.baseQuantity) await repo.releaseRequested(trx, l.orderLineId, l.baseQuantity - l.received);
  return view;
}
