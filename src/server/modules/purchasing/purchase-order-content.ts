import type { DbOrTx } from '../../db/create-db.js';
import type { PurchaseOrderLineTable } from '../../db/schema-purchasing.js';
import { DomainError, type ErrorDetail } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { priceOrder } from '../sales/index.js';
import type { PurchaseOrderInput } from './purchasing.schemas.js';

type Product = { id: string; sku: string; name: string; status: string; baseUnit: string; costPrice: number; taxRate: number };
export type LineRow = PurchaseOrderLineTable & { sku: string; productName: string; baseUnit: string };
export type OrderContent = { supplierName: string; warehouseId: string; lines: LineRow[]; gross: number; net: number; tax: number; total: number };

const lineError = (i: number, field: string, zh: string, en: string): ErrorDetail => ({ field: `lines.${i}.${field}`, message: { zh, en } });
const invalid = (details: ErrorDetail[]) => new DomainError('VALIDATION_FAILED', { summary: details.map((d) => d.field).join(', ') }, details);

/** The supplier, or NOT_FOUND / INACTIVE naming `supplierId`. */
export async function activeSupplier(db: DbOrTx, supplierId: string, field = 'supplierId') {
  const s = await db.selectFrom('suppliers').select(['id', 'name', 'status']).where('id', '=', supplierId).executeTakeFirst();
  if (!s) throw new DomainError('NOT_FOUND', { entity: 'supplier' }, [{ field, message: { zh: '供应商不存在', en: 'No such supplier' } }]);
  if (s.status !== 'active') throw new DomainError('INACTIVE', { entity: 'supplier', name: s.name }, [{ field, message: { zh: '供应商已停用', en: 'Supplier is deactivated' } }]);
  return s;
}

/** Active warehouses, the default first: the fallback when an order names none. */
async function activeWarehouses(db: DbOrTx) {
  return (await db.selectFrom('warehouses').select('id').where('status', '=', 'active').orderBy('isDefault', 'desc').orderBy('code').execute()).map((w) => w.id);
}

/** Products and their pack units (one query, a row per unit). */
export async function productsWithUnits(db: DbOrTx, ids: string[]) {
  const rows = await db.selectFrom('products as p').leftJoin('productUnits as u', 'u.productId', 'p.id')
    .select(['p.id', 'p.sku', 'p.name', 'p.status', 'p.baseUnit', 'p.costPrice', 'p.taxRate', 'u.name as unitName', 'u.factor'])
    .where('p.id', 'in', ids.length ? ids : ['']).execute();
  const products = new Map<string, Product>();
  const units = new Map<string, Map<string, number>>();
  for (const { unitName, factor, ...p } of rows) {
    products.set(p.id, p);
    if (unitName == null || factor == null) continue;
    if (!units.has(p.id)) units.set(p.id, new Map());
    units.get(p.id)?.set(unitName, factor);
  }
  /** The factor of `unit` (the base unit is 1), or undefined when the product has no such unit. */
  const factorOf = (p: Product, unit: string) => (unit === p.baseUnit ? 1 : units.get(p.id)?.get(unit));
  return { products, factorOf };
}

/**
 * Resolves and prices an order's lines: supplier, warehouse, each line's product, unit (factor),
 * price (given, else the supplier's price, else the cost price, × factor) and tax rate. Every
 * line's error is collected before refusing.
 */
export async function buildOrderContent(db: DbOrTx, orderId: string, input: PurchaseOrderInput): Promise<OrderContent> {
  const supplier = await activeSupplier(db, input.supplierId);
  const warehouses = await activeWarehouses(db);
  const warehouseId = input.warehouseId ?? warehouses[0];
  if (!warehouseId || !warehouses.includes(warehouseId)) {
    throw new DomainError('NOT_FOUND', { entity: 'warehouse' }, [{ field: 'warehouseId', message: { zh: '仓库不存在或已停用', en: 'No such active warehouse' } }]);
  }
  const ids = [...new Set(input.lines.map((l) => l.productId))];
  const { products, factorOf } = await productsWithUnits(db, ids);
  const supplierPrices = new Map((await db.selectFrom('supplierProducts').select(['productId', 'price']).where('supplierId', '=', supplier.id).where('productId', 'in', ids).execute())
    .map((r) => [r.productId, r.price]));
  const errors: ErrorDetail[] = [];
  let unknown = false;
  const resolved = input.lines.map((l, i) => {
    const p = products.get(l.productId);
    if (!p) {
      unknown = true;
      errors.push(lineError(i, 'productId', '商品不存在', 'No such product'));
      return null;
    }
    if (p.status !== 'active') errors.push(lineError(i, 'productId', `商品「${p.name}」已停用`, `Product "${p.name}" is deactivated`));
    const unitName = l.unit ?? p.baseUnit;
    const factor = factorOf(p, unitName);
    if (!factor) {
      errors.push(lineError(i, 'unit', `商品「${p.name}」没有单位「${unitName}」`, `Product "${p.name}" has no unit "${unitName}"`));
      return null;
    }
    const lineWarehouse = l.warehouseId ?? warehouseId;
    if (!warehouses.includes(lineWarehouse)) errors.push(lineError(i, 'warehouseId', '仓库不存在或已停用', 'No such active warehouse'));
    if (!Number.isSafeInteger(l.quantity * factor)) errors.push(lineError(i, 'quantity', '数量过大', 'Quantity too large'));
    const basePrice = supplierPrices.get(p.id) || p.costPrice;
    return { p, unitName, factor, warehouseId: lineWarehouse, quantity: l.quantity, unitPrice: l.unitPrice ?? basePrice * factor, taxRate: l.taxRate ?? p.taxRate, expectedDate: l.expectedDate ?? null };
  });
  if (errors.length) throw unknown ? new DomainError('NOT_FOUND', { entity: 'product' }, errors) : invalid(errors);
  const lines = resolved as NonNullable<(typeof resolved)[number]>[];
  const priced = priceOrder(lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unitPrice, taxRate: l.taxRate })), { pricesIncludeTax: input.pricesIncludeTax });
  return {
    supplierName: supplier.name, warehouseId, gross: priced.gross, net: priced.net, tax: priced.tax, total: priced.total,
    lines: lines.map((l, i) => ({
      id: newId(), orderId, lineNo: i + 1, productId: l.p.id, warehouseId: l.warehouseId, unitName: l.unitName, factor: l.factor, quantity: l.quantity,
      baseQuantity: l.quantity * l.factor, unitPrice: l.unitPrice, taxRate: l.taxRate, gross: priced.lines[i].gross, net: priced.lines[i].net,
      tax: priced.lines[i].tax, total: priced.lines[i].total, expectedDate: l.expectedDate, received: 0, sku: l.p.sku, productName: l.p.name, baseUnit: l.p.baseUnit,
    })),
  };
}

/** Writes an order's lines (after any old ones were deleted). */
export async function insertLines(db: DbOrTx, rows: LineRow[]): Promise<void> {
  await db.insertInto('purchaseOrderLines').values(rows.map(({ sku: _s, productName: _n, baseUnit: _u, ...l }) => l)).execute();
}
