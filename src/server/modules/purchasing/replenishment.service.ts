import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { businessDate } from '../../platform/clock.js';
import { DomainError, type ErrorDetail } from '../../platform/errors.js';
import type { NumberSource } from '../../platform/numbering.js';
import { incomingByLevel } from './incoming.repository.js';
import { productsWithUnits } from './purchase-order-content.js';
import { createPurchaseOrder } from './purchase-order.service.js';
import type { PurchaseOrderView } from './purchasing.schemas.js';
import { planReplenishment } from './replenishment.js';
import { storedForecasts } from '../analytics/forecast.service.js';
import type { DraftOrdersInput, Suggestion } from './replenishment.schemas.js';

const key = (p: string, w: string) => `${p}\u0000${w}`;
// Sales that count as demand: confirmed orders and everything after, shipped or not.
const demandStatuses = ['confirmed', 'partially_shipped', 'shipped', 'delivered', 'closed'];

const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

type Filter = { warehouseId?: string; productId?: string; supplierId?: string; weeks: number; demand?: 'auto' | 'average'; pairs?: Array<{ productId: string; warehouseId: string }> };

/** Base units sold per product × warehouse since `since` (order date; entry date when none). */
async function demandSince(db: DbOrTx, since: string, f: Filter) {
  let q = db.selectFrom('salesOrderLines as l').innerJoin('salesOrders as o', 'o.id', 'l.orderId')
    .select(['l.productId', 'l.warehouseId', (eb) => eb.fn.sum<number>('l.baseQuantity').as('sold')])
    .where('o.status', 'in', demandStatuses)
    .where(sql<boolean>`coalesce(o.order_date, substr(o.created_at, 1, 10)) >= ${since}`)
    .groupBy(['l.productId', 'l.warehouseId']);
  if (f.productId) q = q.where('l.productId', '=', f.productId);
  if (f.warehouseId) q = q.where('l.warehouseId', '=', f.warehouseId);
  return new Map((await q.execute()).map((r) => [key(r.productId, r.warehouseId), Number(r.sold)]));
}

type UsableForecast = { method: string; demandClass: string; weekly: number[]; wape: number | null; computedAt: string };

/**
 * The stored demand forecasts replenishment may use: 8 weeks or more since the first sale (not
 * 'short' or 'none'), computed in the last 14 days; the weeks already past are dropped.
 */
async function usableForecasts(db: DbOrTx, productIds: string[], today: string): Promise<Map<string, UsableForecast>> {
  const out = new Map<string, UsableForecast>();
  const oldest = addDays(today, -14);
  for (const r of await storedForecasts(db, productIds)) {
    if (r.demandClass === 'short' || r.demandClass === 'none' || r.computedAt.slice(0, 10) < oldest) continue;
    const past = Math.max(0, Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${r.firstWeek}T00:00:00Z`)) / (7 * 86_400_000)));
    const weekly = r.weekly.slice(past);
    if (weekly.length === 0) continue;
    out.set(key(r.productId, r.warehouseId), { method: r.method, demandClass: r.demandClass, weekly, wape: r.wape, computedAt: r.computedAt });
  }
  return out;
}

type SupplierTerms = { supplierId: string; supplierName: string; price: number | null; moq: number; packSize: number; leadTimeDays: number };

/** Each product's suppliers (active ones), cheapest first, with the terms that apply to the product. */
async function supplierTerms(db: DbOrTx, productIds: string[], extraSupplierIds: string[]) {
  const byProduct = new Map<string, SupplierTerms[]>();
  if (productIds.length) {
    const rows = await db.selectFrom('supplierProducts as sp').innerJoin('suppliers as s', 's.id', 'sp.supplierId')
      .select(['sp.productId', 'sp.supplierId', 's.name as supplierName', 'sp.price', 'sp.moq', 's.moq as supplierMoq', 'sp.packSize', 'sp.leadTimeDays', 's.leadTimeDays as supplierLead', 's.code'])
      .where('sp.productId', 'in', productIds).where('s.status', '=', 'active').orderBy('sp.price').orderBy('s.code').execute();
    for (const r of rows) {
      const list = byProduct.get(r.productId) ?? [];
      list.push({ supplierId: r.supplierId, supplierName: r.supplierName, price: r.price || null, moq: Number(r.moq || r.supplierMoq || 0), packSize: Number(r.packSize ?? 1) || 1, leadTimeDays: Number(r.leadTimeDays ?? r.supplierLead ?? 0) });
      byProduct.set(r.productId, list);
    }
  }
  const suppliers = new Map(extraSupplierIds.length ? (await db.selectFrom('suppliers').select(['id', 'name', 'moq', 'leadTimeDays']).where('id', 'in', extraSupplierIds).execute())
    .map((s) => [s.id, { supplierId: s.id, supplierName: s.name, price: null, moq: Number(s.moq), packSize: 1, leadTimeDays: Number(s.leadTimeDays) }]) : []);
  /** The rule's supplier (its product terms when it has them), else the cheapest. */
  return (productId: string, preferred: string | null): SupplierTerms | null => {
    const list = byProduct.get(productId) ?? [];
    if (preferred) return list.find((t) => t.supplierId === preferred) ?? suppliers.get(preferred) ?? null;
    return list[0] ?? null;
  };
}

/**
 * Replenishment suggestions per product × warehouse (pairs with a reorder rule or with sales in
 * the period): what to order, from whom, and why. Only rows with something to order.
 */
export async function replenishmentSuggestions(db: DbOrTx, f: Filter): Promise<{ items: Suggestion[] }> {
  const today = businessDate();
  const sold = await demandSince(db, addDays(today, -7 * f.weeks), f);
  let rq = db.selectFrom('reorderRules').selectAll();
  if (f.productId) rq = rq.where('productId', '=', f.productId);
  if (f.warehouseId) rq = rq.where('warehouseId', '=', f.warehouseId);
  const rules = new Map((await rq.execute()).map((r) => [key(r.productId, r.warehouseId), r]));
  let pairs = [...new Set([...sold.keys(), ...rules.keys()])].map((k) => {
    const [productId, warehouseId] = k.split('\u0000');
    return { productId, warehouseId };
  });
  if (f.pairs) {
    const wanted = new Set(f.pairs.map((p) => key(p.productId, p.warehouseId)));
    pairs = [...new Map(f.pairs.map((p) => [key(p.productId, p.warehouseId), p])).values()];
    for (const k of [...sold.keys()]) if (!wanted.has(k)) sold.delete(k);
  }
  if (pairs.length === 0) return { items: [] };
  const productIds = [...new Set(pairs.map((p) => p.productId))];
  const warehouseIds = [...new Set(pairs.map((p) => p.warehouseId))];
  const { products, factorOf } = await productsWithUnits(db, productIds);
  const unitsOf = await db.selectFrom('productUnits').select(['productId', 'name', 'factor']).where('productId', 'in', productIds).execute();
  const warehouses = new Map((await db.selectFrom('warehouses').select(['id', 'name']).where('id', 'in', warehouseIds).execute()).map((w) => [w.id, w.name]));
  const levels = new Map((await db.selectFrom('stockLevels').select(['productId', 'warehouseId', 'onHand', 'reserved']).where('productId', 'in', productIds).execute())
    .map((l) => [key(l.productId, l.warehouseId), Number(l.onHand) - Number(l.reserved)]));
  const incoming = await incomingByLevel(db, productIds);
  const terms = await supplierTerms(db, productIds, [...new Set([...rules.values()].flatMap((r) => (r.supplierId ? [r.supplierId] : [])))]);
  const forecasts = f.demand === 'average' ? new Map<string, UsableForecast>() : await usableForecasts(db, productIds, today);
  const items: Suggestion[] = [];
  for (const { productId, warehouseId } of pairs) {
    const p = products.get(productId);
    const warehouseName = warehouses.get(warehouseId);
    if (!p || warehouseName === undefined || p.status !== 'active') continue;
    const k = key(productId, warehouseId);
    const rule = rules.get(k);
    const t = terms(productId, rule?.supplierId ?? null);
    if (f.supplierId && t?.supplierId !== f.supplierId) continue;
    const facts = {
      baseUnit: p.baseUnit, available: levels.get(k) ?? 0, incoming: incoming.get(k) ?? 0, sold: sold.get(k) ?? 0, weeks: f.weeks, leadTimeDays: t?.leadTimeDays ?? 0,
      method: (rule?.method ?? null) as 'reorder_point' | 'min_max' | null, reorderPoint: rule ? Number(rule.reorderPoint) : null, safetyStock: rule ? Number(rule.safetyStock) : 0,
      maxStock: rule?.maxStock == null ? null : Number(rule.maxStock), moq: t?.moq ?? 0, packSize: t?.packSize ?? 1, forecast: forecasts.get(k) ?? null,
    };
    const plan = planReplenishment(facts);
    if (plan.suggested <= 0 && !f.pairs) continue;
    const packUnit = unitsOf.find((u) => u.productId === productId && u.factor === facts.packSize && facts.packSize > 1 && factorOf(p, u.name));
    const orderUnit = packUnit && plan.suggested % packUnit.factor === 0
      ? { name: packUnit.name, factor: packUnit.factor, quantity: plan.suggested / packUnit.factor }
      : { name: p.baseUnit, factor: 1, quantity: plan.suggested };
    items.push({
      productId, sku: p.sku, productName: p.name, baseUnit: p.baseUnit, warehouseId, warehouseName, available: facts.available, incoming: facts.incoming, position: plan.position,
      soldInPeriod: facts.sold, weeks: f.weeks, weeklyDemand: plan.weeklyDemand, leadTimeDays: facts.leadTimeDays, demandOverLeadTime: plan.demandOverLeadTime,
      demandSource: facts.forecast ? 'forecast' : 'average',
      forecast: facts.forecast ? { method: facts.forecast.method, demandClass: facts.forecast.demandClass, wape: facts.forecast.wape, computedAt: facts.forecast.computedAt } : null,
      method: facts.method, reorderPoint: facts.reorderPoint, safetyStock: facts.safetyStock, maxStock: facts.maxStock,
      supplierId: t?.supplierId ?? null, supplierName: t?.supplierName ?? null, unitPrice: t?.price ?? null, moq: facts.moq, packSize: facts.packSize,
      need: plan.need, suggestedQuantity: plan.suggested, orderUnit, reason: plan.reason,
    });
  }
  items.sort((a, b) => a.sku.localeCompare(b.sku) || a.warehouseName.localeCompare(b.warehouseName));
  return { items };
}

/**
 * Draft purchase orders from selected suggestion rows, one per supplier, in one transaction: each
 * row at its suggested quantity (or the given one, base units) in the pack unit when it divides,
 * expected after the supplier's lead time. Every row's problem is named before anything is written.
 */
export async function draftOrdersFromSuggestions(trx: Tx, actor: Actor, input: DraftOrdersInput, numbers: NumberSource): Promise<{ orders: PurchaseOrderView[] }> {
  const errors: ErrorDetail[] = [];
  const productIds = [...new Set(input.rows.map((r) => r.productId))];
  const known = new Set((await trx.selectFrom('products').select('id').where('id', 'in', productIds).execute()).map((p) => p.id));
  const whs = new Set((await trx.selectFrom('warehouses').select('id').where('id', 'in', [...new Set(input.rows.map((r) => r.warehouseId))]).where('status', '=', 'active').execute()).map((w) => w.id));
  input.rows.forEach((r, i) => {
    if (!known.has(r.productId)) errors.push({ field: `rows.${i}.productId`, message: { zh: '商品不存在', en: 'No such product' } });
    if (!whs.has(r.warehouseId)) errors.push({ field: `rows.${i}.warehouseId`, message: { zh: '仓库不存在或已停用', en: 'No such active warehouse' } });
  });
  if (errors.length) throw new DomainError('NOT_FOUND', { entity: errors[0].field?.endsWith('productId') ? 'product' : 'warehouse' }, errors);
  const { items } = await replenishmentSuggestions(trx, { weeks: input.weeks, pairs: input.rows });
  const byPair = new Map(items.map((s) => [key(s.productId, s.warehouseId), s]));
  const groups = new Map<string, Array<{ productId: string; warehouseId: string; quantity: number; unit?: string; expectedDate: string }>>();
  const today = businessDate();
  input.rows.forEach((r, i) => {
    const s = byPair.get(key(r.productId, r.warehouseId));
    const supplierId = r.supplierId ?? s?.supplierId;
    const quantity = r.quantity ?? s?.suggestedQuantity ?? 0;
    if (!supplierId) errors.push({ field: `rows.${i}.supplierId`, message: { zh: '该商品没有供应商，请指定', en: 'This product has no supplier; give one' } });
    if (quantity <= 0) errors.push({ field: `rows.${i}.quantity`, message: { zh: '无需补货，请填写数量', en: 'Nothing to order; give a quantity' } });
    if (!supplierId || quantity <= 0) return;
    const inPacks = s && s.orderUnit.factor > 1 && quantity % s.orderUnit.factor === 0;
    const list = groups.get(supplierId) ?? [];
    list.push({ productId: r.productId, warehouseId: r.warehouseId, quantity: inPacks ? quantity / s.orderUnit.factor : quantity, unit: inPacks ? s.orderUnit.name : undefined, expectedDate: addDays(today, s?.leadTimeDays ?? 0) });
    groups.set(supplierId, list);
  });
  if (errors.some((e) => e.field?.endsWith('supplierId'))) throw new DomainError('VALIDATION_FAILED', { summary: errors.map((e) => e.field).join(', ') }, errors);
  if (errors.length) throw new DomainError('NOTHING_TO_ORDER', {}, errors);
  const orders: PurchaseOrderView[] = [];
  for (const [supplierId, lines] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    orders.push(await createPurchaseOrder(trx, actor, {
      supplierId, warehouseId: lines[0].warehouseId, pricesIncludeTax: true, notes: input.notes ?? '补货建议生成 / from replenishment suggestions',
      expectedDate: lines.map((l) => l.expectedDate).sort().at(-1), lines,
    }, numbers));
  }
  return { orders };
}
