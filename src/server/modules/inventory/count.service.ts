import type { Db, DbOrTx, Tx } from '../../db/create-db.js';
import type { StockCountLineTable, StockCountTable } from '../../db/schema-stock-documents.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError, type ErrorDetail } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { paginate, searchWhere } from '../../platform/list.js';
import { inTransaction, type NumberSource } from '../../platform/numbering.js';
import { enqueue } from '../../platform/outbox.js';
import { resolveAlerts } from '../alerts/index.js';
import { checkReorderPoints } from '../purchasing/reorder-check.js';
import { notifyBackInStock } from './back-in-stock.js';
import { countActionNames, countStatusNames, nextCountStatus, varianceOf, type CountAction, type CountScope, type CountStatus } from './count.js';
import { bookCounted, bookResults, countLines, existingProducts, insertSnapshot, linesOf, lookUpCodes, withinScope } from './count.repository.js';
import type { ApproveInput, CountInput, CountListQuery, CountView, ScanInput } from './count.schemas.js';
import { changeStock, type StockMove } from './stock-ledger.js';
import { activeWarehouse } from './transfer.repository.js';

const SOURCE = 'stock_count';

const stateError = (c: { number: string; status: string }, action: CountAction) =>
  new DomainError('COUNT_STATE', { number: c.number, status: countStatusNames[c.status as CountStatus] ?? c.status, action: countActionNames[action] });

/** Starts a count (盘点单 PD-…): freezes the book quantities of the warehouse (or its zone, bins, products, category) now. */
export async function createCount(trx: Tx, actor: Actor, input: CountInput, numbers: NumberSource = inTransaction): Promise<CountView> {
  await activeWarehouse(trx, input.warehouseId, 'warehouseId');
  await assertScopeRefs(trx, input);
  const scope: CountScope = { zone: input.zone, binIds: input.binIds, productIds: input.productIds, categoryId: input.categoryId };
  const id = newId();
  const now = nowIso();
  const row: StockCountTable = {
    id, number: await numbers(trx, 'PD'), warehouseId: input.warehouseId, status: 'counting', scope: JSON.stringify(scope), note: input.note, lineCount: 0, snapshotAt: now,
    gainQuantity: 0, lossQuantity: 0, gainAmount: 0, lossAmount: 0, actorType: actor.type, actorId: actor.id, actorName: actor.name,
    approvedBy: null, approvedAt: null, cancelledAt: null, createdAt: now, updatedAt: now,
  };
  await trx.insertInto('stockCounts').values(row).execute();
  const lineCount = await insertSnapshot(trx, id, input.warehouseId, scope);
  await trx.updateTable('stockCounts').set({ lineCount }).where('id', '=', id).execute();
  await writeAudit(trx, actor, { action: 'create', entity: 'stockCount', entityId: id, summary: `${row.number} (${lineCount})`, after: { ...row, lineCount } });
  return getCount(trx, id);
}

async function assertScopeRefs(trx: Tx, input: CountInput) {
  if (input.binIds?.length) {
    const found = new Set((await trx.selectFrom('bins').select('id').where('warehouseId', '=', input.warehouseId).where('id', 'in', input.binIds).execute()).map((b) => b.id));
    const i = input.binIds.findIndex((b) => !found.has(b));
    if (i >= 0) throw new DomainError('NOT_FOUND', { entity: 'bin' }, [{ field: `binIds.${i}`, message: { zh: '库位不在该仓库', en: 'Bin is not in this warehouse' } }]);
  }
  if (input.categoryId && !(await trx.selectFrom('categories').select('id').where('id', '=', input.categoryId).executeTakeFirst())) {
    throw new DomainError('NOT_FOUND', { entity: 'category' }, [{ field: 'categoryId', message: { zh: '类别不存在', en: 'No such category' } }]);
  }
  if (input.productIds?.length) {
    const found = await existingProducts(trx, input.productIds);
    const i = input.productIds.findIndex((p) => !found.has(p));
    if (i >= 0) throw new DomainError('NOT_FOUND', { entity: 'product' }, [{ field: `productIds.${i}`, message: { zh: '商品不存在', en: 'No such product' } }]);
  }
}

/**
 * Books scanned lines (blind: the reply has no book quantities). Repeated scans add up, or with
 * mode `set` replace the count. Unknown codes are refused (BARCODE_UNKNOWN naming each line),
 * as are products outside the count's scope; then nothing is written.
 */
export async function scanCount(trx: Tx, actor: Actor, id: string, input: ScanInput) {
  const count = await claim(trx, id, 'scan');
  const counted = await scannedQuantities(trx, input);
  const products = [...counted.keys()];
  const scope = JSON.parse(count.scope) as CountScope;
  const onCount = await linesOf(trx, id, products);
  const newcomers = products.filter((p) => !onCount.has(p));
  if (newcomers.length) {
    const inside = await withinScope(trx, count.warehouseId, scope, newcomers);
    const outside = newcomers.filter((p) => !inside.has(p));
    if (outside.length) throw await outOfScope(trx, count, input, counted, outside);
  }
  const now = nowIso();
  await bookCounted(trx, id, counted, input.mode, now);
  const total = await trx.selectFrom('stockCountLines').select((eb) => eb.fn.countAll<number>().as('n')).where('countId', '=', id).executeTakeFirstOrThrow();
  await trx.updateTable('stockCounts').set({ lineCount: Number(total.n), updatedAt: now }).where('id', '=', id).execute();
  await writeAudit(trx, actor, { action: 'update', entity: 'stockCount', entityId: id, summary: `${count.number} ${input.mode} ${input.lines.length} scans, ${products.length} products` });
  const lines = (await countLines(trx, id, count.warehouseId)).filter((l) => counted.has(l.productId));
  return { countId: id, number: count.number, lines: lines.map((l) => ({ productId: l.productId, sku: l.sku, productName: l.productName, baseUnit: l.baseUnit, counted: l.counted === null ? null : Number(l.counted), countedAt: l.countedAt })) };
}

/** Base units per product of the scanned lines; unknown codes and products refused, every one named. */
async function scannedQuantities(trx: Tx, input: ScanInput): Promise<Map<string, number>> {
  const codes = await lookUpCodes(trx, input.lines.flatMap((l) => (l.barcode ? [l.barcode] : [])));
  const products = await existingProducts(trx, input.lines.flatMap((l) => (l.productId ? [l.productId] : [])));
  const unknown: ErrorDetail[] = [];
  const missing: ErrorDetail[] = [];
  const sums = new Map<string, number>();
  input.lines.forEach((l, i) => {
    const hit = l.barcode ? codes.get(l.barcode) : l.productId && products.has(l.productId) ? { productId: l.productId, factor: 1 } : undefined;
    if (!hit) {
      if (l.barcode) unknown.push({ field: `lines.${i}.barcode`, barcode: l.barcode, message: { zh: `未知条码「${l.barcode}」`, en: `Unknown barcode "${l.barcode}"` } });
      else missing.push({ field: `lines.${i}.productId`, message: { zh: '商品不存在', en: 'No such product' } });
      return;
    }
    sums.set(hit.productId, (sums.get(hit.productId) ?? 0) + l.quantity * hit.factor);
  });
  if (unknown.length) throw new DomainError('BARCODE_UNKNOWN', { barcode: String(unknown[0].barcode) }, [...unknown, ...missing]);
  if (missing.length) throw new DomainError('NOT_FOUND', { entity: 'product' }, missing);
  return sums;
}

async function outOfScope(trx: Tx, count: StockCountTable, input: ScanInput, counted: Map<string, number>, outside: string[]) {
  const names = new Map((await trx.selectFrom('products').select(['id', 'sku', 'name']).where('id', 'in', outside.slice(0, 1000)).execute()).map((p) => [p.id, `${p.sku} ${p.name}`]));
  const codes = await lookUpCodes(trx, input.lines.flatMap((l) => (l.barcode ? [l.barcode] : [])));
  const details = input.lines.flatMap((l, i) => {
    const productId = l.productId ?? (l.barcode ? codes.get(l.barcode)?.productId : undefined);
    if (!productId || !outside.includes(productId) || !counted.has(productId)) return [];
    return [{ field: `lines.${i}.${l.barcode ? 'barcode' : 'productId'}`, productId, message: { zh: '不在盘点范围内', en: 'Not within this count' } }];
  });
  return new DomainError('COUNT_NOT_IN_SCOPE', { product: names.get(outside[0]) ?? outside[0], number: count.number }, details);
}

/** Claims the count for an action by a conditional update on its status; refused with COUNT_STATE otherwise. */
async function claim(trx: Tx, id: string, action: CountAction, changes: Partial<StockCountTable> = {}): Promise<StockCountTable> {
  const count = await trx.selectFrom('stockCounts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!count) throw new DomainError('NOT_FOUND', { entity: 'stockCount' });
  const to = nextCountStatus(count.status, action);
  if (!to) throw stateError(count, action);
  const claimed = await trx.updateTable('stockCounts').set({ ...changes, status: to, updatedAt: nowIso() }).where('id', '=', id).where('status', '=', count.status).executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) {
    const now = await trx.selectFrom('stockCounts').select(['number', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
    throw stateError(now, action);
  }
  return count;
}

type Line = Awaited<ReturnType<typeof countLines>>[number];

/** A line's figures: live (counting) from the balance now and the moving average, or as approval posted them. */
function lineFigures(status: string, l: Line, uncountedAsZero: boolean) {
  const snapshot = Number(l.snapshot);
  if (status === 'approved') {
    const expected = Number(l.expected ?? snapshot);
    const variance = l.variance === null ? null : Number(l.variance);
    const outcome = variance === null ? 'uncounted' : variance > 0 ? 'gain' : variance < 0 ? 'loss' : 'match';
    return { snapshot, movements: expected - snapshot, expected, counted: l.counted === null ? null : Number(l.counted), variance, outcome, unitCost: Number(l.unitCost ?? 0), value: l.costAmount === null ? null : Number(l.costAmount) } as const;
  }
  // Movements since the snapshot = on hand now − on hand then: the ledger keeps on hand = Σ movements.
  const v = varianceOf({ snapshot, movements: Number(l.onHand) - snapshot, counted: l.counted === null ? null : Number(l.counted) }, uncountedAsZero);
  const unitCost = Number(l.avgCost);
  return { snapshot, movements: v.expected - snapshot, ...v, unitCost, value: v.variance === null ? null : v.variance * unitCost };
}

/** All lines' variances at once (counted − (snapshot + movements since)), valued at moving-average cost, with totals. */
export async function countVariances(db: DbOrTx, id: string, q: { only: 'differences' | 'all'; uncounted: 'skip' | 'zero' }) {
  const count = await getCount(db, id);
  const lines = (await countLines(db, id, count.warehouseId)).map((l) => ({ productId: l.productId, sku: l.sku, productName: l.productName, baseUnit: l.baseUnit, ...lineFigures(count.status, l, q.uncounted === 'zero') }));
  const sum = (f: (l: (typeof lines)[number]) => number) => lines.reduce((s, l) => s + f(l), 0);
  const totals = {
    lines: lines.length, counted: sum((l) => (l.counted === null ? 0 : 1)), uncounted: sum((l) => (l.counted === null ? 1 : 0)),
    gains: sum((l) => (l.outcome === 'gain' ? 1 : 0)), losses: sum((l) => (l.outcome === 'loss' ? 1 : 0)),
    gainQuantity: sum((l) => (l.outcome === 'gain' ? l.variance ?? 0 : 0)), lossQuantity: sum((l) => (l.outcome === 'loss' ? -(l.variance ?? 0) : 0)),
    gainValue: sum((l) => (l.outcome === 'gain' ? l.value ?? 0 : 0)), lossValue: sum((l) => (l.outcome === 'loss' ? -(l.value ?? 0) : 0)), netValue: sum((l) => l.value ?? 0),
  };
  return { count, totals, items: q.only === 'all' ? lines : lines.filter((l) => l.outcome !== 'match') };
}

/**
 * Approves (审核) a count: every variance posts as count_gain / count_loss through the ledger at
 * moving-average cost, in this one transaction; the lines keep what was posted. A count approved
 * before (or cancelled) is refused with COUNT_STATE and nothing is written.
 */
export async function approveCount(trx: Tx, actor: Actor, id: string, input: ApproveInput): Promise<CountView> {
  const now = nowIso();
  const count = await claim(trx, id, 'approve', { approvedBy: actor.name, approvedAt: now });
  const lines = await countLines(trx, id, count.warehouseId);
  const figures = lines.map((l) => ({ line: l, ...lineFigures('counting', l, input.uncounted === 'zero') }));
  const moving = figures.filter((f) => f.variance);
  const moves: StockMove[] = moving.map((f) => ({
    kind: (f.variance ?? 0) > 0 ? 'count_gain' : 'count_loss', productId: f.line.productId, warehouseId: count.warehouseId, quantity: f.variance ?? 0, sourceLineId: f.line.productId,
  }));
  const posted = moves.length ? await changeStock(trx, actor, { type: SOURCE, id }, { moves }).catch((err: unknown) => { throw onLines(err); }) : [];
  const cost = new Map(posted.map((p) => [p.productId, p]));
  await bookResults(trx, figures.map((f): StockCountLineTable => {
    const p = cost.get(f.line.productId);
    return {
      countId: id, productId: f.line.productId, snapshot: f.snapshot, counted: f.line.counted === null ? null : Number(f.line.counted), countedAt: f.line.countedAt,
      expected: f.expected, variance: f.variance, unitCost: p ? p.unitCost : f.unitCost, costAmount: p ? p.costAmount : f.variance === null ? null : 0,
    };
  }));
  const gains = posted.filter((p) => p.quantity > 0);
  const losses = posted.filter((p) => p.quantity < 0);
  const totals = {
    gainQuantity: gains.reduce((s, p) => s + p.quantity, 0), lossQuantity: -losses.reduce((s, p) => s + p.quantity, 0),
    gainAmount: gains.reduce((s, p) => s + p.costAmount, 0), lossAmount: -losses.reduce((s, p) => s + p.costAmount, 0),
  };
  await trx.updateTable('stockCounts').set(totals).where('id', '=', id).execute();
  // Stock found ends a shortage there and tells waiting customers.
  await resolveAlerts(trx, gains.map((p) => `shortage:${p.productId}:${count.warehouseId}`));
  for (let i = 0; i < gains.length; i += 1000) await notifyBackInStock(trx, gains.slice(i, i + 1000).map((p) => p.productId));
  await checkReorderPoints(trx, posted.map((p) => ({ productId: p.productId, warehouseId: count.warehouseId })));
  await enqueue(trx, 'stock_count.approved', { countId: id, number: count.number, warehouseId: count.warehouseId, ...totals }, `stock_count.approved:${id}`);
  await writeAudit(trx, actor, { action: 'update', entity: 'stockCount', entityId: id, summary: `${count.number} approve: ${gains.length} gains, ${losses.length} losses`, before: { status: count.status }, after: { status: 'approved', ...totals } });
  return getCount(trx, id);
}

/** The ledger refuses a loss below what is reserved; the caller needs the product's line. */
function onLines(err: unknown): unknown {
  if (!(err instanceof DomainError) || err.code !== 'INSUFFICIENT_STOCK' || !Array.isArray(err.details)) return err;
  return new DomainError('INSUFFICIENT_STOCK', err.params, err.details.map((d) => ({ ...d, field: `lines.${String(d.productId)}`, message: { zh: '实盘数少于已预留数量，请先释放预留', en: 'Counted less than is reserved; release reservations first' } })));
}

/** Cancels (作废) a count still counting; nothing was posted. */
export async function cancelCount(trx: Tx, actor: Actor, id: string): Promise<CountView> {
  const count = await claim(trx, id, 'cancel', { cancelledAt: nowIso() });
  await writeAudit(trx, actor, { action: 'update', entity: 'stockCount', entityId: id, summary: `${count.number} cancel`, before: { status: count.status }, after: { status: 'cancelled' } });
  return getCount(trx, id);
}

const countQuery = (db: DbOrTx) => db.selectFrom('stockCounts as k').innerJoin('warehouses as w', 'w.id', 'k.warehouseId').selectAll('k').select('w.name as warehouseName')
  .select((eb) => eb.selectFrom('stockCountLines as l').select(eb.fn.countAll<number>().as('n')).whereRef('l.countId', '=', 'k.id').where('l.counted', 'is not', null).as('countedLines'));

function countView(k: StockCountTable & { warehouseName: string; countedLines: number | null }): CountView {
  const { actorType: _t, actorId: _a, scope, ...rest } = k;
  return {
    ...rest, status: k.status as CountStatus, scope: JSON.parse(scope) as CountScope, lineCount: Number(k.lineCount), countedLines: Number(k.countedLines ?? 0),
    gainQuantity: Number(k.gainQuantity), lossQuantity: Number(k.lossQuantity), gainAmount: Number(k.gainAmount), lossAmount: Number(k.lossAmount),
  };
}

/** One count's header: scope, snapshot time, how many lines are counted, and after approval the totals. */
export async function getCount(db: DbOrTx, id: string): Promise<CountView> {
  const k = await countQuery(db).where('k.id', '=', id).executeTakeFirst();
  if (!k) throw new DomainError('NOT_FOUND', { entity: 'stockCount' });
  return countView(k);
}

/** What has been counted so far, by SKU, without book quantities (for the counting screen). */
export async function countedLines(db: Db, id: string, f: { page: number; pageSize: number; q?: string }) {
  await getCount(db, id);
  let q = db.selectFrom('stockCountLines as l').innerJoin('products as p', 'p.id', 'l.productId')
    .select(['l.productId', 'p.sku', 'p.name as productName', 'p.baseUnit', 'l.counted', 'l.countedAt']).where('l.countId', '=', id).where('l.counted', 'is not', null);
  q = searchWhere(q, f.q, ['p.sku', 'p.name']);
  const page = await paginate(q, q.orderBy('p.sku'), f);
  return { ...page, items: page.items.map((l) => ({ ...l, counted: l.counted === null ? null : Number(l.counted) })) };
}

/** Counts, newest first. */
export async function listCounts(db: Db, f: CountListQuery) {
  let q = countQuery(db);
  q = searchWhere(q, f.q, ['k.number', 'k.note']);
  if (f.status) q = q.where('k.status', '=', f.status);
  if (f.warehouseId) q = q.where('k.warehouseId', '=', f.warehouseId);
  const page = await paginate(q, q.orderBy('k.createdAt', 'desc').orderBy('k.id', 'desc'), f);
  return { ...page, items: page.items.map(countView) };
}
