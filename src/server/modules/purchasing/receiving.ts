import type { DbOrTx } from '../../db/create-db.js';
import { DomainError, type ErrorDetail } from '../../platform/errors.js';

// Receiving helpers: what a scanned code is, and which bin goods should go to (上架建议).

/** A scanned product and the unit the code stands for (the base unit for a base barcode or a SKU). */
export type Scanned = { productId: string; unitName: string };

/**
 * Scanned codes of receipt lines: a product barcode (its pack unit, when the barcode is a pack's)
 * or a SKU. One query for barcodes and one for SKUs; BARCODE_UNKNOWN naming every unknown line.
 */
export async function resolveCodes(db: DbOrTx, codes: Array<string | undefined>): Promise<Array<Scanned | null>> {
  const wanted = [...new Set(codes.filter((c): c is string => Boolean(c)))];
  if (wanted.length === 0) return codes.map(() => null);
  const byBarcode = new Map((await db.selectFrom('productBarcodes as b').innerJoin('products as p', 'p.id', 'b.productId').leftJoin('productUnits as u', 'u.id', 'b.unitId')
    .select(['b.barcode', 'b.productId', 'u.name as unitName', 'p.baseUnit']).where('b.barcode', 'in', wanted).execute())
    .map((r) => [r.barcode, { productId: r.productId, unitName: r.unitName ?? r.baseUnit }]));
  const rest = wanted.filter((c) => !byBarcode.has(c));
  const bySku = new Map(rest.length ? (await db.selectFrom('products').select(['sku', 'id', 'baseUnit']).where('sku', 'in', rest).execute()).map((p) => [p.sku, { productId: p.id, unitName: p.baseUnit }]) : []);
  const unknown: ErrorDetail[] = [];
  const out = codes.map((c, i) => {
    if (!c) return null;
    const hit = byBarcode.get(c) ?? bySku.get(c);
    if (!hit) unknown.push({ field: `lines.${i}.barcode`, message: { zh: '未知条码', en: 'Unknown barcode' } });
    return hit ?? null;
  });
  if (unknown.length) throw new DomainError('BARCODE_UNKNOWN', { barcode: codes[Number(unknown[0].field?.split('.')[1])] ?? '' }, unknown);
  return out;
}

export type SuggestedBin = { binId: string; binCode: string };

/**
 * Where each product should be put away in a warehouse: its assigned default bin, else the bin
 * its stock last came in at. Keyed by product id; products with neither are absent.
 */
export async function suggestBins(db: DbOrTx, warehouseId: string, productIds: string[]): Promise<Map<string, SuggestedBin>> {
  const out = new Map<string, SuggestedBin>();
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return out;
  const fromLedger = await db.selectFrom('stockMovements as m').innerJoin('bins as b', 'b.id', 'm.binId')
    .select(['m.productId', 'b.id as binId', 'b.code as binCode'])
    .where('m.warehouseId', '=', warehouseId).where('m.productId', 'in', ids).where('m.quantity', '>', 0).where('b.status', '=', 'active')
    .orderBy('m.at').orderBy('m.id').execute();
  for (const r of fromLedger) out.set(r.productId, { binId: r.binId, binCode: r.binCode });
  const assigned = await db.selectFrom('productBins as pb').innerJoin('bins as b', 'b.id', 'pb.binId')
    .select(['pb.productId', 'b.id as binId', 'b.code as binCode']).where('pb.warehouseId', '=', warehouseId).where('pb.productId', 'in', ids).execute();
  for (const r of assigned) out.set(r.productId, { binId: r.binId, binCode: r.binCode });
  return out;
}
