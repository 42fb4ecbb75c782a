import type { Kysely } from 'kysely';

// Demand forecasts (issue 7): the last forecast run's result per product × warehouse, read by the
// dashboard and by replenishment (docs/forecast.md).
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('demand_forecasts')
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('demand_class', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('history_weeks', 'integer', (c) => c.notNull())
    .addColumn('first_week', 'text', (c) => c.notNull())
    .addColumn('weekly', 'text', (c) => c.notNull())
    .addColumn('holdout', 'integer', (c) => c.notNull())
    .addColumn('abs_error', 'double precision', (c) => c.notNull())
    .addColumn('actual_sum', 'double precision', (c) => c.notNull())
    .addColumn('wape', 'double precision')
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('demand_forecasts_pk', ['product_id', 'warehouse_id'])
    .execute();
}
