// `npm run migrate`: brings the database named by DATABASE_URL up to date and says what ran.
import { configOrExit } from './config-or-exit.js';
import { createDb } from '../db/create-db.js';
import { migrateToLatest } from '../db/migrate.js';

/** The database URL without its password, for printing. */
export function describeDatabase(url: string): string {
  if (url.startsWith('sqlite:')) return url;
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres (unparsable URL)';
  }
}


async function main(): Promise<void> {
  const config = configOrExit();
  const database = createDb(config.databaseUrl, { poolSize: 1 });
  try {
    const ran = await migrateToLatest(database.db);
    console.log(`Database: ${describeDatabase(config.databaseUrl)}`);
    if (ran.length === 0) console.log('Already up to date; no migrations to run.');
    else for (const name of ran) console.log(`Applied migration ${name}`);
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
