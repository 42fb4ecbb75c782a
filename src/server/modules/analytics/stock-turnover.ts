import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../../db/create-db.js';
import { businessDate } from '../../platform/clock.js';
import { addDays, type Filters } from './filters.js';
import { stockValues } from './inventory-figures.js';
import { dayStart, movementsByTime, namesOf, round2 } from './lookups.js';
import { salesBy } from './sales-source.js';

// Turnover and days of supply (docs/metrics.md "Stock turnover and days of supply"): cost of goods
// sold over the range ÷ the average of the inventory value at its start and end; the value at a past
// moment is today's value less the value the ledger moved since (stock_movements_at_idx).

export type TurnoverBy = 'product' | 'category' | 'warehouse';
type Key = { productId: string; warehouseId: string; categoryId: string };
const keyFor = (by: TurnoverBy, r: Key) => (by === 'product' ? r.productId : by === 'warehouse' ? r.warehouseId : r.categoryId);

/** Movement value (and units) per product × warehouse from a moment on, and from a later one on. */
export async function movedSince(db: DbOrTx, f: Filters, from: string, later: string) {
  const where: RawBuilder<unknown>[] = [sql`m.at >= ${from}`];
  if (f.warehouseId) where.push(sql`m.warehouse_id = ${f.warehouseId}`);
  if (f.productId) where.push(sql`m.product_id = ${f.productId}`);
  if (f.categoryIds) where.push(sql`m.product_id in (select id from products where category_id in (${sql.join(f.categoryIds)}))`);
  const { rows } = await sql<{ productId: string; warehouseId: string; categoryId: string | null; value: unknown; laterValue: unknown }>`
    select x.*, p.category_id as "categoryId" from (
      select m.product_id as "productId", m.warehouse_id as "warehouseId", sum(m.cost_amount) as "value", sum(case when m.at >= ${later} then m.cost_amount else 0 end) as "laterValue"
      from ${movementsByTime(db)} where ${sql.join(where, sql` and `)} group by m.product_id, m.warehouse_id
    ) x join products p on p.id = x."productId"`.execute(db);
  return rows.map((r) => ({ productId: r.productId, warehouseId: r.warehouseId, categoryId: r.categoryId ?? '', value: Number(r.value ?? 0), laterValue: Number(r.laterValue ?? 0) }));
}

/** Turnover, average inventory value and days of supply by product, category or warehouse. */
export async function stockTurnover(db: DbOrTx, f: Filters, by: TurnoverBy) {
  const today = businessDate();
  const [now, moved, sold] = await Promise.all([
    stockValues(db, f),
    movedSince(db, f, dayStart(f.from), dayStart(addDays(f.to, 1))),
    salesBy(db, { ...f, customerId: undefined }, by),
  ]);
  type Row = { opening: number; closing: number; onHand: number; value: number };
  const rows = new Map<string, Row>();
  const row = (k: string) => rows.get(k) ?? rows.set(k, { opening: 0, closing: 0, onHand: 0, value: 0 }).get(k)!;
  for (const r of now) {
    const g = row(keyFor(by, r));
    g.opening += r.value; g.closing += r.value; g.onHand += r.onHand; g.value += r.value;
  }
  for (const m of moved) {
    const g = row(keyFor(by, m));
    g.opening -= m.value; g.closing -= m.laterValue;
  }
  for (const k of sold.keys()) row(k);
  const names = await namesOf(db, by, rows.keys());
  const figure = (k: string | null, g: Row, cogs: number, units: number) => {
    const average = (g.opening + g.closing) / 2;
    const daily = units / f.days;
    return {
      id: k, code: k ? names.get(k)?.code ?? null : null, name: k ? names.get(k)?.name ?? null : null,
      cogs, unitsSold: units, openingValue: g.opening, closingValue: g.closing, averageValue: Math.round(average),
      turnover: average > 0 ? round2(cogs / average) : null,
      daysOfInventory: cogs > 0 ? round2((average * f.days) / cogs) : null,
      onHand: g.onHand, value: g.value, dailyUnits: round2(daily), daysOfSupply: daily > 0 ? round2(g.onHand / daily) : null,
    };
  };
  const list = [...rows.entries()].map(([k, g]) => {
    const s = sold.get(k);
    return figure(k === '' ? null : k, g, s?.cost ?? 0, s ? s.quantity - s.returnedQuantity : 0);
  }).sort((a, b) => b.cogs - a.cogs || b.value - a.value);
  const total = [...rows.values()].reduce((t, g) => ({ opening: t.opening + g.opening, closing: t.closing + g.closing, onHand: t.onHand + g.onHand, value: t.value + g.value }), { opening: 0, closing: 0, onHand: 0, value: 0 });
  const soldTotal = [...sold.values()].reduce((t, s) => ({ cost: t.cost + s.cost, units: t.units + s.quantity - s.returnedQuantity }), { cost: 0, units: 0 });
  return {
    by, from: f.from, to: f.to, days: f.days, asOf: today,
    ignoredFilters: f.customerId ? ['customerId'] : [],
    total: figure(null, total, soldTotal.cost, soldTotal.units),
    rows: list,
  };
}
