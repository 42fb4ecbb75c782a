import type { Tx } from '../../db/create-db.js';
import { businessDate } from '../../platform/clock.js';
import { constraintKind } from '../../platform/db-errors.js';
import { DomainError } from '../../platform/errors.js';
import { translate } from '../../platform/i18n.js';
import { recordHistoricalReturn } from '../returns/index.js';
import type { WriteContext } from './columns.js';
import { addProblem, type DocumentOutcome } from './document-spec.js';
import { findProducts, inSavepoint, type ProductRef } from './document-refs.js';
import type { ReadRow } from './rows.js';

type ReturnRow = { row: number; orderNo: string; sku?: string; quantity?: number; returnDate?: string; note?: string };
type OrderLine = { id: string; orderId: string; productId: string; shipped: number; left: number };
type HistoryOrder = { id: string; number: string; status: string; shippedDate: string | null; lines: OrderLine[] };

const CHUNK = 500;

/** The orders the rows name, by their number in the other system, with each line's units not yet returned. */
async function loadOrders(trx: Tx, refs: string[]): Promise<Map<string, HistoryOrder>> {
  const out = new Map<string, HistoryOrder>();
  const byId = new Map<string, HistoryOrder>();
  for (let i = 0; i < refs.length; i += CHUNK) {
    const rows = await trx.selectFrom('salesOrders').select(['id', 'number', 'status', 'shippedDate', 'externalRef']).where('externalRef', 'in', refs.slice(i, i + CHUNK)).where('status', '!=', 'cancelled').execute();
    for (const o of rows) {
      const order = { id: o.id, number: o.number, status: o.status, shippedDate: o.shippedDate, lines: [] };
      out.set(o.externalRef!, order);
      byId.set(o.id, order);
    }
  }
  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const lines = await trx.selectFrom('salesOrderLines as l').leftJoin('salesReturnQuantities as q', 'q.orderLineId', 'l.id')
      .select(['l.id', 'l.orderId', 'l.productId', 'l.shipped', 'l.lineNo', 'q.requested']).where('l.orderId', 'in', ids.slice(i, i + CHUNK)).orderBy('l.lineNo').execute();
    for (const l of lines) byId.get(l.orderId)!.lines.push({ id: l.id, orderId: l.orderId, productId: l.productId, shipped: Number(l.shipped), left: Number(l.shipped) - Number(l.requested ?? 0) });
  }
  return out;
}

const say = (zh: string, en: string) => ({ zh, en });

/** The return date the rows agree on (else a problem on each), defaulting to the ship date. */
function returnDay(rows: ReturnRow[], order: HistoryOrder, ref: string, out: DocumentOutcome): string | null {
  const given = [...new Set(rows.flatMap((r) => (r.returnDate ? [r.returnDate] : [])))];
  if (given.length > 1) {
    for (const r of rows) if (r.returnDate) addProblem(out.problems, r.row, { field: 'returnDate', message: say(`订单「${ref}」各行的退货日期不一致（${given.join('、')}）`, `Rows of order "${ref}" disagree on the return date (${given.join(', ')})`) });
    return null;
  }
  const day = given[0] ?? order.shippedDate!;
  const at = rows.find((r) => r.returnDate)?.row ?? rows[0].row;
  if (day < order.shippedDate!) addProblem(out.problems, at, { field: 'returnDate', message: say(`退货日期 ${day} 早于订单「${ref}」的发货日期 ${order.shippedDate}`, `Return date ${day} is before order "${ref}" shipped on ${order.shippedDate}`) });
  else if (day > businessDate()) addProblem(out.problems, at, { field: 'returnDate', message: say(`退货日期 ${day} 晚于今天`, `Return date ${day} is after today`) });
  else return day;
  return null;
}

/** Base units per order line a group returns, or problems on its rows. */
function returnLines(rows: ReturnRow[], order: HistoryOrder, ref: string, products: Map<string, ProductRef>, out: DocumentOutcome): Array<{ orderLineId: string; quantity: number }> | null {
  const whole = rows.filter((r) => r.sku === undefined);
  if (whole.length) {
    if (rows.length > 1) {
      for (const r of whole) addProblem(out.problems, r.row, { field: 'sku', message: say(`整单退货（不填商品编码）时订单「${ref}」只能有这一行`, `A whole-order return (no SKU) must be the only row of order "${ref}"`) });
      return null;
    }
    const lines = order.lines.filter((l) => l.left > 0).map((l) => ({ orderLineId: l.id, quantity: l.left }));
    if (!lines.length) addProblem(out.problems, rows[0].row, { field: 'orderNo', message: say(`订单「${ref}」已全部退货`, `Order "${ref}" has been returned in full already`) });
    return lines.length ? lines : null;
  }
  const out2: Array<{ orderLineId: string; quantity: number }> = [];
  const taken = new Map<string, number>();
  let ok = true;
  for (const r of rows) {
    const p = products.get(r.sku!);
    const lines = p ? order.lines.filter((l) => l.productId === p.id) : [];
    if (!p) addProblem(out.problems, r.row, { field: 'sku', message: say(`没有编码或条码为「${r.sku}」的商品`, `No product with SKU or barcode "${r.sku}"`) });
    else if (!lines.length) addProblem(out.problems, r.row, { field: 'sku', message: say(`商品「${r.sku}」不在订单「${ref}」上`, `Product "${r.sku}" is not on order "${ref}"`) });
    if (!p || !lines.length) { ok = false; continue; }
    const sold = lines.reduce((s, l) => s + l.shipped, 0);
    const left = lines.reduce((s, l) => s + l.left - (taken.get(l.id) ?? 0), 0);
    const want = r.quantity ?? left;
    if (want <= 0 || want > left) {
      addProblem(out.problems, r.row, { field: 'quantity', message: say(`超出可退数量：订单「${ref}」售出 ${sold}，还可退 ${left}，本行 ${want}`, `More than can be returned: order "${ref}" sold ${sold}, ${left} left to return, this row ${want}`) });
      ok = false;
      continue;
    }
    let rest = want;
    for (const l of lines) {
      const q = Math.min(rest, l.left - (taken.get(l.id) ?? 0));
      if (q <= 0) continue;
      taken.set(l.id, (taken.get(l.id) ?? 0) + q);
      out2.push({ orderLineId: l.id, quantity: q });
      rest -= q;
    }
  }
  return ok ? out2 : null;
}

/**
 * Imports returns of history orders: rows grouped by order number, each group checked (the order
 * was imported as shipped history, products on it, no more than sold and not yet returned, the
 * date) and recorded in a savepoint by recordHistoricalReturn, so every problem is found in one pass.
 */
export async function writeSalesReturns(ctx: WriteContext, rows: ReadRow[]): Promise<DocumentOutcome> {
  const out: DocumentOutcome = { actions: new Map(), problems: new Map(), created: 0, updated: 0, documents: [] };
  const broken = new Set(rows.filter((r) => !r.input).map((r) => (r.texts.orderNo ?? '').trim()));
  const groups = new Map<string, ReturnRow[]>();
  for (const r of rows) if (r.input) { const v = { ...(r.input as Omit<ReturnRow, 'row'>), row: r.row }; groups.set(v.orderNo, [...(groups.get(v.orderNo) ?? []), v]); }
  const orders = await loadOrders(ctx.trx, [...groups.keys()]);
  const products = await findProducts(ctx.trx, [...groups.values()].flat().flatMap((r) => (r.sku ? [r.sku] : [])));
  for (const [ref, group] of groups) {
    const order = orders.get(ref);
    const onAll = (field: string, zh: string, en: string) => { for (const r of group) addProblem(out.problems, r.row, { field, message: say(zh, en) }); };
    if (!order) { onAll('orderNo', `没有订单号为「${ref}」的导入订单`, `No imported order "${ref}"`); continue; }
    if (order.status !== 'closed' || !order.shippedDate) { onAll('orderNo', `订单「${ref}」（${order.number}）不是已发货的历史订单，请在销售退货中办理`, `Order "${ref}" (${order.number}) is not shipped history; use sales returns`); continue; }
    const day = returnDay(group, order, ref, out);
    const lines = returnLines(group, order, ref, products, out);
    if (!day || !lines || broken.has(ref)) continue;
    const rowNos = group.map((r) => r.row);
    const note = [...new Set(group.flatMap((r) => (r.note ? [r.note] : [])))].join('; ') || undefined;
    try {
      const made = await inSavepoint(ctx.trx, () => recordHistoricalReturn(ctx.trx, ctx.actor, { orderId: order.id, day, note, lines }));
      out.documents.push({ number: made.number, ref, status: 'closed', rows: rowNos, amount: made.value });
      out.created++;
      for (const r of rowNos) out.actions.set(r, 'create');
    } catch (err) {
      if (err instanceof DomainError) { addProblem(out.problems, rowNos[0], { field: null, message: { zh: translate(err.code, 'zh-CN', err.params), en: translate(err.code, 'en', err.params) } }); continue; }
      if (!constraintKind(err)) throw err;
      addProblem(out.problems, rowNos[0], { field: null, message: say('与数据库中的数据冲突（可能刚被他人修改），请重新预览', 'Conflicts with data in the database (perhaps just changed by someone else); preview again') });
    }
  }
  return out;
}
