import type { DbOrTx } from '../../db/create-db.js';
import { prepared } from '../../db/prepared.js';
import { DomainError, type ErrorDetail } from '../../platform/errors.js';
import { percentToBp } from './sales-order.js';
import type { SalesOrderInput } from './sales-order.schemas.js';

type Product = { id: string; sku: string; name: string; status: string; baseUnit: string; listPrice: number; wholesalePrice: number | null; taxRate: number };
export type OrderContext = {
  customerName: string;
  priceTier: string;
  warehouseId: string;
  defaultAddress: unknown;
  products: Map<string, Product>;
  units: Map<string, Map<string, number>>;
  warehouses: Map<string, string>;
};

// Every order entry reads these: built once (see db/prepared.ts).
const customerById = prepared((db, a: { id: string }) => db.selectFrom('customers').select(['id', 'name', 'status', 'priceTier', 'addresses']).where('id', '=', a.id));
const activeWarehouses = prepared((db, _: Record<string, never>) => db.selectFrom('warehouses').select('id').where('status', '=', 'active').orderBy('isDefault', 'desc').orderBy('code'));
const productsWithUnits = prepared((db, a: { ids: string[] }) =>
  db.selectFrom('products as p').leftJoin('productUnits as u', 'u.productId', 'p.id')
    .select(['p.id', 'p.sku', 'p.name', 'p.status', 'p.baseUnit', 'p.listPrice', 'p.wholesalePrice', 'p.taxRate', 'u.name as unitName', 'u.factor'])
    .where('p.id', 'in', a.ids));

const bad = (details: ErrorDetail[]) => new DomainError('VALIDATION_FAILED', { summary: details.map((d) => d.field).join(', ') }, details);

/** Reads the customer, warehouses, products and pack units an order refers to (a few queries, not one per line). */
export async function loadOrderContext(trx: DbOrTx, input: SalesOrderInput): Promise<OrderContext> {
  const customer = await customerById.first(trx, { id: input.customerId });
  if (!customer) throw new DomainError('NOT_FOUND', { entity: 'customer' }, [{ field: 'customerId', message: { zh: '客户不存在', en: 'No such customer' } }]);
  if (customer.status !== 'active') throw new DomainError('INACTIVE', { entity: 'customer', name: customer.name }, [{ field: 'customerId', message: { zh: '客户已停用', en: 'Customer is deactivated' } }]);
  // Active warehouses, the default first (then by code): the fallback when the order names none.
  const active = await activeWarehouses.rows(trx, {});
  const warehouses = new Map(active.map((w) => [w.id, w.id]));
  const fallback = active[0]?.id;
  const warehouseId = input.warehouseId ?? fallback;
  if (!warehouseId || !warehouses.has(warehouseId)) {
    throw new DomainError('NOT_FOUND', { entity: 'warehouse' }, [{ field: 'warehouseId', message: { zh: '仓库不存在或已停用', en: 'No such active warehouse' } }]);
  }
  const ids = [...new Set(input.lines.map((l) => l.productId))];
  // Products and their pack units in one query (a row per unit; a product without units has one row with nulls).
  const rows = await productsWithUnits.rows(trx, { ids });
  const products = new Map<string, Product>();
  const units = new Map<string, Map<string, number>>();
  for (const { unitName, factor, ...p } of rows) {
    products.set(p.id, p);
    if (unitName == null || factor == null) continue;
    if (!units.has(p.id)) units.set(p.id, new Map());
    units.get(p.id)?.set(unitName, factor);
  }
  const addresses = JSON.parse(customer.addresses) as Array<Record<string, unknown>>;
  const def = addresses.find((a) => a.isDefault) ?? addresses[0] ?? null;
  const defaultAddress = def ? Object.fromEntries(Object.entries(def).filter(([k]) => k !== 'isDefault' && k !== 'label')) : null;
  return { customerName: customer.name, priceTier: customer.priceTier, warehouseId, defaultAddress, products, units, warehouses };
}

export type ResolvedLine = { productId: string; warehouseId: string; unitName: string; factor: number; quantity: number; unitPrice: number; discountBp: number; taxRate: number };

/**
 * Fills each line's unit (factor), warehouse, price (customer tier → wholesale or list, × factor),
 * tax rate and discount; collects every line's error before refusing.
 */
export function resolveLines(ctx: OrderContext, input: SalesOrderInput, err: (i: number, field: string, zh: string, en: string) => ErrorDetail): ResolvedLine[] {
  const errors: ErrorDetail[] = [];
  const lines = input.lines.map((l, i) => {
    const p = ctx.products.get(l.productId);
    if (!p) {
      errors.push(err(i, 'productId', '商品不存在', 'No such product'));
      return null;
    }
    if (p.status !== 'active') errors.push(err(i, 'productId', `商品「${p.name}」已停用`, `Product "${p.name}" is deactivated`));
    const unitName = l.unit ?? p.baseUnit;
    const factor = unitName === p.baseUnit ? 1 : ctx.units.get(p.id)?.get(unitName);
    if (!factor) {
      errors.push(err(i, 'unit', `商品「${p.name}」没有单位「${unitName}」`, `Product "${p.name}" has no unit "${unitName}"`));
      return null;
    }
    const warehouseId = l.warehouseId ?? ctx.warehouseId;
    if (!ctx.warehouses.has(warehouseId)) errors.push(err(i, 'warehouseId', '仓库不存在或已停用', 'No such active warehouse'));
    const basePrice = ctx.priceTier === 'wholesale' || ctx.priceTier === 'vip' ? (p.wholesalePrice ?? p.listPrice) : p.listPrice;
    if (!Number.isSafeInteger(l.quantity * factor)) errors.push(err(i, 'quantity', '数量过大', 'Quantity too large'));
    return {
      productId: p.id, warehouseId, unitName, factor, quantity: l.quantity, unitPrice: l.unitPrice ?? basePrice * factor,
      discountBp: percentToBp(l.discountPercent ?? 0), taxRate: l.taxRate ?? p.taxRate,
    };
  });
  if (errors.length) throw errors.some((e) => e.field?.endsWith('productId') && typeof e.message === 'object' && e.message.en === 'No such product') ? new DomainError('NOT_FOUND', { entity: 'product' }, errors) : bad(errors);
  return lines as ResolvedLine[];
}
