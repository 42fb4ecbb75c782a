import { sql } from 'kysely';
import type { DbOrTx } from '../../db/create-db.js';
import type { StockTransferLineTable } from '../../db/schema-stock-documents.js';
import { inChunks } from '../../platform/batch.js';
import { DomainError } from '../../platform/errors.js';

// Queries of transfers and counts: reference checks and set-based writes of their lines.

/** The warehouse, when it exists and is active; else NOT_FOUND / INACTIVE naming `field`. */
export async function activeWarehouse(db: DbOrTx, id: string, field: string) {
  const w = await db.selectFrom('warehouses').select(['id', 'name', 'status']).where('id', '=', id).executeTakeFirst();
  if (!w) throw new DomainError('NOT_FOUND', { entity: 'warehouse' }, [{ field, message: { zh: '仓库不存在', en: 'No such warehouse' } }]);
  if (w.status !== 'active') throw new DomainError('INACTIVE', { entity: 'warehouse', name: w.name }, [{ field, message: { zh: '仓库已停用', en: 'Warehouse is deactivated' } }]);
  return w;
}

/** Checks that every product of `lines.N.productId` exists and is active; the first failure is named. */
export async function activeProducts(db: DbOrTx, ids: string[]) {
  const found = new Map((await inChunks([...new Set(ids)], (chunk) => db.selectFrom('products').select(['id', 'name', 'status']).where('id', 'in', chunk).execute())).map((p) => [p.id, p]));
  for (const [i, id] of ids.entries()) {
    const p = found.get(id);
    if (!p) throw new DomainError('NOT_FOUND', { entity: 'product' }, [{ field: `lines.${i}.productId`, message: { zh: '商品不存在', en: 'No such product' } }]);
    if (p.status !== 'active') throw new DomainError('INACTIVE', { entity: 'product', name: p.name }, [{ field: `lines.${i}.productId`, message: { zh: '商品已停用', en: 'Product is deactivated' } }]);
  }
}

/** Base units in transit (shipped − received − returned on open transfers) per product × destination warehouse, keyed `product\0warehouse`. */
export async function inTransitByLevel(db: DbOrTx, productIds: string[]): Promise<Map<string, number>> {
  const rows = await inChunks([...new Set(productIds)], (chunk) => db.selectFrom('stockTransferLines as l').innerJoin('stockTransfers as t', 't.id', 'l.transferId')
    .select(['l.productId', 't.toWarehouseId', (eb) => eb.fn.sum<number>(sql`l.shipped - l.received - l.returned`).as('inTransit')])
    .where('t.status', 'in', ['in_transit', 'partially_received']).where('l.productId', 'in', chunk)
    .groupBy(['l.productId', 't.toWarehouseId']).execute());
  return new Map(rows.map((r) => [`${r.productId}\u0000${r.toWarehouseId}`, Number(r.inTransit)]));
}

const ROWS = 1000;

/** Writes whole transfer lines, new or changed, 1,000 rows per statement. */
export async function upsertTransferLines(db: DbOrTx, rows: StockTransferLineTable[]) {
  for (let i = 0; i < rows.length; i += ROWS) {
    await db.insertInto('stockTransferLines').values(rows.slice(i, i + ROWS))
      .onConflict((oc) => oc.column('id').doUpdateSet({
        shipped: sql`excluded.shipped`, received: sql`excluded.received`, returned: sql`excluded.returned`,
        unitCost: sql`excluded.unit_cost`, costAmount: sql`excluded.cost_amount`, receivedCost: sql`excluded.received_cost`,
      }))
      .execute();
  }
}
