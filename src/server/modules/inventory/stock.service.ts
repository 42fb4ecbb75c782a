import { sql } from 'kysely';
import type { Db, DbOrTx, Tx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError, type ErrorDetail } from '../../platform/errors.js';
import { inChunks } from '../../platform/batch.js';
import { newId } from '../../platform/ids.js';
import { paginate, searchWhere, sortBy } from '../../platform/list.js';
import { nextNumber } from '../../platform/numbering.js';
import { resolveAlert } from '../alerts/index.js';
import { notifyBackInStock } from './back-in-stock.js';
// Directly, not through purchasing's index: that module books its receipts through this one.
import { incomingByLevel } from '../purchasing/incoming.repository.js';
import { checkReorderPoints } from '../purchasing/reorder-check.js';
import { changeStock, type StockMove } from './stock-ledger.js';
import { shortLines, type ShortLine } from './stock-shortage.js';
import { inTransitByLevel } from './transfer.repository.js';
import type { AdjustmentInput, DocumentKind, OpeningInput, StockFilter } from './stock.schemas.js';

/** Checks that the warehouse and every product exist and are active; returns the warehouse's name or throws with the line. */
async function assertDocumentRefs(trx: DbOrTx, warehouseId: string, lines: Array<{ productId: string; binId?: string }>) {
  const w = await trx.selectFrom('warehouses').select(['id', 'name', 'status']).where('id', '=', warehouseId).executeTakeFirst();
  if (!w) throw new DomainError('NOT_FOUND', { entity: 'warehouse' }, [{ field: 'warehouseId', message: { zh: '仓库不存在', en: 'No such warehouse' } }]);
  if (w.status !== 'active') throw new DomainError('INACTIVE', { entity: 'warehouse', name: w.name }, [{ field: 'warehouseId', message: { zh: '仓库已停用', en: 'Warehouse is deactivated' } }]);
  const ids = [...new Set(lines.map((l) => l.productId))];
  const found = new Map((await trx.selectFrom('products').select(['id', 'name', 'status']).where('id', 'in', ids).execute()).map((p) => [p.id, p]));
  for (const [i, l] of lines.entries()) {
    const p = found.get(l.productId);
    if (!p) throw new DomainError('NOT_FOUND', { entity: 'product' }, [{ field: `lines.${i}.productId`, message: { zh: '商品不存在', en: 'No such product' } }]);
    if (p.status !== 'active') throw new DomainError('INACTIVE', { entity: 'product', name: p.name }, [{ field: `lines.${i}.productId`, message: { zh: '商品已停用', en: 'Product is deactivated' } }]);
  }
  const binIds = [...new Set(lines.flatMap((l) => (l.binId ? [l.binId] : [])))];
  if (binIds.length) {
    const bins = new Set((await trx.selectFrom('bins').select('id').where('warehouseId', '=', warehouseId).where('id', 'in', binIds).execute()).map((b) => b.id));
    const i = lines.findIndex((l) => l.binId && !bins.has(l.binId));
    if (i >= 0) throw new DomainError('NOT_FOUND', { entity: 'bin' }, [{ field: `lines.${i}.binId`, message: { zh: '库位不在该仓库', en: 'Bin is not in this warehouse' } }]);
  }
  return w.name;
}

async function writeDocument(trx: Tx, actor: Actor, doc: { prefix: string; kind: string; warehouseId: string; note: string | null }, moves: StockMove[]) {
  const id = newId();
  const number = await nextNumber(trx, doc.prefix);
  const posted = await changeStock(trx, actor, { type: 'stock_adjustment', id }, { moves });
  // Stock coming in ends a shortage: the next one raises a fresh alert.
  for (const m of moves) if (m.quantity > 0) await resolveAlert(trx, `shortage:${m.productId}:${m.warehouseId}`);
  await notifyBackInStock(trx, [...new Set(moves.filter((m) => m.quantity > 0).map((m) => m.productId))]);
  await checkReorderPoints(trx, moves.map((m) => ({ productId: m.productId, warehouseId: m.warehouseId })));
  const costAmount = posted.reduce((s, m) => s + m.costAmount, 0);
  const row = { id, number, kind: doc.kind, warehouseId: doc.warehouseId, note: doc.note, lineCount: moves.length, costAmount, actorType: actor.type, actorId: actor.id, actorName: actor.name, createdAt: nowIso() };
  await trx.insertInto('stockAdjustments').values(row).execute();
  await writeAudit(trx, actor, { action: 'create', entity: 'stockAdjustment', entityId: id, summary: number, after: { ...row, lines: posted } });
  return id;
}

/** Posts a stock adjustment (报损 for negative lines, 报溢 for positive) as one document, in the caller's transaction. */
export async function postAdjustment(trx: Tx, actor: Actor, input: AdjustmentInput) {
  const gains = input.lines.filter((l) => l.quantity > 0).length;
  const kind = gains === input.lines.length ? 'gain' : gains === 0 ? 'loss' : 'mixed';
  const prefix = kind === 'gain' ? 'BY' : kind === 'loss' ? 'BS' : 'TZ';
  const warehouseName = await assertDocumentRefs(trx, input.warehouseId, input.lines);
  await assertAvailable(trx, input.warehouseId, warehouseName, input.lines);
  const moves: StockMove[] = input.lines.map((l, i) => ({
    kind: l.quantity > 0 ? 'adjust_gain' : 'adjust_loss', productId: l.productId, warehouseId: input.warehouseId, quantity: l.quantity,
    unitCost: l.quantity > 0 ? l.unitCost : undefined, binId: l.binId, sourceLineId: String(i + 1), reason: l.reason,
  }));
  try {
    const id = await writeDocument(trx, actor, { prefix, kind, warehouseId: input.warehouseId, note: input.note }, moves);
    return await getAdjustment(trx, id);
  } catch (err) {
    throw await onLines(trx, err, input.warehouseId, input.lines);
  }
}

type ProductLabel = { id: string; sku: string; name: string; baseUnit: string };
const productLabels = async (trx: DbOrTx, ids: string[]) =>
  new Map((await inChunks(ids, (chunk) => trx.selectFrom('products').select(['id', 'sku', 'name', 'baseUnit']).where('id', 'in', chunk).execute())).map((p) => [p.id, p as ProductLabel]));

function shortageDetail(s: ShortLine, p: ProductLabel | undefined, warehouseId: string): ErrorDetail {
  const needed = s.total === s.requested ? { zh: `需要 ${s.total}`, en: `${s.total} needed` } : { zh: `本单该商品共需 ${s.total}`, en: `${s.total} needed by this document's lines of it` };
  return {
    field: `lines.${s.index}.quantity`, productId: s.productId, sku: p?.sku, productName: p?.name, baseUnit: p?.baseUnit, warehouseId,
    available: s.available, requested: s.requested,
    message: { zh: `可用 ${s.available}，${needed.zh}`, en: `${s.available} available, ${needed.en}` },
  };
}

/**
 * Refuses, naming every short line, a document that takes more than is available. Only for the
 * message: changeStock's conditional update still decides, and a loss that another transaction
 * makes short after this read is refused there (see onLines).
 */
async function assertAvailable(trx: Tx, warehouseId: string, warehouseName: string, lines: AdjustmentInput['lines']) {
  const losing = [...new Set(lines.filter((l) => l.quantity < 0).map((l) => l.productId))];
  if (losing.length === 0) return;
  const levels = await inChunks(losing, (chunk) =>
    trx.selectFrom('stockLevels').select(['productId', 'onHand', 'reserved']).where('warehouseId', '=', warehouseId).where('productId', 'in', chunk).execute());
  const available = new Map(levels.map((l) => [l.productId, Number(l.onHand) - Number(l.reserved)]));
  const short = shortLines(lines, (p) => available.get(p) ?? 0);
  if (short.length === 0) return;
  const products = await productLabels(trx, [...new Set(short.map((s) => s.productId))]);
  const first = products.get(short[0].productId);
  throw new DomainError(
    'INSUFFICIENT_STOCK',
    { product: first ? `${first.sku} ${first.name}` : short[0].productId, warehouse: warehouseName, available: short[0].available, requested: short[0].total },
    short.map((s) => shortageDetail(s, products.get(s.productId), warehouseId)),
  );
}

/** The ledger's refusal names a product; the caller needs the lines (`lines.N.quantity`) that take it out. */
async function onLines(trx: Tx, err: unknown, warehouseId: string, lines: AdjustmentInput['lines']): Promise<unknown> {
  if (!(err instanceof DomainError) || err.code !== 'INSUFFICIENT_STOCK' || !Array.isArray(err.details)) return err;
  const short: ShortLine[] = err.details.flatMap((d) => lines.flatMap((l, index) =>
    l.productId === d.productId && l.quantity < 0 ? [{ index, productId: l.productId, available: Math.max(0, Number(d.available)), requested: -l.quantity, total: Number(d.requested) }] : []));
  if (short.length === 0) return err;
  const products = await productLabels(trx, [...new Set(short.map((s) => s.productId))]);
  return new DomainError('INSUFFICIENT_STOCK', err.params, short.map((s) => shortageDetail(s, products.get(s.productId), warehouseId)));
}

/** Books opening balances (期初) with their cost, in the caller's transaction; refused for products that already have movements there. */
export async function postOpening(trx: Tx, actor: Actor, input: OpeningInput) {
  const warehouseName = await assertDocumentRefs(trx, input.warehouseId, input.lines);
  await assertNoMovements(trx, input.warehouseId, warehouseName, input.lines);
  const moves: StockMove[] = input.lines.map((l, i) => ({ kind: 'opening', productId: l.productId, warehouseId: input.warehouseId, quantity: l.quantity, unitCost: l.unitCost, binId: l.binId, sourceLineId: String(i + 1) }));
  const id = await writeDocument(trx, actor, { prefix: 'QC', kind: 'opening', warehouseId: input.warehouseId, note: input.note }, moves);
  return getAdjustment(trx, id);
}

/** OPENING_EXISTS naming every line whose product already has movements in the warehouse. */
async function assertNoMovements(trx: Tx, warehouseId: string, warehouseName: string, lines: OpeningInput['lines']) {
  const ids = [...new Set(lines.map((l) => l.productId))];
  const moved = new Map((await inChunks(ids, (chunk) =>
    trx.selectFrom('products as p').select(['p.id', 'p.sku', 'p.name']).where('p.id', 'in', chunk)
      .where((eb) => eb.exists(eb.selectFrom('stockMovements as m').select('m.id').whereRef('m.productId', '=', 'p.id').where('m.warehouseId', '=', warehouseId)))
      .execute())).map((p) => [p.id, p]));
  if (moved.size === 0) return;
  const details = lines.flatMap((l, i) => {
    const p = moved.get(l.productId);
    return p ? [{ field: `lines.${i}.productId`, productId: p.id, sku: p.sku, productName: p.name, message: { zh: '已有库存流水', en: 'Already has movements' } }] : [];
  });
  const first = `${details[0].sku} ${details[0].productName}`;
  const product = moved.size === 1 ? first : { zh: `${first} 等 ${moved.size} 个商品`, en: `${first} (and ${moved.size - 1} more)` };
  throw new DomainError('OPENING_EXISTS', { product, warehouse: warehouseName }, details);
}

const movementColumns = (db: DbOrTx) =>
  db
    .selectFrom('stockMovements as m')
    .innerJoin('products as p', 'p.id', 'm.productId')
    .innerJoin('warehouses as w', 'w.id', 'm.warehouseId')
    .leftJoin('stockAdjustments as a', 'a.id', 'm.sourceId')
    .leftJoin('purchaseReceipts as r', 'r.id', 'm.sourceId')
    .leftJoin('stockTransfers as tr', 'tr.id', 'm.sourceId')
    .leftJoin('stockCounts as sc', 'sc.id', 'm.sourceId')
    .select(['m.id', 'm.at', 'm.kind', 'm.productId', 'p.sku', 'p.name as productName', 'p.baseUnit', 'm.warehouseId', 'w.name as warehouseName', 'm.binId', 'm.quantity', 'm.unitCost', 'm.costAmount', 'm.sourceType', 'm.sourceId', 'm.reason', 'm.actorName'])
    .select(sql<string | null>`coalesce(a.number, r.number, tr.number, sc.number)`.as('sourceNumber'));

/** One adjustment or opening document with its lines. */
export async function getAdjustment(db: DbOrTx, id: string) {
  const doc = await db.selectFrom('stockAdjustments as a').innerJoin('warehouses as w', 'w.id', 'a.warehouseId').selectAll('a').select('w.name as warehouseName').where('a.id', '=', id).executeTakeFirst();
  if (!doc) throw new DomainError('NOT_FOUND', { entity: 'stockAdjustment' });
  const lines = await movementColumns(db).where('m.sourceId', '=', id).orderBy('m.id').execute();
  const { actorType: _t, actorId: _i, ...rest } = doc;
  return { ...rest, lines };
}

/** Adjustment and opening documents, newest first. */
export async function listAdjustments(db: Db, f: { q?: string; page: number; pageSize: number; warehouseId?: string; kind?: DocumentKind[] }) {
  let q = db.selectFrom('stockAdjustments as a').innerJoin('warehouses as w', 'w.id', 'a.warehouseId')
    .select(['a.id', 'a.number', 'a.kind', 'a.warehouseId', 'w.name as warehouseName', 'a.note', 'a.lineCount', 'a.costAmount', 'a.actorName', 'a.createdAt']);
  q = searchWhere(q, f.q, ['a.number', 'a.note']);
  if (f.warehouseId) q = q.where('a.warehouseId', '=', f.warehouseId);
  if (f.kind?.length) q = q.where('a.kind', 'in', f.kind);
  return paginate(q, q.orderBy('a.createdAt', 'desc').orderBy('a.id', 'desc'), f);
}

/** Sort keys of the stock list; ties go by SKU, then warehouse code. */
export const stockSorts = {
  sku: 'x.sku', name: 'x.productName', warehouse: 'x.warehouseName', onHand: 'x.onHand', reserved: 'x.reserved', available: 'x.available', avgCost: 'x.avgCost', value: 'x.value',
};

// value = on hand × (cost value / costed quantity), rounded half up, in integers without overflow:
// on_hand × ⌊v / q⌋ + round(on_hand × (v mod q) / q). Null when the product has no costed stock.
const rowValue = sql<number | null>`case when s.on_hand = 0 then 0 when c.quantity > 0
  then s.on_hand * (c.value / c.quantity) + (2 * s.on_hand * (c.value % c.quantity) + c.quantity) / (2 * c.quantity) end`;

/** The filtered stock rows as a subquery `x`, so sorts and totals can use the computed columns. */
function stockRows(db: Db, f: StockFilter) {
  let q = db
    .selectFrom('stockLevels as s')
    .innerJoin('products as p', 'p.id', 's.productId')
    .innerJoin('warehouses as w', 'w.id', 's.warehouseId')
    .leftJoin('productCosts as c', 'c.productId', 's.productId')
    .select(['s.productId', 'p.sku', 'p.name as productName', 'p.baseUnit', 's.warehouseId', 'w.name as warehouseName', 's.onHand', 's.reserved'])
    .select([
      sql<number>`s.on_hand - s.reserved`.as('available'),
      sql<number>`case when c.quantity > 0 then (2 * c.value + c.quantity) / (2 * c.quantity) else coalesce(p.cost_price, 0) end`.as('avgCost'),
      rowValue.as('value'),
      // sortBy breaks ties on `x.id`: SKU and warehouse code, the list's natural order.
      sql<string>`p.sku || ' ' || w.code`.as('id'),
    ]);
  const text = f.q;
  q = searchWhere(q, text, ['p.sku', 'p.name'], (eb) => eb('s.productId', 'in', db.selectFrom('productBarcodes').select('productId').where('barcode', '=', text ?? '')));
  if (f.productId) q = q.where('s.productId', '=', f.productId);
  if (f.warehouseId) q = q.where('s.warehouseId', '=', f.warehouseId);
  if (f.nonZero === 'true') q = q.where((eb) => eb.or([eb('s.onHand', '!=', 0), eb('s.reserved', '!=', 0)]));
  return db.selectFrom(q.as('x'));
}

/** Stock by product × warehouse with available = on hand − reserved and value at moving-average cost, plus totals over every matching row. */
export async function listStock(db: Db, f: StockFilter & { page: number; pageSize: number }) {
  const rows = stockRows(db, f);
  const page = await paginate(rows.selectAll(), sortBy(rows.selectAll(), f.sort, stockSorts, 'sku'), f);
  const sums = await rows
    .select((eb) => [eb.fn.sum<number>('x.onHand').as('onHand'), eb.fn.sum<number>('x.reserved').as('reserved'), eb.fn.sum<number>('x.available').as('available'), eb.fn.sum<number>('x.value').as('value')])
    .executeTakeFirst();
  const totals = { onHand: Number(sums?.onHand ?? 0), reserved: Number(sums?.reserved ?? 0), available: Number(sums?.available ?? 0), value: Number(sums?.value ?? 0) };
  const productIds = [...new Set(page.items.map((r) => r.productId))];
  const incoming = await incomingByLevel(db, productIds);
  const inTransit = await inTransitByLevel(db, productIds);
  const items = page.items.map(({ id: _key, ...r }) => ({
    ...r, onHand: Number(r.onHand), reserved: Number(r.reserved), available: Number(r.available), avgCost: Number(r.avgCost), value: r.value === null ? null : Number(r.value),
    incoming: incoming.get(`${r.productId}\u0000${r.warehouseId}`) ?? 0,
    inTransit: inTransit.get(`${r.productId}\u0000${r.warehouseId}`) ?? 0,
  }));
  return { ...page, items, totals };
}

/** Movements of one product (optionally one warehouse), newest first, each with the balance after it. */
export async function listMovements(db: Db, f: { page: number; pageSize: number; productId: string; warehouseId?: string }) {
  let inner = movementColumns(db)
    .select(sql<number>`sum(m.quantity) over (partition by m.warehouse_id order by m.at, m.id rows between unbounded preceding and current row)`.as('balance'))
    .where('m.productId', '=', f.productId);
  if (f.warehouseId) inner = inner.where('m.warehouseId', '=', f.warehouseId);
  const q = db.selectFrom(inner.as('x')).selectAll();
  const page = await paginate(q, q.orderBy('x.at', 'desc').orderBy('x.id', 'desc'), f);
  return { ...page, items: page.items.map((r) => ({ ...r, balance: Number(r.balance) })) };
}
