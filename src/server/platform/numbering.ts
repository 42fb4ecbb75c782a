import { sql } from 'kysely';
import type { Db, DbOrTx } from '../db/create-db.js';
import { prepared } from '../db/prepared.js';
import { businessDate } from './clock.js';

/**
 * The next document number for a prefix and day, e.g. SO-20261128-0001. One atomic upsert, so
 * concurrent transactions never get the same number; a rolled-back transaction gives its number back.
 */
export async function nextNumber(trx: DbOrTx, prefix: string, date = businessDate()): Promise<string> {
  const key = `${prefix}-${date.replace(/-/g, '')}`;
  const row = await takeNumber.first(trx, { key });
  if (!row) throw new Error(`no number for ${key}`);
  return `${key}-${String(row.last).padStart(4, '0')}`;
}

const takeNumber = prepared((db, a: { key: string }) =>
  db.insertInto('numberSequences')
    .values({ key: a.key, last: 1 })
    .onConflict((oc) => oc.column('key').doUpdateSet({ last: sql<number>`${sql.ref('numberSequences.last')} + 1` }))
    .returning('last'));

/** Where a document entry path takes its number from (see `DbHandle.numbers`). */
export type NumberSource = (trx: DbOrTx, prefix: string) => Promise<string>;

/** Numbers from the caller's transaction: no gaps; concurrent entries wait for each other's COMMIT. */
export const inTransaction: NumberSource = (trx, prefix) => nextNumber(trx, prefix);

/**
 * Numbers from `counterDb`, a connection of its own whose statements commit by themselves without
 * waiting for the disk (PostgreSQL `synchronous_commit = off`): the counter row is locked only
 * while the one statement runs, not until the document's COMMIT, so concurrent orders do not
 * queue behind each other. A number is never given twice: the document's own COMMIT waits for the
 * log up to itself, which holds the counter's earlier commit. A document that fails after taking
 * its number leaves a gap.
 */
export function autonomous(counterDb: Db): NumberSource {
  return (_trx, prefix) => nextNumber(counterDb, prefix);
}
