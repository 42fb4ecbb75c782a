import { sql } from 'kysely';
import type { Db, DbOrTx, Tx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { paginate } from '../../platform/list.js';
import { resolveAlert } from '../alerts/index.js';
import { checkReorderPoints, reorderAlertKey } from './reorder-check.js';
import type { ReorderRuleInput } from './replenishment.schemas.js';

const incomingSql = sql<number>`(select coalesce(sum(case when l.base_quantity > l.received then l.base_quantity - l.received else 0 end), 0)
  from purchase_order_lines l join purchase_orders o on o.id = l.order_id
  where l.product_id = r.product_id and l.warehouse_id = r.warehouse_id and o.status in ('ordered', 'partially_received'))`;

const ruleQuery = (db: DbOrTx) => db.selectFrom('reorderRules as r')
  .innerJoin('products as p', 'p.id', 'r.productId')
  .innerJoin('warehouses as w', 'w.id', 'r.warehouseId')
  .leftJoin('suppliers as s', 's.id', 'r.supplierId')
  .leftJoin('stockLevels as sl', (j) => j.onRef('sl.productId', '=', 'r.productId').onRef('sl.warehouseId', '=', 'r.warehouseId'))
  .select(['r.productId', 'p.sku', 'p.name as productName', 'p.baseUnit', 'r.warehouseId', 'w.name as warehouseName', 'r.method', 'r.reorderPoint', 'r.safetyStock', 'r.maxStock',
    'r.supplierId', 's.name as supplierName', 'r.belowSince', 'r.updatedAt'])
  .select([sql<number>`coalesce(sl.on_hand - sl.reserved, 0)`.as('available'), incomingSql.as('incoming')]);

type RuleRow = Awaited<ReturnType<ReturnType<typeof ruleQuery>['execute']>>[number];
const view = (r: RuleRow) => {
  const available = Number(r.available);
  const incoming = Number(r.incoming);
  return {
    ...r, method: r.method as 'reorder_point' | 'min_max', reorderPoint: Number(r.reorderPoint), safetyStock: Number(r.safetyStock), maxStock: r.maxStock == null ? null : Number(r.maxStock),
    available, incoming, below: available + incoming <= Number(r.reorderPoint),
  };
};

/** One rule with available and incoming now; NOT_FOUND when the pair has none. */
export async function getReorderRule(db: DbOrTx, productId: string, warehouseId: string) {
  const r = await ruleQuery(db).where('r.productId', '=', productId).where('r.warehouseId', '=', warehouseId).executeTakeFirst();
  if (!r) throw new DomainError('NOT_FOUND', { entity: 'reorderRule' });
  return view(r);
}

/** Rules with their position now, by SKU then warehouse. */
export async function listReorderRules(db: Db, f: { page: number; pageSize: number; q?: string; productId?: string; warehouseId?: string; below?: string }) {
  let q = ruleQuery(db);
  if (f.productId) q = q.where('r.productId', '=', f.productId);
  if (f.warehouseId) q = q.where('r.warehouseId', '=', f.warehouseId);
  if (f.q) q = q.where((eb) => eb.or([eb('p.sku', 'like', `%${f.q}%`), eb('p.name', 'like', `%${f.q}%`)]));
  const position = sql<number>`coalesce(sl.on_hand - sl.reserved, 0) + ${incomingSql}`;
  if (f.below === 'true') q = q.where(sql<boolean>`${position} <= r.reorder_point`);
  if (f.below === 'false') q = q.where(sql<boolean>`${position} > r.reorder_point`);
  const page = await paginate(q, q.orderBy('p.sku').orderBy('w.name'), f);
  return { ...page, items: page.items.map(view) };
}

/**
 * Sets the rule of a product × warehouse (再订货点 + 安全库存, or 最低/最高库存), replacing any, and
 * checks it at once: a pair already at or below its point alerts now.
 */
export async function setReorderRule(trx: Tx, actor: Actor, input: ReorderRuleInput) {
  const p = await trx.selectFrom('products').select(['id', 'name']).where('id', '=', input.productId).executeTakeFirst();
  if (!p) throw new DomainError('NOT_FOUND', { entity: 'product' }, [{ field: 'productId', message: { zh: '商品不存在', en: 'No such product' } }]);
  const w = await trx.selectFrom('warehouses').select(['id', 'name', 'status']).where('id', '=', input.warehouseId).executeTakeFirst();
  if (!w) throw new DomainError('NOT_FOUND', { entity: 'warehouse' }, [{ field: 'warehouseId', message: { zh: '仓库不存在', en: 'No such warehouse' } }]);
  if (input.supplierId && !(await trx.selectFrom('suppliers').select('id').where('id', '=', input.supplierId).executeTakeFirst())) {
    throw new DomainError('NOT_FOUND', { entity: 'supplier' }, [{ field: 'supplierId', message: { zh: '供应商不存在', en: 'No such supplier' } }]);
  }
  const minMax = input.min !== undefined;
  const now = nowIso();
  const values = {
    method: minMax ? 'min_max' : 'reorder_point', reorderPoint: (minMax ? input.min : input.reorderPoint) ?? 0, safetyStock: input.safetyStock ?? 0,
    maxStock: minMax ? (input.max ?? null) : null, supplierId: input.supplierId ?? null, updatedAt: now,
  };
  const before = await trx.selectFrom('reorderRules').selectAll().where('productId', '=', input.productId).where('warehouseId', '=', input.warehouseId).executeTakeFirst();
  await trx.insertInto('reorderRules').values({ productId: input.productId, warehouseId: input.warehouseId, ...values, belowSince: null, createdAt: now })
    .onConflict((oc) => oc.columns(['productId', 'warehouseId']).doUpdateSet(values)).execute();
  await checkReorderPoints(trx, [{ productId: input.productId, warehouseId: input.warehouseId }]);
  const after = await getReorderRule(trx, input.productId, input.warehouseId);
  await writeAudit(trx, actor, { action: before ? 'update' : 'create', entity: 'reorderRule', entityId: `${input.productId}:${input.warehouseId}`, summary: `${p.name} @ ${w.name}`, before, after });
  return { created: !before, rule: after };
}

/** Removes a pair's rule and closes its open alert. */
export async function deleteReorderRule(trx: Tx, actor: Actor, productId: string, warehouseId: string) {
  const before = await getReorderRule(trx, productId, warehouseId);
  await trx.deleteFrom('reorderRules').where('productId', '=', productId).where('warehouseId', '=', warehouseId).execute();
  await resolveAlert(trx, reorderAlertKey({ productId, warehouseId }));
  await writeAudit(trx, actor, { action: 'delete', entity: 'reorderRule', entityId: `${productId}:${warehouseId}`, summary: `${before.sku} @ ${before.warehouseName}`, before });
}
