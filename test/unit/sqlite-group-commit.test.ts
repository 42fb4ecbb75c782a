import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, sql, type Generated } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroupCommitSqliteDialect, type StatementSource } from '../../src/server/db/sqlite-group-commit.js';
import { cachingDatabase } from '../../src/server/db/sqlite-statements.js';

type Schema = {
  items: { id: Generated<number>; name: string; groupId: number | null };
  groups: { id: Generated<number> };
};

// Group commit on a real SQLite file: transactions share one COMMIT, each resolves only once its
// batch is committed (seen from a third, independent connection), a failed one leaves the others
// alone, a failed COMMIT fails every transaction in the batch and writes none of them, and reads
// outside a transaction never see a batch in progress.
describe('SQLite group commit', () => {
  let dir: string;
  let file: string;
  let writer: SQLite.Database;
  let db: Kysely<Schema>;
  let outside: SQLite.Database;
  const batches: number[] = [];

  const countOutside = () => (outside.prepare('select count(*) as n from items').get() as { n: number }).n;
  const namesOutside = () => (outside.prepare('select name from items order by id').all() as { name: string }[]).map((r) => r.name);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jxc-group-commit-'));
    file = join(dir, 'gc.sqlite');
    writer = new SQLite(file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('foreign_keys = ON');
    writer.exec(`create table groups (id integer primary key);
      create table items (id integer primary key, name text not null unique,
        group_id integer references groups (id) deferrable initially deferred)`);
    const reader = new SQLite(file, { readonly: true });
    db = new Kysely<Schema>({
      dialect: new GroupCommitSqliteDialect({
        writer: cachingDatabase(writer) as unknown as StatementSource, raw: writer,
        reader: cachingDatabase(reader) as unknown as StatementSource, onCommit: (n) => batches.push(n),
      }),
      plugins: [new CamelCasePlugin()],
    });
    outside = new SQLite(file, { readonly: true });
  });
  afterAll(async () => {
    await db.destroy();
    outside.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const insertItem = (name: string, groupId: number | null = null) =>
    db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ name, groupId }).execute();
      return name;
    }).then((n) => ({ name: n, visible: namesOutside().includes(n) }));

  it('commits concurrent transactions together, each visible to another connection when it resolves', async () => {
    batches.length = 0;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => insertItem(`a${i}`)));
    expect(results.every((r) => r.visible)).toBe(true);
    expect(countOutside()).toBe(20);
    // Started in one turn of the event loop: one batch, one COMMIT.
    expect(batches).toEqual([20]);
  });

  it('rolls back a failed transaction alone; the rest of its batch commits', async () => {
    batches.length = 0;
    const results = await Promise.allSettled([
      insertItem('b1'),
      insertItem('a0'), // unique name taken: fails
      db.transaction().execute(async (trx) => {
        await trx.insertInto('items').values({ name: 'b2-part' }).execute();
        throw new Error('changed my mind');
      }),
      insertItem('b3'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(namesOutside().filter((n) => n.startsWith('b'))).toEqual(['b1', 'b3']);
    expect(batches).toEqual([2]);
  });

  it('fails every transaction of a batch whose COMMIT fails, writes none of them, and goes on', async () => {
    batches.length = 0;
    const before = countOutside();
    // A deferred foreign key is checked at COMMIT: one bad transaction makes the batch's COMMIT fail.
    const results = await Promise.allSettled([insertItem('c1'), insertItem('c2', 999), insertItem('c3')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(countOutside()).toBe(before);
    expect(writer.inTransaction).toBe(false);
    expect(await insertItem('c4')).toEqual({ name: 'c4', visible: true });
  });

  it('reads outside a transaction see committed data only, never a batch in progress', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const slow = db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ name: 'd-slow' }).execute();
      await gate; // a real wait outside the database: the transaction keeps the writer
      return 'done';
    });
    await new Promise((r) => setTimeout(r, 20));
    const seen = await db.selectFrom('items').select('name').where('name', '=', 'd-slow').execute();
    expect(seen).toEqual([]);
    // A write outside a transaction queues behind it and resolves only once committed.
    const lone = db.insertInto('items').values({ name: 'd-lone' }).execute().then(() => namesOutside().includes('d-lone'));
    await new Promise((r) => setTimeout(r, 20));
    expect(namesOutside()).not.toContain('d-lone');
    release();
    expect(await slow).toBe('done');
    expect(await lone).toBe(true);
    expect(await db.selectFrom('items').select('name').where('name', 'in', ['d-slow', 'd-lone']).orderBy('name').execute())
      .toEqual([{ name: 'd-lone' }, { name: 'd-slow' }]);
  });

  it('keeps savepoints inside a controlled transaction working', async () => {
    const trx = await db.startTransaction().execute();
    await trx.insertInto('items').values({ name: 'e1' }).execute();
    const sp = await trx.savepoint('inner').execute();
    await sp.insertInto('items').values({ name: 'e2' }).execute();
    const back = await sp.rollbackToSavepoint('inner').execute();
    await sql`select 1`.execute(back);
    await back.commit().execute();
    expect(namesOutside().filter((n) => n.startsWith('e'))).toEqual(['e1']);
  });

  it('caps a batch at its size', async () => {
    batches.length = 0;
    await Promise.all(Array.from({ length: 150 }, (_, i) => insertItem(`f${i}`)));
    expect(batches).toEqual([64, 64, 22]);
  });
});
