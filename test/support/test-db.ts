import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DialectName } from '../../src/server/db/create-db.js';

/** The database the suite runs against, chosen per vitest project by JXC_TEST_DB. */
export const dialect: DialectName = process.env.JXC_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

/** Put this in describe names so a failure says which database it ran on. */
export const dialectLabel = `[${dialect}]`;

/** Prefix of every throwaway PostgreSQL database; the name also carries its creation time. */
export const PG_TEST_DB_PREFIX = 'jxc_t_';

export type TestDatabase = { url: string; drop: () => Promise<void> };

/** Runs one statement on the TEST_DATABASE_URL server (CREATE/DROP DATABASE cannot run in a pool transaction). */
export async function onPgServer<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<T>> {
  const client = new pg.Client({ connectionString: requirePgUrl(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await client.query<T>(text, values);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database: a temp SQLite file, or a new database on the PostgreSQL test server. */
export async function createTestDatabase(which: DialectName = dialect): Promise<TestDatabase> {
  if (which === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'jxc-test-'));
    return { url: `sqlite:${join(dir, 'jxc.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `${PG_TEST_DB_PREFIX}${Date.now().toString(36)}_${randomBytes(5).toString('hex')}`;
  await onPgServer(`CREATE DATABASE ${name}`);
  const url = new URL(requirePgUrl());
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropPgDatabase(name) };
}

// pg's Pool.end() resolves before its connections have closed; FORCE-killing a closing one makes
// the client emit an unhandled FATAL error, so wait (briefly) for them to go first.
async function dropPgDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: requirePgUrl(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    for (let i = 0; i < 100; i++) {
      const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

function requirePgUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set (needed for JXC_TEST_DB=postgres)');
  return url;
}
