import { sql, SqliteAdapter } from 'kysely';
import type { DbOrTx, Tx } from '../db/create-db.js';
import { prepared } from '../db/prepared.js';
import { businessDate, nowIso } from './clock.js';

// Running totals of a monthly rollup (migration 0026, docs/decisions.md §26): the prefix of month M
// holds, per key, the rollup summed over every month before M. A sum over months [A, B] is then
// prefix(B + 1) − prefix(A), two reads of one row per key however many months lie between.
//
// - A prefix is made on first use, only for a month already begun (later months still change with
//   every document), from the nearest earlier prefix plus the rollup months between.
// - rollup_prefix_months lists the prefixes that hold. A writer that adds to a rollup month X
//   removes, after its rollup write and in its transaction, the listing of every month after X
//   (forgetPrefixesAfter); documents are dated now, so that is nothing but for backdated imports.
// - On PostgreSQL a prefix is made under a SHARE ROW EXCLUSIVE lock of rollup_prefix_months, which
//   waits for writers still holding their delete's lock and makes them wait: a writer's rollup
//   rows are either in the prefix or its delete removes the listing once the prefix commits.

export type PrefixSpec = {
  /** Its name in rollup_prefix_months. */
  name: string;
  rollup: string;
  prefix: string;
  /** Key columns besides the month. */
  keys: readonly string[];
  /** Summed columns. */
  measures: readonly string[];
  /** Prefix columns summed from an expression of a rollup row (squares: 'quantity * quantity'). */
  derived?: Readonly<Record<string, string>>;
};

const salesMeasures = ['quantity', 'net', 'cost', 'costed_net', 'returned_quantity', 'returned_net', 'lines'] as const;

export const prefixSpecs = {
  stockValue: { name: 'stock_value_months', rollup: 'stock_value_months', prefix: 'stock_value_prefixes', keys: ['product_id', 'warehouse_id'], measures: ['quantity', 'value'] },
  salesProducts: {
    name: 'sales_monthly_product_totals', rollup: 'sales_monthly_product_totals', prefix: 'sales_product_prefixes', keys: ['product_id'], measures: salesMeasures,
    derived: { squares: 'quantity * quantity' },
  },
  salesCustomers: { name: 'sales_monthly_customer_totals', rollup: 'sales_monthly_customer_totals', prefix: 'sales_customer_prefixes', keys: ['warehouse_id', 'customer_id'], measures: salesMeasures },
} as const satisfies Record<string, PrefixSpec>;

/** After adding to rollup month `month` in `trx`: the prefixes of later months no longer hold. */
export async function forgetPrefixesAfter(trx: Tx, specs: readonly PrefixSpec[], month: string): Promise<void> {
  await forget.affected(trx, { names: specs.map((s) => s.name), month });
}
const forget = prepared((db, a: { names: string[]; month: string }) => db.deleteFrom('rollupPrefixMonths').where('rollup', 'in', a.names).where('month', '>', a.month));

/** Every prefix of these rollups gone, listing and rows (the rollups are being rebuilt). */
export async function dropPrefixes(trx: DbOrTx, specs: readonly PrefixSpec[]): Promise<void> {
  await trx.deleteFrom('rollupPrefixMonths').where('rollup', 'in', specs.map((s) => s.name)).execute();
  for (const s of specs) await sql`delete from ${sql.table(s.prefix)}`.execute(trx);
}

/**
 * Makes sure the prefix of `month` exists; false when it cannot be used: a month not yet begun, or
 * called inside a transaction (a read that must not write; the caller sums the months instead).
 */
export async function ensurePrefix(db: DbOrTx, spec: PrefixSpec, month: string): Promise<boolean> {
  if (month > businessDate().slice(0, 7)) return false;
  const listed = () => db.selectFrom('rollupPrefixMonths').select('month').where('rollup', '=', spec.name).where('month', '=', month).executeTakeFirst();
  if (await listed()) return true;
  if (db.isTransaction) return false;
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.transaction().execute(async (trx) => {
    if (!sqlite) await sql`lock table rollup_prefix_months in share row exclusive mode`.execute(trx);
    if (await trx.selectFrom('rollupPrefixMonths').select('month').where('rollup', '=', spec.name).where('month', '=', month).executeTakeFirst()) return;
    const base = await trx.selectFrom('rollupPrefixMonths').select((eb) => eb.fn.max('month').as('month'))
      .where('rollup', '=', spec.name).where('month', '<', month).executeTakeFirst();
    const from = base?.month ?? null;
    const derived = Object.entries(spec.derived ?? {});
    const all = [...spec.measures, ...derived.map(([c]) => c)];
    const cols = [...spec.keys, ...all].join(', ');
    const rollupCols = [...spec.keys, ...spec.measures, ...derived.map(([c, e]) => `${e} as ${c}`)].join(', ');
    const keys = spec.keys.join(', ');
    const sums = all.map((m) => `sum(${m})`).join(', ');
    const any = all.map((m) => `sum(${m}) <> 0`).join(' or ');
    const earlier = from
      ? sql`select ${sql.raw(cols)} from ${sql.table(spec.prefix)} where month = ${from}
          union all select ${sql.raw(rollupCols)} from ${sql.table(spec.rollup)} where month >= ${from} and month < ${month}`
      : sql`select ${sql.raw(rollupCols)} from ${sql.table(spec.rollup)} where month < ${month}`;
    await sql`delete from ${sql.table(spec.prefix)} where month = ${month}`.execute(trx);
    await sql`insert into ${sql.table(spec.prefix)} (month, ${sql.raw(cols)})
      select ${month}, ${sql.raw(keys)}, ${sql.raw(sums)} from (${earlier}) x group by ${sql.raw(keys)} having ${sql.raw(any)}`.execute(trx);
    await trx.insertInto('rollupPrefixMonths').values({ rollup: spec.name, month, madeAt: nowIso() }).execute();
  });
  return true;
}

/** Listed prefixes whose rows differ from the rollup summed (analytics-verify): up to `limit` of them. */
export async function prefixDifferences(db: DbOrTx, limit = 20) {
  const out: Array<{ rollup: string; month: string; key: string; measure: string; prefix: number; summed: number }> = [];
  for (const spec of Object.values(prefixSpecs) as PrefixSpec[]) {
    const months = await db.selectFrom('rollupPrefixMonths').select('month').where('rollup', '=', spec.name).orderBy('month').execute();
    const measures = [...spec.measures, ...Object.keys(spec.derived ?? {})];
    const summed = [...spec.measures.map((m) => `sum(${m}) as ${m}`), ...Object.entries(spec.derived ?? {}).map(([c, e]) => `sum(${e}) as ${c}`)].join(', ');
    for (const { month } of months) {
      const keys = spec.keys.join(', ');
      const p = (c: string) => `coalesce(p.${c}, 0)`;
      const s = (c: string) => `coalesce(s.${c}, 0)`;
      // Aliases without underscores: results come back through the camel-case plugin.
      const { rows } = await sql<Record<string, unknown>>`
        select ${sql.raw(spec.keys.map((k, i) => `coalesce(p.${k}, s.${k}) as k${i}`).join(', '))}, ${sql.raw(measures.map((m, i) => `${p(m)} as p${i}, ${s(m)} as s${i}`).join(', '))}
        from (select * from ${sql.table(spec.prefix)} where month = ${month}) p
        full join (select ${sql.raw(keys)}, ${sql.raw(summed)} from ${sql.table(spec.rollup)} where month < ${month} group by ${sql.raw(keys)}) s
          on ${sql.raw(spec.keys.map((k) => `s.${k} = p.${k}`).join(' and '))}
        where ${sql.raw(measures.map((m) => `${p(m)} <> ${s(m)}`).join(' or '))}
        limit ${limit}`.execute(db);
      for (const r of rows) {
        measures.forEach((m, i) => {
          if (Number(r[`p${i}`]) !== Number(r[`s${i}`])) out.push({ rollup: spec.name, month, key: spec.keys.map((_, j) => String(r[`k${j}`])).join('/'), measure: m, prefix: Number(r[`p${i}`]), summed: Number(r[`s${i}`]) });
        });
      }
      if (out.length >= limit) return out.slice(0, limit);
    }
  }
  return out;
}
