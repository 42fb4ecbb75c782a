import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../src/server/db/create-db.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { prepared } from '../../src/server/db/prepared.js';
import { createTestDatabase, dialectLabel, type TestDatabase } from '../support/test-db.js';

// Queries built once and run with new arguments: each shape of the arguments (array lengths,
// object keys) gets its own SQL text, and a run never binds another run's values.
describe(`prepared queries ${dialectLabel}`, () => {
  let tdb: TestDatabase;
  let h: DbHandle;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    h = createDb(tdb.url);
    await migrateToLatest(h.db);
  });
  afterAll(async () => {
    await h?.close();
    await tdb?.drop();
  });

  const insert = prepared((db, rows: { key: string; last: number }[]) => db.insertInto('numberSequences').values(rows));
  const byKeys = prepared((db, a: { keys: string[] }) => db.selectFrom('numberSequences').select(['key', 'last']).where('key', 'in', a.keys).orderBy('key'));
  const bump = prepared((db, a: { key: string; by: number }) =>
    db.updateTable('numberSequences').set({ last: sql`last + ${a.by}` }).where('key', '=', a.key).where(sql<boolean>`last + ${a.by} >= 0`).returning('last'));

  it('binds each run’s own values, for any number of rows and list items', async () => {
    expect(await insert.affected(h.db, [{ key: 'p-a', last: 1 }])).toBe(1);
    expect(await insert.affected(h.db, [{ key: 'p-b', last: 2 }, { key: 'p-c', last: 3 }, { key: 'p-d', last: 4 }])).toBe(3);
    expect(await insert.affected(h.db, [{ key: 'p-e', last: 5 }])).toBe(1);
    expect(await byKeys.rows(h.db, { keys: ['p-a'] })).toEqual([{ key: 'p-a', last: 1 }]);
    expect(await byKeys.rows(h.db, { keys: ['p-e', 'p-c', 'p-zz'] })).toEqual([{ key: 'p-c', last: 3 }, { key: 'p-e', last: 5 }]);
    expect(await byKeys.rows(h.db, { keys: ['p-b', 'p-d'] })).toEqual([{ key: 'p-b', last: 2 }, { key: 'p-d', last: 4 }]);
  });

  it('runs inside a transaction and rolls back with it; a refused conditional update changes nothing', async () => {
    await expect(h.db.transaction().execute(async (trx) => {
      expect(await bump.first(trx, { key: 'p-a', by: 10 })).toEqual({ last: 11 });
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    expect(await bump.first(h.db, { key: 'p-a', by: -1 })).toEqual({ last: 0 });
    expect(await bump.first(h.db, { key: 'p-a', by: -1 })).toBeUndefined();
    expect(await byKeys.rows(h.db, { keys: ['p-a'] })).toEqual([{ key: 'p-a', last: 0 }]);
  });

  it('gives rows with other keys their own SQL text: no column is dropped or mixed up', async () => {
    const row = prepared((db, r: { key: string; last?: number }) => db.insertInto('numberSequences').values(r as { key: string; last: number }));
    await row.affected(h.db, { key: 'p-f', last: 7 });
    await row.affected(h.db, { last: 8, key: 'p-g' });
    expect(await byKeys.rows(h.db, { keys: ['p-f', 'p-g'] })).toEqual([{ key: 'p-f', last: 7 }, { key: 'p-g', last: 8 }]);
  });
});
