import { sql } from 'kysely';
import type { DbOrTx } from '../../db/create-db.js';
import { prepared } from '../../db/prepared.js';
import { nowIso } from '../../platform/clock.js';
import { enqueue } from '../../platform/outbox.js';
import { raiseAlert, resolveAlert } from '../alerts/index.js';

// Reorder points (再订货点): after a document changes stock, reservations or incoming, the touched
// product × warehouse pairs that have a rule are checked. Crossing to or below the point raises ONE
// alert for purchasing and ONE `stock.low` message for the staff robots; going back above clears
// the alert, so the next crossing raises a new one (and a new message). Sales,
// shipping and inventory import this file directly (not purchasing's index, which pulls in routes).

export type LevelPair = { productId: string; warehouseId: string };

const openOrderStatuses = ['ordered', 'partially_received'];

/** The rules of the touched pairs with available and incoming now: one indexed query; nothing when no pair has a rule. */
const rulesOf = prepared((db, a: { productIds: string[]; warehouseIds: string[] }) =>
  db.selectFrom('reorderRules as r')
    .innerJoin('products as p', 'p.id', 'r.productId')
    .innerJoin('warehouses as w', 'w.id', 'r.warehouseId')
    .leftJoin('stockLevels as s', (j) => j.onRef('s.productId', '=', 'r.productId').onRef('s.warehouseId', '=', 'r.warehouseId'))
    .select(['r.productId', 'r.warehouseId', 'r.reorderPoint', 'r.safetyStock', 'r.belowSince', 'p.sku', 'p.name as productName', 'p.baseUnit', 'w.name as warehouseName'])
    .select(sql<number>`coalesce(s.on_hand - s.reserved, 0)`.as('available'))
    .select((eb) => eb.selectFrom('purchaseOrderLines as l').innerJoin('purchaseOrders as o', 'o.id', 'l.orderId')
      .select(sql<number>`coalesce(sum(case when l.base_quantity > l.received then l.base_quantity - l.received else 0 end), 0)`.as('n'))
      .whereRef('l.productId', '=', 'r.productId').whereRef('l.warehouseId', '=', 'r.warehouseId').where('o.status', 'in', openOrderStatuses)
      .as('incoming'))
    .where('r.productId', 'in', a.productIds).where('r.warehouseId', 'in', a.warehouseIds));
const markBelow = prepared((db, a: { productId: string; warehouseId: string; now: string }) =>
  db.updateTable('reorderRules').set({ belowSince: a.now }).where('productId', '=', a.productId).where('warehouseId', '=', a.warehouseId).where('belowSince', 'is', null));
const markAbove = prepared((db, a: { productId: string; warehouseId: string }) =>
  db.updateTable('reorderRules').set({ belowSince: null }).where('productId', '=', a.productId).where('warehouseId', '=', a.warehouseId).where('belowSince', 'is not', null));

const PRODUCTS_PER_QUERY = 1000;

/** The dedupe key of a pair's reorder alert. */
export const reorderAlertKey = (p: LevelPair) => `reorder:${p.productId}:${p.warehouseId}`;

/**
 * Checks the reorder rules of the touched pairs in the caller's transaction (call it after the
 * document's stock change): available + incoming at or below the reorder point raises one
 * `reorder_point` alert per crossing for purchasing and writes one `stock.low` outbox message for
 * staff; above it clears the alert. The crossing is claimed by a conditional update of the rule,
 * so concurrent documents raise one alert and one message, not two.
 */
export async function checkReorderPoints(trx: DbOrTx, pairs: LevelPair[]): Promise<void> {
  if (pairs.length === 0) return;
  const productIds = [...new Set(pairs.map((p) => p.productId))].sort();
  const warehouseIds = [...new Set(pairs.map((p) => p.warehouseId))].sort();
  // 1,000 products a query: a whole-warehouse count touches thousands (SQLite binds at most 32,766).
  const rows = [];
  for (let i = 0; i < productIds.length; i += PRODUCTS_PER_QUERY) rows.push(...(await rulesOf.rows(trx, { productIds: productIds.slice(i, i + PRODUCTS_PER_QUERY), warehouseIds })));
  if (rows.length === 0) return;
  const touched = new Set(pairs.map((p) => `${p.productId}\u0000${p.warehouseId}`));
  const now = nowIso();
  // Fixed order, so two documents touching the same rules take their rows in the same sequence.
  rows.sort((a, b) => (a.productId + a.warehouseId < b.productId + b.warehouseId ? -1 : 1));
  for (const r of rows) {
    if (!touched.has(`${r.productId}\u0000${r.warehouseId}`)) continue;
    const available = Number(r.available);
    const incoming = Number(r.incoming ?? 0);
    const point = Number(r.reorderPoint);
    const position = available + incoming;
    if (position <= point) {
      if (r.belowSince != null || (await markBelow.affected(trx, { productId: r.productId, warehouseId: r.warehouseId, now })) === 0) continue;
      await raiseAlert(trx, {
        kind: 'reorder_point', severity: 'warning', targetRole: 'purchasing',
        title: {
          zh: `需补货：${r.sku} ${r.productName}（${r.warehouseName}）可用 ${available} + 在途 ${incoming} = ${position} ${r.baseUnit}，已到再订货点 ${point}`,
          en: `Reorder: ${r.sku} ${r.productName} (${r.warehouseName}) available ${available} + incoming ${incoming} = ${position} ${r.baseUnit}, at or below the reorder point ${point}`,
        },
        entity: 'product', entityId: r.productId, dedupeKey: reorderAlertKey(r),
        data: { warehouseId: r.warehouseId, available, incoming, reorderPoint: point, safetyStock: Number(r.safetyStock) },
      });
      // The crossing's time is in the key: this crossing is told once, the next one again.
      await enqueue(trx, 'stock.low', {
        productId: r.productId, sku: r.sku, name: r.productName, unit: r.baseUnit, warehouseId: r.warehouseId, warehouseName: r.warehouseName,
        available, incoming, reorderPoint: point, safetyStock: Number(r.safetyStock),
      }, `stock.low:${r.productId}:${r.warehouseId}:${now}`);
    } else if (r.belowSince != null && (await markAbove.affected(trx, { productId: r.productId, warehouseId: r.warehouseId })) > 0) {
      await resolveAlert(trx, reorderAlertKey(r));
    }
  }
}
