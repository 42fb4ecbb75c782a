import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { autonomous, inTransaction, type NumberSource } from '../platform/numbering.js';
import type { Database } from './schema.js';
import { startCheckpointer } from './sqlite-checkpointer.js';
import { preparedStatements } from './pg-statements.js';
import { GroupCommitSqliteDialect, type StatementSource } from './sqlite-group-commit.js';
import { cachingDatabase } from './sqlite-statements.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either a database handle or a transaction: what repositories take. */
export type DbOrTx = Db | Tx;
export type DialectName = 'sqlite' | 'postgres';

export type DbHandle = {
  db: Db;
  dialect: DialectName;
  /** Document numbers for busy entry paths (sales orders): on PostgreSQL from a counter connection of their own. */
  numbers: NumberSource;
  close: () => Promise<void>;
};

/** Path of the SQLite file named by a `sqlite:` URL (relative paths resolve against cwd). */
export function sqlitePath(url: string): string {
  const raw = url.replace(/^sqlite:(\/\/)?/, '');
  return raw === ':memory:' ? raw : resolve(raw);
}

/**
 * A file database commits in groups, with reads outside transactions on a read-only connection of
 * their own (sqlite-group-commit.ts, docs/decisions.md §15). `:memory:` has no second connection
 * that could see it, so it keeps Kysely's one-connection driver.
 */
function sqliteDialect(sqlite: SQLite.Database, file: string) {
  const writer = cachingDatabase(sqlite);
  if (file === ':memory:') return new SqliteDialect({ database: writer });
  const readonly = new SQLite(file, { readonly: true });
  readonly.pragma('busy_timeout = 5000');
  readonly.pragma('cache_size = -32768');
  const reader = cachingDatabase(readonly);
  return new GroupCommitSqliteDialect({ writer: writer as unknown as StatementSource, raw: sqlite, reader: reader as unknown as StatementSource });
}

/**
 * Opens SQLite (WAL, foreign keys, busy timeout, statements prepared once) or PostgreSQL by URL.
 * `backgroundCheckpoints` (the server) checkpoints the SQLite WAL from a worker thread instead of
 * inside whichever COMMIT crosses the threshold.
 */
export function createDb(url: string, opts: { poolSize?: number; backgroundCheckpoints?: boolean } = {}): DbHandle {
  const plugins = [new CamelCasePlugin()];
  if (url.startsWith('sqlite:')) {
    const file = sqlitePath(url);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    // A page cache of 64 MB rather than SQLite's 2 MB: the balances, products and indexes an order touches stay in memory.
    sqlite.pragma('cache_size = -65536');
    const stopCheckpoints = opts.backgroundCheckpoints && file !== ':memory:' ? startCheckpointer(file) : null;
    // The worker copies the WAL into the database as it grows. Under sustained writes the WAL file can
    // only start over after a checkpoint that catches up completely, which the connection's own
    // checkpoint does every 40,000 pages (~160 MB); by then the worker has copied all but its last
    // 250 ms, but that checkpoint still syncs the file inside one COMMIT, so the fewer the better:
    // at 10,000 pages it came every second of sustained order entry and was COMMIT's p99 (16–31 ms
    // against 7–10 ms now). (Checkpointing every 100 ms with 4,000 pages made it 8× worse: more fsyncs.)
    if (stopCheckpoints) sqlite.pragma('wal_autocheckpoint = 40000');
    const db = new Kysely<Database>({ dialect: sqliteDialect(sqlite, file), plugins });
    return {
      db, dialect: 'sqlite', numbers: inTransaction, // one writer: a counter of its own would gain nothing
      close: async () => {
        await stopCheckpoints?.();
        await db.destroy();
      },
    };
  }
  // bigint columns (money in fen, counts) come back as numbers; fen stays far below 2^53.
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'),
  } as pg.CustomTypesConfig;
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10, types });
  pool.on('connect', (client) => preparedStatements(client));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
  const counterPool = new pg.Pool({ connectionString: url, max: 2, types, options: '-c synchronous_commit=off' });
  const counterDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: counterPool }), plugins });
  return {
    db, dialect: 'postgres', numbers: autonomous(counterDb),
    close: async () => {
      await counterDb.destroy();
      await db.destroy();
    },
  };
}
