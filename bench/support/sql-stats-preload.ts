// Loaded into the server child with `--import` when BENCH_SQL_STATS is set: counts every SQL
// statement and times it, without touching server code. SQLite (better-sqlite3): time to prepare
// and to execute each statement. PostgreSQL (pg): time from sending a statement to its result,
// which includes waiting for row locks. On SIGUSR2 it writes a snapshot to
// $BENCH_SQL_STATS_FILE.<n>.json; the bench diffs two snapshots to get one run's figures.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

export type StatementStats = { prepares: number; prepareNs: number; runs: number; runNs: number };
export type SqlSnapshot = { statements: Record<string, StatementStats>; commitsNs: number[] };

const stats = new Map<string, StatementStats>();
const commitsNs: number[] = [];
const require = createRequire(`${process.cwd()}/package.json`);

function tally(sql: string, kind: 'prepare' | 'run', ns: number) {
  let s = stats.get(sql);
  if (!s) stats.set(sql, (s = { prepares: 0, prepareNs: 0, runs: 0, runNs: 0 }));
  if (kind === 'prepare') {
    s.prepares++;
    s.prepareNs += ns;
  } else {
    s.runs++;
    s.runNs += ns;
    if (/^\s*commit\s*$/i.test(sql)) commitsNs.push(ns);
  }
}

const since = (t: bigint) => Number(process.hrtime.bigint() - t);

type Statement = Record<'all' | 'run' | 'get', (...args: unknown[]) => unknown>;
const SQLite = require('better-sqlite3') as { prototype: { prepare: (this: unknown, sql: string, ...rest: unknown[]) => Statement } };
const prepare = SQLite.prototype.prepare;
SQLite.prototype.prepare = function (sql, ...rest) {
  const t = process.hrtime.bigint();
  const stmt = prepare.call(this, sql, ...rest);
  tally(sql, 'prepare', since(t));
  for (const method of ['all', 'run', 'get'] as const) {
    const original = stmt[method];
    stmt[method] = function (this: unknown, ...args: unknown[]) {
      const t0 = process.hrtime.bigint();
      try {
        return original.apply(this, args);
      } finally {
        tally(sql, 'run', since(t0));
      }
    };
  }
  return stmt;
};

const pg = require('pg') as { Client: { prototype: { query: (this: unknown, ...args: unknown[]) => unknown } } };
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (...args: unknown[]) {
  const sql = typeof args[0] === 'string' ? args[0] : undefined;
  const t = process.hrtime.bigint();
  const result = query.apply(this, args);
  if (sql && result instanceof Promise) {
    const done = () => tally(sql, 'run', since(t));
    result.then(done, done);
  }
  return result;
};

let snapshots = 0;
process.on('SIGUSR2', () => {
  const snapshot: SqlSnapshot = { statements: Object.fromEntries(stats), commitsNs: [...commitsNs] };
  writeFileSync(`${process.env.BENCH_SQL_STATS_FILE}.${++snapshots}.json`, JSON.stringify(snapshot));
});
