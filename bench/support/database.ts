import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DialectName } from '../../src/server/db/create-db.js';

export type BenchDatabase = { url: string; dialect: DialectName; label: string; drop: () => Promise<void> };

/** Runs one statement on a PostgreSQL server (CREATE/DROP DATABASE cannot run inside a pool transaction). */
async function onServer(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database: a new SQLite file in a temp directory, or, when `serverUrl` is a
 * postgres:// URL, a new database `jxc_bench_<time>` on that server (dropped by `drop`).
 */
export async function freshDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
    const dir = mkdtempSync(join(tmpdir(), 'jxc-bench-'));
    const file = join(dir, 'bench.sqlite');
    return { url: `sqlite:${file}`, dialect: 'sqlite', label: `SQLite (${file})`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `jxc_bench_${Date.now()}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dialect: 'postgres',
    label: `PostgreSQL (${url.host}/${name})`,
    // FORCE: a pool connection still closing must not keep the database alive.
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
