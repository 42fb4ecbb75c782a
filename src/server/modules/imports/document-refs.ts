import { sql } from 'kysely';
import type { Tx } from '../../db/create-db.js';
import { DomainError, type ErrorDetail } from '../../platform/errors.js';
import { translate } from '../../platform/i18n.js';
import type { Text2 } from './cells.js';
import type { RowProblem } from './rows.js';

// Lookups a document import needs, a few queries per file rather than one per row.

const CHUNK = 500;

async function inChunks<T>(values: string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  const unique = [...new Set(values)];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...(await load(unique.slice(i, i + CHUNK))));
  return out;
}

export type WarehouseRef = { id: string; code: string; name: string; status: string };

/** Finds a warehouse by code, else by name (case-insensitive when there is no exact match). */
export async function warehouseFinder(trx: Tx): Promise<(text: string) => WarehouseRef | undefined> {
  const all = await trx.selectFrom('warehouses').select(['id', 'code', 'name', 'status']).orderBy('code').execute();
  const lower = (s: string) => s.toLowerCase();
  return (text) =>
    all.find((w) => w.code === text) ?? all.find((w) => w.name === text) ??
    all.find((w) => lower(w.code) === lower(text)) ?? all.find((w) => lower(w.name) === lower(text));
}

export type ProductRef = { id: string; sku: string; name: string; status: string; baseUnit: string; /** Set when found by a pack unit's barcode. */ unitName: string | null };

/** Products by SKU, else by barcode (a pack unit's barcode also names the unit). */
export async function findProducts(trx: Tx, codes: string[]): Promise<Map<string, ProductRef>> {
  const out = new Map<string, ProductRef>();
  const bySku = await inChunks(codes, (c) => trx.selectFrom('products').select(['id', 'sku', 'name', 'status', 'baseUnit']).where('sku', 'in', c).execute());
  for (const p of bySku) out.set(p.sku, { ...p, unitName: null });
  const rest = codes.filter((c) => !out.has(c));
  const byBarcode = await inChunks(rest, (c) =>
    trx.selectFrom('productBarcodes as b').innerJoin('products as p', 'p.id', 'b.productId').leftJoin('productUnits as u', 'u.id', 'b.unitId')
      .select(['b.barcode', 'p.id', 'p.sku', 'p.name', 'p.status', 'p.baseUnit', 'u.name as unitName']).where('b.barcode', 'in', c).execute());
  for (const { barcode, ...p } of byBarcode) out.set(barcode, p);
  return out;
}

/** Customers by code. */
export async function findCustomers(trx: Tx, codes: string[]): Promise<Map<string, { id: string; name: string; status: string }>> {
  const rows = await inChunks(codes, (c) => trx.selectFrom('customers').select(['id', 'code', 'name', 'status']).where('code', 'in', c).execute());
  return new Map(rows.map((r) => [r.code, r]));
}

/** Bins of some warehouses, keyed `warehouseId code`. */
export async function findBins(trx: Tx, warehouseIds: string[]): Promise<Map<string, string>> {
  const rows = await inChunks(warehouseIds, (c) => trx.selectFrom('bins').select(['id', 'warehouseId', 'code']).where('warehouseId', 'in', c).execute());
  return new Map(rows.map((b) => [`${b.warehouseId} ${b.code}`, b.id]));
}

let savepoints = 0;

/**
 * Runs `work` inside a savepoint of the caller's transaction and undoes it when it throws, so one
 * failed document neither leaves half its writes behind nor (on PostgreSQL) aborts the import.
 */
export async function inSavepoint<T>(trx: Tx, work: () => Promise<T>): Promise<T> {
  const name = sql.raw(`import_doc_${++savepoints % 1_000_000}`);
  await sql`savepoint ${name}`.execute(trx);
  try {
    const out = await work();
    await sql`release savepoint ${name}`.execute(trx);
    return out;
  } catch (err) {
    await sql`rollback to savepoint ${name}`.execute(trx);
    await sql`release savepoint ${name}`.execute(trx);
    throw err;
  }
}

const both = (err: DomainError): Text2 => ({ zh: translate(err.code, 'zh-CN', err.params), en: translate(err.code, 'en', err.params) });

/**
 * A service's DomainError as problems on file rows: a detail on `lines.{i}.{field}` belongs to the
 * row of line i (field renamed by `fieldOf`); anything else belongs to `headRow`.
 */
export function problemsFromError(err: DomainError, lineRows: number[], headRow: number, fieldOf: (inputField: string) => string | null): Array<{ row: number; problem: RowProblem }> {
  const details = Array.isArray(err.details) ? (err.details as ErrorDetail[]) : [];
  if (details.length === 0) return [{ row: headRow, problem: { field: null, message: both(err) } }];
  return details.map((d) => {
    const m = /^lines\.(\d+)\.?(.*)$/.exec(d.field ?? '');
    const row = m ? (lineRows[Number(m[1])] ?? headRow) : headRow;
    const field = m ? fieldOf(m[2] || 'productId') : d.field ? fieldOf(d.field) : null;
    const own = typeof d.message === 'object' ? d.message : null;
    const message = err.code === 'INSUFFICIENT_STOCK' && own
      ? { zh: `库存不足：${own.zh}`, en: `Not enough stock: ${own.en}` }
      : err.code === 'OPENING_EXISTS' && typeof d.sku === 'string'
        // Each row names its own product, not the document's "… and 2 more".
        ? both(new DomainError('OPENING_EXISTS', { ...err.params, product: `${d.sku} ${String(d.productName ?? '')}`.trim() }))
        : err.code === 'OPENING_EXISTS' || !own ? both(err) : own;
    return { row, problem: { field, message } };
  });
}
