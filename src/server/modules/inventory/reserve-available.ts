import { sql } from 'kysely';
import type { Tx } from '../../db/create-db.js';
import type { Actor } from '../../platform/actor.js';
import { changeStock, type StockSource } from './stock-ledger.js';

export type ReserveRequest = { productId: string; warehouseId: string; sourceLineId: string; quantity: number };

/**
 * Reserves as much of each request as is available now (for backorders: reserve what is there,
 * the rest waits). Each grant goes through changeStock's conditional update; if another
 * transaction took stock between the read and the write, it reads again (bounded), so it never
 * oversells. Returns the granted quantity per request, in order.
 */
export async function reserveAvailable(trx: Tx, actor: Actor, source: StockSource, requests: ReserveRequest[]): Promise<number[]> {
  const order = requests.map((r, i) => ({ r, i })).sort((a, b) => (a.r.productId + a.r.warehouseId < b.r.productId + b.r.warehouseId ? -1 : 1));
  const granted = requests.map(() => 0);
  for (const { r, i } of order) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const level = await trx.selectFrom('stockLevels').select(sql<number>`on_hand - reserved`.as('available')).where('productId', '=', r.productId).where('warehouseId', '=', r.warehouseId).executeTakeFirst();
      const grant = Math.min(r.quantity, Math.max(0, Number(level?.available ?? 0)));
      if (grant === 0) break;
      try {
        await changeStock(trx, actor, source, { reservations: [{ productId: r.productId, warehouseId: r.warehouseId, sourceLineId: r.sourceLineId, delta: grant }] });
        granted[i] = grant;
        break;
      } catch (err) {
        if ((err as { code?: string }).code !== 'INSUFFICIENT_STOCK') throw err;
      }
    }
  }
  return granted;
}
