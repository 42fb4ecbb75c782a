import { onPgServer, PG_TEST_DB_PREFIX } from './test-db.js';

const STALE_MS = 6 * 3600_000;

/**
 * Runs once before the server-postgres project: fails the whole run (rather than skipping) when
 * PostgreSQL is not configured or not answering, and drops throwaway databases left by crashed runs.
 */
export default async function checkPostgres(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'PostgreSQL tests are required (CI=true) but TEST_DATABASE_URL is not set.\n' +
        '  Set it to a server where this user may CREATE DATABASE, e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres',
    );
  }
  const where = safeUrl(url);
  try {
    await onPgServer('select 1');
  } catch (err) {
    throw new Error(`PostgreSQL at ${where} (TEST_DATABASE_URL) does not answer: ${(err as Error).message}\n  Start it (e.g. .ci/run does) or unset TEST_DATABASE_URL to run on SQLite only.`);
  }
  const { rows } = await onPgServer<{ datname: string }>("select datname from pg_database where datname like 'jxc\\_t\\_%'");
  for (const { datname } of rows) {
    const born = parseInt(datname.slice(PG_TEST_DB_PREFIX.length).split('_')[0], 36);
    if (/^[a-z0-9_]+$/.test(datname) && Number.isFinite(born) && Date.now() - born > STALE_MS) {
      await onPgServer(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined);
    }
  }
}

function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = u.password ? '***' : '';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}
