import { sql } from 'kysely';
import type { DbOrTx } from '../db/create-db.js';
import { DomainError } from './errors.js';

/** A table column that points at an entity; such a row keeps the entity from being deleted. */
export type Reference = { table: string; column: string; zh: string; en: string };

// Modules add the tables that reference master data as they arrive (orders, stock, ...).
const references: Record<string, Reference[]> = {
  category: [
    { table: 'categories', column: 'parent_id', zh: '下级类别', en: 'subcategories' },
    { table: 'products', column: 'category_id', zh: '商品', en: 'products' },
  ],
  product: [
    { table: 'supplier_products', column: 'product_id', zh: '供应商供货清单', en: 'supplier product lists' },
    { table: 'stock_movements', column: 'product_id', zh: '库存流水', en: 'stock movements' },
    { table: 'sales_order_lines', column: 'product_id', zh: '销售订单', en: 'sales orders' },
  ],
  customer: [{ table: 'sales_orders', column: 'customer_id', zh: '销售订单', en: 'sales orders' }],
  supplier: [],
  warehouse: [
    { table: 'stock_movements', column: 'warehouse_id', zh: '库存流水', en: 'stock movements' },
    { table: 'sales_orders', column: 'warehouse_id', zh: '销售订单', en: 'sales orders' },
  ],
};

/** Registers another table that references an entity (called by later modules). */
export function addReference(entity: string, ref: Reference): void {
  (references[entity] ??= []).push(ref);
}

/** The references that hold an entity, with row counts. */
export async function findReferences(db: DbOrTx, entity: string, id: string): Promise<Array<Reference & { count: number }>> {
  const found: Array<Reference & { count: number }> = [];
  for (const ref of references[entity] ?? []) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(ref.table)} where ${sql.ref(ref.column)} = ${id}`.execute(db);
    const count = Number(r.rows[0]?.n ?? 0);
    if (count > 0) found.push({ ...ref, count });
  }
  return found;
}

/** Throws IN_USE (409) naming what references the entity; a caller then offers to deactivate instead. */
export async function assertUnreferenced(db: DbOrTx, entity: string, id: string): Promise<void> {
  const refs = await findReferences(db, entity, id);
  if (refs.length === 0) return;
  const names = { zh: refs.map((r) => r.zh).join('、'), en: refs.map((r) => r.en).join(', ') };
  throw new DomainError('IN_USE', { entity, refs: names }, refs.map((r) => ({ message: `${r.table}.${r.column}`, table: r.table, count: r.count })));
}
