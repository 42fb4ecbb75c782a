// Sales order import: rows grouped into orders by their order number, and the rules an order's
// header fields follow. Pure: no I/O.
import type { Text2 } from './cells.js';

/** One valid row of a sales order file (money in fen, dates YYYY-MM-DD). */
export type OrderRow = {
  row: number;
  orderNo: string;
  customer?: string;
  orderDate?: string;
  shipDate?: string;
  sku: string;
  quantity: number;
  unit?: string;
  unitPrice?: number;
  /** History: the line's stated amount after discount and its cost of goods (fen). */
  lineAmount?: number;
  lineCost?: number;
  discountPercent?: number;
  taxRate?: number;
  warehouse?: string;
  requestedDate?: string;
  notes?: string;
  confirm?: boolean;
};

/** The rows of one order with the header values they agree on. */
export type OrderGroup = {
  ref: string;
  rows: OrderRow[];
  customer?: string;
  orderDate?: string;
  shipDate?: string;
  requestedDate?: string;
  notes?: string;
  confirm?: boolean;
};

export type GroupProblem = { row: number; field: string; message: Text2 };

const headerFields = ['customer', 'orderDate', 'shipDate', 'requestedDate', 'confirm'] as const;
const names: Record<(typeof headerFields)[number], Text2> = {
  customer: { zh: '客户', en: 'customer' },
  orderDate: { zh: '订单日期', en: 'order date' },
  shipDate: { zh: '发货日期', en: 'ship date' },
  requestedDate: { zh: '交货日期', en: 'requested date' },
  confirm: { zh: '确认', en: 'confirm' },
};

/** Rows by order number, in the order each number first appears. */
export function groupRows(rows: OrderRow[]): OrderGroup[] {
  const groups = new Map<string, OrderGroup>();
  for (const r of rows) {
    const g = groups.get(r.orderNo) ?? { ref: r.orderNo, rows: [] };
    g.rows.push(r);
    groups.set(r.orderNo, g);
  }
  return [...groups.values()];
}

/**
 * Fills a group's header values from its rows. A value may be given on one row only (the others
 * left empty); rows that give different values are each an error. Line notes are joined.
 */
export function settleHeader(g: OrderGroup): GroupProblem[] {
  const problems: GroupProblem[] = [];
  for (const f of headerFields) {
    const given = g.rows.filter((r) => r[f] !== undefined);
    const distinct = [...new Set(given.map((r) => String(r[f])))];
    if (distinct.length > 1) {
      const list = given.map((r) => `${r.row}: ${String(r[f])}`).join('; ');
      for (const r of given) {
        problems.push({ row: r.row, field: f, message: { zh: `订单「${g.ref}」各行的${names[f].zh}不一致（${list}）`, en: `Rows of order "${g.ref}" disagree on the ${names[f].en} (${list})` } });
      }
    } else if (given.length) (g as Record<string, unknown>)[f] = given[0][f];
  }
  const notes = [...new Set(g.rows.flatMap((r) => (r.notes ? [r.notes] : [])))];
  if (notes.length) g.notes = notes.join('; ').slice(0, 2000);
  return problems;
}

/** Whether an order is completed history (it has a ship date) rather than a current order. */
export const isHistory = (g: OrderGroup) => g.shipDate !== undefined;

/**
 * The header rules: a customer; history needs an order date, and neither date may be after
 * `today` nor the ship date before the order date; a current order's date is not in the future.
 */
export function checkHeader(g: OrderGroup, today: string): GroupProblem[] {
  const head = g.rows[0].row;
  const rowWith = (f: keyof OrderRow) => g.rows.find((r) => r[f] !== undefined)?.row ?? head;
  const out: GroupProblem[] = [];
  const say = (row: number, field: string, zh: string, en: string) => out.push({ row, field, message: { zh: `订单「${g.ref}」${zh}`, en: `Order "${g.ref}": ${en}` } });
  if (!g.rows.some((r) => r.customer)) say(head, 'customer', '缺少客户编号', 'the customer code is missing');
  if (g.orderDate && g.orderDate > today) say(rowWith('orderDate'), 'orderDate', `订单日期 ${g.orderDate} 晚于今天`, `order date ${g.orderDate} is after today`);
  if (g.shipDate !== undefined) {
    if (!g.orderDate) say(rowWith('shipDate'), 'orderDate', '有发货日期的历史订单须填写订单日期', 'a historical order (with a ship date) needs its order date');
    if (g.shipDate > today) say(rowWith('shipDate'), 'shipDate', `发货日期 ${g.shipDate} 晚于今天；未发货的订单请不填发货日期`, `ship date ${g.shipDate} is after today; leave it empty for orders not shipped yet`);
    if (g.orderDate && g.shipDate < g.orderDate) say(rowWith('shipDate'), 'shipDate', `发货日期 ${g.shipDate} 早于订单日期 ${g.orderDate}`, `ship date ${g.shipDate} is before the order date ${g.orderDate}`);
  } else {
    for (const f of ['lineAmount', 'lineCost'] as const) {
      for (const r of g.rows) if (r[f] !== undefined) say(r.row, f, '不是历史订单（没有发货日期），不能填写折后金额或成本金额', 'the line amount and line cost are for history only (orders with a ship date)');
    }
  }
  return out;
}
