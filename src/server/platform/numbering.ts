import { sql } from 'kysely';
import type { DbOrTx } from '../db/create-db.js';
import { businessDate } from './clock.js';

/**
 * The next document number for a prefix and day, e.g. SO-20261128-0001. One atomic upsert, so
 * concurrent transactions never get the same number; a rolled-back transaction gives its number back.
 */
export async function nextNumber(trx: DbOrTx, prefix: string, date = businessDate()): Promise<string> {
  const key = `${prefix}-${date.replace(/-/g, '')}`;
  const row = await trx
    .insertInto('numberSequences')
    .values({ key, last: 1 })
    .onConflict((oc) => oc.column('key').doUpdateSet({ last: sql<number>`${sql.ref('numberSequences.last')} + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${key}-${String(row.last).padStart(4, '0')}`;
}
