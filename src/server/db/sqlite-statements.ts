import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Wraps a better-sqlite3 connection for Kysely so each distinct SQL text is prepared once and
 * reused (Kysely's driver prepares every query again, which cost more than executing it). The
 * cache is bounded: the least recently used statement is dropped past `max` texts (multi-row
 * inserts produce one text per row count).
 */
export function cachingDatabase(sqlite: SQLite.Database, max = 500): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    prepare(sql: string): SqliteStatement {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql) as unknown as SqliteStatement;
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, stmt);
      return stmt;
    },
    close: () => {
      cache.clear();
      sqlite.close();
    },
  };
}
